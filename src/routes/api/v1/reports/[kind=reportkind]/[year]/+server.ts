// A year's annual report or plan as data: its cover, table of contents and
// blocks (the model the HTML, DOCX and PDF are made from), and the frozen
// edition's checksums once adopted. ?live=true: editors see today's data.
import { api, booleanParam, yearOf } from '#lib/server/api/http.ts';
import { db } from '#lib/server/app.ts';
import { readReport, reportAddresses } from '#lib/server/documents/reports.ts';
import type { ReportKind } from '#lib/schemas/documents.ts';

export const GET = api(async (event) => {
	const kind = event.params.kind as ReportKind;
	const year = yearOf(event);
	const r = await readReport(db(), event.locals.actor, kind, year, booleanParam(event.url, 'live') ?? false);
	return Response.json({ kind, year, adopted: r.adopted, edition: r.edition, ...reportAddresses(kind, year), report: r.report });
});
