import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { activityFormLists, getPlanByYear } from '#lib/server/planning/queries.ts';
import { createActivity } from '#lib/server/planning/service.ts';
import { optionLists } from '#lib/server/organisation/options.ts';
import { load as read, requirePage, runForm, yearParam } from '#lib/server/web.ts';

export const load: PageServerLoad = async (event) => {
	requirePage(event, 'editor');
	const plan = await read(event, () => getPlanByYear(db(), yearParam(event.params.year)));
	const [own, lists] = await Promise.all([activityFormLists(db(), plan.id), optionLists(db(), ['bodies', 'municipalities'])]);
	return { plan, lists: { ...lists, ...own } };
};

export const actions: Actions = {
	default: async (event) => {
		const plan = await read(event, () => getPlanByYear(db(), yearParam(event.params.year)));
		const r = await runForm(event, (input) => createActivity(db(), event.locals.actor, { ...input, planId: plan.id }));
		if ('ok' in r) redirect(303, `/planning/activities/${r.result.id}`);
		return r;
	}
};
