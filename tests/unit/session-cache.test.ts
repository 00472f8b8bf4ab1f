import { describe, expect, it } from 'vitest';
import { SessionCache } from '../../src/lib/server/cache/session-cache.ts';
import type { Actor } from '../../src/lib/server/actor.ts';

const anna: Actor = { accountId: 7, name: 'Anna', role: 'editor', personId: null };

/** A change feed and a clock the test moves, and a lookup that counts its calls. */
function setup(capacity?: number) {
	const feed = { generation: 1, listening: true };
	let now = 1_000;
	let calls = 0;
	const sessions: Record<string, { actor: Actor; renewAt: number }> = { 'token-a': { actor: anna, renewAt: 5_000 } };
	const cache = new SessionCache(
		() => feed,
		capacity,
		() => now
	);
	const lookup = async (t: string) => (calls++, sessions[t] ?? null);
	return { feed, cache, lookup, sessions, calls: () => calls, at: (t: number) => (now = t) };
}

describe('SessionCache', () => {
	it('asks once per generation', async () => {
		const s = setup();
		expect(await s.cache.actor('token-a', s.lookup)).toEqual(anna);
		expect(await s.cache.actor('token-a', s.lookup)).toEqual(anna);
		expect(s.calls()).toBe(1);
		s.feed.generation++;
		expect(await s.cache.actor('token-a', s.lookup)).toEqual(anna);
		expect(s.calls()).toBe(2);
	});

	it('asks again once the session needs extending', async () => {
		const s = setup();
		await s.cache.actor('token-a', s.lookup);
		s.at(4_999);
		await s.cache.actor('token-a', s.lookup);
		expect(s.calls()).toBe(1);
		s.at(5_000);
		await s.cache.actor('token-a', s.lookup);
		expect(s.calls()).toBe(2);
	});

	it('remembers nothing while the feed is not listening, and no unknown token', async () => {
		const s = setup();
		s.feed.listening = false;
		await s.cache.actor('token-a', s.lookup);
		await s.cache.actor('token-a', s.lookup);
		expect(s.calls()).toBe(2);
		s.feed.listening = true;
		expect(await s.cache.actor('okänd', s.lookup)).toBeNull();
		expect(await s.cache.actor('okänd', s.lookup)).toBeNull();
		expect(s.calls()).toBe(4);
		expect(s.cache.size).toBe(0);
	});

	it('a session ended in the database is not served from memory after the change', async () => {
		const s = setup();
		await s.cache.actor('token-a', s.lookup);
		delete s.sessions['token-a'];
		s.feed.generation++;
		expect(await s.cache.actor('token-a', s.lookup)).toBeNull();
		expect(s.cache.size).toBe(0);
	});

	it('a change committed during the lookup leaves what it found stale', async () => {
		const s = setup();
		const racing = async (t: string) => {
			const found = await s.lookup(t);
			s.feed.generation++;
			return found;
		};
		await s.cache.actor('token-a', racing);
		await s.cache.actor('token-a', s.lookup);
		expect(s.calls()).toBe(2);
	});

	it('keeps at most its capacity', async () => {
		const s = setup(2);
		for (const t of ['a', 'b', 'c']) s.sessions[t] = { actor: { ...anna, accountId: t.charCodeAt(0) }, renewAt: 9_000 };
		await s.cache.actor('a', s.lookup);
		await s.cache.actor('b', s.lookup);
		expect(s.cache.size).toBe(2);
		await s.cache.actor('c', s.lookup);
		expect(s.cache.size).toBeLessThanOrEqual(2);
		expect(await s.cache.actor('c', s.lookup)).toMatchObject({ accountId: 'c'.charCodeAt(0) });
	});
});
