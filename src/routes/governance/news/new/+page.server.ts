import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { requirePage, runForm } from '#lib/server/web.ts';
import { createNews } from '#lib/server/governance/influence.ts';
import { todayIso } from '#lib/core/format.ts';

export const load: PageServerLoad = async (event) => {
	requirePage(event, 'editor');
	return { today: todayIso() };
};

export const actions: Actions = {
	default: async (event) => {
		requirePage(event, 'editor');
		const r = await runForm(event, (input) => createNews(db(), event.locals.actor, input), { done: null });
		if ('ok' in r) redirect(303, `/governance/news/${r.result.id}?saved=1`);
		return r;
	}
};
