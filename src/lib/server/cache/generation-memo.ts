// A value read from the database once per data generation: while the change
// feed listens, nothing changed until its generation moves, so the value read
// at that generation still holds. While it does not listen, every call reads.
import type { ChangeFeed } from './change-feed.ts';

export function generationMemo<T>(changes: () => Pick<ChangeFeed, 'generation' | 'listening'>, read: () => Promise<T>) {
	let kept: { generation: number; value: Promise<T> } | null = null;
	return (): Promise<T> => {
		const feed = changes();
		if (!feed.listening) return read();
		const generation = feed.generation;
		if (kept?.generation === generation) return kept.value;
		const value = read();
		kept = { generation, value };
		// A failed read is not kept: the next call tries again.
		value.catch(() => {
			if (kept?.value === value) kept = null;
		});
		return value;
	};
}
