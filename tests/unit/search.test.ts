import fs from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	HIT_START,
	HIT_STOP,
	SEARCH_KINDS,
	cleanQuery,
	excerptParts,
	queryWords,
	searchHref,
	suggestedQuery
} from '../../src/lib/core/search.ts';
import { indexStatements } from '../../src/lib/server/search/vectors.ts';

describe('search excerpts', () => {
	it('splits a headline into plain text and hits, losing no character', () => {
		expect(excerptParts(`om ${HIT_START}Tvärförbindelse${HIT_STOP} Södertörn och ${HIT_START}tvärförbindelsen${HIT_STOP}`)).toEqual([
			{ text: 'om ', hit: false },
			{ text: 'Tvärförbindelse', hit: true },
			{ text: ' Södertörn och ', hit: false },
			{ text: 'tvärförbindelsen', hit: true }
		]);
		const piece = fc.string().map((s) => s.replace(/[\u0002\u0003]/g, ''));
		fc.assert(
			fc.property(fc.array(fc.tuple(piece, fc.boolean())), (pieces) => {
				const headline = pieces.map(([t, hit]) => (hit ? `${HIT_START}${t}${HIT_STOP}` : t)).join('');
				return (
					excerptParts(headline)
						.map((p) => p.text)
						.join('') === pieces.map(([t]) => t).join('')
				);
			})
		);
	});

	it('bounds a query and drops control characters, so the markers cannot be typed', () => {
		expect(cleanQuery(`  Tvär${HIT_START}förbindelse  `)).toBe('Tvär förbindelse');
		expect(cleanQuery('x'.repeat(500))).toHaveLength(200);
		expect(cleanQuery(null)).toBe('');
	});

	it('leads every kind to a page', () => {
		for (const k of SEARCH_KINDS) expect(searchHref(k, 7, 3, 5)).toMatch(/^\/[a-z-]+\//);
		expect(searchHref('decision', 7, null, null)).toBeNull();
		expect(searchHref('decision', 7, null, 5)).toBe('/planning/activities/5#decisions');
	});
});

describe('the search indexes', () => {
	it('are the expressions the query uses, word for word (else the planner cannot use them)', () => {
		const migration = fs.readFileSync(new URL('../../drizzle/0011_forgiving_search.sql', import.meta.url), 'utf8');
		for (const statement of indexStatements()) expect(migration).toContain(statement);
	});
});

describe('the suggestion', () => {
	it('replaces the words that have a closer known word and keeps the rest', () => {
		expect(queryWords('"Tvärförbindelse Södertörn" -bro OR väg')).toEqual(['tvärförbindelse', 'södertörn', 'bro', 'väg']);
		expect(suggestedQuery('Tvärförbindlse södertörn', new Map([['tvärförbindlse', 'tvärförbindelse']]))).toBe('tvärförbindelse södertörn');
		expect(suggestedQuery('Södertörn', new Map([['södertörn', 'södertörn']]))).toBeNull();
		expect(suggestedQuery('xyzzy', new Map())).toBeNull();
	});
});
