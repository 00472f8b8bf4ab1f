import type { Actions, PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { requirePage, runForm, yearParam } from '#lib/server/web.ts';
import { adoptReport, visibleReportYears } from '#lib/server/documents/reports.ts';
import { hasRole } from '#lib/server/actor.ts';
import { todayIso } from '#lib/core/format.ts';

// Everyone sees the adopted documents; editors also the drafts, and adopt them.
export const load: PageServerLoad = async (event) => ({
	editor: hasRole(event.locals.actor, 'editor'),
	today: todayIso(),
	years: await visibleReportYears(db(), event.locals.actor, Number(todayIso().slice(0, 4)))
});

export const actions: Actions = {
	adopt: async (event) => {
		requirePage(event, 'editor');
		const data = await event.request.clone().formData();
		const kind = data.get('kind') === 'plan' ? 'plan' : 'annual';
		const year = yearParam(String(data.get('year') ?? ''));
		const r = await runForm(event, (input) => adoptReport(db(), event.locals.actor, kind, year, input), {
			done: null,
			extra: { kind, year }
		});
		if ('ok' in r) return { adopted: { kind, year } };
		return r;
	}
};
