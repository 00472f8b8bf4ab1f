// Reading the plans: the plan of a year with its action plan under the goal
// structure of that year, its follow-up, one activity in full, and who may follow it up.
import { and, asc, count, desc, eq, inArray, or, sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import {
	activity,
	activityResponsible,
	body,
	decision,
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
import { targetState } from '../../core/governance.ts';
import {
	focusAreasJson,
	groupByFocusArea,
	inForceDuringYear,
	programmeStructure,
	pushTo,
	subGoalsJson,
	type FocusAreaRow,
	type SubGoalRow
} from './structure.ts';
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

export interface PlanFilter {
	bodyId?: number;
	municipalityId?: number;
	status?: ActivityStatus;
}

/** A filter whose values may be placeholders of a prepared statement. */
type FilterValues = { [K in keyof PlanFilter]?: PlanFilter[K] | Placeholder };

function activityConditions(db: Db, planId: number | undefined, f: FilterValues): SQL | undefined {
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

/** Who is responsible for the activity whose id is the SQL given, as JSON labels in order. */
const responsibleJson = (activityId: string) =>
	sql.raw(`(select coalesce(json_agg(json_build_object(
		'kind', case when r.body_id is not null then 'body' when r.municipality_id is not null then 'municipality'
			when r.person_id is not null then 'person' else 'text' end,
		'id', coalesce(r.body_id, r.municipality_id, r.person_id),
		'label', case when r.body_id is not null then coalesce(rb.short_name, rb.name, '') when r.municipality_id is not null then coalesce(rm.name, '')
			when r.person_id is not null then coalesce(rp.name, '') else coalesce(r.text, '') end
	) order by r.position, r.id), '[]')
	from activity_responsible r left join body rb on rb.id = r.body_id left join municipality rm on rm.id = r.municipality_id
	left join person rp on rp.id = r.person_id where r.activity_id = ${activityId})`);

/** The follow-up entries of the activity whose id is the SQL given, in date order; timestamps as text (see followUpRow). */
const followUpsJson = (activityId: string) =>
	sql.raw(`(select coalesce(json_agg(json_build_object(
		'id', f.id, 'activityId', f.activity_id, 'date', f.date, 'text', f.text, 'accountId', f.account_id, 'author', f.author,
		'source', f.source, 'version', f.version, 'createdAt', f.created_at, 'updatedAt', f.updated_at
	) order by f.date, f.id), '[]') from follow_up f where f.activity_id = ${activityId})`);

type FollowUpJson = Omit<typeof followUp.$inferSelect, 'createdAt' | 'updatedAt'> & { createdAt: string; updatedAt: string };
const followUpRow = (f: FollowUpJson): typeof followUp.$inferSelect => ({
	...f,
	createdAt: new Date(f.createdAt),
	updatedAt: new Date(f.updatedAt)
});

interface OverviewActivityJson {
	id: number;
	subGoalId: number | null;
	planAreaId: number | null;
	title: string;
	timing: string | null;
	comment: string | null;
	status: string;
	targetCount: number | null;
	targetText: string | null;
	reportText: string | null;
	carriedFromId: number | null;
	position: number;
	followUps: number;
	lastFollowUp: string | null;
	responsible: ResponsibleLabel[];
}

interface PlanAreaJson {
	id: number;
	planId: number;
	name: string;
	description: string | null;
	position: number;
	version: number;
}

export interface PlanCommentRow {
	id: number;
	municipalityId: number;
	municipality: string;
	sentOn: string;
	deadline: string;
	answeredOn: string | null;
	answer: string | null;
	version: number;
}

/**
 * The plan of a year and everything its overview shows, in one query: the goal
 * structure of its programme, its own areas, the activities that pass the
 * filter with who is responsible and their follow-up counted, and (when asked)
 * the municipalities' comments on it.
 */
function planQuery(db: Db, name: string, f: FilterValues, withComments: boolean) {
	const conditions = activityConditions(db, undefined, f);
	return db
		.select({
			plan,
			programmeName: programme.name,
			programmeShortName: programme.shortName,
			decision,
			decidedBody: body.name,
			focusAreas: sql<
				FocusAreaRow[] | null
			>`case when ${plan.programmeId} is not null then ${focusAreasJson(sql`${plan.programmeId}`)} end`,
			subGoals: sql<SubGoalRow[] | null>`case when ${plan.programmeId} is not null then ${subGoalsJson(sql`${plan.programmeId}`)} end`,
			areas: sql<PlanAreaJson[]>`(select coalesce(json_agg(json_build_object(
				'id', pa.id, 'planId', pa.plan_id, 'name', pa.name, 'description', pa.description, 'position', pa.position, 'version', pa.version
			) order by pa.position, pa.id), '[]') from plan_area pa where pa.plan_id = ${plan.id})`,
			activities: sql<OverviewActivityJson[]>`(select coalesce(json_agg(json_build_object(
				'id', a.id, 'subGoalId', a.sub_goal_id, 'planAreaId', a.plan_area_id, 'title', a.title, 'timing', a.timing,
				'comment', a.comment, 'status', a.status, 'targetCount', a.target_count, 'targetText', a.target_text,
				'reportText', a.report_text, 'carriedFromId', a.carried_from_id, 'position', a.position,
				'followUps', coalesce(fu.n, 0), 'lastFollowUp', fu.last, 'responsible', ${responsibleJson('a.id')}
			) order by a.position, a.id), '[]')
			from (select * from ${activity} where ${activity.planId} = ${plan.id}${conditions ? sql` and ${conditions}` : sql``}) a
			left join lateral (select count(*)::int as n, max(f.date)::text as last from follow_up f where f.activity_id = a.id) fu on true)`,
			comments: withComments
				? sql<PlanCommentRow[]>`(select coalesce(json_agg(json_build_object(
					'id', c.id, 'municipalityId', c.municipality_id, 'municipality', m.name, 'sentOn', c.sent_on, 'deadline', c.deadline,
					'answeredOn', c.answered_on, 'answer', c.answer, 'version', c.version
				) order by m.name collate "sv-SE-x-icu"), '[]') from plan_comment c join municipality m on m.id = c.municipality_id where c.plan_id = ${plan.id})`
				: sql<PlanCommentRow[]>`'[]'::json`
		})
		.from(plan)
		.leftJoin(programme, eq(programme.id, plan.programmeId))
		.leftJoin(decision, eq(decision.id, plan.adoptedDecisionId))
		.leftJoin(body, eq(body.id, decision.bodyId))
		.where(eq(plan.year, sql.placeholder('year')))
		.prepare(name);
}

// Prepared statements, one per database and shape of the query: PostgreSQL
// plans a query of this size in more time than it runs it (4 ms against 2).
const prepared = new WeakMap<Db, Map<string, unknown>>();
function preparedFor<T>(db: Db, name: string, make: () => T): T {
	let map = prepared.get(db);
	if (!map) prepared.set(db, (map = new Map()));
	let q = map.get(name) as T | undefined;
	if (!q) map.set(name, (q = make()));
	return q;
}

async function readPlan(db: Db, year: number, f: PlanFilter, withComments: boolean) {
	const name = `plan_page_${f.status ? 's' : ''}${f.bodyId ? 'b' : ''}${f.municipalityId ? 'm' : ''}${withComments ? 'c' : ''}`;
	const query = preparedFor(db, name, () =>
		planQuery(
			db,
			name,
			{
				status: f.status ? sql.placeholder('status') : undefined,
				bodyId: f.bodyId ? sql.placeholder('bodyId') : undefined,
				municipalityId: f.municipalityId ? sql.placeholder('municipalityId') : undefined
			},
			withComments
		)
	);
	const [row] = await query.execute({ year, status: f.status, bodyId: f.bodyId, municipalityId: f.municipalityId });
	if (!row) throw new NotFoundError(`Verksamhetsplanen för ${year}`);
	return row;
}

/**
 * The follow-up overview of a year: the plan, its action plan under the goal
 * structure as it stood that year, each activity's status, responsible parties
 * and follow-up, and the counts per focus area. One round trip.
 */
export async function planOverview(db: Db, year: number, f: PlanFilter = {}, today = todayIso()) {
	return overviewOf(await readPlan(db, year, f, false), year, f, today);
}

/** The plan page's data: the overview and the municipalities' comments on the plan, in one round trip. */
export async function planPage(db: Db, year: number, f: PlanFilter = {}, today = todayIso()) {
	const row = await readPlan(db, year, f, true);
	return { overview: overviewOf(row, year, f, today), comments: row.comments };
}

function overviewOf(row: Awaited<ReturnType<typeof readPlan>>, year: number, f: PlanFilter, today: string) {
	const p = {
		...row.plan,
		programmeName: row.programmeName,
		programmeShortName: row.programmeShortName,
		adoptedDecision: row.decision,
		decidedBody: row.decidedBody
	};
	const structure = row.focusAreas && row.subGoals ? { focusAreas: row.focusAreas, subGoals: row.subGoals } : null;
	const activities = row.activities.map((r) => {
		const status = (isActivityStatus(r.status) ? r.status : 'not_started') as ActivityStatus;
		return { ...r, status, late: isLate({ status, timing: r.timing }, year, today) };
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
	const ownAreas = row.areas.map((a) => {
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

/**
 * The activities of the API: filtered by year, body, municipality and status; each carries its follow-ups.
 * One round trip: the total is counted over the same rows (a second query only for a page past the end).
 */
export async function listActivities(db: Db, f: PlanFilter & { year?: number }, page: { limit: number; offset: number }) {
	const where = and(activityConditions(db, undefined, f), f.year ? eq(plan.year, f.year) : undefined);
	const rows = await db
		.select({
			activity,
			year: plan.year,
			total: sql<number>`count(*) over ()`.mapWith(Number),
			responsible: sql<ResponsibleLabel[]>`${responsibleJson('"activity"."id"')}`,
			followUps: sql<FollowUpJson[]>`${followUpsJson('"activity"."id"')}`
		})
		.from(activity)
		.innerJoin(plan, eq(plan.id, activity.planId))
		.where(where)
		.orderBy(desc(plan.year), asc(activity.position), asc(activity.id))
		.limit(page.limit)
		.offset(page.offset);
	const total = rows.length
		? rows[0].total
		: page.offset > 0
			? (await db.select({ total: count() }).from(activity).innerJoin(plan, eq(plan.id, activity.planId)).where(where))[0].total
			: 0;
	return {
		items: rows.map((r) => ({
			...r.activity,
			year: r.year,
			responsible: r.responsible,
			followUps: r.followUps.map(followUpRow)
		})),
		total,
		...page
	};
}

/** An activity in full: where it sits in the plan, who is responsible, its follow-up, decisions, and where it came from and went. */
const activityFields = {
	activity,
	planYear: plan.year,
	planTitle: plan.title,
	programmeId: plan.programmeId,
	subGoalText: subGoal.text,
	subGoalCode: subGoal.code,
	focusAreaId: focusArea.id,
	focusAreaName: focusArea.name,
	planAreaName: planArea.name,
	responsible: sql<ResponsibleLabel[]>`${responsibleJson('"activity"."id"')}`,
	followUps: sql<FollowUpJson[]>`${followUpsJson('"activity"."id"')}`,
	decisions: sql<
		{ id: number; decidedOn: string | null; title: string; decidedBy: string; bodyName: string | null; decidedByText: string | null }[]
	>`(select coalesce(json_agg(json_build_object(
		'id', d.id, 'decidedOn', d.decided_on, 'title', d.title, 'decidedBy', d.decided_by, 'bodyName', db.name, 'decidedByText', d.decided_by_text
	) order by d.decided_on nulls last, d.id), '[]')
	from decision_activity da join decision d on d.id = da.decision_id left join body db on db.id = d.body_id
	where da.activity_id = ${activity.id})`,
	carriedFrom: sql<{ id: number; title: string; status: string; year: number } | null>`(select json_build_object(
		'id', cf.id, 'title', cf.title, 'status', cf.status, 'year', cfp.year)
	from activity cf join plan cfp on cfp.id = cf.plan_id where cf.id = ${activity.carriedFromId})`,
	carriedTo: sql<{ id: number; title: string; status: string; year: number }[]>`(select coalesce(json_agg(json_build_object(
		'id', ct.id, 'title', ct.title, 'status', ct.status, 'year', ctp.year) order by ctp.year, ct.id), '[]')
	from activity ct join plan ctp on ctp.id = ct.plan_id where ct.carried_from_id = ${activity.id})`
};

function activityQuery<E extends Record<string, SQL.Aliased | SQL>>(db: Db, name: string, extra: E) {
	return db
		.select({ ...activityFields, ...extra })
		.from(activity)
		.innerJoin(plan, eq(plan.id, activity.planId))
		.leftJoin(subGoal, eq(subGoal.id, activity.subGoalId))
		.leftJoin(focusArea, eq(focusArea.id, subGoal.focusAreaId))
		.leftJoin(planArea, eq(planArea.id, activity.planAreaId))
		.where(eq(activity.id, sql.placeholder('id')))
		.prepare(name);
}

type ActivityRow = Awaited<ReturnType<ReturnType<typeof activityQuery<{}>>['execute']>>[number];

function activityOf(row: ActivityRow) {
	return {
		...row.activity,
		plan: { id: row.activity.planId, year: row.planYear, title: row.planTitle, programmeId: row.programmeId },
		subGoal: row.activity.subGoalId ? { id: row.activity.subGoalId, code: row.subGoalCode, text: row.subGoalText ?? '' } : null,
		focusArea: row.focusAreaId ? { id: row.focusAreaId, name: row.focusAreaName ?? '' } : null,
		planArea: row.activity.planAreaId ? { id: row.activity.planAreaId, name: row.planAreaName ?? '' } : null,
		responsible: row.responsible,
		followUps: row.followUps.map(followUpRow),
		decisions: row.decisions,
		carriedFrom: row.carriedFrom,
		carriedTo: row.carriedTo
	};
}

/** One activity in full, in one round trip. */
export async function getActivity(db: Db, id: number) {
	const [row] = await preparedFor(db, 'activity_full', () => activityQuery(db, 'activity_full', {})).execute({ id });
	if (!row) throw new NotFoundError('Aktiviteten');
	return activityOf(row);
}

/**
 * The activity page's data in one round trip: the activity in full, whether the
 * actor may follow it up (as canFollowUp), the meetings that treated it which
 * the actor may see (as meetingsOfActivity, with the visibility rules of
 * meetings/access.ts), and its targets for external meetings (as targetsOf).
 */
export async function activityPage(db: Db, actor: Actor, id: number, today = todayIso()) {
	const editor = hasRole(actor, 'editor');
	const personId = actor.personId;
	// The shape of the statement: who may follow up and which meetings count depend on the kind of actor only.
	const asMember = !editor && actor.role === 'member' && personId !== null;
	const ownBodies = !editor && !!personId && hasRole(actor, 'member');
	const name = `activity_page_${editor ? 'e' : ''}${asMember ? 'm' : ''}${ownBodies ? 'o' : ''}`;
	const query = preparedFor(db, name, () => activityPageQuery(db, name, editor, asMember, ownBodies));
	const [row] = await query.execute({ id, personId, today });
	if (!row) throw new NotFoundError('Aktiviteten');
	return {
		activity: activityOf(row),
		mayFollowUp: row.mayFollowUp,
		meetings: row.meetings.map((m) => ({ ...m, startsAt: new Date(m.startsAt) })),
		targets: row.targets.map((t) => ({ ...t, ...targetState(t.held, t.count) }))
	};
}

function activityPageQuery(db: Db, name: string, editor: boolean, asMember: boolean, ownBodies: boolean) {
	const personId = sql.placeholder('personId');
	const today = sql`${sql.placeholder('today')}`;
	const mayFollowUp: SQL<boolean> = editor
		? sql`true`
		: !asMember
			? sql`false`
			: sql`exists (select 1 from activity_responsible ar
				left join ${membership} on ${membership.bodyId} = ar.body_id and ${membership.personId} = ${personId} and ${membershipHeldOn(today)}
				where ar.activity_id = ${activity.id} and (ar.person_id = ${personId} or ${membership.id} is not null))`;
	// visibleBodyIds: the secretariat sees every meeting; others those of bodies with public meetings and, signed in, of their own bodies.
	const visible = editor
		? sql`true`
		: sql`m.id in (select mb.meeting_id from meeting_body mb where mb.body_id in (
			select br.body_id from body_rules br where br.public_meetings
			union select ms.body_id from membership ms where ${ownBodies ? sql`ms.person_id = ${personId}` : sql`false`}))`;
	return activityQuery(db, name, {
		mayFollowUp: sql<boolean>`${mayFollowUp}`,
		meetings: sql<
			{ meetingId: number; startsAt: string; title: string | null; kind: string; itemTitle: string }[]
		>`(select coalesce(json_agg(json_build_object(
			'meetingId', x.meeting_id, 'startsAt', x.starts_at, 'title', x.title, 'kind', x.kind, 'itemTitle', x.item_title
		) order by x.starts_at), '[]') from (select distinct m.id as meeting_id, m.starts_at, m.title, m.kind, ai.title as item_title
			from agenda_item_activity aia join agenda_item ai on ai.id = aia.agenda_item_id join meeting m on m.id = ai.meeting_id
			where aia.activity_id = ${activity.id} and ${visible}) x)`,
		targets: sql<
			{
				id: number;
				activityId: number;
				activity: string;
				year: number;
				organisationId: number;
				organisation: string;
				count: number;
				note: string | null;
				held: number;
			}[]
		>`(select coalesce(json_agg(json_build_object(
			'id', t.id, 'activityId', ${activity.id}, 'activity', ${activity.title}, 'year', ${plan.year}, 'organisationId', t.organisation_id,
			'organisation', o.name, 'count', t.count, 'note', t.note,
			'held', (select count(*)::int from external_meeting em join external_meeting_organisation emo on emo.external_meeting_id = em.id
				where emo.organisation_id = t.organisation_id and em.status = 'held' and extract(year from em.held_from)::int = ${plan.year})
		) order by o.name), '[]') from activity_target t join organisation o on o.id = t.organisation_id where t.activity_id = ${activity.id})`
	});
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
