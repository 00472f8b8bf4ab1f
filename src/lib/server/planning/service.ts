// The plans' changes: plans and their adoption, activities, follow-up and the
// decisions that concern an activity. Validated, authorised, in one transaction, audited.
import { asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, Tx } from '../db/client.ts';
import type { Actor } from '../actor.ts';
import {
	activity,
	activityResponsible,
	decision,
	decisionActivity,
	focusArea,
	followUp,
	plan,
	planArea,
	subGoal
} from '../db/schema/index.ts';
import { fieldError, ForbiddenError, NotFoundError } from '../errors.ts';
import { inTransaction, loadForUpdate, requireRole, updateVersioned, validate, writeAudit } from '../service.ts';
import type { Register } from '../register.ts';
import { versionField } from '../../schemas/fields.ts';
import { activityInput, datedDecisionInput, followUpInput, planAreaInput, planInput, reportTextInput } from '../../schemas/planning.ts';
import { carriesOver, subGoalInForce, withinYear } from '../../core/planning.ts';
import { formatDate } from '../../core/format.ts';
import { canFollowUp } from './queries.ts';
import { subGoalDates } from './structure.ts';
import { insertDecision } from './goals.ts';
import { z as zod } from 'zod';

/** The plan's own areas: the register's generic create and update. */
export const planAreas: Register<typeof planAreaInput> = {
	entity: 'plan_area',
	what: 'Planens område',
	table: planArea,
	input: planAreaInput,
	constraints: { plan_area_plan_id_plan_id_fk: ['planId', 'Plan: planen finns inte.'] }
};

// ---------------------------------------------------------------------------
// Plans.

const planConstraints = {
	plan_year_unique: ['year', 'År: det finns redan en verksamhetsplan för det året.'],
	plan_programme_id_programme_id_fk: ['programmeId', 'Utvecklingsprogram: programmet finns inte.']
} as const satisfies Record<string, [string, string]>;

export async function createPlan(db: Db, actor: Actor, input: unknown) {
	requireRole(actor, 'editor');
	const values = validate(planInput, input);
	return inTransaction(
		db,
		async (tx) => {
			const [previous] = await tx
				.select({ id: plan.id })
				.from(plan)
				.where(eq(plan.year, values.year - 1));
			const [row] = await tx
				.insert(plan)
				.values({ ...values, previousPlanId: previous?.id ?? null })
				.returning();
			await writeAudit(tx, actor, { action: 'create', entity: 'plan', entityId: row.id, after: row });
			return row;
		},
		planConstraints
	);
}

export async function updatePlan(db: Db, actor: Actor, id: number, input: unknown) {
	requireRole(actor, 'editor');
	const { version } = validate(zod.object({ version: versionField }), input);
	const values = validate(planInput, input);
	return inTransaction(
		db,
		async (tx) => {
			const { before, after } = await updateVersioned(tx, plan, id, version, values, 'Planen');
			await writeAudit(tx, actor, { action: 'update', entity: 'plan', entityId: id, before, after });
			return after;
		},
		planConstraints
	);
}

/** A plan is adopted once, by a dated decision. */
export async function adoptPlan(db: Db, actor: Actor, id: number, input: unknown) {
	requireRole(actor, 'editor');
	const { version } = validate(zod.object({ version: versionField }), input);
	const d = validate(datedDecisionInput, input);
	return inTransaction(db, async (tx) => {
		const current = await loadForUpdate(tx, plan, id, 'Planen');
		if (current.status === 'adopted') {
			const [prev] = current.adoptedDecisionId
				? await tx
						.select()
						.from(decision)
						.where(eq(decision.id, current.adoptedDecisionId as number))
				: [];
			throw fieldError(
				'decidedOn',
				`Planen är redan antagen${prev?.decidedOn ? ` (beslut den ${formatDate(prev.decidedOn)})` : ''}; den kan inte antas en gång till.`
			);
		}
		const made = await insertDecision(tx, actor, d);
		const { before, after } = await updateVersioned(tx, plan, id, version, { status: 'adopted', adoptedDecisionId: made.id }, 'Planen');
		await writeAudit(tx, actor, { action: 'adopt', entity: 'plan', entityId: id, before, after });
		return after;
	});
}

/**
 * Next year's plan from this one: same programme, the plan's own areas, and every
 * unfinished activity carried over with its link kept. Activities under a
 * sub-goal no longer in force next year stay behind; the result says how many.
 */
