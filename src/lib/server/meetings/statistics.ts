// A body's year in figures: meetings by format, attendance rate, turnover of
// representatives; and the open requests for an extra meeting.
import { and, eq, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import type { Actor } from '../actor.ts';
import {
	attendance,
	extraMeetingRequest,
	meeting,
	meetingBody,
	meetingCount,
	membership,
	municipality,
	person,
	turnoverCount
} from '../db/schema/index.ts';
import { introductionsOf } from '../governance/cycle.ts';
import { attendanceRate, extraMeetingDue, stockholmToUtc, turnover, type MeetingFormat, type MeetingKind } from '../../core/meetings.ts';
import type { YearFigures } from '../../core/year-sentence.ts';
import { getBodyRules, rulesOf } from './queries.ts';
import { assertBodyVisible } from './access.ts';

/**
 * The roles whose change is a change of a municipality's representative: a new
 * chair who was a member already, or a guest, is not one.
 */
const REPRESENTATIVE_ROLES = ['member', 'substitute'];

/** Who represented which municipality in the bodies, and from and to which day: what turnover is counted from. */
export function representationPeriods(db: Db | Tx, bodyIds: number[]) {
	return db
		.select({
			bodyId: membership.bodyId,
			municipalityId: membership.representsMunicipalityId,
			personId: membership.personId,
			validFrom: membership.startsOn,
			validTo: membership.endsOn
		})
		.from(membership)
		.where(and(inArray(membership.bodyId, bodyIds), inArray(membership.role, REPRESENTATIVE_ROLES)));
}

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
			.select({ status: meeting.status, kind: meeting.kind, format: meeting.format, n: sql<number>`count(*)::int` })
			.from(meeting)
			.where(inYear)
			.groupBy(meeting.status, meeting.kind, meeting.format),
		db
			.select({ status: attendance.status })
			.from(attendance)
			.innerJoin(meeting, eq(meeting.id, attendance.meetingId))
			.where(and(inYear, eq(attendance.guest, false))),
		representationPeriods(db, [bodyId]),
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
		heldByKind: held.map((r) => ({ kind: r.kind as MeetingKind, format: r.format as MeetingFormat | null, count: Number(r.n) })),
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

export type BodyYearFigures = YearFigures;

/**
 * The year in figures of many bodies at once, in six reads whatever their
 * number: what the published documents print for every body, where bodyYear
 * (one body, with its rules and requests) would take a handful of reads each.
 */
export async function bodiesYear(db: Db, bodyIds: number[], year: number): Promise<Map<number, BodyYearFigures>> {
	const out = new Map<number, BodyYearFigures>();
	if (!bodyIds.length) return out;
	const from = stockholmToUtc(`${year}-01-01`, '00:00');
	const to = stockholmToUtc(`${year + 1}-01-01`, '00:00');
	const inYear = and(inArray(meetingBody.bodyId, bodyIds), gte(meeting.startsAt, from), lt(meeting.startsAt, to));
	const [byFormat, counted, turnoverCounted, att, periods] = await Promise.all([
		db
			.select({
				bodyId: meetingBody.bodyId,
				status: meeting.status,
				kind: meeting.kind,
				format: meeting.format,
				n: sql<number>`count(*)::int`
			})
			.from(meeting)
			.innerJoin(meetingBody, eq(meetingBody.meetingId, meeting.id))
			.where(inYear)
			.groupBy(meetingBody.bodyId, meeting.status, meeting.kind, meeting.format),
		db
			.select({ bodyId: meetingCount.bodyId, kind: meetingCount.kind, format: meetingCount.format, count: meetingCount.count })
			.from(meetingCount)
			.where(and(inArray(meetingCount.bodyId, bodyIds), eq(meetingCount.year, year))),
		db
			.select({ bodyId: turnoverCount.bodyId, municipalities: turnoverCount.municipalities })
			.from(turnoverCount)
			.where(and(inArray(turnoverCount.bodyId, bodyIds), eq(turnoverCount.year, year))),
		db
			.select({
				bodyId: meetingBody.bodyId,
				guest: attendance.guest,
				present: sql<number>`count(*) filter (where ${attendance.status} = 'present')::int`,
				all: sql<number>`count(*)::int`
			})
			.from(attendance)
			.innerJoin(meeting, eq(meeting.id, attendance.meetingId))
			.innerJoin(meetingBody, eq(meetingBody.meetingId, meeting.id))
			.where(inYear)
			.groupBy(meetingBody.bodyId, attendance.guest),
		representationPeriods(db, bodyIds)
	]);
	const changed = new Map(
		bodyIds.map((id) => [
			id,
			turnover(
				periods.filter((p) => p.bodyId === id),
				year
			)
		])
	);
	const ids = [...new Set([...changed.values()].flat())];
	const names = new Map(
		ids.length
			? (await db.select({ id: municipality.id, name: municipality.name }).from(municipality).where(inArray(municipality.id, ids))).map(
					(m) => [m.id, m.name]
				)
			: []
	);
	for (const id of bodyIds) {
		const rows = byFormat.filter((r) => r.bodyId === id);
		const members = att.find((a) => a.bodyId === id && !a.guest);
		out.set(id, {
			held: rows
				.filter((r) => r.status === 'held')
				.map((r) => ({ kind: r.kind as MeetingKind, format: r.format as MeetingFormat | null, count: r.n })),
			counted: counted
				.filter((c) => c.bodyId === id)
				.map((c) => ({ kind: c.kind as MeetingKind, format: c.format as MeetingFormat | null, count: c.count })),
			cancelled: rows.filter((r) => r.status === 'cancelled').reduce((s, r) => s + r.n, 0),
			attendanceRate: members?.all ? members.present / members.all : null,
			turnover: (changed.get(id) ?? []).map((m) => names.get(m) ?? '').sort((a, b) => a.localeCompare(b, 'sv')),
			turnoverCounted: turnoverCounted.find((t) => t.bodyId === id)?.municipalities ?? null,
			guests: att.find((a) => a.bodyId === id && a.guest)?.all ?? 0
		});
	}
	return out;
}
