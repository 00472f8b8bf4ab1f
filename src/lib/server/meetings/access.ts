// Who may see which meetings: the secretariat sees all; members see the
// meetings of the bodies they belong to; everyone sees those of bodies whose
// meetings are public (the body's rules say so).
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import { body, bodyRules, meeting, meetingBody, membership } from '../db/schema/index.ts';
import { hasRole, type Actor } from '../actor.ts';
import { NotFoundError } from '../errors.ts';

/** The bodies whose meetings the actor may see; null: all of them. */
export async function visibleBodyIds(db: Db | Tx, actor: Actor): Promise<number[] | null> {
	if (hasRole(actor, 'editor')) return null;
	const rows = await db
		.select({ id: bodyRules.bodyId })
		.from(bodyRules)
		.where(eq(bodyRules.publicMeetings, true))
		.union(
			db
				.select({ id: membership.bodyId })
				.from(membership)
				.where(actor.personId && hasRole(actor, 'member') ? eq(membership.personId, actor.personId) : sql`false`)
		);
	return rows.map((r) => r.id);
}

/**
 * The same rule as visibleBodyIds as a condition on a meeting id column, for a
 * query that checks it without a round trip of its own; undefined: all meetings.
 */
export function visibleMeeting(actor: Actor, meetingId: SQL): SQL | undefined {
	if (hasRole(actor, 'editor')) return undefined;
	const own = actor.personId && hasRole(actor, 'member') ? sql`select body_id from membership where person_id = ${actor.personId}` : null;
	return sql`${meetingId} in (select meeting_id from meeting_body where body_id in (select body_id from body_rules where public_meetings${
		own ? sql` union ${own}` : sql``
	}))`;
}

/** Whether the actor may see the body's meetings, in SQL: the rule of assertBodyVisible. */
export function visibleBody(actor: Actor, bodyId: number): SQL {
	if (hasRole(actor, 'editor')) return sql`true`;
	const own =
		actor.personId && hasRole(actor, 'member') ? sql` union select body_id from membership where person_id = ${actor.personId}` : sql``;
	return sql`(${bodyId} in (select body_id from body_rules where public_meetings${own}))`;
}

/** The meeting ids among the given ones that belong to one of the bodies. */
export function inBodies(db: Db | Tx, bodyIds: number[] | null): SQL | undefined {
	if (bodyIds === null) return undefined;
	if (bodyIds.length === 0) return sql`false`;
	return inArray(meeting.id, db.select({ id: meetingBody.meetingId }).from(meetingBody).where(inArray(meetingBody.bodyId, bodyIds)));
}

/** 404 unless the actor may see the meeting (a hidden meeting is not confirmed to exist). */
export async function assertVisible(db: Db | Tx, actor: Actor, meetingId: number) {
	const ids = await visibleBodyIds(db, actor);
	const [row] = await db
		.select({ id: meeting.id })
		.from(meeting)
		.where(and(eq(meeting.id, meetingId), inBodies(db, ids)));
	if (!row) throw new NotFoundError('Mötet');
}

/** 404 unless the actor may see the body's meetings. */
export async function assertBodyVisible(db: Db | Tx, actor: Actor, bodyId: number) {
	const ids = await visibleBodyIds(db, actor);
	if (ids !== null && !ids.includes(bodyId)) throw new NotFoundError('Organets möten');
}

/** The bodies of each meeting, read for all of them at once. */
export async function bodiesOf(db: Db | Tx, meetingIds: number[]) {
	const out = new Map<number, { id: number; name: string; shortName: string | null; kind: string }[]>();
	if (meetingIds.length === 0) return out;
	const rows = await db
		.select({ meetingId: meetingBody.meetingId, id: body.id, name: body.name, shortName: body.shortName, kind: body.kind })
		.from(meetingBody)
		.innerJoin(body, eq(body.id, meetingBody.bodyId))
		.where(inArray(meetingBody.meetingId, meetingIds))
		.orderBy(asc(body.id));
	for (const r of rows) {
		const list = out.get(r.meetingId) ?? [];
		list.push({ id: r.id, name: r.name, shortName: r.shortName, kind: r.kind });
		out.set(r.meetingId, list);
	}
	return out;
}
