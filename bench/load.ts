// One route under load: autocannon's programmatic API, a short warm-up first,
// then the measured run. Latency percentiles come from every 2xx response's own
// time (autocannon's histogram has 1 ms resolution and no p95).
import autocannon, { type Result } from 'autocannon';

export interface LoadOptions {
	url: string;
	connections: number;
	seconds: number;
	warmupSeconds: number;
	headers?: Record<string, string>;
	/** The status the measured responses should have: 2xx unless given (a page that is meant to be missing answers 404). */
	status?: number;
	/** Called right before and right after the measured run (not the warm-up), e.g. to read the server's CPU time. */
	around?: { before(): void; after(): void };
}

export interface LoadFigures {
	url: string;
	seconds: number;
	requests: number;
	/** Completed responses of the expected status (2xx unless given) per second of the measured run. */
	rps: number;
	p50: number;
	p95: number;
	p975: number;
	p99: number;
	max: number;
	bytesPerRequest: number;
	non2xx: number;
	errors: number;
	timeouts: number;
	statusCodes: Record<string, number>;
}

function percentile(sorted: Float64Array, p: number): number {
	if (!sorted.length) return NaN;
	// Nearest rank.
	const rank = Math.ceil((p / 100) * sorted.length);
	return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

async function run(
	url: string,
	connections: number,
	seconds: number,
	headers: Record<string, string> | undefined,
	onResponse?: (status: number, bytes: number, ms: number) => void
) {
	const instance = autocannon({ url, connections, duration: seconds, timeout: 10, headers });
	if (onResponse) {
		instance.on('response', (_client: unknown, status: number, bytes: number, ms: number) => onResponse(status, bytes, ms));
	}
	return (await instance) as Result;
}

export async function load({ url, connections, seconds, warmupSeconds, headers, status, around }: LoadOptions): Promise<LoadFigures> {
	if (warmupSeconds > 0) await run(url, connections, warmupSeconds, headers);
	const expected = (code: number) => (status === undefined ? code >= 200 && code < 300 : code === status);

	const times: number[] = [];
	let bytes = 0;
	around?.before();
	const t0 = performance.now();
	const result = await run(url, connections, seconds, headers, (code, b, ms) => {
		if (expected(code)) {
			times.push(ms);
			bytes += b;
		}
	});
	const elapsed = (performance.now() - t0) / 1000;
	around?.after();
	const sorted = Float64Array.from(times).sort();
	const statusCodes: Record<string, number> = {};
	for (const [code, { count }] of Object.entries(result.statusCodeStats ?? {})) statusCodes[code] = count;
	return {
		url,
		seconds: elapsed,
		requests: times.length,
		rps: times.length / elapsed,
		p50: percentile(sorted, 50),
		p95: percentile(sorted, 95),
		p975: percentile(sorted, 97.5),
		p99: percentile(sorted, 99),
		max: sorted.length ? sorted[sorted.length - 1] : NaN,
		bytesPerRequest: times.length ? bytes / times.length : 0,
		non2xx: status === undefined ? result.non2xx : result.requests.total - times.length,
		errors: result.errors,
		timeouts: result.timeouts,
		statusCodes
	};
}
