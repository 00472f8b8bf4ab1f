// Tells this instance when the data changed anywhere: a dedicated connection
// LISTENs to the notification that every audited change sends on commit
// (migration 0001). Any number of instances sharing one server hear the same.
// While that connection is down nothing is served from a cache (`listening` is
// false); it is tried again after 1 s, then 2, 4, … up to 30 s between tries,
// and back to 1 s once it listens again. No error on it reaches the process.
import pg from 'pg';

export const CHANGE_CHANNEL = 'samverka_changed';

export interface ChangeFeed {
	/** Bumped on every change; a cached response is valid only for the generation it was rendered in. */
	readonly generation: number;
	/** False while the connection is down: nothing may then be served from a cache. */
	readonly listening: boolean;
	/**
	 * A request that may have changed something has finished here: a new
	 * generation at once, so the page its redirect leads to is never a copy from
	 * before (the NOTIFY of its commit may still be on its way).
	 */
	touch(): void;
	stop(): Promise<void>;
}

export interface ChangeFeedOptions {
	log?: (m: string) => void;
	/** The wait before the first try after the connection was lost (doubled after every failed try). */
	firstRetryMs?: number;
	/** The longest wait between two tries. */
	maxRetryMs?: number;
}

export async function startChangeFeed(
	url: string,
	{ log = console.error, firstRetryMs = 1000, maxRetryMs = 30_000 }: ChangeFeedOptions = {}
): Promise<ChangeFeed> {
	let generation = 0;
	let listening = false;
	let stopped = false;
	let client: pg.Client | null = null;
	let retry: NodeJS.Timeout | undefined;
	let nextWait = firstRetryMs;

	function tryLater() {
		if (stopped || retry) return;
		const wait = nextWait;
		nextWait = Math.min(nextWait * 2, maxRetryMs);
		retry = setTimeout(() => {
			retry = undefined;
			connect().catch((e: unknown) => {
				log(`Ändringsflödet från databasen kunde inte återupptas: ${(e as Error)?.message ?? e}. Nytt försök om ${nextWait / 1000} s.`);
				tryLater();
			});
		}, wait);
	}

	async function connect() {
		const c = new pg.Client({ connectionString: url });
		const lost = () => {
			if (client !== c) return;
			client = null;
			listening = false;
			generation++;
			tryLater();
		};
		c.on('notification', () => generation++);
		// Never an unhandled 'error' event: a lost connection is tried again, not the process's end.
		c.on('error', (e) => {
			if (client === c) log(`Ändringsflödet från databasen bröts: ${e.message}`);
			lost();
		});
		c.on('end', lost);
		try {
			await c.connect();
			await c.query(`LISTEN ${CHANGE_CHANNEL}`);
		} catch (e) {
			await c.end().catch(() => {});
			throw e;
		}
		if (stopped) {
			await c.end().catch(() => {});
			return;
		}
		client = c;
		// Whatever changed while we were away is covered by a new generation.
		generation++;
		listening = true;
		nextWait = firstRetryMs;
	}

	await connect();
	return {
		get generation() {
			return generation;
		},
		get listening() {
			return listening;
		},
		touch() {
			generation++;
		},
		async stop() {
			stopped = true;
			clearTimeout(retry);
			const c = client;
			client = null;
			listening = false;
			await c?.end().catch(() => {});
		}
	};
}
