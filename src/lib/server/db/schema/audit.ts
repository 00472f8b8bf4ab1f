// The audit log: who changed what, when, with the record before and after.
import { bigint, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { account } from './auth.ts';

export const auditLog = pgTable(
	'audit_log',
	{
		id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
		at: timestamp({ withTimezone: true }).notNull().defaultNow(),
		accountId: integer().references(() => account.id, { onDelete: 'set null' }),
		actor: text().notNull(),
		action: text().notNull(),
		entity: text().notNull(),
		entityId: text(),
		before: jsonb(),
		after: jsonb()
	},
	(t) => [index('audit_entity').on(t.entity, t.entityId), index('audit_at').on(t.at)]
);
