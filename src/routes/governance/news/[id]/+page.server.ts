import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { hasRole } from '#lib/server/actor.ts';
import { idParam, load as read, requirePage, runForm } from '#lib/server/web.ts';
import { deleteNews, getNews, updateNews } from '#lib/server/governance/influence.ts';
import { todayIso } from '#lib/core/format.ts';

export const load: PageServerLoad = async (event) => {
	const editor = hasRole(event.locals.actor, 'editor');
	const n = await read(event, () => getNews(db(), idParam(event.params.id), todayIso(), editor));
	return { n, editor, saved: event.url.searchParams.has('saved') };
};

export const actions: Actions = {
	save: async (event) => {
		requirePage(event, 'editor');
		const id = idParam(event.params.id);
		const r = await runForm(event, (input) => updateNews(db(), event.locals.actor, id, input), { done: null, extra: { form: 'save' } });
		if ('ok' in r) redirect(303, `/governance/news/${id}?saved=1`);
		return r;
	},
	delete: async (event) => {
		requirePage(event, 'editor');
		const id = idParam(event.params.id);
		const r = await runForm(event, () => deleteNews(db(), event.locals.actor, id), { done: null, extra: { form: 'delete' } });
		if ('ok' in r) redirect(303, '/governance/news?deleted=1');
		return r;
	}
};
