// Accounts, sessions, API tokens and login throttling: all rows, so any number
// of application instances can share them.
import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { person } from './organisation.ts';
import { timestamps, version } from './columns.ts';

export const account = pgTable('account', {
	id: integer().primaryKey().generatedAlwaysAsIdentity(),
	email: text().notNull().unique(),
	name: text().notNull(),
	passwordHash: text().notNull(),
	role: text().notNull(),
	personId: integer().references(() => person.id),
	disabledAt: timestamp({ withTimezone: true }),
	...version,
	...timestamps
});

export const session = pgTable(
	'session',
	{
		/** sha256 of the token in the cookie: a leaked table does not leak sessions. */
		id: text().primaryKey(),
		accountId: integer()
			.notNull()
			.references(() => account.id, { onDelete: 'cascade' }),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		expiresAt: timestamp({ withTimezone: true }).notNull()
	},
	(t) => [index('session_account').on(t.accountId)]
);

export const apiToken = pgTable('api_token', {
	id: integer().primaryKey().generatedAlwaysAsIdentity(),
	accountId: integer()
		.notNull()
		.references(() => account.id, { onDelete: 'cascade' }),
	name: text().notNull(),
	tokenHash: text().notNull().unique(),
	createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
	lastUsedAt: timestamp({ withTimezone: true }),
	revokedAt: timestamp({ withTimezone: true })
});

export const loginAttempt = pgTable('login_attempt', {
	key: text().primaryKey(),
	failures: integer().notNull().default(0),
	windowStart: timestamp({ withTimezone: true }).notNull().defaultNow(),
	lockedUntil: timestamp({ withTimezone: true })
});
