import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from './db.ts';
import type { Db } from '../../src/lib/server/db/client.ts';
import { startChangeFeed, type ChangeFeed } from '../../src/lib/server/cache/change-feed.ts';
import { createEntry } from '../../src/lib/server/register.ts';
import { municipalities } from '../../src/lib/server/organisation/registers.ts';
import { inTransaction, writeAudit } from '../../src/lib/server/service.ts';
import type { Actor } from '../../src/lib/server/actor.ts';

const editor: Actor = { accountId: null, name: 'Testredaktör', role: 'editor', personId: null };

let db: Db;
let feed: ChangeFeed;
beforeAll(async () => {
	let url: string;
	({ db, url } = await freshDb());
	feed = await startChangeFeed(url);
});
afterAll(() => feed.stop());

/** Waits until the feed has heard something, or the timeout passes. */
async function settled(from: number, ms = 1000): Promise<number> {
	const until = Date.now() + ms;
	while (feed.generation === from && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
	return feed.generation;
}

describe('change feed', () => {
	it('listens once connected', () => {
		expect(feed.listening).toBe(true);
	});

	it('hears a committed change made through a service', async () => {
		const before = feed.generation;
		await createEntry(db, editor, municipalities, { code: '0127', name: 'Botkyrka', registrarEmail: '' });
		expect(await settled(before)).toBeGreaterThan(before);
	});

	it('hears nothing of a change that was rolled back', async () => {
		const before = feed.generation;
		await inTransaction(db, async (tx) => {
			await writeAudit(tx, editor, { action: 'create', entity: 'test', entityId: 1 });
			throw new Error('rollback');
		}).catch(() => {});
		expect(await settled(before, 300)).toBe(before);
	});

	it('stops listening when stopped', async () => {
		const other = await startChangeFeed((db.$client as unknown as { options: { connectionString: string } }).options.connectionString);
		await other.stop();
		expect(other.listening).toBe(false);
	});
});
