import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { requirePage, runForm } from '#lib/server/web.ts';
import { createProject } from '#lib/server/projects/service.ts';
import { consultationOptions } from '#lib/server/consultations/options.ts';

export const load: PageServerLoad = async (event) => {
	requirePage(event, 'editor');
	return { lists: await consultationOptions(db(), ['bodies', 'organisations', 'municipalities']) };
};

export const actions: Actions = {
	default: async (event) => {
		requirePage(event, 'editor');
		const r = await runForm(event, (input) => createProject(db(), event.locals.actor, input), { done: null });
		if ('ok' in r) redirect(303, `/projects/${r.result.id}?saved=1`);
		return r;
	}
};
