import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { requirePage, runForm } from '#lib/server/web.ts';
import { createGoverningDocument } from '#lib/server/governance/documents.ts';

export const load: PageServerLoad = async (event) => {
	requirePage(event, 'editor');
	return {};
};

export const actions: Actions = {
	default: async (event) => {
		requirePage(event, 'editor');
		const r = await runForm(event, (input) => createGoverningDocument(db(), event.locals.actor, input), { done: null });
		if ('ok' in r) redirect(303, `/governance/documents/${r.result.id}?saved=created`);
		return r;
	}
};
