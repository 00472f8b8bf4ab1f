// The consultations register reads its page of 50 from the index in its own
// order (migration 0012), not by sorting every remiss on every request: with
// thousands of remisser the plan of the register's query walks consultation_newest.
import { beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from './db.ts';
import type { Db } from '../../src/lib/server/db/client.ts';
import { consultationRegister } from '../../src/lib/server/consultations/queries.ts';
import { SYSTEM } from '../../src/lib/server/actor.ts';

let db: Db;

/** The statements `work` sends, as text and values. */
async function statementsOf(work: () => Promise<unknown>): Promise<{ text: string; values: unknown[] }[]> {
	const pool = db.$client;
	const query = pool.query.bind(pool);
	const seen: { text: string; values: unknown[] }[] = [];
	(pool as unknown as { query: unknown }).query = (q: unknown, v?: unknown, cb?: unknown) => {
		if (q && typeof q === 'object' && 'text' in q) {
			const c = q as { text: string; values?: unknown[] };
			seen.push({ text: c.text, values: c.values ?? (v as unknown[]) ?? [] });
		}
		return (query as (...a: unknown[]) => unknown)(q, v, cb);
	};
	try {
		await work();
	} finally {
		(pool as unknown as { query: unknown }).query = query;
	}
	return seen;
}

beforeAll(async () => {
	({ db } = await freshDb());
	// 4 000 remisser over 16 years, every fourth answered (sent), the rest watched with a deadline.
	await db.$client.query(
		`insert into consultation (title, received_on, deadline, status, answer_jointly, submitted_on, submitted_year, written_year, response_text)
		 select 'Remiss ' || i, d, d + 60, case when i % 4 = 0 then 'answered' else 'watched' end,
		        case when i % 4 = 0 then 'yes' else 'undecided' end,
		        case when i % 4 = 0 then d + 30 end, case when i % 4 = 0 then extract(year from d + 30)::int end,
		        case when i % 4 = 0 then extract(year from d)::int end, case when i % 4 = 0 then 'Svar.' end
		 from (select i, make_date(2010 + i % 16, 1 + i % 12, 1 + i % 28) as d from generate_series(1, 4000) i) g`
	);
	await db.$client.query('analyze consultation');
});

describe('the consultations register at 4 000 remisser', () => {
	it('reads its newest 50 from consultation_newest, in the order the register shows', async () => {
		let page: Awaited<ReturnType<typeof consultationRegister>> | undefined;
		const [statement] = await statementsOf(async () => {
			page = await consultationRegister(db, SYSTEM, {}, { limit: 50, offset: 0 }, '2026-12-07');
		});
		const { rows } = await db.$client.query({ text: `explain ${statement.text}`, values: statement.values });
		const plan = rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
		expect(plan).toMatch(/Index Scan using consultation_newest/);

		// The same order as a plain sort by the register's date, newest first.
		expect(page!.list.total).toBe(4000);
		const { rows: sorted } = await db.$client.query<{ id: number }>(
			`select id from consultation
			 order by coalesce(submitted_on, deadline, target_on, received_on, make_date(coalesce(submitted_year, written_year, 1900), 12, 31)) desc, id desc
			 limit 50`
		);
		expect(page!.list.items.map((c) => c.id)).toEqual(sorted.map((r) => r.id));
	});
});
