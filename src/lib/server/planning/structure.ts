// Reading the goal structure: decisions, programmes with their areas, focus
// areas and sub-goals, each sub-goal with the dates of the decisions that added
// or removed it, so the structure of any year can be shown as it stood.
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '../db/client.ts';
import { body, decision, focusArea, focusAreaBody, programme, subGoal, subGoalBody } from '../db/schema/index.ts';
import { NotFoundError } from '../errors.ts';
import { swedish } from '../db/order.ts';
import { subGoalInForce } from '../../core/planning.ts';

export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V) {
	const list = map.get(key);
	if (list) list.push(value);
	else map.set(key, [value]);
}

/** Focus areas in order, each with the given sub-goals in order (no date rule of its own). */
export function groupByFocusArea<
	F extends { id: number; position: number },
	S extends { id: number; focusAreaId: number; position: number }
>(focusAreas: F[], subGoals: S[]) {
	const byPosition = (a: { position: number; id: number }, b: { position: number; id: number }) => a.position - b.position || a.id - b.id;
	return [...focusAreas].sort(byPosition).map((focusArea) => ({
		focusArea,
		subGoals: subGoals.filter((g) => g.focusAreaId === focusArea.id).sort(byPosition)
	}));
}

/** In force at some time during the year: added by its end, not removed by its start. */
export const inForceDuringYear = (s: { addedOn: string | null; removedOn: string | null }, year: number) =>
	(s.addedOn === null || s.addedOn <= `${year}-12-31`) && (s.removedOn === null || s.removedOn > `${year}-01-01`);

const added = alias(decision, 'added_decision');
const removed = alias(decision, 'removed_decision');

export async function listDecisions(db: Db) {
	return db
		.select({
			id: decision.id,
			decidedOn: decision.decidedOn,
			decidedBy: decision.decidedBy,
			bodyId: decision.bodyId,
			bodyName: body.name,
			decidedByText: decision.decidedByText,
			title: decision.title,
			description: decision.description,
			source: decision.source,
			version: decision.version
		})
		.from(decision)
		.leftJoin(body, eq(body.id, decision.bodyId))
		.orderBy(sql`${decision.decidedOn} desc nulls last`, desc(decision.id));
}

export async function getDecision(db: Db, id: number) {
	const [row] = await db.select().from(decision).where(eq(decision.id, id));
	if (!row) throw new NotFoundError('Beslutet');
	return row;
}

export async function listProgrammes(db: Db) {
	return db
		.select()
		.from(programme)
		.orderBy(sql`${programme.validFromYear} desc nulls last`, asc(programme.id));
}

async function responsibleBodiesOf(db: Db | Tx, table: typeof focusAreaBody | typeof subGoalBody, ids: number[]) {
	if (!ids.length) return new Map<number, { id: number; name: string; shortName: string | null }[]>();
	const key = table === focusAreaBody ? focusAreaBody.focusAreaId : subGoalBody.subGoalId;
	const bodyId = table === focusAreaBody ? focusAreaBody.bodyId : subGoalBody.bodyId;
	const rows = await db
		.select({ owner: key, id: body.id, name: body.name, shortName: body.shortName })
		.from(table)
		.innerJoin(body, eq(body.id, bodyId))
		.where(inArray(key, ids))
		.orderBy(swedish(body.name));
	const out = new Map<number, { id: number; name: string; shortName: string | null }[]>();
	for (const r of rows) pushTo(out, r.owner, { id: r.id, name: r.name, shortName: r.shortName });
	return out;
}

// The goal structure as JSON built by the database, so a page reads it in the
// same round trip as the rest of its data. Each takes the SQL of a programme id
// (a parameter, or a column of the enclosing query).
const bodiesJson = (link: 'focus_area_body' | 'sub_goal_body', key: 'focus_area_id' | 'sub_goal_id', owner: string) =>
	`(select coalesce(json_agg(json_build_object('id', b.id, 'name', b.name, 'shortName', b.short_name) order by b.name collate "sv-SE-x-icu"), '[]')
		from ${link} l join body b on b.id = l.body_id where l.${key} = ${owner})`;

