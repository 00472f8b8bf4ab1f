import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { createPlan } from '#lib/server/planning/service.ts';
import { optionLists } from '#lib/server/organisation/options.ts';
import { requirePage, runForm } from '#lib/server/web.ts';

export const load: PageServerLoad = async (event) => {
	requirePage(event, 'editor');
	return { lists: await optionLists(db(), ['programmes']) };
};

export const actions: Actions = {
	default: async (event) => {
		const r = await runForm(event, (input) => createPlan(db(), event.locals.actor, input));
		if ('ok' in r) redirect(303, `/planning/plans/${r.result.year}`);
		return r;
	}
};
