// Search on a real database over the demo data: Swedish stemming with the
// swedish text search configuration (on the embedded server and on Debian's
// PostgreSQL alike), ranked hits with the words marked, only what the actor
// may see, and the GIN indexes used.
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { freshDb } from './db.ts';
import type { Db } from '../../src/lib/server/db/client.ts';
import { loadDemo } from '../../src/lib/server/demo/load.ts';
import { search } from '../../src/lib/server/search/queries.ts';
import { PUBLIC, type Actor } from '../../src/lib/server/actor.ts';
import { TS_CONFIG, vectorOf } from '../../src/lib/server/search/vectors.ts';

const editor: Actor = { accountId: null, name: 'Kansliet', role: 'editor', personId: null };
const page = { limit: 100, offset: 0 };
let db: Db;

beforeAll(async () => {
	({ db } = await freshDb());
	await loadDemo(db);
});

describe('search', () => {
	it('finds the remisser, activities and priority object of Tvärförbindelse Södertörn, the word marked', async () => {
		const r = await search(db, PUBLIC, 'Tvärförbindelse', page);
		const kinds = new Set(r.items.map((h) => h.kind));
		for (const k of ['consultation', 'activity', 'priority_object'] as const) expect(kinds, k).toContain(k);
		const object = r.items.find((h) => h.kind === 'priority_object')!;
		expect(object.title).toBe('Tvärförbindelse Södertörn');
		expect(object.href).toMatch(/^\/consultations\/priority-objects\/\d+$/);
		expect(object.excerpt.some((p) => p.hit && /tvärförbindelse/i.test(p.text))).toBe(true);
		expect(r.total).toBe(Object.values(r.counts).reduce((a, b) => a + b, 0));
		// Ranked: no hit after one of lower rank.
		expect(r.items.map((h) => h.rank)).toEqual([...r.items.map((h) => h.rank)].sort((a, b) => b - a));
	});

	it('stems Swedish words: an inflected form finds the same records', async () => {
		const base = await search(db, editor, 'remissvar', page);
		const inflected = await search(db, editor, 'remissvaren', page);
		expect(base.total).toBeGreaterThan(0);
		expect(inflected.items.map((h) => `${h.kind}${h.id}`).sort()).toEqual(base.items.map((h) => `${h.kind}${h.id}`).sort());
	});

	it('shows the public only what it may see: no follow-up notes, no unsent remisser', async () => {
		const all = await search(db, editor, 'Södertörn', { limit: 1000, offset: 0 });
		const pub = await search(db, PUBLIC, 'Södertörn', { limit: 1000, offset: 0 });
		expect(all.total).toBeGreaterThan(pub.total);
		expect(pub.counts.follow_up ?? 0).toBe(0);
		const hidden = await db.execute(sql`select id from consultation where not (answer_jointly = 'yes' and status = 'answered')`);
		const hiddenIds = new Set((hidden.rows as { id: number }[]).map((r) => Number(r.id)));
		expect(pub.items.filter((h) => h.kind === 'consultation' && hiddenIds.has(h.id))).toEqual([]);
	});

	it('filters by kind and pages', async () => {
		const r = await search(db, PUBLIC, 'Södertörn', { limit: 5, offset: 0 }, 'activity');
		expect(r.items.length).toBeLessThanOrEqual(5);
		expect(r.items.every((h) => h.kind === 'activity')).toBe(true);
		const next = await search(db, PUBLIC, 'Södertörn', { limit: 5, offset: 5 }, 'activity');
		expect(next.items.map((h) => h.id)).not.toContain(r.items[0]?.id);
	});

	it('finds nothing for words no record holds, and survives any punctuation', async () => {
		expect((await search(db, PUBLIC, 'xyzzyplugh', page)).total).toBe(0);
		for (const q of ['"', '-', '!!', 'a & b | c', "o'hara", ':*']) await expect(search(db, PUBLIC, q, page)).resolves.toBeTruthy();
	});

	it('forgives missing å, ä and ö: "tvarforbindelse" finds what "Tvärförbindelse" finds, the accented word marked', async () => {
		const accented = await search(db, PUBLIC, 'Tvärförbindelse', page);
		const plain = await search(db, PUBLIC, 'tvarforbindelse', page);
		expect(plain.total).toBeGreaterThan(0);
		expect(plain.items.map((h) => `${h.kind}${h.id}`).sort()).toEqual(accented.items.map((h) => `${h.kind}${h.id}`).sort());
		expect(plain.items.map((h) => h.title)).toContain('Tvärförbindelse Södertörn');
		const object = plain.items.find((h) => h.kind === 'priority_object')!;
		expect(object.excerpt.some((p) => p.hit && /tvärförbindelse/i.test(p.text))).toBe(true);
		expect(plain.suggestion).toBeNull();
		// and stems as before: the plural without accents
		expect((await search(db, PUBLIC, 'sodertorns tvarforbindelser', page)).total).toBeGreaterThan(0);
	});

	it('suggests "Menade du …" from the closest words of the titles when a misspelling finds nothing', async () => {
		const r = await search(db, PUBLIC, 'tvärförbindlse', page);
		expect(r.total).toBe(0);
		expect(r.suggestion).toBe('tvärförbindelse');
		expect((await search(db, PUBLIC, r.suggestion!, page)).total).toBeGreaterThan(0);
		// two words, one misspelt and unaccented: the known one kept
		const two = await search(db, PUBLIC, 'sodertorn tvarforbindlse', page);
		expect(two.total).toBe(0);
		expect(two.suggestion).toBe('södertörn tvärförbindelse');
		// nothing close: no suggestion, and none on a page after the first
		expect((await search(db, PUBLIC, 'xyzzyplugh', page)).suggestion).toBeNull();
		expect((await search(db, PUBLIC, 'tvärförbindlse', { limit: 10, offset: 10 })).suggestion).toBeNull();
	});

	it('suggests only words the actor may see', async () => {
		// A remiss only being watched (not public) whose title holds a word no other record has.
		await db.execute(sql`insert into consultation (title, status) values ('Hemlighetsmakeriet kring stadsplanen', 'watched')`);
		const misspelt = 'hemlighetsmakriet';
		const asEditor = await search(db, editor, misspelt, page);
		expect(asEditor.total).toBe(0);
		expect(asEditor.suggestion).toBe('hemlighetsmakeriet');
		const asPublic = await search(db, PUBLIC, misspelt, page);
		expect(asPublic.total).toBe(0);
		expect(asPublic.suggestion).toBeNull();
	});

	it('matches through the GIN index', async () => {
		// The demo's tables are small enough for a sequential scan to win; forbid it to see that the index fits.
		const plan = await db.transaction(async (tx) => {
			await tx.execute(sql`set local enable_seqscan = off`);
			return tx.execute(
				sql.raw(
					`explain select id from activity where ${vectorOf('activity')} @@ websearch_to_tsquery('${TS_CONFIG}'::regconfig, 'tvarforbindelse')`
				)
			);
		});
		expect((plan.rows as { 'QUERY PLAN': string }[]).map((r) => r['QUERY PLAN']).join('\n')).toContain('activity_search');
	});
});
