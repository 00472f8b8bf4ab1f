import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { requirePage, runForm } from '#lib/server/web.ts';
import { createConsultation } from '#lib/server/consultations/service.ts';
import { consultationOptions } from '#lib/server/consultations/options.ts';
import { todayIso } from '#lib/core/format.ts';

export const load: PageServerLoad = async (event) => {
	requirePage(event, 'editor');
	return {
		lists: await consultationOptions(db(), ['organisations', 'bodies', 'persons', 'priorityObjects']),
		defaults: { receivedOn: todayIso(), answerJointly: 'undecided', status: 'watched' }
	};
};

export const actions: Actions = {
	default: async (event) => {
		const r = await runForm(event, (input) => createConsultation(db(), event.locals.actor, input), { done: 'Remissen registrerades.' });
		if ('ok' in r) redirect(303, `/consultations/${r.result.id}`);
		return r;
	}
};
