// What every service function shares: validation, authorisation, one
// transaction, and an audit row for every change.
import { eq, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { Db, Tx } from './db/client.ts';
import { auditLog } from './db/schema/index.ts';
import { hasRole, type Actor } from './actor.ts';
import { firstUnsafeText } from '../core/input-text.ts';
import { ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError } from './errors.ts';

export function validate<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
	const result = schema.safeParse(input);
	if (!result.success) throw ValidationError.fromZod(result.error);
	// The field builders refuse such characters with the field's label; this covers any text they do not build.
	const unsafe = firstUnsafeText(result.data);
	if (unsafe)
		throw new ValidationError([{ field: unsafe.path.join('.') || '_', message: `Fältet ”${unsafe.path.join('.')}” ${unsafe.problem}.` }]);
	return result.data;
}

export function requireRole(actor: Actor, least: 'member' | 'editor' | 'admin') {
	if (hasRole(actor, least)) return;
	if (actor.role === 'public') throw new UnauthenticatedError();
	throw new ForbiddenError();
}

export interface AuditEntry {
	action: string;
	entity: string;
	entityId?: string | number | null;
	before?: unknown;
	after?: unknown;
}

export async function writeAudit(tx: Tx | Db, actor: Actor, e: AuditEntry) {
	await tx.insert(auditLog).values({
		accountId: actor.accountId,
		actor: actor.name,
		action: e.action,
		entity: e.entity,
		entityId: e.entityId == null ? null : String(e.entityId),
		before: e.before ?? null,
		after: e.after ?? null
	});
}

/**
 * Runs a change in one transaction. Database constraint violations become
 * field errors, so a user hears which field is wrong, not a stack trace.
 */
export async function inTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>, fieldOf: ConstraintFields = {}): Promise<T> {
	try {
		return await db.transaction(work);
	} catch (e) {
		throw translateDbError(e, fieldOf);
	}
}

/** constraint or column name → [field, message] */
export type ConstraintFields = Record<string, [string, string]>;

function translateDbError(e: unknown, fieldOf: ConstraintFields): unknown {
	const err = (e as { cause?: unknown }).cause ?? e;
	const pgErr = err as { code?: string; constraint?: string; column?: string };
	if (!pgErr.code) return e;
	const mapped = (pgErr.constraint && fieldOf[pgErr.constraint]) || (pgErr.column && fieldOf[pgErr.column]);
	if (mapped) return new ValidationError([{ field: mapped[0], message: mapped[1] }]);
	switch (pgErr.code) {
		case '23503':
			return new ValidationError([{ field: '_', message: 'En vald post finns inte längre, eller används fortfarande av andra poster.' }]);
		case '23505':
			return new ValidationError([{ field: '_', message: 'Det finns redan en sådan post.' }]);
		case '23514':
			return new ValidationError([{ field: '_', message: 'Uppgifterna hänger inte ihop (kontrollera datumen).' }]);
	}
	return e;
}

type TableWithVersion = PgTable & { id: any; version: any; updatedAt: any };

/** Reads a row for update, or 404. */
export async function loadForUpdate<T extends TableWithVersion>(tx: Tx, table: T, id: number, what: string) {
	const rows = await tx
		.select()
		.from(table as PgTable)
		.where(eq(table.id, id))
		.for('update');
	if (!rows[0]) throw new NotFoundError(what);
	return rows[0] as Record<string, unknown> & { id: number; version: number };
}

/** Updates a row if it is still at the version the user edited; bumps the version. */
export async function updateVersioned<T extends TableWithVersion>(
	tx: Tx,
	table: T,
	id: number,
	expectedVersion: number,
	values: Record<string, unknown>,
	what: string
) {
	const before = await loadForUpdate(tx, table, id, what);
	if (before.version !== expectedVersion) throw new ConflictError();
	const [after] = await tx
		.update(table as PgTable)
		.set({ ...values, version: sql`${table.version} + 1`, updatedAt: sql`now()` } as never)
		.where(eq(table.id, id))
		.returning();
	return { before, after: after as Record<string, unknown> & { id: number; version: number } };
}
