import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { requirePage, runForm } from '#lib/server/web.ts';
import { createInfluence } from '#lib/server/governance/influence.ts';
import { governanceOptions } from '#lib/server/governance/options.ts';

const LISTS = ['organisations', 'persons', 'priorityObjects', 'activities', 'externalMeetings'] as const;

export const load: PageServerLoad = async (event) => {
	requirePage(event, 'editor');
	return { lists: await governanceOptions(db(), [...LISTS]) };
};

export const actions: Actions = {
	default: async (event) => {
		requirePage(event, 'editor');
		const r = await runForm(event, (input) => createInfluence(db(), event.locals.actor, input), { done: null });
		if ('ok' in r) redirect(303, `/governance/influence/${r.result.id}?saved=1`);
		return r;
	}
};
