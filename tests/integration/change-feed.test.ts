import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from './db.ts';
import type { Db } from '../../src/lib/server/db/client.ts';
import { startChangeFeed, type ChangeFeed } from '../../src/lib/server/cache/change-feed.ts';
import { createEntry } from '../../src/lib/server/register.ts';
import { municipalities } from '../../src/lib/server/organisation/registers.ts';
import { inTransaction, writeAudit } from '../../src/lib/server/service.ts';
import { SYSTEM, type Actor } from '../../src/lib/server/actor.ts';
import { SessionCache } from '../../src/lib/server/cache/session-cache.ts';
import { createAccount, setAccountDisabled } from '../../src/lib/server/auth/accounts.ts';
import { login, logout, sessionOf } from '../../src/lib/server/auth/sessions.ts';

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

/** Waits until the feed has heard nothing more for a while: every change made so far has arrived. */
async function quiet(ms = 150): Promise<void> {
	let seen = feed.generation;
	let since = Date.now();
	while (Date.now() - since < ms) {
		await new Promise((r) => setTimeout(r, 10));
		if (feed.generation !== seen) [seen, since] = [feed.generation, Date.now()];
	}
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

describe('sessions remembered until the next change', () => {
	it('asks the database once per generation, and a disabled account or a logout ends the session at once', async () => {
		const admin = { ...SYSTEM, role: 'admin' as const };
		const a = await createAccount(db, SYSTEM, {
			email: 'minne@kommun.se',
			name: 'Minne Minnesson',
			password: 'ett-langt-losenord-1',
			role: 'member'
		});
		const other = await createAccount(db, SYSTEM, {
			email: 'annan@kommun.se',
			name: 'Annan',
			password: 'ett-langt-losenord-2',
			role: 'member'
		});
		const cache = new SessionCache(() => feed);
		let lookups = 0;
		const lookup = (t: string) => (lookups++, sessionOf(db, t));

		const { token } = await login(db, 'minne@kommun.se', 'ett-langt-losenord-1');
		await quiet();
		expect(await cache.actor(token, lookup)).toMatchObject({ accountId: a.id, role: 'member' });
		expect(await cache.actor(token, lookup)).toMatchObject({ accountId: a.id });
		expect(lookups).toBe(1);

		// Another account's login is a change too: the session is read again, and is still good.
		let before = feed.generation;
		const second = await login(db, 'annan@kommun.se', 'ett-langt-losenord-2');
		expect(await settled(before)).toBeGreaterThan(before);
		expect(await cache.actor(token, lookup)).toMatchObject({ accountId: a.id });
		expect(lookups).toBe(2);

		before = feed.generation;
		await setAccountDisabled(db, admin, a.id, true);
		await settled(before);
		expect(await cache.actor(token, lookup)).toBeNull();
		expect(await cache.actor(token, lookup)).toBeNull();
		expect(lookups).toBe(4);

		expect(await cache.actor(second.token, lookup)).toMatchObject({ accountId: other.id });
		before = feed.generation;
		await logout(db, second.token);
		await settled(before);
		expect(await cache.actor(second.token, lookup)).toBeNull();
	});
});
