// The database dropping the application's connections (a failover, an
// administrator's pg_terminate_backend) must not take the process down: the
// connections in use fail their work with an error, and the next query gets a
// new connection (issue 21, item 2).
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { freshDb } from './db.ts';
import { isDatabaseUnavailable } from '../../src/lib/server/errors.ts';

const { db } = await freshDb();

describe('a dropped database connection', () => {
	it('held by the application between two queries does not crash it, and the pool serves the next query', async () => {
		const held = await db.$client.connect();
		const pid = (held as unknown as { processID: number }).processID;
		const [{ terminated }] = (await db.execute<{ terminated: boolean }>(sql`select pg_terminate_backend(${pid}) as terminated`)).rows;
		expect(terminated).toBe(true);
		// The server closes the socket; the client hears of it while no query is running.
		await new Promise((r) => setTimeout(r, 300));
		await expect(held.query('select 1')).rejects.toThrow();
		held.release(true);
		const [{ one }] = (await db.execute<{ one: number }>(sql`select 1 as one`)).rows;
		expect(one).toBe(1);
	});

	it('dropped while queries run and between them, every connection at once, leaves the pool working', async () => {
		const running = Array.from({ length: 4 }, () =>
			db.execute(sql`select pg_sleep(0.5)`).then(
				() => null,
				(e: unknown) => e
			)
		);
		await new Promise((r) => setTimeout(r, 100));
		await db.$client.query(
			'select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()'
		);
		const failures = await Promise.all(running);
		// Each failed, with what is known as the database out of reach (answered 503), not a defect (500).
		expect(failures.map((e) => isDatabaseUnavailable(e))).toEqual([true, true, true, true]);
		expect(isDatabaseUnavailable(new Error('syntax error at or near "selec"'))).toBe(false);
		await new Promise((r) => setTimeout(r, 200));
		const rows = await Promise.all(Array.from({ length: 6 }, () => db.execute(sql`select 1 as one`)));
		expect(rows.map((r) => r.rows[0].one)).toEqual([1, 1, 1, 1, 1, 1]);
	});
});
