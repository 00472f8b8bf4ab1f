// Search with the register grown to thousands of remisser: the query as typed,
// the same without å/ä/ö (unaccent, the same GIN indexes), and a misspelling
// that finds nothing, so the "Menade du …" suggestion is computed (the words of
// every title the actor may see compared by pg_trgm similarity, then the
// suggestion searched once more). search() itself, in this process, on the
// running server's database: the response cache is not involved.
import { createDb } from '../src/lib/server/db/client.ts';
import { search } from '../src/lib/server/search/queries.ts';
import { PUBLIC, type Actor } from '../src/lib/server/actor.ts';

const editor: Actor = { accountId: null, name: 'Bench', role: 'editor', personId: null };
const RUNS = 20;

export const SEARCH_QUERIES = [
	{ label: 'as typed', q: 'Tvärförbindelse' },
	{ label: 'without å/ä/ö', q: 'tvarforbindelse' },
	{ label: 'misspelt: suggestion', q: 'tvärförbindlse' }
] as const;

const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	const mid = Math.floor(s.length / 2);
	return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

export interface SearchFigure {
	label: string;
	q: string;
	who: 'visitor' | 'editor';
	total: number;
	suggestion: string | null;
	medianMs: number;
	maxMs: number;
}

export async function benchSearch(url: string): Promise<SearchFigure[]> {
	const db = createDb(url, 2);
	try {
		const figures: SearchFigure[] = [];
		for (const { label, q } of SEARCH_QUERIES) {
			for (const [who, actor] of [
				['visitor', PUBLIC],
				['editor', editor]
			] as const) {
				const first = await search(db, actor, q, { limit: 20, offset: 0 });
				const ms: number[] = [];
				for (let i = 0; i < RUNS; i++) {
					const t0 = performance.now();
					await search(db, actor, q, { limit: 20, offset: 0 });
					ms.push(performance.now() - t0);
				}
				figures.push({ label, q, who, total: first.total, suggestion: first.suggestion, medianMs: median(ms), maxMs: Math.max(...ms) });
			}
		}
		return figures;
	} finally {
		await db.$client.end();
	}
}
