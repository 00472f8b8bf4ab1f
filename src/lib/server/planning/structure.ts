// Reading the goal structure: decisions, programmes with their areas, focus
// areas and sub-goals, each sub-goal with the dates of the decisions that added
// or removed it, so the structure of any year can be shown as it stood.
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '../db/client.ts';
import { body, decision, focusArea, focusAreaBody, plan, programme, programmeArea, subGoal, subGoalBody } from '../db/schema/index.ts';
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

/** A programme's focus areas and every sub-goal it ever had, with the dates of the decisions that added or removed them. */
export async function programmeStructure(db: Db, programmeId: number) {
	const areas = await db
		.select()
		.from(programmeArea)
		.where(eq(programmeArea.programmeId, programmeId))
		.orderBy(asc(programmeArea.position));
	const focus = await db.select().from(focusArea).where(eq(focusArea.programmeId, programmeId)).orderBy(asc(focusArea.position));
	const goals = focus.length
		? await db
				.select({
					id: subGoal.id,
					focusAreaId: subGoal.focusAreaId,
					code: subGoal.code,
					text: subGoal.text,
					position: subGoal.position,
					source: subGoal.source,
					version: subGoal.version,
					addedDecisionId: subGoal.addedDecisionId,
					removedDecisionId: subGoal.removedDecisionId,
					addedOn: added.decidedOn,
					addedTitle: added.title,
					removedOn: removed.decidedOn,
					removedTitle: removed.title
				})
				.from(subGoal)
				.leftJoin(added, eq(added.id, subGoal.addedDecisionId))
				.leftJoin(removed, eq(removed.id, subGoal.removedDecisionId))
				.where(
					inArray(
						subGoal.focusAreaId,
						focus.map((f) => f.id)
					)
				)
				.orderBy(asc(subGoal.position), asc(subGoal.id))
		: [];
	const focusBodies = await responsibleBodiesOf(
		db,
		focusAreaBody,
		focus.map((f) => f.id)
	);
	const goalBodies = await responsibleBodiesOf(
		db,
		subGoalBody,
		goals.map((g) => g.id)
	);
	return {
		areas,
		focusAreas: focus.map((f) => ({ ...f, responsible: focusBodies.get(f.id) ?? [] })),
		subGoals: goals.map((g) => ({ ...g, responsible: goalBodies.get(g.id) ?? [] }))
	};
}

export type ProgrammeStructure = Awaited<ReturnType<typeof programmeStructure>>;

export async function getProgramme(db: Db, id: number) {
	const [row] = await db
		.select({ programme, decision })
		.from(programme)
		.leftJoin(decision, eq(decision.id, programme.adoptedDecisionId))
		.where(eq(programme.id, id));
	if (!row) throw new NotFoundError('Programmet');
	const plans = await db
		.select({ id: plan.id, year: plan.year, title: plan.title, status: plan.status })
		.from(plan)
		.where(eq(plan.programmeId, id))
		.orderBy(asc(plan.year));
	return { ...row.programme, adoptedDecision: row.decision, plans, ...(await programmeStructure(db, id)) };
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
