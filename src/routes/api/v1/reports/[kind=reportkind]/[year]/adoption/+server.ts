// Adopts a year's document and freezes its model, DOCX and PDF. Editors only.
import { api, readJson, yearOf } from '#lib/server/api/http.ts';
import { db } from '#lib/server/app.ts';
import { adoptReport, readReport, reportAddresses } from '#lib/server/documents/reports.ts';
import type { ReportKind } from '#lib/schemas/documents.ts';

export const POST = api(async (event) => {
	const kind = event.params.kind as ReportKind;
	const year = yearOf(event);
	const d = db();
	await adoptReport(d, event.locals.actor, kind, year, await readJson(event.request));
	const { edition } = await readReport(d, event.locals.actor, kind, year);
	return Response.json(
		{ kind, year, edition, ...reportAddresses(kind, year) },
		{ status: 201, headers: { location: `/api/v1/reports/${kind}/${year}` } }
	);
});
