import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { runForm } from '#lib/server/web.ts';
import { listPriorityObjects } from '#lib/server/consultations/queries.ts';
import { createPriorityObject } from '#lib/server/consultations/service.ts';
import { consultationOptions } from '#lib/server/consultations/options.ts';
import { hasRole } from '#lib/server/actor.ts';

export const load: PageServerLoad = async (event) => {
	const d = db();
	return {
		objects: await listPriorityObjects(d),
		lists: hasRole(event.locals.actor, 'editor') ? await consultationOptions(d, ['decisions']) : {}
	};
};

export const actions: Actions = {
	default: async (event) => {
		const r = await runForm(event, (input) => createPriorityObject(db(), event.locals.actor, input));
		if ('ok' in r) redirect(303, `/consultations/priority-objects/${r.result.id}`);
		return r;
	}
};
