// How a command gets its database: the PostgreSQL server of DATABASE_URL, the
// embedded server of a Samverka running on DATA_DIR, or else the embedded
// server started by the command itself for as long as it runs.
import { readConfig, type Config } from '../src/lib/server/config.ts';
import { createDb, type Db } from '../src/lib/server/db/client.ts';
import { runningServerUrl, startEmbedded } from '../src/lib/server/db/embedded.ts';
import { migrate } from '../src/lib/server/db/migrate.ts';
import { startRuntime } from '../src/lib/server/runtime.ts';

/**
 * - `use`: a command that reads or changes data. Without a running application
 *   it starts the embedded server as the application does (migrations, and the
 *   demo data and first administrator on first start).
 * - `init`: like `use`, and on DATABASE_URL's server too.
 * - `migrate`: applies the migrations and nothing else.
 */
export type Purpose = 'use' | 'init' | 'migrate';

export interface Database {
	db: Db;
	/** url: DATABASE_URL; running: a live application's embedded server; own: started by this command. */
	kind: 'url' | 'running' | 'own';
	/** Where the data lives, in Swedish, for the user. */
	source: string;
	/** The migrations applied now, when this command ran them itself. */
	applied: string[] | null;
	close(): Promise<void>;
}

type Log = (message: string) => void;

async function connect(url: string, runMigrations: boolean): Promise<Pick<Database, 'db' | 'applied' | 'close'>> {
	const db = createDb(url, 2);
	try {
		const applied = runMigrations ? await migrate(db.$client) : null;
		return { db, applied, close: () => db.$client.end() };
	} catch (e) {
		await db.$client.end();
		throw e;
	}
}

async function migrateOwnEmbedded(config: Config, log: Log): Promise<Database> {
	const server = await startEmbedded({ dataDir: config.dataDir, log });
	try {
		const conn = await connect(server.url, true);
		const close = async () => {
			await conn.close();
			await server.stop();
		};
		return { ...conn, kind: 'own', source: `den inbyggda databasen i ${config.dataDir}`, close };
	} catch (e) {
		await server.stop();
		throw e;
	}
}

export async function openDatabase(purpose: Purpose, log: Log, config: Config = readConfig()): Promise<Database> {
	const fromUrl = 'PostgreSQL-servern i DATABASE_URL';
	if (config.databaseUrl && purpose !== 'init') {
		return { ...(await connect(config.databaseUrl, true)), kind: 'url', source: fromUrl };
	}
	const running = config.databaseUrl ? null : runningServerUrl(config.dataDir);
	if (running) {
		// The application migrated its database when it started.
		const source = `den inbyggda databasen i ${config.dataDir}`;
		return { ...(await connect(running, purpose === 'migrate')), kind: 'running', source };
	}
	if (purpose === 'migrate') return migrateOwnEmbedded(config, log);
	const runtime = await startRuntime(config, log);
	return {
		db: runtime.db,
		kind: config.databaseUrl ? 'url' : 'own',
		source: config.databaseUrl ? fromUrl : `den inbyggda databasen i ${config.dataDir}`,
		applied: null,
		close: runtime.stop
	};
}

/** Opens the database, runs the work, and always closes it again. */
export async function withDatabase<T>(purpose: Purpose, log: Log, work: (database: Database) => Promise<T>): Promise<T> {
	const database = await openDatabase(purpose, log);
	if (database.applied?.length) log(`Databasschemat uppdaterat: ${database.applied.join(', ')}.`);
	try {
		return await work(database);
	} finally {
		await database.close();
	}
}
