// A small per-instance cache of the responses anonymous visitors get (the public
// site and the public API). An entry is valid only for the change generation it
// was rendered in, so no visitor ever sees data older than the last commit this
// instance has heard of. Bounded by entries and bytes; least recently used goes first.

export interface CachedResponse {
	generation: number;
	status: number;
	headers: [string, string][];
	body: Uint8Array<ArrayBuffer>;
}

export class ResponseCache {
	readonly #entries = new Map<string, CachedResponse>();
	#bytes = 0;
	readonly maxEntries: number;
	readonly maxBytes: number;

	constructor(maxEntries = 500, maxBytes = 16 * 1024 * 1024) {
		this.maxEntries = maxEntries;
		this.maxBytes = maxBytes;
	}

	get size() {
		return this.#entries.size;
	}

	get(key: string, generation: number): CachedResponse | undefined {
		const hit = this.#entries.get(key);
		if (!hit) return undefined;
		this.#entries.delete(key);
		if (hit.generation !== generation) {
			this.#bytes -= hit.body.byteLength;
			return undefined;
		}
		this.#entries.set(key, hit); // most recently used last
		return hit;
	}

	set(key: string, entry: CachedResponse) {
		if (entry.body.byteLength > this.maxBytes / 8) return;
		const old = this.#entries.get(key);
		if (old) {
			this.#entries.delete(key);
			this.#bytes -= old.body.byteLength;
		}
		this.#entries.set(key, entry);
		this.#bytes += entry.body.byteLength;
		for (const [k, e] of this.#entries) {
			if (this.#entries.size <= this.maxEntries && this.#bytes <= this.maxBytes) break;
			this.#entries.delete(k);
			this.#bytes -= e.body.byteLength;
		}
	}
}
