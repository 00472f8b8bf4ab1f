// Shared costs (the agreement's §6 and §7): the key that shares a cost among
// the participating municipalities, and what each of them actually paid.
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, Tx } from '../db/client.ts';
import type { Actor } from '../actor.ts';
import { costSharing, ledgerCategory, ledgerEntry, population } from '../db/schema/index.ts';
import { fieldError, NotFoundError } from '../errors.ts';
import { inTransaction, requireRole, validate, writeAudit } from '../service.ts';
import { costSharingInput } from '../../schemas/finance.ts';
import { allocate, type AllocationKey, type Ore } from '../../core/finance.ts';
import { ledgerConstraints } from './service.ts';

type Reader = Db | Tx;

export async function listCostSharings(db: Reader) {
	return db.select().from(costSharing).orderBy(desc(costSharing.year), asc(costSharing.id));
}

export async function getCostSharing(db: Reader, id: number) {
	const [row] = await db.select().from(costSharing).where(eq(costSharing.id, id));
	if (!row) throw new NotFoundError('Fördelningen');
	return row;
}

/** What each municipality actually paid toward an event or project (income entries naming the municipality). */
export async function paidByMunicipality(db: Reader, f: { eventId: number | null; projectId: number | null }): Promise<Map<number, Ore>> {
	if (!f.eventId && !f.projectId) return new Map();
	const rows = await db
		.select({ municipalityId: ledgerEntry.municipalityId, amount: sql<string>`sum(${ledgerEntry.amount})` })
		.from(ledgerEntry)
		.innerJoin(ledgerCategory, eq(ledgerCategory.id, ledgerEntry.categoryId))
		.where(
			and(
				eq(ledgerCategory.kind, 'income'),
				sql`${ledgerEntry.municipalityId} is not null`,
				f.eventId ? eq(ledgerEntry.eventId, f.eventId) : eq(ledgerEntry.projectId, f.projectId as number)
			)
		)
		.groupBy(ledgerEntry.municipalityId);
	return new Map(rows.map((r) => [r.municipalityId as number, Number(r.amount)]));
}

export async function populationsOn(db: Reader, date: string): Promise<Map<number, { population: number | null; source: string }>> {
	const rows = await db
		.select({ municipalityId: population.municipalityId, population: population.population, source: population.source })
		.from(population)
		.where(and(eq(population.date, date), sql`${population.municipalityId} is not null`));
	return new Map(rows.map((r) => [r.municipalityId as number, { population: r.population, source: r.source }]));
}

export function keyOf(v: { keyKind: string; equalPercent: number | null }): AllocationKey {
	return v.keyKind === 'mix' ? { kind: 'mix', equalPercent: v.equalPercent ?? 50 } : { kind: v.keyKind as 'population' | 'equal' };
}

/** A shared cost with its key; refused when the key cannot share it exactly (a population missing, öre in a krona split). */
export async function createCostSharing(db: Db, actor: Actor, input: unknown) {
	requireRole(actor, 'editor');
	const values = validate(costSharingInput, input);
	return inTransaction(
		db,
		async (tx) => {
			await checkSharing(tx, values);
			const [row] = await tx.insert(costSharing).values(values).returning();
			await writeAudit(tx, actor, { action: 'create', entity: 'cost_sharing', entityId: row.id, after: row });
			return row;
		},
		ledgerConstraints
	);
}

async function checkSharing(tx: Tx, v: z.infer<typeof costSharingInput>) {
	const pops = v.populationDate
		? await tx
				.select({ municipalityId: population.municipalityId, population: population.population })
				.from(population)
				.where(and(eq(population.date, v.populationDate), inArray(population.municipalityId, v.participantIds)))
		: [];
	const byId = new Map(pops.map((p) => [p.municipalityId, p.population]));
	try {
		allocate(
			v.total,
			keyOf(v),
			v.participantIds.map((id) => byId.get(id) ?? null),
			v.unit
		);
	} catch (e) {
		const message = (e as Error).message;
		throw fieldError(message.includes('Folkmängd') ? 'populationDate' : message.includes('ören') ? 'total' : 'keyKind', message);
	}
}
