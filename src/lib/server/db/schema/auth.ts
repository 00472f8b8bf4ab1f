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
	/** When the password was last set by its owner, a reset or an administrator; null before the first change. */
	passwordChangedAt: timestamp({ withTimezone: true }),
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

/**
 * Sign-in throttling, one row per key: an account and the address it is tried
 * from (`login:<e-mail> <address>`), an address across accounts
 * (`address:<address>`), and reset requests. A check is counted before the
 * password is verified, in one statement, so parallel attempts cannot overrun it.
 */
export const loginAttempt = pgTable('login_attempt', {
	key: text().primaryKey(),
	failures: integer().notNull().default(0),
	windowStart: timestamp({ withTimezone: true }).notNull().defaultNow(),
	lockedUntil: timestamp({ withTimezone: true })
});

/** A single-use link to set a new password, valid for a short time; only the token's sha256 is kept. */
export const passwordReset = pgTable(
	'password_reset',
	{
		id: integer().primaryKey().generatedAlwaysAsIdentity(),
		accountId: integer()
			.notNull()
			.references(() => account.id, { onDelete: 'cascade' }),
		tokenHash: text().notNull().unique(),
		/** Who asked for it: null for the owner (the login page's form), else the administrator's account. */
		requestedBy: integer().references(() => account.id, { onDelete: 'set null' }),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		expiresAt: timestamp({ withTimezone: true }).notNull(),
		usedAt: timestamp({ withTimezone: true })
	},
	(t) => [index('password_reset_account').on(t.accountId)]
);
