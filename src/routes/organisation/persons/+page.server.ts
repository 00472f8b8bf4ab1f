import type { PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { listPersons } from '#lib/server/organisation/queries.ts';
import { pageOf } from '#lib/server/web.ts';

export const load: PageServerLoad = async ({ url, locals }) => {
	const q = url.searchParams.get('q')?.trim() ?? '';
	return { q, persons: await listPersons(db(), locals.actor, { q: q || undefined }, pageOf(url, 50, 200)) };
};
