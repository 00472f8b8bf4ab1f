// A body's year in figures: meetings by format, attendance rate, turnover of
// representatives; and the open requests for an extra meeting.
import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import type { Actor } from '../actor.ts';
import { attendance, bodyRules, meeting, meetingBody, meetingCount, membership, municipality, turnoverCount } from '../db/schema/index.ts';
import { attendanceRate, extraMeetingDue, stockholmToUtc, turnover, type MeetingFormat, type MeetingKind } from '../../core/meetings.ts';
import type { YearFigures } from '../../core/year-sentence.ts';
import { rulesOf } from './queries.ts';
import { visibleBody } from './access.ts';
import { NotFoundError } from '../errors.ts';

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

interface BodyYearJson {
	visible: boolean;
	byFormat: { status: string; kind: string; format: string | null; n: number }[] | null;
	att: { status: string }[] | null;
	/** every year with meetings: held meetings, and the members' attendance rows (present of recorded) */
	history: { year: number; held: number; present: number; recorded: number }[] | null;
	periods: { bodyId: number; municipalityId: number | null; personId: number; validFrom: string | null; validTo: string | null }[] | null;
	/** The municipalities the periods name, by name as the database orders it. */
	municipalities: { id: number; name: string }[] | null;
	rulesRow: (Omit<typeof bodyRules.$inferSelect, 'createdAt' | 'updatedAt'> & { createdAt: string; updatedAt: string }) | null;
	requests: { id: number; personName: string; requestedOn: string; subject: string }[] | null;
	introductions: { held: number; open: number };
}

/**
 * A body's year in figures, its rules and its open requests for an extra
 * meeting, in one query (one round trip, the actor's right to see the body's
 * meetings included).
 */
export async function bodyYear(db: Db, actor: Actor, bodyId: number, year: number) {
	const from = stockholmToUtc(`${year}-01-01`, '00:00');
	const to = stockholmToUtc(`${year + 1}-01-01`, '00:00');
	const { rows } = await db.execute<{ y: BodyYearJson }>(sql`
		with in_year as (
			select m.id, m.status, m.kind, m.format from meeting m
			where m.id in (select meeting_id from meeting_body where body_id = ${bodyId})
				and m.starts_at >= ${from.toISOString()} and m.starts_at < ${to.toISOString()}
		),
		periods as (
			select body_id, represents_municipality_id, person_id, starts_on, ends_on from membership
			where body_id = ${bodyId} and role in (${sql.join(
				REPRESENTATIVE_ROLES.map((r) => sql`${r}`),
				sql`, `
			)})
		)
		select json_build_object(
			'visible', ${visibleBody(actor, bodyId)},
			'byFormat', (
				select json_agg(json_build_object('status', g.status, 'kind', g.kind, 'format', g.format, 'n', g.n)
					order by g.status, array_position(array['ordinary', 'extra', 'planning_conference', 'joint_network'], g.kind),
						array_position(array['physical', 'digital', 'hybrid'], g.format) nulls last)
				from (select status, kind, format, count(*)::int as n from in_year group by status, kind, format) g
			),
			'att', (
				select json_agg(json_build_object('status', a.status))
				from attendance a where a.meeting_id in (select id from in_year) and not a.guest
			),
			'history', (
				select json_agg(json_build_object('year', h.year, 'held', h.held, 'present', h.present, 'recorded', h.recorded) order by h.year)
				from (
					select extract(year from m.starts_at at time zone 'Europe/Stockholm')::int as year,
						count(distinct m.id) filter (where m.status = 'held')::int as held,
						count(a.id) filter (where a.status = 'present')::int as present,
						count(a.id)::int as recorded
					from meeting m left join attendance a on a.meeting_id = m.id and not a.guest
					where m.id in (select meeting_id from meeting_body where body_id = ${bodyId})
					group by 1
				) h
			),
			'periods', (
				select json_agg(json_build_object('bodyId', body_id, 'municipalityId', represents_municipality_id, 'personId', person_id,
					'validFrom', starts_on, 'validTo', ends_on))
				from periods
			),
			'municipalities', (
				select json_agg(json_build_object('id', mu.id, 'name', mu.name) order by mu.name)
				from municipality mu where mu.id in (select represents_municipality_id from periods)
			),
			'rulesRow', (
				select json_build_object('bodyId', r.body_id, 'seats', r.seats, 'quorumPercent', r.quorum_percent,
					'decisionRule', r.decision_rule, 'extraMeetingThreshold', r.extra_meeting_threshold,
					'minutesToMunicipalities', r.minutes_to_municipalities, 'meetingsPerYear', r.meetings_per_year,
					'chairChosenYearly', r.chair_chosen_yearly, 'remoteAllowed', r.remote_allowed, 'publicMeetings', r.public_meetings,
					'preparesForBodyId', r.prepares_for_body_id, 'source', r.source, 'version', r.version,
					'createdAt', r.created_at, 'updatedAt', r.updated_at)
				from body_rules r where r.body_id = ${bodyId}
			),
			'requests', (
				select json_agg(json_build_object('id', x.id, 'personName', p.name, 'requestedOn', x.requested_on, 'subject', x.subject))
				from extra_meeting_request x join person p on p.id = x.person_id
				where x.body_id = ${bodyId} and x.meeting_id is null
			),
			'introductions', (
				select json_build_object(
					'held', count(*) filter (where t.done_on is not null or t.done_undated)::int,
					'open', count(*) filter (where t.done_on is null and not t.done_undated)::int)
				from task t where t.kind = 'introduction' and t.year = ${year} and t.body_id = ${bodyId}
			)
		) as y
	`);
	const y = rows[0].y;
	if (!y.visible) throw new NotFoundError('Organets möten');
	const byFormat = y.byFormat ?? [];
	const att = y.att ?? [];
	const requests = y.requests ?? [];
	const rulesRow = y.rulesRow
		? { ...y.rulesRow, createdAt: new Date(y.rulesRow.createdAt), updatedAt: new Date(y.rulesRow.updatedAt) }
		: null;
	const held = byFormat.filter((r) => r.status === 'held');
	const formats: Record<MeetingFormat | 'unknown', number> = { physical: 0, digital: 0, hybrid: 0, unknown: 0 };
	for (const r of held) formats[(r.format as MeetingFormat | null) ?? 'unknown'] += Number(r.n);
	const changed = new Set(turnover(y.periods ?? [], year));
	const names = (y.municipalities ?? []).filter((m) => changed.has(m.id));
	const rules = rulesOf(rulesRow);
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
		introductions: y.introductions,
		rules,
		rulesRow,
		extraRequests: requests,
		extraMeetingDue: extraMeetingDue(new Set(requests.map((r) => r.personName)).size, rules?.extraMeetingThreshold ?? null),
		/** Every year with meetings: held meetings and the attendance rate (null: no attendance recorded), for the body's charts. */
		history: (y.history ?? []).map((h) => ({
			year: h.year,
			held: h.held,
			attendance: h.recorded ? Math.round((1000 * h.present) / h.recorded) / 10 : null
		}))
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
