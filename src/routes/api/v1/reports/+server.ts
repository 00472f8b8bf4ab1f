// The published documents per year: everyone sees the adopted ones, editors
// also the drafts; each with the addresses of its HTML, DOCX and PDF.
import { api } from '#lib/server/api/http.ts';
import { db } from '#lib/server/app.ts';
import { reportAddresses, visibleReportYears } from '#lib/server/documents/reports.ts';
import { hasRole } from '#lib/server/actor.ts';
import { todayIso } from '#lib/core/format.ts';

export const GET = api(async (event) => {
	const actor = event.locals.actor;
	const editor = hasRole(actor, 'editor');
	const years = await visibleReportYears(db(), actor, Number(todayIso().slice(0, 4)));
	const items = years.map((y) => ({
		year: y.year,
		plan:
			y.plan.exists && (y.plan.adopted || editor)
				? {
						status: y.plan.edition ? 'frozen' : y.plan.adopted ? 'adopted' : 'draft',
						decidedOn: y.plan.edition?.decidedOn ?? y.plan.decidedOn,
						...reportAddresses('plan', y.year)
					}
				: null,
		annual:
			y.annual.edition || (editor && y.annual.draftable)
				? {
						status: y.annual.edition ? 'frozen' : 'draft',
						decidedOn: y.annual.edition?.decidedOn ?? null,
						...reportAddresses('annual', y.year)
					}
				: null
	}));
	return Response.json({ items });
});
