import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { idParam, load as read, requirePage, runForm } from '#lib/server/web.ts';
import { hasRole } from '#lib/server/actor.ts';
import { getEvent } from '#lib/server/projects/queries.ts';
import { updateEvent } from '#lib/server/projects/service.ts';
import { consultationOptions } from '#lib/server/consultations/options.ts';
import { amountInput } from '#lib/core/finance.ts';

// Public: the event is what the annual report publishes. Editors get the form.
export const load: PageServerLoad = async (event) => {
	const d = db();
	const e = await read(event, () => getEvent(d, idParam(event.params.id)));
	const editor = hasRole(event.locals.actor, 'editor');
	return {
		e,
		saved: event.url.searchParams.has('saved'),
		values: editor ? { ...e, costCapPerParticipant: amountInput(e.costCapPerParticipant) } : null,
		lists: editor ? await consultationOptions(d, ['bodies']) : {}
	};
};

export const actions: Actions = {
	default: async (event) => {
		requirePage(event, 'editor');
		const id = idParam(event.params.id);
		const r = await runForm(event, (input) => updateEvent(db(), event.locals.actor, id, input), { done: null });
		if ('ok' in r) redirect(303, `/projects/events/${id}?saved=1`);
		return r;
	}
};
