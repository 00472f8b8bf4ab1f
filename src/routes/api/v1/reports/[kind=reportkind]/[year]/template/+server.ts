// A year's template: its title, cover, and chapters in order. A year without
// its own starts from the last year's (derivedFrom says which). Editors only.
import { api, readJson, yearOf } from '#lib/server/api/http.ts';
import { db } from '#lib/server/app.ts';
import { resolveTemplate, saveTemplate } from '#lib/server/documents/report-template.ts';
import { requireRole } from '#lib/server/service.ts';
import type { ReportKind } from '#lib/schemas/documents.ts';

export const GET = api(async (event) => {
	requireRole(event.locals.actor, 'editor');
	return Response.json(await resolveTemplate(db(), event.params.kind as ReportKind, yearOf(event)));
});

export const PUT = api(async (event) => {
	const kind = event.params.kind as ReportKind;
	const year = yearOf(event);
	const d = db();
	await saveTemplate(d, event.locals.actor, kind, year, await readJson(event.request));
	return Response.json(await resolveTemplate(d, kind, year));
});
