import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { hasRole } from '#lib/server/actor.ts';
import { idParam, load as read, requirePage, runForm } from '#lib/server/web.ts';
import { getInfluence, updateInfluence } from '#lib/server/governance/influence.ts';
import { governanceOptions } from '#lib/server/governance/options.ts';

export const load: PageServerLoad = async (event) => {
	const d = db();
	const item = await read(event, () => getInfluence(d, idParam(event.params.id)));
	const editor = hasRole(event.locals.actor, 'editor');
	return {
		item,
		editor,
		lists: editor ? await governanceOptions(d, ['organisations', 'persons', 'priorityObjects', 'activities', 'externalMeetings']) : {},
		saved: event.url.searchParams.has('saved')
	};
};

export const actions: Actions = {
	default: async (event) => {
		requirePage(event, 'editor');
		const id = idParam(event.params.id);
		const r = await runForm(event, (input) => updateInfluence(db(), event.locals.actor, id, input), { done: null });
		if ('ok' in r) redirect(303, `/governance/influence/${id}?saved=1`);
		return r;
	}
};