/** The programme's areas, in order. */
export const programmeAreasJson = (programmeId: SQL) => sql`(select coalesce(json_agg(json_build_object(
		'id', pa.id, 'programmeId', pa.programme_id, 'name', pa.name, 'purpose', pa.purpose, 'position', pa.position, 'version', pa.version
	) order by pa.position, pa.id), '[]') from programme_area pa where pa.programme_id = ${programmeId})`;

/** The programme's focus areas in order, each with its responsible bodies in Swedish name order. */
export const focusAreasJson = (programmeId: SQL) => sql`(select coalesce(json_agg(json_build_object(
		'id', fa.id, 'programmeId', fa.programme_id, 'areaId', fa.area_id, 'name', fa.name, 'mainGoal', fa.main_goal,
		'position', fa.position, 'version', fa.version, 'responsible', ${sql.raw(bodiesJson('focus_area_body', 'focus_area_id', 'fa.id'))}
	) order by fa.position, fa.id), '[]') from focus_area fa where fa.programme_id = ${programmeId})`;

/** Every sub-goal the programme ever had, in order, with the decisions that added or removed it and its responsible bodies. */
export const subGoalsJson = (programmeId: SQL) => sql`(select coalesce(json_agg(json_build_object(
		'id', sg.id, 'focusAreaId', sg.focus_area_id, 'code', sg.code, 'text', sg.text, 'position', sg.position,
		'source', sg.source, 'version', sg.version, 'addedDecisionId', sg.added_decision_id, 'removedDecisionId', sg.removed_decision_id,
		'addedOn', ad.decided_on, 'addedTitle', ad.title, 'removedOn', rd.decided_on, 'removedTitle', rd.title,
		'responsible', ${sql.raw(bodiesJson('sub_goal_body', 'sub_goal_id', 'sg.id'))}
	) order by sg.position, sg.id), '[]')
	from sub_goal sg join focus_area fa on fa.id = sg.focus_area_id
	left join decision ad on ad.id = sg.added_decision_id left join decision rd on rd.id = sg.removed_decision_id
	where fa.programme_id = ${programmeId})`;

export interface ResponsibleBody {
	id: number;
	name: string;
	shortName: string | null;
}
export interface ProgrammeAreaRow {
	id: number;
	programmeId: number;
	name: string;
	purpose: string | null;
	position: number;
	version: number;
}
export interface FocusAreaRow {
	id: number;
	programmeId: number;
	areaId: number | null;
	name: string;
	mainGoal: string | null;
	position: number;
	version: number;
	responsible: ResponsibleBody[];
}
export interface SubGoalRow {
	id: number;
	focusAreaId: number;
	code: string | null;
	text: string;
	position: number;
	source: string | null;
	version: number;
	addedDecisionId: number | null;
	removedDecisionId: number | null;
	addedOn: string | null;
	addedTitle: string | null;
	removedOn: string | null;
	removedTitle: string | null;
	responsible: ResponsibleBody[];
}

/** A programme's focus areas and every sub-goal it ever had, with the dates of the decisions that added or removed them: one query. */
export async function programmeStructure(db: Db, programmeId: number) {
	const id = sql`${programmeId}::int`;
	const { rows } = await db.execute<{ areas: ProgrammeAreaRow[]; focusAreas: FocusAreaRow[]; subGoals: SubGoalRow[] }>(
		sql`select ${programmeAreasJson(id)} as "areas", ${focusAreasJson(id)} as "focusAreas", ${subGoalsJson(id)} as "subGoals"`
	);
	return rows[0];
}

export type ProgrammeStructure = Awaited<ReturnType<typeof programmeStructure>>;

export async function getProgramme(db: Db, id: number) {
	const [row] = await db
		.select({
			programme,
			decision,
			plans: sql<{ id: number; year: number; title: string; status: string }[]>`(select coalesce(json_agg(json_build_object(
				'id', pl.id, 'year', pl.year, 'title', pl.title, 'status', pl.status) order by pl.year), '[]')
				from plan pl where pl.programme_id = ${programme.id})`,
			areas: sql<ProgrammeAreaRow[]>`${programmeAreasJson(sql`${programme.id}`)}`,
			focusAreas: sql<FocusAreaRow[]>`${focusAreasJson(sql`${programme.id}`)}`,
			subGoals: sql<SubGoalRow[]>`${subGoalsJson(sql`${programme.id}`)}`
		})
		.from(programme)
		.leftJoin(decision, eq(decision.id, programme.adoptedDecisionId))
		.where(eq(programme.id, id));
	if (!row) throw new NotFoundError('Programmet');
	return {
		...row.programme,
		adoptedDecision: row.decision,
		plans: row.plans,
		areas: row.areas,
		focusAreas: row.focusAreas,
		subGoals: row.subGoals
	};
}

