// Columns every editable record carries.
import { integer, timestamp } from 'drizzle-orm/pg-core';

/** Optimistic concurrency: a save names the version it edited; a stale one is refused. */
export const version = { version: integer().notNull().default(1) };

export const timestamps = {
	createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
	updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
};
