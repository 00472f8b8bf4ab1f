import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { idParam, load as read, requirePage, runForm } from '#lib/server/web.ts';
import { getFund } from '#lib/server/finance/queries.ts';
import { updateFund } from '#lib/server/finance/service.ts';
import { financeOptions } from '#lib/server/finance/options.ts';

export const load: PageServerLoad = async (event) => {
	requirePage(event, 'editor');
	const id = idParam(event.params.id);
	const d = db();
	return { fund: await read(event, () => getFund(d, id)), lists: await financeOptions(d, new Date().getFullYear()) };
};

export const actions: Actions = {
	default: async (event) => {
		const id = idParam(event.params.id);
		const r = await runForm(event, (input) => updateFund(db(), event.locals.actor, id, input), { done: 'Fonden sparades.' });
		if ('ok' in r) redirect(303, '/finance/funds');
		return r;
	}
};
