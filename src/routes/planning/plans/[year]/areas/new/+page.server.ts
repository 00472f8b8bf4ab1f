import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { getPlanByYear } from '#lib/server/planning/queries.ts';
import { planAreas } from '#lib/server/planning/service.ts';
import { createEntry } from '#lib/server/register.ts';
import { load as read, requirePage, runForm, yearParam } from '#lib/server/web.ts';

export const load: PageServerLoad = async (event) => {
	requirePage(event, 'editor');
	return { plan: await read(event, () => getPlanByYear(db(), yearParam(event.params.year))) };
};

export const actions: Actions = {
	default: async (event) => {
		const plan = await read(event, () => getPlanByYear(db(), yearParam(event.params.year)));
		const r = await runForm(event, (input) => createEntry(db(), event.locals.actor, planAreas, { ...input, planId: plan.id }));
		if ('ok' in r) redirect(303, `/planning/plans/${plan.year}#pa-${r.result.id}`);
		return r;
	}
};
