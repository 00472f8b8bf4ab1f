// The database handle: a pg pool and Drizzle over it.
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema/index.ts';

export type Db = NodePgDatabase<typeof schema> & { $client: pg.Pool };
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

// `date` columns as plain ISO strings, never shifted through a JavaScript Date.
pg.types.setTypeParser(1082, (v) => v);

export function createDb(url: string, max = 10): Db {
	const pool = new pg.Pool({ connectionString: url, max });
	// A dropped connection must not crash the process; the next query reconnects.
	// The pool hears of idle clients; a client checked out between two queries (a
	// transaction's) emits on itself, with nobody listening unless we do.
	pool.on('error', (e) => console.error('Databasanslutningen bröts:', e.message));
	pool.on('connect', (client) => client.on('error', (e) => console.error('Databasanslutningen bröts under arbete:', e.message)));
	return drizzle(pool, { schema, casing: 'snake_case' }) as Db;
}
