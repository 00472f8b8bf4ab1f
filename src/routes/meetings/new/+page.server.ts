import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { createMeeting } from '#lib/server/meetings/service.ts';
import { optionLists } from '#lib/server/organisation/options.ts';
import { requirePage, runForm } from '#lib/server/web.ts';

export const load: PageServerLoad = async (event) => {
	requirePage(event, 'editor');
	const body = event.url.searchParams.get('body');
	return {
		lists: await optionLists(db(), ['bodies', 'municipalities', 'persons']),
		defaults: { bodyIds: body ? [body] : [], kind: event.url.searchParams.get('kind') ?? 'ordinary' }
	};
};

export const actions: Actions = {
	default: async (event) => {
		const r = await runForm(event, (input) => createMeeting(db(), event.locals.actor, input), { done: 'Mötet planerades.' });
		if ('ok' in r) redirect(303, `/meetings/${r.result.id}`);
		return r;
	}
};
