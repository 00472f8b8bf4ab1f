import type { PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { load as read, requirePage, yearParam } from '#lib/server/web.ts';
import { compareAnnualReport } from '#lib/server/documents/compare.ts';

export const load: PageServerLoad = async (event) => {
	requirePage(event, 'member');
	const year = yearParam(event.params.year);
	return { year, ...(await read(event, () => compareAnnualReport(db(), event.locals.actor, year))) };
};
