import type { PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { pageOf, positiveParam, requirePage } from '#lib/server/web.ts';
import { listLedger, type LedgerFilter } from '#lib/server/finance/queries.ts';
import { financeOptions } from '#lib/server/finance/options.ts';

export const load: PageServerLoad = async (event) => {
	requirePage(event, 'member');
	const filter: LedgerFilter = {
		year: positiveParam(event.url, 'year'),
		fundId: positiveParam(event.url, 'fund'),
		categoryId: positiveParam(event.url, 'category'),
		projectId: positiveParam(event.url, 'project'),
		eventId: positiveParam(event.url, 'event')
	};
	const d = db();
	return {
		filter,
		ledger: await listLedger(d, filter, pageOf(event.url)),
		lists: await financeOptions(d, filter.year ?? new Date().getFullYear())
	};
};
