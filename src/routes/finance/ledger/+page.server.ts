import type { PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { pageOf, requirePage } from '#lib/server/web.ts';
import { listLedger, type LedgerFilter } from '#lib/server/finance/queries.ts';
import { financeOptions } from '#lib/server/finance/options.ts';

const positive = (v: string | null) => {
	const n = Number(v);
	return Number.isInteger(n) && n > 0 ? n : undefined;
};

export const load: PageServerLoad = async (event) => {
	requirePage(event, 'member');
	const q = event.url.searchParams;
	const filter: LedgerFilter = {
		year: positive(q.get('year')),
		fundId: positive(q.get('fund')),
		categoryId: positive(q.get('category')),
		projectId: positive(q.get('project')),
		eventId: positive(q.get('event'))
	};
	const d = db();
	return {
		filter,
		ledger: await listLedger(d, filter, pageOf(event.url)),
		lists: await financeOptions(d, filter.year ?? new Date().getFullYear())
	};
};