export async function listFocusAreas(db: Db, f: { programmeId?: number }) {
	const rows = await db
		.select()
		.from(focusArea)
		.where(f.programmeId ? eq(focusArea.programmeId, f.programmeId) : undefined)
		.orderBy(asc(focusArea.programmeId), asc(focusArea.position));
	const bodies = await responsibleBodiesOf(
		db,
		focusAreaBody,
		rows.map((r) => r.id)
	);
	return rows.map((r) => ({ ...r, responsibleBodyIds: (bodies.get(r.id) ?? []).map((b) => b.id) }));
}

export async function getFocusArea(db: Db, id: number) {
	const [row] = await db.select().from(focusArea).where(eq(focusArea.id, id));
	if (!row) throw new NotFoundError('Fokusområdet');
	const bodies = await responsibleBodiesOf(db, focusAreaBody, [id]);
	return { ...row, responsibleBodyIds: (bodies.get(id) ?? []).map((b) => b.id) };
}

/** Sub-goals, optionally of one programme or focus area, optionally only those in force on a date. */
export async function listSubGoals(db: Db, f: { programmeId?: number; focusAreaId?: number; on?: string }) {
	const rows = await db
		.select({
			id: subGoal.id,
			focusAreaId: subGoal.focusAreaId,
			programmeId: focusArea.programmeId,
			code: subGoal.code,
			text: subGoal.text,
			position: subGoal.position,
			addedDecisionId: subGoal.addedDecisionId,
			removedDecisionId: subGoal.removedDecisionId,
			addedOn: added.decidedOn,
			removedOn: removed.decidedOn,
			source: subGoal.source,
			version: subGoal.version
		})
		.from(subGoal)
		.innerJoin(focusArea, eq(focusArea.id, subGoal.focusAreaId))
		.leftJoin(added, eq(added.id, subGoal.addedDecisionId))
		.leftJoin(removed, eq(removed.id, subGoal.removedDecisionId))
		.where(
			and(
				f.programmeId ? eq(focusArea.programmeId, f.programmeId) : undefined,
				f.focusAreaId ? eq(subGoal.focusAreaId, f.focusAreaId) : undefined
			)
		)
		.orderBy(asc(focusArea.programmeId), asc(focusArea.position), asc(subGoal.position));
	const inForce = f.on ? rows.filter((r) => subGoalInForce(r, f.on!)) : rows;
	const bodies = await responsibleBodiesOf(
		db,
		subGoalBody,
		inForce.map((r) => r.id)
	);
	return inForce.map((r) => ({ ...r, responsibleBodyIds: (bodies.get(r.id) ?? []).map((b) => b.id) }));
}

export async function getSubGoal(db: Db, id: number) {
	const [row] = (await listSubGoals(db, {})).filter((s) => s.id === id);
	if (!row) throw new NotFoundError('Delmålet');
	return row;
}

export interface SubGoalDates {
	id: number;
	focusAreaId: number;
	position: number;
	addedOn: string | null;
	removedOn: string | null;
}

/** The dates a few sub-goals were added and removed, by id: what the services check placements against. */
export async function subGoalDates(db: Db | Tx, ids: number[]): Promise<Map<number, SubGoalDates>> {
	const out = new Map<number, SubGoalDates>();
	if (!ids.length) return out;
	const rows = await db
		.select({
			id: subGoal.id,
			focusAreaId: subGoal.focusAreaId,
			position: subGoal.position,
			addedOn: added.decidedOn,
			removedOn: removed.decidedOn
		})
		.from(subGoal)
		.leftJoin(added, eq(added.id, subGoal.addedDecisionId))
		.leftJoin(removed, eq(removed.id, subGoal.removedDecisionId))
		.where(inArray(subGoal.id, ids));
	for (const r of rows) out.set(r.id, r);
	return out;
}
