import { describe, expect, it } from 'vitest';
import { generationMemo } from '../../src/lib/server/cache/generation-memo.ts';

describe('a value kept per data generation', () => {
	it('reads once per generation while the feed listens, every time while it does not, and never keeps a failure', async () => {
		const feed = { generation: 1, listening: true };
		let reads = 0;
		let fail = false;
		const memo = generationMemo(
			() => feed,
			async () => {
				reads++;
				if (fail) throw new Error('nere');
				return `värde ${reads}`;
			}
		);
		expect(await memo()).toBe('värde 1');
		expect(await memo()).toBe('värde 1');
		expect(reads).toBe(1);
		feed.generation = 2;
		expect(await memo()).toBe('värde 2');
		feed.listening = false;
		expect(await memo()).toBe('värde 3');
		expect(await memo()).toBe('värde 4');
		feed.listening = true;
		feed.generation = 3;
		fail = true;
		await expect(memo()).rejects.toThrow('nere');
		fail = false;
		expect(await memo()).toBe('värde 6');
		expect(await memo()).toBe('värde 6');
	});
});
