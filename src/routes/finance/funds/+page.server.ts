import type { Actions, PageServerLoad } from './$types';
import type { RequestEvent } from '@sveltejs/kit';
import { db } from '#lib/server/app.ts';
import { runForm } from '#lib/server/web.ts';
import { labelIn, listCategories, listFunds } from '#lib/server/finance/queries.ts';
import { createCategory, createFund, setCategoryLabel } from '#lib/server/finance/service.ts';
import { financeOptions } from '#lib/server/finance/options.ts';

export const load: PageServerLoad = async () => {
	const d = db();
	const year = new Date().getFullYear();
	const funds = await listFunds(d);
	const name = new Map(funds.map((f) => [f.id, f.name]));
	return {
		funds: funds.map((f) => ({ ...f, mergedInto: f.mergedIntoId ? (name.get(f.mergedIntoId) ?? null) : null })),
		categories: (await listCategories(d)).map((c) => ({ ...c, current: labelIn(c, year) })),
		lists: await financeOptions(d, year)
	};
};

const act =
	(name: string, work: (event: RequestEvent, input: Record<string, unknown>) => Promise<unknown>) => async (event: RequestEvent) => {
		const r = await runForm(event, (input) => work(event, input), { done: null, extra: { form: name } });
		return 'ok' in r ? { form: name, done: true } : r;
	};

export const actions: Actions = {
	fund: act('fund', (e, input) => createFund(db(), e.locals.actor, input)),
	category: act('category', (e, input) => createCategory(db(), e.locals.actor, input)),
	label: act('label', (e, input) => setCategoryLabel(db(), e.locals.actor, Number(input.categoryId), input))
};
