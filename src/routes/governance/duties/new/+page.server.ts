import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { requirePage, runForm } from '#lib/server/web.ts';
import { createDuty } from '#lib/server/governance/cycle.ts';
import { governanceOptions } from '#lib/server/governance/options.ts';

export const load: PageServerLoad = async (event) => {
	requirePage(event, 'editor');
	return { lists: await governanceOptions(db(), ['bodies', 'persons']) };
};

export const actions: Actions = {
	default: async (event) => {
		requirePage(event, 'editor');
		const r = await runForm(event, (input) => createDuty(db(), event.locals.actor, input), { done: null });
		if ('ok' in r) redirect(303, `/governance/duties/${r.result.id}?saved=1`);
		return r;
	}
};
