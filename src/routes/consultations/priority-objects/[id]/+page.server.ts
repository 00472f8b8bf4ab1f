import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { idParam, load as read, runForm } from '#lib/server/web.ts';
import { getPriorityObject } from '#lib/server/consultations/queries.ts';
import { updatePriorityObject } from '#lib/server/consultations/service.ts';
import { consultationOptions } from '#lib/server/consultations/options.ts';
import { hasRole } from '#lib/server/actor.ts';

export const load: PageServerLoad = (event) =>
	read(event, async () => {
		const d = db();
		return {
			o: await getPriorityObject(d, event.locals.actor, idParam(event.params.id)),
			saved: event.url.searchParams.has('saved'),
			lists: hasRole(event.locals.actor, 'editor') ? await consultationOptions(d, ['decisions']) : {}
		};
	});

export const actions: Actions = {
	default: async (event) => {
		const id = idParam(event.params.id);
		const r = await runForm(event, (input) => updatePriorityObject(db(), event.locals.actor, id, input), { done: null });
		if ('ok' in r) redirect(303, `/consultations/priority-objects/${id}?saved`);
		return r;
	}
};
