import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { idParam, load as read, requirePage, runForm } from '#lib/server/web.ts';
import { hasRole } from '#lib/server/actor.ts';
import { getExternalMeeting } from '#lib/server/projects/queries.ts';
import { updateExternalMeeting } from '#lib/server/projects/service.ts';
import { consultationOptions } from '#lib/server/consultations/options.ts';

// Public: the meeting is what the annual report publishes. Editors get the form.
export const load: PageServerLoad = async (event) => {
	const d = db();
	const m = await read(event, () => getExternalMeeting(d, idParam(event.params.id)));
	const editor = hasRole(event.locals.actor, 'editor');
	return {
		m,
		saved: event.url.searchParams.has('saved'),
		editor,
		lists: editor ? await consultationOptions(d, ['bodies', 'organisations', 'priorityObjects']) : {}
	};
};

export const actions: Actions = {
	default: async (event) => {
		requirePage(event, 'editor');
		const id = idParam(event.params.id);
		const r = await runForm(event, (input) => updateExternalMeeting(db(), event.locals.actor, id, input), { done: null });
		if ('ok' in r) redirect(303, `/projects/external-meetings/${id}?saved=1`);
		return r;
	}
};