export async function startNextPlan(db: Db, actor: Actor, id: number) {
	requireRole(actor, 'editor');
	return inTransaction(
		db,
		async (tx) => {
			const [from] = await tx.select().from(plan).where(eq(plan.id, id));
			if (!from) throw new NotFoundError('Planen');
			const year = from.year + 1;
			const [exists] = await tx.select({ id: plan.id }).from(plan).where(eq(plan.year, year));
			if (exists) throw fieldError('_', `Det finns redan en verksamhetsplan för ${year}.`);
			const [next] = await tx
				.insert(plan)
				.values({
					year,
					programmeId: from.programmeId,
					title: from.title.replace(String(from.year), String(year)),
					previousPlanId: from.id
				})
				.returning();
			const areaMap = new Map<number, number>();
			for (const a of await tx.select().from(planArea).where(eq(planArea.planId, from.id)).orderBy(asc(planArea.position))) {
				const [copy] = await tx
					.insert(planArea)
					.values({ planId: next.id, name: a.name, description: a.description, position: a.position })
					.returning();
				areaMap.set(a.id, copy.id);
			}
			const open = (
				await tx.select().from(activity).where(eq(activity.planId, from.id)).orderBy(asc(activity.position), asc(activity.id))
			).filter((a) => carriesOver(a.status as never));
			const goals = await subGoalDates(
				tx,
				open.map((a) => a.subGoalId).filter((g): g is number => g !== null)
			);
			let carried = 0;
			let left = 0;
			for (const a of open) {
				const g = a.subGoalId === null ? null : goals.get(a.subGoalId);
				if (g && !subGoalInForce(g, `${year}-01-01`)) {
					left++;
					continue;
				}
				const [copy] = await tx
					.insert(activity)
					.values({
						planId: next.id,
						subGoalId: a.subGoalId,
						planAreaId: a.planAreaId === null ? null : (areaMap.get(a.planAreaId) ?? null),
						title: a.title,
						timing: a.timing,
						comment: a.comment,
						status: a.status === 'ongoing' ? 'ongoing' : 'not_started',
						targetCount: a.targetCount,
						targetText: a.targetText,
						carriedFromId: a.id,
						position: a.position
					})
					.returning();
				const resp = await tx.select().from(activityResponsible).where(eq(activityResponsible.activityId, a.id));
				if (resp.length) {
					await tx.insert(activityResponsible).values(resp.map(({ id: _id, activityId: _a, ...r }) => ({ ...r, activityId: copy.id })));
				}
				carried++;
			}
			await writeAudit(tx, actor, {
				action: 'create',
				entity: 'plan',
				entityId: next.id,
				after: { ...next, carriedFromPlanId: from.id, carried, left }
			});
			return { plan: next, carried, left };
		},
		planConstraints
	);
}

// ---------------------------------------------------------------------------
// Activities.

type ActivityValues = z.infer<typeof activityInput>;

/** The sub-goal must belong to the plan's programme and be in force in its year; the area must be the plan's own. */
async function checkActivityPlacement(tx: Tx, v: ActivityValues) {
	const [p] = await tx.select().from(plan).where(eq(plan.id, v.planId));
	if (!p) throw fieldError('planId', 'Plan: planen finns inte.');
	if (v.subGoalId !== null) {
		const [g] = await tx
			.select({ programmeId: focusArea.programmeId })
			.from(subGoal)
			.innerJoin(focusArea, eq(focusArea.id, subGoal.focusAreaId))
			.where(eq(subGoal.id, v.subGoalId));
		if (!g || g.programmeId !== p.programmeId) {
			throw fieldError('subGoalId', 'Delmål: välj ett delmål i planens utvecklingsprogram.');
		}
		const dated = (await subGoalDates(tx, [v.subGoalId])).get(v.subGoalId)!;
		if (dated.removedOn && dated.removedOn <= `${p.year}-01-01`) {
			throw fieldError('subGoalId', `Delmål: delmålet togs bort ${formatDate(dated.removedOn)} och gäller inte ${p.year}.`);
		}
	}
	if (v.planAreaId !== null) {
		const [a] = await tx.select({ planId: planArea.planId }).from(planArea).where(eq(planArea.id, v.planAreaId));
		if (!a || a.planId !== v.planId) throw fieldError('planAreaId', 'Planens område: välj ett av den här planens egna områden.');
	}
	return p;
}

async function setResponsible(tx: Tx, activityId: number, v: ActivityValues) {
	await tx.delete(activityResponsible).where(eq(activityResponsible.activityId, activityId));
	const rows = [
		...v.responsibleBodyIds.map((bodyId) => ({ bodyId })),
		...v.responsibleMunicipalityIds.map((municipalityId) => ({ municipalityId })),
		...v.responsiblePersonIds.map((personId) => ({ personId })),
		...(v.responsibleText ?? '')
			.split(/\n|;/)
			.map((t) => t.trim())
			.filter(Boolean)
			.map((text) => ({ text }))
	].map((r, position) => ({ ...r, activityId, position }));
	if (rows.length) await tx.insert(activityResponsible).values(rows);
}

const activityConstraints = {
	activity_responsible_body_id_body_id_fk: ['responsibleBodyIds', 'Ansvariga organ: ett valt organ finns inte.'],
	activity_responsible_municipality_id_municipality_id_fk: ['responsibleMunicipalityIds', 'Ansvariga kommuner: en vald kommun finns inte.'],
	activity_responsible_person_id_person_id_fk: ['responsiblePersonIds', 'Ansvariga personer: en vald person finns inte.']
} as const satisfies Record<string, [string, string]>;

function activityColumns(v: ActivityValues) {
	const { responsibleBodyIds: _b, responsibleMunicipalityIds: _m, responsiblePersonIds: _p, responsibleText: _t, ...columns } = v;
	return columns;
}

