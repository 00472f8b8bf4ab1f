import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { requirePage, runForm } from '#lib/server/web.ts';
import { createLedgerEntry } from '#lib/server/finance/service.ts';
import { financeOptions } from '#lib/server/finance/options.ts';
import { todayIso } from '#lib/core/format.ts';

export const load: PageServerLoad = async (event) => {
	requirePage(event, 'editor');
	const today = todayIso();
	return { lists: await financeOptions(db(), Number(today.slice(0, 4))), defaults: { date: today } };
};

export const actions: Actions = {
	default: async (event) => {
		const r = await runForm(event, (input) => createLedgerEntry(db(), event.locals.actor, input), { done: 'Bokningen sparades.' });
		if ('ok' in r) redirect(303, `/finance?year=${r.result.year}`);
		return r;
	}
};
