// The database going away and coming back (issue 21): a restart of the server
// (the embedded one here, which the test owns; CI's Debian server belongs to
// another user and cannot be restarted from a test), and the LISTEN connection
// of the change feed being dropped. Requests during the outage get the "database
// unavailable" error (503), nothing is served from a cache while the feed is
// deaf, the feed tries again with a growing wait, and both recover.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { freshDb } from './db.ts';
import { createDb } from '../../src/lib/server/db/client.ts';
import { startEmbedded, type EmbeddedServer } from '../../src/lib/server/db/embedded.ts';
import { startChangeFeed, type ChangeFeed } from '../../src/lib/server/cache/change-feed.ts';
import { isDatabaseUnavailable } from '../../src/lib/server/errors.ts';
import { setRuntime } from '../../src/lib/server/app.ts';
import type { Runtime } from '../../src/lib/server/runtime.ts';
import { cachedResponse, storeResponse } from '../../src/lib/server/cache/anonymous.ts';
import { SessionCache } from '../../src/lib/server/cache/session-cache.ts';
import { PUBLIC } from '../../src/lib/server/actor.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

async function until(what: string, check: () => boolean | Promise<boolean>, ms = 10_000) {
	const end = Date.now() + ms;
	while (!(await check())) {
		if (Date.now() > end) throw new Error(`inte inom ${ms} ms: ${what}`);
		await new Promise((r) => setTimeout(r, 20));
	}
}

/** The cache as the hooks use it: a page stored in this generation, then asked for. */
async function servedFromCache(feed: ChangeFeed, key: string): Promise<boolean> {
	await storeResponse(key, feed.generation, new Response('<p>sidan</p>', { headers: { 'content-type': 'text/html' } }));
	return cachedResponse(key) !== null;
}

describe('the change feed losing its connection', () => {
	it('is deaf, so caches are bypassed, and listens again after the first wait', async () => {
		const { db, url } = await freshDb();
		const log: string[] = [];
		const feed = await startChangeFeed(url, { log: (m) => log.push(m), firstRetryMs: 100, maxRetryMs: 800 });
		try {
			setRuntime({ changes: feed } as unknown as Runtime);
			expect(await servedFromCache(feed, 'a')).toBe(true);
			const before = feed.generation;
			await db.execute(
				sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query ilike 'LISTEN%'`
			);
			await until('the feed notices', () => !feed.listening);
			// Deaf: a stored page is not served (a change now would go unheard).
			expect(await servedFromCache(feed, 'b')).toBe(false);
			await until('the feed listens again', () => feed.listening);
			expect(feed.generation).toBeGreaterThan(before);
			expect(await servedFromCache(feed, 'c')).toBe(true);
			expect(log.join('\n')).toMatch(/Ändringsflödet från databasen bröts/);
		} finally {
			await feed.stop();
		}
	});
});

// The server project's PostgreSQL is not ours to restart.
if (inject('target') === 'embedded') {
	describe('a restart of the database server', () => {
		const dir = path.join(ROOT, '.tmp', `restart-test-${process.pid}-${randomBytes(4).toString('hex')}`);
		let server: EmbeddedServer | null = null;
		afterAll(async () => {
			await server?.stop();
			fs.rmSync(dir, { recursive: true, force: true });
		}, 60_000);

		it(
			'fails requests during the outage as unavailable, backs the feed off, and recovers when it is back',
			{ timeout: 60_000 },
			async () => {
				server = await startEmbedded({ dataDir: dir, log: () => {} });
				const port = Number(new URL(server.url).port);
				const db = createDb(server.url, 4);
				const log: string[] = [];
				const feed = await startChangeFeed(server.url, { log: (m) => log.push(m), firstRetryMs: 100, maxRetryMs: 400 });
				const sessions = new SessionCache(() => feed);
				let lookups = 0;
				const lookup = async () => (lookups++, { actor: PUBLIC, renewAt: Date.now() + 60_000 });
				try {
					setRuntime({ changes: feed } as unknown as Runtime);
					expect((await db.execute(sql`select 1 as one`)).rows).toEqual([{ one: 1 }]);
					await sessions.actor('kaka', lookup);
					await sessions.actor('kaka', lookup);
					expect(lookups).toBe(1); // remembered while the feed listens

					await server.stop();
					await until('the feed notices', () => !feed.listening);
					// A request now: the database-unavailable error (answered 503 by the hooks and the API), not a defect.
					const failure = await db.execute(sql`select 1 as one`).then(
						() => null,
						(e: unknown) => e
					);
					expect(failure).not.toBeNull();
					expect(isDatabaseUnavailable(failure)).toBe(true);
					// Nothing from a cache while deaf: the session is looked up again, a page is not served from the cache.
					await sessions.actor('kaka', lookup);
					expect(lookups).toBe(2);
					expect(await servedFromCache(feed, 'under avbrottet')).toBe(false);
					// The feed tries again with a growing wait, capped: 0.2, 0.4, 0.4 … seconds after its 0.1 s first try.
					await until('three failed tries', () => log.filter((m) => /kunde inte återupptas/.test(m)).length >= 3);
					const waits = log.filter((m) => /kunde inte återupptas/.test(m)).map((m) => m.match(/Nytt försök om ([\d.]+) s/)![1]);
					expect(waits.slice(0, 3)).toEqual(['0.2', '0.4', '0.4']);

					server = await startEmbedded({ dataDir: dir, log: () => {}, port });
					expect((await db.execute(sql`select 1 as one`)).rows).toEqual([{ one: 1 }]);
					await until('the feed listens again', () => feed.listening);
					expect(await servedFromCache(feed, 'efter')).toBe(true);

					// Back to the first wait once it listened: the next outage starts again at 0.1 s, then 0.2.
					const seen = log.length;
					await server.stop();
					await until('a failed try after the second outage', () => log.slice(seen).some((m) => /kunde inte återupptas/.test(m)));
					expect(log.slice(seen).find((m) => /kunde inte återupptas/.test(m))).toMatch(/Nytt försök om 0.2 s/);
					server = await startEmbedded({ dataDir: dir, log: () => {}, port });
					await until('the feed listens again', () => feed.listening);
				} finally {
					await feed.stop();
					await db.$client.end();
				}
			}
		);
	});
}