export async function createActivity(db: Db, actor: Actor, input: unknown) {
	requireRole(actor, 'editor');
	const v = validate(activityInput, input);
	return inTransaction(
		db,
		async (tx) => {
			await checkActivityPlacement(tx, v);
			const [row] = await tx.insert(activity).values(activityColumns(v)).returning();
			await setResponsible(tx, row.id, v);
			await writeAudit(tx, actor, {
				action: 'create',
				entity: 'activity',
				entityId: row.id,
				after: { ...row, responsible: responsibleAudit(v) }
			});
			return row;
		},
		activityConstraints
	);
}

function responsibleAudit(v: ActivityValues) {
	return {
		bodyIds: v.responsibleBodyIds,
		municipalityIds: v.responsibleMunicipalityIds,
		personIds: v.responsiblePersonIds,
		text: v.responsibleText
	};
}

export async function updateActivity(db: Db, actor: Actor, id: number, input: unknown) {
	requireRole(actor, 'editor');
	const { version } = validate(zod.object({ version: versionField }), input);
	const v = validate(activityInput, input);
	return inTransaction(
		db,
		async (tx) => {
			const current = await loadForUpdate(tx, activity, id, 'Aktiviteten');
			if (current.planId !== v.planId)
				throw fieldError('planId', 'Plan: en aktivitet kan inte flyttas till en annan plan; för den vidare i stället.');
			await checkActivityPlacement(tx, v);
			const { before, after } = await updateVersioned(tx, activity, id, version, activityColumns(v), 'Aktiviteten');
			await setResponsible(tx, id, v);
			await writeAudit(tx, actor, {
				action: 'update',
				entity: 'activity',
				entityId: id,
				before,
				after: { ...after, responsible: responsibleAudit(v) }
			});
			return after;
		},
		activityConstraints
	);
}

/** The secretariat's text for the annual report, and the status it reports. */
export async function updateReportText(db: Db, actor: Actor, id: number, input: unknown) {
	requireRole(actor, 'editor');
	const { version } = validate(zod.object({ version: versionField }), input);
	const v = validate(reportTextInput, input);
	return inTransaction(db, async (tx) => {
		const { before, after } = await updateVersioned(tx, activity, id, version, v, 'Aktiviteten');
		await writeAudit(tx, actor, { action: 'update', entity: 'activity', entityId: id, before, after });
		return after;
	});
}

const followUpWithStatus = followUpInput.extend({
	status: reportTextInput.shape.status.optional().or(zod.literal('').transform(() => undefined))
});

/**
 * A dated follow-up entry by whoever is responsible (or the secretariat); it can
 * also move the activity's status. The date must fall in the plan's year.
 */
export async function addFollowUp(db: Db, actor: Actor, activityId: number, input: unknown) {
	requireRole(actor, 'member');
	const v = validate(followUpWithStatus, input);
	return inTransaction(db, async (tx) => {
		const [a] = await tx
			.select({ id: activity.id, status: activity.status, year: plan.year })
			.from(activity)
			.innerJoin(plan, eq(plan.id, activity.planId))
			.where(eq(activity.id, activityId))
			.for('update', { of: activity });
		if (!a) throw new NotFoundError('Aktiviteten');
		if (!(await canFollowUp(tx, actor, activityId))) {
			throw new ForbiddenError('Du kan bara följa upp aktiviteter som ditt nätverk eller organ ansvarar för.');
		}
		if (!withinYear(v.date, a.year)) throw fieldError('date', `Datum: uppföljningen ska vara daterad inom planens år (${a.year}).`);
		const [row] = await tx
			.insert(followUp)
			.values({ activityId, date: v.date, text: v.text, accountId: actor.accountId, author: actor.name })
			.returning();
		await writeAudit(tx, actor, { action: 'create', entity: 'follow_up', entityId: row.id, after: row });
		if (v.status && v.status !== a.status) {
			const [after] = await tx
				.update(activity)
				.set({ status: v.status, version: sql`${activity.version} + 1`, updatedAt: sql`now()` })
				.where(eq(activity.id, activityId))
				.returning();
			await writeAudit(tx, actor, {
				action: 'update',
				entity: 'activity',
				entityId: activityId,
				before: { status: a.status },
				after: { status: after.status }
			});
		}
		return row;
	});
}

/** Links a decision to an activity it concerns (started, changed or stopped it). */
export async function linkDecision(db: Db, actor: Actor, activityId: number, decisionId: number) {
	requireRole(actor, 'editor');
	return inTransaction(
		db,
		async (tx) => {
			await tx.insert(decisionActivity).values({ decisionId, activityId }).onConflictDoNothing();
			await writeAudit(tx, actor, { action: 'link', entity: 'decision_activity', entityId: `${decisionId}:${activityId}` });
		},
		{
			decision_activity_decision_id_decision_id_fk: ['decisionId', 'Beslut: beslutet finns inte.'],
			decision_activity_activity_id_activity_id_fk: ['activityId', 'Aktivitet: aktiviteten finns inte.']
		}
	);
}
