import { describe, expect, it } from 'vitest';
import { ResponseCache, type CachedResponse } from '../../src/lib/server/cache/response-cache.ts';

const entry = (generation: number, bytes = 10): CachedResponse => ({
	generation,
	status: 200,
	headers: [['content-type', 'text/html']],
	body: new Uint8Array(bytes)
});

describe('ResponseCache', () => {
	it('answers only for the generation the entry was rendered in', () => {
		const cache = new ResponseCache();
		cache.set('a', entry(1));
		expect(cache.get('a', 1)).toBeDefined();
		expect(cache.get('a', 2)).toBeUndefined();
		// A stale entry is dropped, not kept for later.
		expect(cache.get('a', 1)).toBeUndefined();
		expect(cache.size).toBe(0);
	});

	it('drops the least recently used entry beyond its bounds', () => {
		const cache = new ResponseCache(2, 1000);
		cache.set('a', entry(1));
		cache.set('b', entry(1));
		cache.get('a', 1);
		cache.set('c', entry(1));
		expect(cache.get('b', 1)).toBeUndefined();
		expect(cache.get('a', 1)).toBeDefined();
		expect(cache.get('c', 1)).toBeDefined();
	});

	it('keeps within its byte budget and refuses a response too large to be worth it', () => {
		const cache = new ResponseCache(100, 800);
		cache.set('big', entry(1, 200));
		expect(cache.size).toBe(0);
		for (const k of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']) cache.set(k, entry(1, 100));
		expect(cache.size).toBe(8);
		expect(cache.get('a', 1)).toBeUndefined();
	});
});
