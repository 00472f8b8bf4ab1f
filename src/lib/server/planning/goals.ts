// The goal structure's changes: decisions, programmes and their areas, focus
// areas and sub-goals with their responsible bodies, and removing a sub-goal by
// decision. Validated, authorised, in one transaction, audited.
import { and, asc, eq, gte } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Tx } from '../db/client.ts';
import type { Actor } from '../actor.ts';
import { activity, decision, focusArea, focusAreaBody, plan, programme, programmeArea, subGoal, subGoalBody } from '../db/schema/index.ts';
import { fieldError } from '../errors.ts';
import { inTransaction, loadForUpdate, requireRole, updateVersioned, validate, writeAudit } from '../service.ts';
import type { Register } from '../register.ts';
import { versionField } from '../../schemas/fields.ts';
import {
	datedDecisionInput,
	decisionInput,
	focusAreaInput,
	programmeAreaInput,
	programmeInput,
	subGoalInput
} from '../../schemas/planning.ts';
import { formatDate } from '../../core/format.ts';

export const decisions: Register<typeof decisionInput> = {
	entity: 'decision',
	what: 'Beslutet',
	table: decision,
	input: decisionInput,
	constraints: { decision_body_id_body_id_fk: ['bodyId', 'Beslutande organ: det valda organet finns inte.'] }
};

export const programmes: Register<typeof programmeInput> = {
	entity: 'programme',
	what: 'Programmet',
	table: programme,
	input: programmeInput,
	constraints: { programme_adopted_decision_id_decision_id_fk: ['adoptedDecisionId', 'Beslut om antagande: beslutet finns inte.'] }
};

export const programmeAreas: Register<typeof programmeAreaInput> = {
	entity: 'programme_area',
	what: 'Området',
	table: programmeArea,
	input: programmeAreaInput,
	constraints: { programme_area_programme_id_programme_id_fk: ['programmeId', 'Program: programmet finns inte.'] }
};

// ---------------------------------------------------------------------------
// Decisions made as part of another change.

export async function insertDecision(tx: Tx, actor: Actor, values: z.infer<typeof decisionInput>) {
	const [row] = await tx.insert(decision).values(values).returning();
	await writeAudit(tx, actor, { action: 'create', entity: 'decision', entityId: row.id, after: row });
	return row;
}

// ---------------------------------------------------------------------------
// Focus areas and sub-goals, with their responsible bodies.

async function setBodies(tx: Tx, table: typeof focusAreaBody | typeof subGoalBody, ownerId: number, bodyIds: number[]) {
	if (table === focusAreaBody) {
		await tx.delete(focusAreaBody).where(eq(focusAreaBody.focusAreaId, ownerId));
		if (bodyIds.length) await tx.insert(focusAreaBody).values([...new Set(bodyIds)].map((bodyId) => ({ focusAreaId: ownerId, bodyId })));
	} else {
		await tx.delete(subGoalBody).where(eq(subGoalBody.subGoalId, ownerId));
		if (bodyIds.length) await tx.insert(subGoalBody).values([...new Set(bodyIds)].map((bodyId) => ({ subGoalId: ownerId, bodyId })));
	}
}

const bodyConstraints = {
	focus_area_body_body_id_body_id_fk: ['responsibleBodyIds', 'Ansvariga organ: ett valt organ finns inte.'],
	sub_goal_body_body_id_body_id_fk: ['responsibleBodyIds', 'Ansvariga organ: ett valt organ finns inte.'],
	focus_area_programme_id_programme_id_fk: ['programmeId', 'Program: programmet finns inte.'],
	sub_goal_focus_area_id_focus_area_id_fk: ['focusAreaId', 'Fokusområde: fokusområdet finns inte.'],
	sub_goal_added_decision_id_decision_id_fk: ['addedDecisionId', 'Tillkom genom beslut: beslutet finns inte.']
} as const satisfies Record<string, [string, string]>;

async function checkFocusAreaArea(tx: Tx, v: { programmeId: number; areaId: number | null }) {
	if (v.areaId === null) return;
	const [a] = await tx.select({ programmeId: programmeArea.programmeId }).from(programmeArea).where(eq(programmeArea.id, v.areaId));
	if (!a || a.programmeId !== v.programmeId) throw fieldError('areaId', 'Område: välj ett område i samma program.');
}

