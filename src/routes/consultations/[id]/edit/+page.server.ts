import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { idParam, load as read, requirePage, runForm } from '#lib/server/web.ts';
import { updateConsultation } from '#lib/server/consultations/service.ts';
import { getConsultation } from '#lib/server/consultations/queries.ts';
import { consultationOptions } from '#lib/server/consultations/options.ts';

export const load: PageServerLoad = (event) =>
	read(event, async () => {
		const actor = requirePage(event, 'editor');
		const d = db();
		const c = await getConsultation(d, actor, idParam(event.params.id));
		return { c, lists: await consultationOptions(d, ['organisations', 'bodies', 'persons', 'priorityObjects']) };
	});

export const actions: Actions = {
	default: async (event) => {
		const id = idParam(event.params.id);
		const r = await runForm(event, (input) => updateConsultation(db(), event.locals.actor, id, input), { done: 'Remissen är sparad.' });
		if ('ok' in r) redirect(303, `/consultations/${id}`);
		return r;
	}
};
