// Reading the plans: the plan of a year with its action plan under the goal
// structure of that year, its follow-up, one activity in full, and who may follow it up.
import { and, asc, count, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '../db/client.ts';
import {
	activity,
	activityResponsible,
	body,
	decision,
	decisionActivity,
	focusArea,
	followUp,
	membership,
	municipality,
	person,
	plan,
	planArea,
	programme,
	subGoal
} from '../db/schema/index.ts';
import { NotFoundError } from '../errors.ts';
import { hasRole, type Actor } from '../actor.ts';
import { membershipHeldOn } from '../organisation/queries.ts';
import { todayIso } from '../../core/format.ts';
import { groupByFocusArea, inForceDuringYear, programmeStructure, pushTo } from './structure.ts';
import { countStatuses, isActivityStatus, isLate, structureDateForYear, type ActivityStatus } from '../../core/planning.ts';

export async function listPlans(db: Db) {
	const counts = db
		.select({ planId: activity.planId, n: count().as('n') })
		.from(activity)
		.groupBy(activity.planId)
		.as('counts');
	return db
		.select({
			id: plan.id,
			year: plan.year,
			title: plan.title,
			status: plan.status,
			programmeId: plan.programmeId,
			programmeName: programme.shortName,
			adoptedOn: decision.decidedOn,
			activities: sql<number>`coalesce(${counts.n}, 0)`.mapWith(Number)
		})
		.from(plan)
		.leftJoin(programme, eq(programme.id, plan.programmeId))
		.leftJoin(decision, eq(decision.id, plan.adoptedDecisionId))
		.leftJoin(counts, eq(counts.planId, plan.id))
		.orderBy(desc(plan.year));
}

export interface ResponsibleLabel {
	kind: 'body' | 'municipality' | 'person' | 'text';
	id: number | null;
	label: string;
}

/** Who is responsible for each activity, in the order given. */
export async function responsibleOf(db: Db | Tx, activityIds: number[]) {
	const out = new Map<number, ResponsibleLabel[]>();
	if (!activityIds.length) return out;
	const rows = await db
		.select({
			activityId: activityResponsible.activityId,
			bodyId: activityResponsible.bodyId,
			bodyName: sql<string | null>`coalesce(${body.shortName}, ${body.name})`,
			municipalityId: activityResponsible.municipalityId,
			municipalityName: municipality.name,
			personId: activityResponsible.personId,
			personName: person.name,
			text: activityResponsible.text
		})
		.from(activityResponsible)
		.leftJoin(body, eq(body.id, activityResponsible.bodyId))
		.leftJoin(municipality, eq(municipality.id, activityResponsible.municipalityId))
		.leftJoin(person, eq(person.id, activityResponsible.personId))
		.where(inArray(activityResponsible.activityId, activityIds))
		.orderBy(asc(activityResponsible.position), asc(activityResponsible.id));
	for (const r of rows) {
		const label: ResponsibleLabel = r.bodyId
			? { kind: 'body', id: r.bodyId, label: r.bodyName ?? '' }
			: r.municipalityId
				? { kind: 'municipality', id: r.municipalityId, label: r.municipalityName ?? '' }
				: r.personId
					? { kind: 'person', id: r.personId, label: r.personName ?? '' }
					: { kind: 'text', id: null, label: r.text ?? '' };
		pushTo(out, r.activityId, label);
	}
	return out;
}

export interface PlanFilter {
	bodyId?: number;
	municipalityId?: number;
	status?: ActivityStatus;
}

function activityConditions(db: Db, planId: number | undefined, f: PlanFilter): SQL | undefined {
	const responsibleWhere = (c: SQL) =>
		inArray(activity.id, db.select({ id: activityResponsible.activityId }).from(activityResponsible).where(c));
	return and(
		planId === undefined ? undefined : eq(activity.planId, planId),
		f.status ? eq(activity.status, f.status) : undefined,
		f.bodyId ? responsibleWhere(eq(activityResponsible.bodyId, f.bodyId)) : undefined,
		f.municipalityId ? responsibleWhere(eq(activityResponsible.municipalityId, f.municipalityId)) : undefined
	);
}

export async function getPlanByYear(db: Db, year: number) {
	const [row] = await db
		.select({ plan, programmeName: programme.name, programmeShortName: programme.shortName, decision, decidedBody: body.name })
		.from(plan)
		.leftJoin(programme, eq(programme.id, plan.programmeId))
		.leftJoin(decision, eq(decision.id, plan.adoptedDecisionId))
		.leftJoin(body, eq(body.id, decision.bodyId))
		.where(eq(plan.year, year));
	if (!row) throw new NotFoundError(`Verksamhetsplanen för ${year}`);
	return {
		...row.plan,
		programmeName: row.programmeName,
		programmeShortName: row.programmeShortName,
		adoptedDecision: row.decision,
		decidedBody: row.decidedBody
	};
}

/**
 * The follow-up overview of a year: the plan, its action plan under the goal
 * structure as it stood that year, each activity's status, responsible parties
 * and follow-up, and the counts per focus area.
 */
export async function planOverview(db: Db, year: number, f: PlanFilter = {}, today = todayIso()) {
	const p = await getPlanByYear(db, year);
	// Follow-up per activity of this plan only, aggregated once.
	const fu = db
		.select({
			activityId: followUp.activityId,
			n: count().as('n'),
			last: sql<string | null>`max(${followUp.date})::text`.as('last')
		})
		.from(followUp)
		.innerJoin(activity, eq(activity.id, followUp.activityId))
		.where(eq(activity.planId, p.id))
		.groupBy(followUp.activityId)
		.as('fu');
	const [structure, areas, rows] = await Promise.all([
		p.programmeId ? programmeStructure(db, p.programmeId) : Promise.resolve(null),
		db.select().from(planArea).where(eq(planArea.planId, p.id)).orderBy(asc(planArea.position), asc(planArea.id)),
		db
			.select({
				id: activity.id,
				subGoalId: activity.subGoalId,
				planAreaId: activity.planAreaId,
				title: activity.title,
				timing: activity.timing,
				comment: activity.comment,
				status: activity.status,
				targetCount: activity.targetCount,
				targetText: activity.targetText,
				reportText: activity.reportText,
				carriedFromId: activity.carriedFromId,
				position: activity.position,
				followUps: sql<number>`coalesce(${fu.n}, 0)`.mapWith(Number),
				lastFollowUp: fu.last
			})
			.from(activity)
			.leftJoin(fu, eq(fu.activityId, activity.id))
			.where(activityConditions(db, p.id, f))
			.orderBy(asc(activity.position), asc(activity.id))
	]);
	const responsible = await responsibleOf(
		db,
		rows.map((r) => r.id)
	);
	const activities = rows.map((r) => {
		const status = (isActivityStatus(r.status) ? r.status : 'not_started') as ActivityStatus;
		return { ...r, status, late: isLate({ status, timing: r.timing }, year, today), responsible: responsible.get(r.id) ?? [] };
	});
	type Row = (typeof activities)[number];
	const bySubGoal = new Map<number, Row[]>();
	const byArea = new Map<number, Row[]>();
	for (const a of activities) {
		if (a.subGoalId !== null) pushTo(bySubGoal, a.subGoalId, a);
		else if (a.planAreaId !== null) pushTo(byArea, a.planAreaId, a);
	}
	const date = structureDateForYear(year, today);
	const focus = structure
		? groupByFocusArea(
				structure.focusAreas,
				// Sub-goals in force that year, and any other an activity still points to.
				structure.subGoals.filter((s) => bySubGoal.has(s.id) || inForceDuringYear(s, year))
			).map(({ focusArea, subGoals }) => {
				const goals = subGoals.map((s) => {
					const list = bySubGoal.get(s.id) ?? [];
					return {
						...s,
						addedThisYear: !!s.addedOn && s.addedOn.startsWith(String(year)),
						activities: list,
						counts: countStatuses(list, year, today)
					};
				});
				const all = goals.flatMap((g) => g.activities);
				return { focusArea, subGoals: goals, counts: countStatuses(all, year, today) };
			})
		: [];
	const ownAreas = areas.map((a) => {
		const list = byArea.get(a.id) ?? [];
		return { area: a, activities: list, counts: countStatuses(list, year, today) };
	});
	return {
		plan: p,
		structureDate: date,
		focusAreas: focus,
		planAreas: ownAreas,
		activities,
		totals: countStatuses(activities, year, today),
		filter: f
	};
}

export type PlanOverview = Awaited<ReturnType<typeof planOverview>>;

/** The activities of the API: filtered by year, body, municipality and status; each carries its follow-ups. */
export async function listActivities(db: Db, f: PlanFilter & { year?: number }, page: { limit: number; offset: number }) {
	const where = and(activityConditions(db, undefined, f), f.year ? eq(plan.year, f.year) : undefined);
	const [{ total }] = await db.select({ total: count() }).from(activity).innerJoin(plan, eq(plan.id, activity.planId)).where(where);
	const rows = await db
		.select({ activity, year: plan.year })
		.from(activity)
		.innerJoin(plan, eq(plan.id, activity.planId))
		.where(where)
		.orderBy(desc(plan.year), asc(activity.position), asc(activity.id))
		.limit(page.limit)
		.offset(page.offset);
	const ids = rows.map((r) => r.activity.id);
	const [responsible, follow] = await Promise.all([responsibleOf(db, ids), followUpsOf(db, ids)]);
	return {
		items: rows.map((r) => ({
			...r.activity,
			year: r.year,
			responsible: responsible.get(r.activity.id) ?? [],
			followUps: follow.get(r.activity.id) ?? []
		})),
		total,
		...page
	};
}

async function followUpsOf(db: Db, activityIds: number[]) {
	const out = new Map<number, (typeof followUp.$inferSelect)[]>();
	if (!activityIds.length) return out;
	const rows = await db
		.select()
		.from(followUp)
		.where(inArray(followUp.activityId, activityIds))
		.orderBy(asc(followUp.date), asc(followUp.id));
	for (const r of rows) pushTo(out, r.activityId, r);
	return out;
}

export async function getActivity(db: Db, id: number) {
	const [row] = await db
		.select({
			activity,
			planYear: plan.year,
			planTitle: plan.title,
			programmeId: plan.programmeId,
			subGoalText: subGoal.text,
			subGoalCode: subGoal.code,
			focusAreaId: focusArea.id,
			focusAreaName: focusArea.name,
			planAreaName: planArea.name
		})
		.from(activity)
		.innerJoin(plan, eq(plan.id, activity.planId))
		.leftJoin(subGoal, eq(subGoal.id, activity.subGoalId))
		.leftJoin(focusArea, eq(focusArea.id, subGoal.focusAreaId))
		.leftJoin(planArea, eq(planArea.id, activity.planAreaId))
		.where(eq(activity.id, id));
	if (!row) throw new NotFoundError('Aktiviteten');
	const carriedFrom = alias(activity, 'carried_from');
	const [responsible, follow, decisions, from, to] = await Promise.all([
		responsibleOf(db, [id]),
		followUpsOf(db, [id]),
		db
			.select({
				id: decision.id,
				decidedOn: decision.decidedOn,
				title: decision.title,
				decidedBy: decision.decidedBy,
				bodyName: body.name,
				decidedByText: decision.decidedByText
			})
			.from(decisionActivity)
			.innerJoin(decision, eq(decision.id, decisionActivity.decisionId))
			.leftJoin(body, eq(body.id, decision.bodyId))
			.where(eq(decisionActivity.activityId, id))
			.orderBy(sql`${decision.decidedOn} nulls last`),
		row.activity.carriedFromId
			? db
					.select({ id: carriedFrom.id, title: carriedFrom.title, status: carriedFrom.status, year: plan.year })
					.from(carriedFrom)
					.innerJoin(plan, eq(plan.id, carriedFrom.planId))
					.where(eq(carriedFrom.id, row.activity.carriedFromId))
			: Promise.resolve([]),
		db
			.select({ id: activity.id, title: activity.title, status: activity.status, year: plan.year })
			.from(activity)
			.innerJoin(plan, eq(plan.id, activity.planId))
			.where(eq(activity.carriedFromId, id))
	]);
	return {
		...row.activity,
		plan: { id: row.activity.planId, year: row.planYear, title: row.planTitle, programmeId: row.programmeId },
		subGoal: row.activity.subGoalId ? { id: row.activity.subGoalId, code: row.subGoalCode, text: row.subGoalText ?? '' } : null,
		focusArea: row.focusAreaId ? { id: row.focusAreaId, name: row.focusAreaName ?? '' } : null,
		planArea: row.activity.planAreaId ? { id: row.activity.planAreaId, name: row.planAreaName ?? '' } : null,
		responsible: responsible.get(id) ?? [],
		followUps: follow.get(id) ?? [],
		decisions,
		carriedFrom: from[0] ?? null,
		carriedTo: to
	};
}

export type ActivityDetail = Awaited<ReturnType<typeof getActivity>>;

/**
 * May this actor add follow-up to the activity? The secretariat always; a member
 * when they belong, today, to a body responsible for it, or are named themselves.
 */
export async function canFollowUp(db: Db | Tx, actor: Actor, activityId: number, today = todayIso()): Promise<boolean> {
	if (hasRole(actor, 'editor')) return true;
	if (actor.role !== 'member' || actor.personId === null) return false;
	const [row] = await db
		.select({ one: sql<number>`1` })
		.from(activityResponsible)
		.leftJoin(
			membership,
			and(eq(membership.bodyId, activityResponsible.bodyId), eq(membership.personId, actor.personId), membershipHeldOn(today))
		)
		.where(
			and(
				eq(activityResponsible.activityId, activityId),
				or(eq(activityResponsible.personId, actor.personId), sql`${membership.id} is not null`)
			)
		)
		.limit(1);
	return !!row;
}

export async function listFollowUps(db: Db, f: { activityId?: number; year?: number }, page: { limit: number; offset: number }) {
	const where = and(f.activityId ? eq(followUp.activityId, f.activityId) : undefined, f.year ? eq(plan.year, f.year) : undefined);
	const base = db
		.select({ followUp })
		.from(followUp)
		.innerJoin(activity, eq(activity.id, followUp.activityId))
		.innerJoin(plan, eq(plan.id, activity.planId));
	const [{ total }] = await db
		.select({ total: count() })
		.from(followUp)
		.innerJoin(activity, eq(activity.id, followUp.activityId))
		.innerJoin(plan, eq(plan.id, activity.planId))
		.where(where);
	const rows = await base.where(where).orderBy(desc(followUp.date), desc(followUp.id)).limit(page.limit).offset(page.offset);
	return { items: rows.map((r) => r.followUp), total, ...page };
}

export async function getFollowUp(db: Db, id: number) {
	const [row] = await db.select().from(followUp).where(eq(followUp.id, id));
	if (!row) throw new NotFoundError('Uppföljningen');
	return row;
}

/** The choices of an activity's form: the sub-goals in force in the plan's year, and the plan's own areas. */
export async function activityFormLists(db: Db, planId: number) {
	const [p] = await db.select().from(plan).where(eq(plan.id, planId));
	if (!p) throw new NotFoundError('Planen');
	const structure = p.programmeId ? await programmeStructure(db, p.programmeId) : null;
	const subGoals = structure
		? groupByFocusArea(
				structure.focusAreas,
				structure.subGoals.filter((s) => inForceDuringYear(s, p.year))
			).flatMap(({ focusArea: f, subGoals: goals }) => goals.map((g) => ({ value: String(g.id), label: `${f.name}: ${g.text}` })))
		: [];
	const areas = await db.select().from(planArea).where(eq(planArea.planId, planId)).orderBy(asc(planArea.position));
	return { subGoals, planAreas: areas.map((a) => ({ value: String(a.id), label: a.name })) };
}

/** An activity as its edit form shows it: responsible split by kind. */
export function activityFormValues(a: ActivityDetail) {
	return {
		...a,
		responsibleBodyIds: a.responsible.filter((r) => r.kind === 'body').map((r) => String(r.id)),
		responsibleMunicipalityIds: a.responsible.filter((r) => r.kind === 'municipality').map((r) => String(r.id)),
		responsiblePersonIds: a.responsible.filter((r) => r.kind === 'person').map((r) => String(r.id)),
		responsibleText: a.responsible
			.filter((r) => r.kind === 'text')
			.map((r) => r.label)
			.join('; ')
	};
}

export async function getPlan(db: Db, id: number) {
	const [row] = await db.select({ year: plan.year }).from(plan).where(eq(plan.id, id));
	if (!row) throw new NotFoundError('Planen');
	return getPlanByYear(db, row.year);
}
