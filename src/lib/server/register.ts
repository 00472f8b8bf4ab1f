// Create, update and end for the register's simple records: validated,
// authorised, in one transaction, audited. Entity-specific rules hook in.
import type { PgTable } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Db, Tx } from './db/client.ts';
import type { Actor } from './actor.ts';
import { versionField } from '../schemas/fields.ts';
import { endInput } from '../schemas/organisation.ts';
import { eq } from 'drizzle-orm';
import { ConflictError } from './errors.ts';
import { inTransaction, loadForUpdate, requireRole, updateVersioned, validate, writeAudit, type ConstraintFields } from './service.ts';

export interface Register<S extends z.ZodType> {
	/** audit entity and API name, e.g. "municipality" */
	entity: string;
	/** "Kommunen", for messages */
	what: string;
	table: PgTable & { id: any; version: any; updatedAt: any };
	input: S;
	/** the column that ending a record sets */
	endField?: string;
	constraints?: ConstraintFields;
	/** further checks that need the database; throw ValidationError */
	check?: (tx: Tx, values: z.infer<S>, id?: number) => Promise<void>;
	/** what saving sets off, in its transaction (a new member's introduction task, the appointment) */
	saved?: (tx: Tx, actor: Actor, row: any, values: z.infer<S>, isNew: boolean) => Promise<unknown>;
}

export async function createEntry<S extends z.ZodType>(db: Db, actor: Actor, reg: Register<S>, input: unknown) {
	requireRole(actor, 'editor');
	const values = validate(reg.input, input);
	return inTransaction(
		db,
		async (tx) => {
			await reg.check?.(tx, values);
			const [row] = (await tx
				.insert(reg.table)
				.values(values as never)
				.returning()) as (Record<string, unknown> & { id: number; version: number })[];
			await writeAudit(tx, actor, { action: 'create', entity: reg.entity, entityId: row.id, after: row });
			await reg.saved?.(tx, actor, row, values, true);
			return row;
		},
		reg.constraints
	);
}

export async function updateEntry<S extends z.ZodType>(db: Db, actor: Actor, reg: Register<S>, id: number, input: unknown) {
	requireRole(actor, 'editor');
	const { version } = validate(z.object({ version: versionField }), input);
	const values = validate(reg.input, input);
	return inTransaction(
		db,
		async (tx) => {
			await reg.check?.(tx, values, id);
			const { before, after } = await updateVersioned(tx, reg.table, id, version, values as Record<string, unknown>, reg.what);
			await writeAudit(tx, actor, { action: 'update', entity: reg.entity, entityId: id, before, after });
			await reg.saved?.(tx, actor, after, values, false);
			return after;
		},
		reg.constraints
	);
}

/** Ending keeps the record and its history: it sets the end date. */
export async function endEntry<S extends z.ZodType>(db: Db, actor: Actor, reg: Register<S>, id: number, input: unknown) {
	requireRole(actor, 'editor');
	if (!reg.endField) throw new Error(`${reg.entity} cannot be ended`);
	const { date, version } = validate(endInput.extend({ version: versionField }), input);
	return inTransaction(
		db,
		async (tx) => {
			const { before, after } = await updateVersioned(tx, reg.table, id, version, { [reg.endField!]: date }, reg.what);
			await writeAudit(tx, actor, { action: 'end', entity: reg.entity, entityId: id, before, after });
			return after;
		},
		reg.constraints
	);
}

/** Removing a record read at its version (a count, a year's text): the audit keeps what it was. */
export async function removeEntry<S extends z.ZodType>(db: Db, actor: Actor, reg: Register<S>, id: number, input: unknown) {
	requireRole(actor, 'editor');
	const { version } = validate(z.object({ version: versionField }), input);
	return inTransaction(db, async (tx) => {
		const before = await loadForUpdate(tx, reg.table, id, reg.what);
		if (before.version !== version) throw new ConflictError();
		await tx.delete(reg.table).where(eq(reg.table.id, id));
		await writeAudit(tx, actor, { action: 'delete', entity: reg.entity, entityId: id, before });
		return before;
	});
}
