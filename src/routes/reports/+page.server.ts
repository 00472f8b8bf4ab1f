import type { Actions, PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { requirePage, runForm, yearParam } from '#lib/server/web.ts';
import { adoptReport, reportYears } from '#lib/server/documents/reports.ts';
import { hasRole } from '#lib/server/actor.ts';
import { todayIso } from '#lib/core/format.ts';

// Everyone sees the adopted documents; editors also the drafts, and adopt them.
export const load: PageServerLoad = async (event) => {
	const editor = hasRole(event.locals.actor, 'editor');
	const currentYear = Number(todayIso().slice(0, 4));
	const years = await reportYears(db(), editor ? currentYear : undefined);
	// A year's annual report can be drafted from its first day; the coming year's plan as soon as it exists.
	const shown = years.map((y) => ({
		...y,
		annual: { ...y.annual, draftable: y.year <= currentYear }
	}));
	return {
		editor,
		today: todayIso(),
		years: editor ? shown : shown.filter((y) => y.plan.adopted || y.annual.edition)
	};
};

export const actions: Actions = {
	adopt: async (event) => {
		requirePage(event, 'editor');
		const data = await event.request.clone().formData();
		const kind = data.get('kind') === 'plan' ? 'plan' : 'annual';
		const year = yearParam(String(data.get('year') ?? ''));
		const r = await runForm(event, (input) => adoptReport(db(), event.locals.actor, kind, year, input), { extra: { kind, year } });
		if ('ok' in r) return { adopted: { kind, year } };
		return r;
	}
};
