// A large read run as a named prepared statement on the pool: PostgreSQL plans
// it once per connection instead of on every request (the meeting's query took
// longer to plan than to run). Inside a transaction it runs as an ordinary query.
import { createHash } from 'node:crypto';
import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '../db/client.ts';

const dialect = new PgDialect({ casing: 'snake_case' });

export async function preparedRows<T>(db: Db | Tx, label: string, query: SQL): Promise<T[]> {
	if ('rollback' in db) return (await db.execute(query)).rows as T[];
	const { sql: text, params } = dialect.sqlToQuery(query);
	// The text differs with the reader's visibility rule: one statement per text.
	const name = `${label}-${createHash('sha1').update(text).digest('hex').slice(0, 12)}`;
	const result = await db.$client.query({ name, text, values: params as unknown[] });
	return result.rows as T[];
}
