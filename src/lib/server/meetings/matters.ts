// Outstanding matters: action items stay open until a later meeting closes them;
// a meeting's "Föregående möten" offers those still open when it met.
import { and, asc, eq, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '../db/client.ts';
import { actionItem, actionItemNote, bodyRules, meeting, meetingBody, person } from '../db/schema/index.ts';
import { type Actor } from '../actor.ts';
import { bodiesOf, visibleBodyIds } from './access.ts';

const raisedAt = alias(meeting, 'raised_at');
const closedAt = alias(meeting, 'closed_at');
const responsible = alias(person, 'responsible_person');

export function actionItemsWhere(db: Db | Tx, where: SQL | undefined) {
	return db
		.select({
			id: actionItem.id,
			meetingId: actionItem.meetingId,
			meetingStartsAt: raisedAt.startsAt,
			meetingTitle: raisedAt.title,
			meetingKind: raisedAt.kind,
			agendaItemId: actionItem.agendaItemId,
			text: actionItem.text,
			responsiblePersonId: actionItem.responsiblePersonId,
			responsibleName: sql<string | null>`coalesce(${responsible.name}, ${actionItem.responsibleText})`,
			responsibleEmail: responsible.email,
			dueOn: actionItem.dueOn,
			closedAtMeetingId: actionItem.closedAtMeetingId,
			closedAtStartsAt: closedAt.startsAt,
			closedOn: actionItem.closedOn,
			source: actionItem.source,
			version: actionItem.version
		})
		.from(actionItem)
		.innerJoin(raisedAt, eq(raisedAt.id, actionItem.meetingId))
		.leftJoin(closedAt, eq(closedAt.id, actionItem.closedAtMeetingId))
		.leftJoin(responsible, eq(responsible.id, actionItem.responsiblePersonId))
		.where(where)
		.orderBy(asc(raisedAt.startsAt), asc(actionItem.id));
}

/** The bodies whose matters come up at a meeting of these: themselves and those they prepare for. */
async function matterBodies(db: Db | Tx, bodyIds: number[]) {
	if (bodyIds.length === 0) return [];
	const prepared = await db
		.select({ id: bodyRules.preparesForBodyId })
		.from(bodyRules)
		.where(and(inArray(bodyRules.bodyId, bodyIds), sql`${bodyRules.preparesForBodyId} is not null`));
	return [...new Set([...bodyIds, ...prepared.map((p) => p.id as number)])];
}

/**
 * The matters a meeting's "Föregående möten" offers: raised at an earlier
 * meeting of its bodies (or of the bodies they prepare for) and still open when
 * it met, or closed at it; each with the note this meeting made.
 */
export async function openMattersAt(db: Db | Tx, m: { id: number; startsAt: Date; bodyIds: number[] }) {
	const bodies = await matterBodies(db, m.bodyIds);
	if (bodies.length === 0) return [];
	const rows = await actionItemsWhere(
		db,
		and(
			lt(raisedAt.startsAt, m.startsAt),
			inArray(actionItem.meetingId, db.select({ id: meetingBody.meetingId }).from(meetingBody).where(inArray(meetingBody.bodyId, bodies))),
			or(isNull(actionItem.closedAtMeetingId), eq(actionItem.closedAtMeetingId, m.id), sql`${closedAt.startsAt} > ${m.startsAt}`)
		)
	);
	const notes = rows.length
		? await db
				.select({ actionItemId: actionItemNote.actionItemId, note: actionItemNote.note })
				.from(actionItemNote)
				.where(
					and(
						eq(actionItemNote.meetingId, m.id),
						inArray(
							actionItemNote.actionItemId,
							rows.map((r) => r.id)
						)
					)
				)
		: [];
	const raisedBodies = await bodiesOf(db, [...new Set(rows.map((r) => r.meetingId))]);
	return rows.map((r) => ({
		...r,
		raisedBodies: raisedBodies.get(r.meetingId) ?? [],
		note: notes.find((n) => n.actionItemId === r.id)?.note ?? null,
		closedHere: r.closedAtMeetingId === m.id
	}));
}
export type OpenMatter = Awaited<ReturnType<typeof openMattersAt>>[number];

/** Action items across the meetings the actor may see; open=true: not yet closed. */
export async function listActionItems(db: Db, actor: Actor, f: { id?: number; open?: boolean; bodyId?: number } = {}) {
	const visible = await visibleBodyIds(db, actor);
	const rows = await actionItemsWhere(
		db,
		and(
			f.id ? eq(actionItem.id, f.id) : undefined,
			visible === null
				? undefined
				: inArray(
						actionItem.meetingId,
						db
							.select({ id: meetingBody.meetingId })
							.from(meetingBody)
							.where(visible.length ? inArray(meetingBody.bodyId, visible) : sql`false`)
					),
			f.bodyId
				? inArray(actionItem.meetingId, db.select({ id: meetingBody.meetingId }).from(meetingBody).where(eq(meetingBody.bodyId, f.bodyId)))
				: undefined,
			f.open === true
				? isNull(actionItem.closedAtMeetingId)
				: f.open === false
					? sql`${actionItem.closedAtMeetingId} is not null`
					: undefined
		)
	);
	const bodies = await bodiesOf(db, [...new Set(rows.map((r) => r.meetingId))]);
	return rows.map((r) => ({ ...r, raisedBodies: bodies.get(r.meetingId) ?? [], open: r.closedAtMeetingId == null }));
}