export async function createFocusArea(db: Db, actor: Actor, input: unknown) {
	requireRole(actor, 'editor');
	const { responsibleBodyIds, ...values } = validate(focusAreaInput, input);
	return inTransaction(
		db,
		async (tx) => {
			await checkFocusAreaArea(tx, values);
			const [row] = await tx.insert(focusArea).values(values).returning();
			await setBodies(tx, focusAreaBody, row.id, responsibleBodyIds);
			await writeAudit(tx, actor, { action: 'create', entity: 'focus_area', entityId: row.id, after: { ...row, responsibleBodyIds } });
			return row;
		},
		bodyConstraints
	);
}

export async function updateFocusArea(db: Db, actor: Actor, id: number, input: unknown) {
	requireRole(actor, 'editor');
	const { version } = validate(z.object({ version: versionField }), input);
	const { responsibleBodyIds, ...values } = validate(focusAreaInput, input);
	return inTransaction(
		db,
		async (tx) => {
			await checkFocusAreaArea(tx, values);
			const { before, after } = await updateVersioned(tx, focusArea, id, version, values, 'Fokusområdet');
			await setBodies(tx, focusAreaBody, id, responsibleBodyIds);
			await writeAudit(tx, actor, {
				action: 'update',
				entity: 'focus_area',
				entityId: id,
				before,
				after: { ...after, responsibleBodyIds }
			});
			return after;
		},
		bodyConstraints
	);
}

export async function createSubGoal(db: Db, actor: Actor, input: unknown) {
	requireRole(actor, 'editor');
	const { responsibleBodyIds, ...values } = validate(subGoalInput, input);
	return inTransaction(
		db,
		async (tx) => {
			const [row] = await tx.insert(subGoal).values(values).returning();
			await setBodies(tx, subGoalBody, row.id, responsibleBodyIds);
			await writeAudit(tx, actor, { action: 'create', entity: 'sub_goal', entityId: row.id, after: { ...row, responsibleBodyIds } });
			return row;
		},
		bodyConstraints
	);
}

export async function updateSubGoal(db: Db, actor: Actor, id: number, input: unknown) {
	requireRole(actor, 'editor');
	const { version } = validate(z.object({ version: versionField }), input);
	const { responsibleBodyIds, ...values } = validate(subGoalInput, input);
	return inTransaction(
		db,
		async (tx) => {
			const { before, after } = await updateVersioned(tx, subGoal, id, version, values, 'Delmålet');
			await setBodies(tx, subGoalBody, id, responsibleBodyIds);
			await writeAudit(tx, actor, { action: 'update', entity: 'sub_goal', entityId: id, before, after: { ...after, responsibleBodyIds } });
			return after;
		},
		bodyConstraints
	);
}

/**
 * A sub-goal is removed by a decision, from its date on. It stays in the
 * structure of earlier years; plans of the year of removal or later must not
 * still point to it.
 */
export async function removeSubGoal(db: Db, actor: Actor, id: number, input: unknown) {
	requireRole(actor, 'editor');
	// Chosen from a list, so the form may not know the version; a given one is checked.
	const given = (input as { version?: unknown } | null)?.version;
	const d = validate(datedDecisionInput, input);
	return inTransaction(db, async (tx) => {
		const current = await loadForUpdate(tx, subGoal, id, 'Delmålet');
		if (current.removedDecisionId) throw fieldError('decidedOn', 'Delmålet är redan borttaget.');
		const version = given === undefined || given === '' ? current.version : validate(z.object({ version: versionField }), input).version;
		const year = Number(d.decidedOn.slice(0, 4));
		const still = await tx
			.select({ year: plan.year, title: activity.title })
			.from(activity)
			.innerJoin(plan, eq(plan.id, activity.planId))
			.where(and(eq(activity.subGoalId, id), gte(plan.year, year)))
			.orderBy(asc(plan.year))
			.limit(3);
		if (still.length) {
			throw fieldError(
				'decidedOn',
				`Delmålet kan inte tas bort från ${formatDate(d.decidedOn)}: aktiviteter i planen för ${still[0].year} hör fortfarande till det ` +
					`(till exempel "${still[0].title}"). Flytta dem till ett annat delmål först.`
			);
		}
		const made = await insertDecision(tx, actor, d);
		const { before, after } = await updateVersioned(tx, subGoal, id, version, { removedDecisionId: made.id }, 'Delmålet');
		await writeAudit(tx, actor, { action: 'remove', entity: 'sub_goal', entityId: id, before, after });
		return after;
	});
}
