// A new version of the agreement with the decision behind it. Editors only.
import { api, readJson } from '#lib/server/api/http.ts';
import { db } from '#lib/server/app.ts';
import { amendAgreement } from '#lib/server/governance/agreement.ts';

export const POST = api(async (event) => {
	const row = await amendAgreement(db(), event.locals.actor, await readJson(event.request));
	return Response.json(row, { status: 201, headers: { location: `/api/v1/agreement?version=${row.number}` } });
});
