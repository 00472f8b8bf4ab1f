// Search across everything the caller may see: ?q= (Swedish words, stemmed), ?kind=, paging.
import { api, pageParams, textParam } from '#lib/server/api/http.ts';
import { db } from '#lib/server/app.ts';
import { ValidationError } from '#lib/server/errors.ts';
import { search } from '#lib/server/search/queries.ts';
import { SEARCH_KINDS, cleanQuery, isSearchKind } from '#lib/core/search.ts';

export const GET = api(async (event) => {
	const q = cleanQuery(textParam(event.url, 'q') ?? null);
	if (!q) throw new ValidationError([{ field: 'q', message: 'q måste fyllas i: de ord som ska sökas.' }]);
	const k = event.url.searchParams.get('kind');
	if (k && !isSearchKind(k)) throw new ValidationError([{ field: 'kind', message: `kind måste vara en av ${SEARCH_KINDS.join(', ')}.` }]);
	const r = await search(db(), event.locals.actor, q, pageParams(event.url, 20, 100), isSearchKind(k) ? k : undefined);
	return Response.json({
		...r,
		items: r.items.map((h) => ({ ...h, excerpt: h.excerpt.map((p) => (p.hit ? `«${p.text}»` : p.text)).join('') }))
	});
});
