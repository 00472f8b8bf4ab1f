// Records a municipality's notice to leave (§2, §9). Editors only.
import { api, readJson } from '#lib/server/api/http.ts';
import { db } from '#lib/server/app.ts';
import { recordNotice } from '#lib/server/governance/agreement.ts';

export const POST = api(async (event) => {
	const row = await recordNotice(db(), event.locals.actor, await readJson(event.request));
	return Response.json(row, { status: 201, headers: { location: '/api/v1/agreement' } });
});
