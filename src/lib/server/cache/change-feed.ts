// Tells this instance when the data changed anywhere: a dedicated connection
// LISTENs to the notification that every audited change sends on commit
// (migration 0001). Any number of instances sharing one server hear the same.
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

export async function startChangeFeed(url: string, log: (m: string) => void = console.error): Promise<ChangeFeed> {
	let generation = 0;
	let listening = false;
	let stopped = false;
	let client: pg.Client | null = null;
	let retry: NodeJS.Timeout | undefined;

	async function connect() {
		const c = new pg.Client({ connectionString: url });
		const lost = () => {
			if (client !== c) return;
			client = null;
			listening = false;
			generation++;
			if (!stopped) retry = setTimeout(() => void connect().catch(reconnectLater), 1000);
		};
		const reconnectLater = () => {
			if (!stopped) retry = setTimeout(() => void connect().catch(reconnectLater), 1000);
		};
		c.on('notification', () => generation++);
		c.on('error', (e) => {
			log(`Ändringsflödet från databasen bröts: ${e.message}`);
			lost();
		});
		c.on('end', lost);
		await c.connect();
		await c.query(`LISTEN ${CHANGE_CHANNEL}`);
		client = c;
		// Whatever changed while we were away is covered by a new generation.
		generation++;
		listening = true;
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
			await c?.end();
		}
	};
}
