import type { RequestHandler } from './$types';
import { db } from '#lib/server/app.ts';
import { api, readJson } from '#lib/server/api/http.ts';
import { changePassword } from '#lib/server/auth/accounts.ts';

/** Changes the signed-in account's password; the account's other sessions end (with a Bearer token: all of them). */
export const POST: RequestHandler = api(async ({ request, locals, getClientAddress }) => {
	const body = await readJson(request);
	const { endedSessions } = await changePassword(db(), locals.actor, body, { ip: getClientAddress(), sessionToken: locals.sessionToken });
	return Response.json({ changed: true, endedSessions });
});
