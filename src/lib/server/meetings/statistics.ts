// A body's year in figures: meetings by format, attendance rate, turnover of
// representatives; and the open requests for an extra meeting.
import { and, eq, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Actor } from '../actor.ts';
import { attendance, extraMeetingRequest, meeting, meetingBody, membership, municipality, person } from '../db/schema/index.ts';
import { introductionsOf } from '../governance/cycle.ts';
import { attendanceRate, extraMeetingDue, stockholmToUtc, turnover, type MeetingFormat } from '../../core/meetings.ts';
import { getBodyRules, rulesOf } from './queries.ts';
import { assertBodyVisible } from './access.ts';

export async function bodyYear(db: Db, actor: Actor, bodyId: number, year: number) {
	await assertBodyVisible(db, actor, bodyId);
	const from = stockholmToUtc(`${year}-01-01`, '00:00');
	const to = stockholmToUtc(`${year + 1}-01-01`, '00:00');
	const inYear = and(
		inArray(meeting.id, db.select({ id: meetingBody.meetingId }).from(meetingBody).where(eq(meetingBody.bodyId, bodyId))),
		gte(meeting.startsAt, from),
		lt(meeting.startsAt, to)
	);
	const [byFormat, att, periods, rulesRow, requests] = await Promise.all([
		db
			.select({ status: meeting.status, format: meeting.format, n: sql<number>`count(*)::int` })
			.from(meeting)
			.where(inYear)
			.groupBy(meeting.status, meeting.format),
		db
			.select({ status: attendance.status })
			.from(attendance)
			.innerJoin(meeting, eq(meeting.id, attendance.meetingId))
			.where(and(inYear, eq(attendance.guest, false))),
		db
			.select({
				municipalityId: membership.representsMunicipalityId,
				personId: membership.personId,
				validFrom: membership.validFrom,
				validTo: membership.validTo
			})
			.from(membership)
			.where(eq(membership.bodyId, bodyId)),
		getBodyRules(db, bodyId),
		db
			.select({
				id: extraMeetingRequest.id,
				personName: person.name,
				requestedOn: extraMeetingRequest.requestedOn,
				subject: extraMeetingRequest.subject
			})
			.from(extraMeetingRequest)
			.innerJoin(person, eq(person.id, extraMeetingRequest.personId))
			.where(and(eq(extraMeetingRequest.bodyId, bodyId), isNull(extraMeetingRequest.meetingId)))
	]);
	const held = byFormat.filter((r) => r.status === 'held');
	const formats: Record<MeetingFormat | 'unknown', number> = { physical: 0, digital: 0, hybrid: 0, unknown: 0 };
	for (const r of held) formats[(r.format as MeetingFormat | null) ?? 'unknown'] += Number(r.n);
	const changed = turnover(periods, year);
	const names = changed.length
		? await db.select({ name: municipality.name }).from(municipality).where(inArray(municipality.id, changed)).orderBy(municipality.name)
		: [];
	const rules = rulesOf(rulesRow);
	const introduced = (await introductionsOf(db, year)).find((r) => r.bodyId === bodyId);
	return {
		year,
		held: held.reduce((s, r) => s + Number(r.n), 0),
		planned: byFormat.filter((r) => r.status === 'planned').reduce((s, r) => s + Number(r.n), 0),
		cancelled: byFormat.filter((r) => r.status === 'cancelled').reduce((s, r) => s + Number(r.n), 0),
		formats,
		attendanceRate: attendanceRate(att as { status: 'present' | 'absent' }[]),
		attendanceRows: att.length,
		turnover: names.map((n) => n.name),
		/** Newcomers' introduction meetings in the year (the governance module's tasks). */
		introductions: { held: introduced?.held ?? 0, open: introduced?.open ?? 0 },
		rules,
		rulesRow,
		extraRequests: requests,
		extraMeetingDue: extraMeetingDue(new Set(requests.map((r) => r.personName)).size, rules?.extraMeetingThreshold ?? null)
	};
}
