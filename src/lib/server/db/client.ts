// The database handle: a pg pool and Drizzle over it.
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema/index.ts';

export type Db = NodePgDatabase<typeof schema> & { $client: pg.Pool };
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

// `date` columns as plain ISO strings, never shifted through a JavaScript Date.
pg.types.setTypeParser(1082, (v) => v);

export function createDb(url: string, max = 10): Db {
	// Prepared statements are planned once per connection (a generic plan), not at
	// every execution: PostgreSQL kept choosing custom plans for the meeting page's
	// query, and planning it (5.5 ms) cost more than running it (3.9 ms) at each request.
	const pool = new pg.Pool({ connectionString: url, max, options: '-c plan_cache_mode=force_generic_plan' });
	// A dropped connection must not crash the process; the next query reconnects.
	// The pool hears of idle clients; a client checked out between two queries (a
	// transaction's) emits on itself, with nobody listening unless we do.
	pool.on('error', (e) => console.error('Databasanslutningen bröts:', e.message));
	pool.on('connect', (client) => client.on('error', (e) => console.error('Databasanslutningen bröts under arbete:', e.message)));
	return drizzle(pool, { schema, casing: 'snake_case' }) as Db;
}
