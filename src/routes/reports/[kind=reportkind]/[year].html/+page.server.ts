import type { PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { load as read, yearParam } from '#lib/server/web.ts';
import { readReport } from '#lib/server/documents/reports.ts';
import { publishedYears } from '#lib/server/documents/compare.ts';
import { tableOfContents } from '#lib/core/report.ts';
import { hasRole } from '#lib/server/actor.ts';
import type { ReportKind } from '#lib/schemas/documents.ts';

// The public reads an adopted document (the frozen edition); editors also a draft made from today's data.
export const load: PageServerLoad = async (event) => {
	const kind = event.params.kind as ReportKind;
	const year = yearParam(event.params.year);
	const live = event.url.searchParams.has('utkast');
	const [r, published] = await read(event, () =>
		Promise.all([readReport(db(), event.locals.actor, kind, year, live), kind === 'annual' ? publishedYears(db()) : ([] as number[])])
	);
	return {
		kind,
		year,
		...r,
		toc: r.report.tableOfContents ? tableOfContents(r.report.blocks) : [],
		live,
		// A comparison only where the report published before the system is held.
		comparable: published.includes(year),
		canEdit: hasRole(event.locals.actor, 'editor')
	};
};
