import type { PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { pageOf } from '#lib/server/web.ts';
import { search } from '#lib/server/search/queries.ts';
import { cleanQuery, isSearchKind } from '#lib/core/search.ts';

// For everyone: each sees the hits they may see.
export const load: PageServerLoad = async (event) => {
	const q = cleanQuery(event.url.searchParams.get('q'));
	const k = event.url.searchParams.get('kind');
	const kind = isSearchKind(k) ? k : undefined;
	const page = pageOf(event.url, 20, 100);
	return { q, kind: kind ?? '', result: q ? await search(db(), event.locals.actor, q, page, kind) : null };
};
