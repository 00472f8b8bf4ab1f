// Which meetings go into which calendar feed, and the secret address of a
// person's own feed.
import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { attendance, calendarFeed, meeting, meetingBody, membership } from '../db/schema/index.ts';
import { hasRole, type Actor } from '../actor.ts';
import { NotFoundError } from '../errors.ts';
import { writeAudit } from '../service.ts';
import { actorOfAccount } from '../auth/sessions.ts';
import { MEETING_KIND_LABELS, type CalendarMeeting, type MeetingKind } from '../../core/meetings.ts';
import { listMeetings, type MeetingRow } from './queries.ts';
import { meetingName } from './document.ts';
import { capitalise, todayIso } from '../../core/format.ts';
import { addDays } from '../../core/days.ts';
import { membershipHeldOn } from '../organisation/queries.ts';

/** A meeting as a calendar event; without an origin (no ORIGIN in mail) it carries no link. */
export function toCalendar(m: Omit<MeetingRow, 'minutesStatus' | 'minutesVersion'>, origin: string): CalendarMeeting {
	const name = meetingName(m);
	const link = origin ? `${origin}/meetings/${m.id}` : null;
	return {
		id: m.id,
		uid: `meeting-${m.id}`,
		sequence: m.version,
		title: capitalise(name),
		startsAt: m.startsAt,
		endsAt: m.endsAt,
		place: m.place ?? m.hostMunicipalityName ?? null,
		description: [MEETING_KIND_LABELS[m.kind as MeetingKind], m.statusNote, link].filter(Boolean).join('\n'),
		cancelled: m.status === 'cancelled',
		url: link,
		updatedAt: m.updatedAt
	};
}

/** A feed covers the last year and everything ahead. */
const feedFrom = () => addDays(todayIso(), -366);

export async function bodyFeed(db: Db, actor: Actor, bodyId: number, origin: string) {
	const rows = await listMeetings(db, actor, { bodyId, from: feedFrom() });
	return rows.map((m) => toCalendar(m, origin));
}

/** The meetings of the bodies the person belongs to or was invited to, that the account may see. */
export async function personFeed(db: Db, token: string, origin: string) {
	const [feed] = await db.select({ accountId: calendarFeed.accountId }).from(calendarFeed).where(eq(calendarFeed.token, token));
	if (!feed) throw new NotFoundError('Kalendern');
	const actor = await actorOfAccount(db, feed.accountId);
	if (!actor) throw new NotFoundError('Kalendern');
	const rows = await listMeetings(db, actor, { from: feedFrom() });
	if (hasRole(actor, 'editor') || !actor.personId) return { actor, meetings: rows.map((m) => toCalendar(m, origin)) };
	// The bodies the person belonged to on each meeting's day, and the meetings they were invited to.
	const day = sql`(${meeting.startsAt} at time zone 'Europe/Stockholm')::date`;
	const mine = await db
		.select({ id: meetingBody.meetingId })
		.from(meetingBody)
		.innerJoin(meeting, eq(meeting.id, meetingBody.meetingId))
		.innerJoin(membership, eq(membership.bodyId, meetingBody.bodyId))
		.where(and(eq(membership.personId, actor.personId), membershipHeldOn(day)))
		.union(db.select({ id: attendance.meetingId }).from(attendance).where(eq(attendance.personId, actor.personId)));
	const ids = new Set(mine.map((r) => r.id));
	return { actor, meetings: rows.filter((m) => ids.has(m.id)).map((m) => toCalendar(m, origin)) };
}

/** The account's feed token, made on first use; renew makes the old address stop working. */
export async function feedToken(db: Db, actor: Actor, renew = false): Promise<string | null> {
	if (!actor.accountId) return null;
	const [row] = await db.select().from(calendarFeed).where(eq(calendarFeed.accountId, actor.accountId));
	if (row && !renew) return row.token;
	const token = randomBytes(24).toString('base64url');
	await db.transaction(async (tx) => {
		await tx
			.insert(calendarFeed)
			.values({ accountId: actor.accountId!, token })
			.onConflictDoUpdate({ target: calendarFeed.accountId, set: { token, createdAt: sql`now()` } });
		await writeAudit(tx, actor, { action: row ? 'renew' : 'create', entity: 'calendar_feed', entityId: actor.accountId });
	});
	return token;
}
