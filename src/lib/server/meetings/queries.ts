// Reading meetings: the calendar, one meeting in full (items, decisions, action
// items, attendance, minutes versions, the open matters offered), and the
// outstanding matters across meetings.
import { and, asc, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '../db/client.ts';
import {
	actionItem,
	agendaItem,
	agendaItemActivity,
	agendaItemDecision,
	agendaItemFile,
	attendance,
	bodyRules,
	decision,
	meeting,
	membership,
	minutes,
	municipality,
	organisation,
	person,
	storedFile
} from '../db/schema/index.ts';
import { NotFoundError } from '../errors.ts';
import { hasRole, type Actor } from '../actor.ts';
import { shiftDay, stockholmToUtc, quorum, type BodyRules, type MinutesStatus } from '../../core/meetings.ts';
import { assertVisible, inBodies, visibleBodyIds, visibleMeeting } from './access.ts';
import { actionItemsWhere } from './matters.ts';
import { membershipHeldOn } from '../organisation/queries.ts';
import { preparedRows } from './prepared.ts';

export interface MeetingFilter {
	id?: number;
	bodyId?: number;
	/** ISO dates, inclusive, Stockholm days. */
	from?: string;
	to?: string;
	/** Only meetings whose latest minutes are approved: adjusted or distributed. */
	minutesApproved?: boolean;
	/** The newest first, at most this many; without it, every match in date order. */
	latest?: number;
}

function meetingWhere(db: Db | Tx, f: MeetingFilter, visible: number[] | null): SQL | undefined {
	return and(
		inBodies(db, visible),
		f.id ? eq(meeting.id, f.id) : undefined,
		f.bodyId ? inBodies(db, [f.bodyId]) : undefined,
		f.from ? gte(meeting.startsAt, stockholmToUtc(f.from, '00:00')) : undefined,
		f.to ? lt(meeting.startsAt, stockholmToUtc(shiftDay(f.to, 1), '00:00')) : undefined,
		f.minutesApproved
			? sql`(select ${minutes.status} from ${minutes} where ${minutes.meetingId} = ${meeting.id} order by ${minutes.version} desc limit 1) in ('adjusted', 'distributed')`
			: undefined
	);
}

const host = alias(municipality, 'host_municipality');
const chair = alias(person, 'chair_person');

const meetingColumns = {
	id: meeting.id,
	kind: meeting.kind,
	title: meeting.title,
	startsAt: meeting.startsAt,
	endsAt: meeting.endsAt,
	place: meeting.place,
	hostMunicipalityId: meeting.hostMunicipalityId,
	hostMunicipalityName: host.name,
	format: meeting.format,
	status: meeting.status,
	statusNote: meeting.statusNote,
	movedFrom: meeting.movedFrom,
	chairPersonId: meeting.chairPersonId,
	chairPersonName: chair.name,
	chairNote: meeting.chairNote,
	noticeSentAt: meeting.noticeSentAt,
	source: meeting.source,
	version: meeting.version,
	updatedAt: meeting.updatedAt,
	createdAt: meeting.createdAt
};

export type MeetingRow = Awaited<ReturnType<typeof listMeetings>>[number];

/**
 * The calendar: meetings in time order, each with its bodies and its minutes'
 * state, in one query (the actor's right to see each meeting included).
 */
export async function listMeetings(db: Db, actor: Actor, f: MeetingFilter = {}) {
	const query = db
		.select({
			...meetingColumns,
			bodies: sql<{ id: number; name: string; shortName: string | null; kind: string }[] | null>`(
				select json_agg(json_build_object('id', b.id, 'name', b.name, 'shortName', b.short_name, 'kind', b.kind) order by b.id)
				from meeting_body mb join body b on b.id = mb.body_id where mb.meeting_id = ${meeting.id})`,
			latest: sql<{ version: number; status: string } | null>`(
				select json_build_object('version', mi.version, 'status', mi.status) from minutes mi
				where mi.meeting_id = ${meeting.id} order by mi.version desc limit 1)`
		})
		.from(meeting)
		.leftJoin(host, eq(host.id, meeting.hostMunicipalityId))
		.leftJoin(chair, eq(chair.id, meeting.chairPersonId))
		.where(and(visibleMeeting(actor, sql`${meeting.id}`), meetingWhere(db, f, null)))
		.$dynamic();
	const rows = await (f.latest
		? query.orderBy(desc(meeting.startsAt), desc(meeting.id)).limit(f.latest)
		: query.orderBy(asc(meeting.startsAt), asc(meeting.id)));
	return rows.map(({ bodies, latest, ...r }) => ({
		...r,
		bodies: bodies ?? [],
		minutesStatus: (latest?.status ?? null) as MinutesStatus | null,
		minutesVersion: latest?.version ?? null
	}));
}

export function rulesOf(r: typeof bodyRules.$inferSelect | null | undefined): BodyRules | null {
	if (!r) return null;
	return {
		seats: r.seats,
		quorumPercent: r.quorumPercent,
		decisionRule: r.decisionRule,
		extraMeetingThreshold: r.extraMeetingThreshold,
		minutesToMunicipalities: r.minutesToMunicipalities,
		meetingsPerYear: r.meetingsPerYear,
		chairChosenYearly: r.chairChosenYearly,
		remoteAllowed: r.remoteAllowed
	};
}

export async function getBodyRules(db: Db | Tx, bodyId: number) {
	const [r] = await db.select().from(bodyRules).where(eq(bodyRules.bodyId, bodyId));
	return r ?? null;
}

const VOTING_ROLES = ['chair', 'vice_chair', 'member', 'substitute'];

/** A person's organisation for the attendance list: their employer. */
const employer = alias(municipality, 'employer_municipality');
const employerOrg = alias(organisation, 'employer_organisation');

/** The agenda items of the meetings, in order. */
function itemsOf(db: Db | Tx, meetingIds: number[]) {
	return db.select().from(agendaItem).where(inArray(agendaItem.meetingId, meetingIds)).orderBy(asc(agendaItem.number), asc(agendaItem.id));
}

/** The decisions taken under the meetings' items, in the order they were taken. */
function decisionsOf(db: Db | Tx, meetingIds: number[]) {
	return db
		.select({
			agendaItemId: agendaItemDecision.agendaItemId,
			id: decision.id,
			title: decision.title,
			decidedBy: decision.decidedBy,
			decidedOn: decision.decidedOn
		})
		.from(agendaItemDecision)
		.innerJoin(decision, eq(decision.id, agendaItemDecision.decisionId))
		.innerJoin(agendaItem, eq(agendaItem.id, agendaItemDecision.agendaItemId))
		.where(inArray(agendaItem.meetingId, meetingIds))
		.orderBy(asc(agendaItemDecision.position), asc(decision.id));
}

/** Who attended the meetings, in the order recorded, with their organisation (their employer). */
function attendanceOf(db: Db | Tx, meetingIds: number[]) {
	return db
		.select({
			id: attendance.id,
			meetingId: attendance.meetingId,
			personId: attendance.personId,
			name: person.name,
			email: person.email,
			status: attendance.status,
			guest: attendance.guest,
			onlyItems: attendance.onlyItems,
			role: attendance.role,
			employerName: sql<string | null>`coalesce(${employer.name}, ${employerOrg.name})`,
			version: attendance.version
		})
		.from(attendance)
		.innerJoin(person, eq(person.id, attendance.personId))
		.leftJoin(employer, eq(employer.id, person.employerMunicipalityId))
		.leftJoin(employerOrg, eq(employerOrg.id, person.employerOrganisationId))
		.where(inArray(attendance.meetingId, meetingIds))
		.orderBy(asc(attendance.id));
}

/** An action item's row as actionItemsWhere reads it, in SQL: `ai` the item, `ra` the meeting that raised it, `ca` the one that closed it, `rp` the responsible person. */
const actionItemJson = sql.raw(`json_build_object(
	'id', ai.id, 'meetingId', ai.meeting_id, 'meetingStartsAt', ra.starts_at, 'meetingTitle', ra.title, 'meetingKind', ra.kind,
	'agendaItemId', ai.agenda_item_id, 'text', ai.text, 'responsiblePersonId', ai.responsible_person_id,
	'responsibleName', coalesce(rp.name, ai.responsible_text), 'responsibleEmail', rp.email, 'dueOn', ai.due_on,
	'closedAtMeetingId', ai.closed_at_meeting_id, 'closedAtStartsAt', ca.starts_at, 'closedOn', ai.closed_on,
	'source', ai.source, 'version', ai.version)`);
const actionItemFrom = sql.raw(`action_item ai
	join meeting ra on ra.id = ai.meeting_id
	left join meeting ca on ca.id = ai.closed_at_meeting_id
	left join person rp on rp.id = ai.responsible_person_id`);

/** Timestamps inside JSON arrive as text: back to Dates, as the row readers give them. */
const instant = (v: string | Date | null) => (v == null ? null : new Date(v));
const instantOf = (v: string | Date) => new Date(v);

interface ActionItemJson {
	id: number;
	meetingId: number;
	meetingStartsAt: string;
	meetingTitle: string | null;
	meetingKind: string;
	agendaItemId: number | null;
	text: string;
	responsiblePersonId: number | null;
	responsibleName: string | null;
	responsibleEmail: string | null;
	dueOn: string | null;
	closedAtMeetingId: number | null;
	closedAtStartsAt: string | null;
	closedOn: string | null;
	source: string | null;
	version: number;
}
const actionItemOf = (a: ActionItemJson) => ({
	...a,
	meetingStartsAt: instantOf(a.meetingStartsAt),
	closedAtStartsAt: instant(a.closedAtStartsAt)
});

type BodyJson = { id: number; name: string; shortName: string | null; kind: string };
type RulesJson = typeof bodyRules.$inferSelect;

interface MeetingJson {
	bodies: (BodyJson & { rules: Omit<RulesJson, 'createdAt' | 'updatedAt'> | null })[] | null;
	items:
		| (Omit<typeof agendaItem.$inferSelect, 'createdAt' | 'updatedAt'> & {
				createdAt: string;
				updatedAt: string;
				decisions: { agendaItemId: number; id: number; title: string; decidedBy: string; decidedOn: string | null }[] | null;
				files: { agendaItemId: number; id: number; name: string; size: number }[] | null;
				activities: { agendaItemId: number; id: number; title: string; year: number }[] | null;
				tabledTo: { itemId: number; meetingId: number; startsAt: string } | null;
		  })[]
		| null;
	actions: ActionItemJson[] | null;
	attendance:
		| {
				id: number;
				meetingId: number;
				personId: number;
				name: string;
				email: string | null;
				status: string;
				guest: boolean;
				onlyItems: number[];
				role: string | null;
				employerName: string | null;
				version: number;
		  }[]
		| null;
	presentVoting: number;
	versions:
		| {
				id: number;
				version: number;
				status: string;
				reason: string | null;
				secretaryPersonId: number | null;
				secretaryName: string | null;
				adjusterPersonId: number | null;
				adjusterName: string | null;
				secretaryApprovedAt: string | null;
				secretaryApprovedBy: string | null;
				adjusterApprovedAt: string | null;
				adjusterApprovedBy: string | null;
				adjustedAt: string | null;
				distributedAt: string | null;
				createdAt: string;
		  }[]
		| null;
	mail: { kind: string; status: string; n: number; lastSent: string | null }[] | null;
	openMatters: (ActionItemJson & { raisedBodies: BodyJson[] | null; note: string | null })[] | null;
}

/**
 * Everything about one meeting that its page, the API and its documents show,
 * read in one query (one round trip, the actor's right to see it included):
 * each part of the meeting is a JSON aggregate of its own.
 */
export async function getMeeting(db: Db | Tx, actor: Actor, id: number) {
	const rows = await preparedRows<Record<string, unknown> & { detail: MeetingJson }>(
		db,
		'meeting-detail',
		sql`
		with mb as (select body_id from meeting_body where meeting_id = ${id}),
		matter_bodies as (
			select body_id from mb
			union select prepares_for_body_id from body_rules where body_id in (select body_id from mb) and prepares_for_body_id is not null
		)
		select ${meeting.id} as "id", ${meeting.kind} as "kind", ${meeting.title} as "title", ${meeting.startsAt} as "startsAt",
			${meeting.endsAt} as "endsAt", ${meeting.place} as "place", ${meeting.hostMunicipalityId} as "hostMunicipalityId",
			host.name as "hostMunicipalityName", ${meeting.format} as "format", ${meeting.status} as "status",
			${meeting.statusNote} as "statusNote", ${meeting.movedFrom} as "movedFrom", ${meeting.chairPersonId} as "chairPersonId",
			chair.name as "chairPersonName", ${meeting.chairNote} as "chairNote", ${meeting.noticeSentAt} as "noticeSentAt",
			${meeting.source} as "source", ${meeting.version} as "version", ${meeting.updatedAt} as "updatedAt",
			${meeting.createdAt} as "createdAt",
			json_build_object(
				'bodies', (
					select json_agg(json_build_object('id', b.id, 'name', b.name, 'shortName', b.short_name, 'kind', b.kind,
						'rules', (select json_build_object('bodyId', r.body_id, 'seats', r.seats, 'quorumPercent', r.quorum_percent,
							'decisionRule', r.decision_rule, 'extraMeetingThreshold', r.extra_meeting_threshold,
							'minutesToMunicipalities', r.minutes_to_municipalities, 'meetingsPerYear', r.meetings_per_year,
							'chairChosenYearly', r.chair_chosen_yearly, 'remoteAllowed', r.remote_allowed, 'publicMeetings', r.public_meetings,
							'preparesForBodyId', r.prepares_for_body_id, 'source', r.source, 'version', r.version)
							from body_rules r where r.body_id = b.id)
					) order by b.id)
					from body b where b.id in (select body_id from mb)
				),
				'items', (
					select json_agg(json_build_object('id', i.id, 'meetingId', i.meeting_id, 'number', i.number, 'kind', i.kind,
						'title', i.title, 'presenter', i.presenter, 'standing', i.standing, 'minutesText', i.minutes_text,
						'tabledToMeetingId', i.tabled_to_meeting_id, 'tabledFromItemId', i.tabled_from_item_id, 'source', i.source,
						'version', i.version, 'createdAt', i.created_at, 'updatedAt', i.updated_at,
						'decisions', (
							select json_agg(json_build_object('agendaItemId', aid.agenda_item_id, 'id', d.id, 'title', d.title,
								'decidedBy', d.decided_by, 'decidedOn', d.decided_on) order by aid.position, d.id)
							from agenda_item_decision aid join decision d on d.id = aid.decision_id where aid.agenda_item_id = i.id
						),
						'files', (
							select json_agg(json_build_object('agendaItemId', aif.agenda_item_id, 'id', f.id, 'name', f.name, 'size', f.size)
								order by f.name)
							from agenda_item_file aif join stored_file f on f.id = aif.file_id where aif.agenda_item_id = i.id
						),
						'activities', (
							select json_agg(json_build_object('agendaItemId', aia.agenda_item_id, 'id', a.id, 'title', a.title, 'year', p.year)
								order by a.id)
							from agenda_item_activity aia join activity a on a.id = aia.activity_id join plan p on p.id = a.plan_id
							where aia.agenda_item_id = i.id
						),
						'tabledTo', (
							select json_build_object('itemId', i.id, 'meetingId', t.id, 'startsAt', t.starts_at)
							from meeting t where t.id = i.tabled_to_meeting_id
						)
					) order by i.number, i.id)
					from agenda_item i where i.meeting_id = ${meeting.id}
				),
				'actions', (
					select json_agg(${actionItemJson} order by ra.starts_at, ai.id) from ${actionItemFrom} where ai.meeting_id = ${meeting.id}
				),
				'attendance', (
					select json_agg(json_build_object('id', at.id, 'meetingId', at.meeting_id, 'personId', at.person_id, 'name', pe.name,
						'email', pe.email, 'status', at.status, 'guest', at.guest, 'onlyItems', at.only_items, 'role', at.role,
						'employerName', coalesce(em.name, eo.name), 'version', at.version) order by at.id)
					from attendance at
					join person pe on pe.id = at.person_id
					left join municipality em on em.id = pe.employer_municipality_id
					left join organisation eo on eo.id = pe.employer_organisation_id
					where at.meeting_id = ${meeting.id}
				),
				'presentVoting', (
					select count(*)::int from attendance at
					where at.meeting_id = ${meeting.id} and at.status = 'present' and not at.guest and at.person_id in (
						select ${membership.personId} from ${membership}
						where ${membership.bodyId} in (select body_id from mb)
							and ${membership.role} in (${sql.join(
								VOTING_ROLES.map((r) => sql`${r}`),
								sql`, `
							)})
							and ${membershipHeldOn(sql`(${meeting.startsAt} at time zone 'UTC')::date`)}
					)
				),
				'versions', (
					select json_agg(json_build_object('id', mi.id, 'version', mi.version, 'status', mi.status, 'reason', mi.reason,
						'secretaryPersonId', mi.secretary_person_id, 'secretaryName', sp.name, 'adjusterPersonId', mi.adjuster_person_id,
						'adjusterName', ap.name, 'secretaryApprovedAt', mi.secretary_approved_at, 'secretaryApprovedBy', mi.secretary_approved_by,
						'adjusterApprovedAt', mi.adjuster_approved_at, 'adjusterApprovedBy', mi.adjuster_approved_by,
						'adjustedAt', mi.adjusted_at, 'distributedAt', mi.distributed_at, 'createdAt', mi.created_at) order by mi.version)
					from minutes mi
					left join person sp on sp.id = mi.secretary_person_id
					left join person ap on ap.id = mi.adjuster_person_id
					where mi.meeting_id = ${meeting.id}
				),
				-- lastSent as PostgreSQL writes it (text), as the grouped read before it gave it.
				'mail', (
					select json_agg(json_build_object('kind', o.kind, 'status', o.status, 'n', o.n, 'lastSent', o.last_sent) order by o.kind, o.status)
					from (select kind, status, count(*)::int as n, max(sent_at)::text as last_sent from outbox where meeting_id = ${meeting.id}
						group by kind, status) o
				),
				'openMatters', (
					select json_agg((${actionItemJson}::jsonb || jsonb_build_object(
						'raisedBodies', (
							select json_agg(json_build_object('id', b.id, 'name', b.name, 'shortName', b.short_name, 'kind', b.kind) order by b.id)
							from meeting_body rmb join body b on b.id = rmb.body_id where rmb.meeting_id = ai.meeting_id
						),
						'note', (select n.note from action_item_note n where n.action_item_id = ai.id and n.meeting_id = ${meeting.id})
					)) order by ra.starts_at, ai.id)
					from ${actionItemFrom}
					where ra.starts_at < ${meeting.startsAt}
						and ai.meeting_id in (select meeting_id from meeting_body where body_id in (select body_id from matter_bodies))
						and (ai.closed_at_meeting_id is null or ai.closed_at_meeting_id = ${meeting.id} or ca.starts_at > ${meeting.startsAt})
				)
			) as "detail"
		from ${meeting}
		left join municipality host on host.id = ${meeting.hostMunicipalityId}
		left join person chair on chair.id = ${meeting.chairPersonId}
		where ${and(eq(meeting.id, id), visibleMeeting(actor, sql`${meeting.id}`))}
	`
	);
	const found = rows[0];
	if (!found) throw new NotFoundError('Mötet');
	const { detail: d, ...columns } = found;
	const raw = columns as unknown as MeetingRowColumns<string | Date>;
	// Timestamps arrive as text (Drizzle's execute) or as Dates (the pool's own parsers): Dates either way.
	const row: MeetingRowColumns<Date> = {
		...raw,
		startsAt: instantOf(raw.startsAt),
		endsAt: instant(raw.endsAt),
		movedFrom: instant(raw.movedFrom),
		noticeSentAt: instant(raw.noticeSentAt),
		updatedAt: instantOf(raw.updatedAt),
		createdAt: instantOf(raw.createdAt)
	};

	const bodies = (d.bodies ?? []).map(({ rules: _, ...b }) => b);
	const rules = (d.bodies ?? []).flatMap((b) => (b.rules ? [b.rules] : []));
	const actions = (d.actions ?? []).map(actionItemOf);
	const people = d.attendance ?? [];
	const versions = (d.versions ?? []).map((v) => ({
		...v,
		secretaryApprovedAt: instant(v.secretaryApprovedAt),
		adjusterApprovedAt: instant(v.adjusterApprovedAt),
		adjustedAt: instant(v.adjustedAt),
		distributedAt: instant(v.distributedAt),
		createdAt: instantOf(v.createdAt)
	}));

	const bodyRulesList = (d.bodies ?? []).map((b, i) => ({ body: bodies[i], rules: rulesOf(b.rules as RulesJson | null) }));
	const quorums = bodyRulesList
		.filter((b) => b.rules?.quorumPercent != null && b.rules.seats)
		.map((b) => ({ body: b.body, ...quorum(b.rules!.seats!, d.presentVoting, b.rules!.quorumPercent)! }));

	const current = versions.at(-1) ?? null;
	return {
		...row,
		bodies,
		rules: bodyRulesList,
		publicMeetings: rules.some((r) => r.publicMeetings),
		items: (d.items ?? []).map((it) => ({
			...it,
			createdAt: instantOf(it.createdAt),
			updatedAt: instantOf(it.updatedAt),
			decisions: it.decisions ?? [],
			files: it.files ?? [],
			activities: it.activities ?? [],
			actionItems: actions.filter((a) => a.agendaItemId === it.id),
			tabledTo: it.tabledTo ? { ...it.tabledTo, startsAt: instantOf(it.tabledTo.startsAt) } : null
		})),
		actionItems: actions,
		attendance: people,
		attendanceRecorded: people.length > 0,
		quorums,
		minutes: current,
		minutesVersions: versions,
		locked: current != null && current.status !== 'draft',
		openMatters: (d.openMatters ?? []).map((o) => ({
			...actionItemOf(o),
			raisedBodies: o.raisedBodies ?? [],
			note: o.note,
			closedHere: o.closedAtMeetingId === id
		})),
		mail: d.mail ?? []
	};
}
type MeetingRowColumns<T> = {
	id: number;
	kind: string;
	title: string | null;
	startsAt: T;
	endsAt: T | null;
	place: string | null;
	hostMunicipalityId: number | null;
	hostMunicipalityName: string | null;
	format: string | null;
	status: string;
	statusNote: string | null;
	movedFrom: T | null;
	chairPersonId: number | null;
	chairPersonName: string | null;
	chairNote: string | null;
	noticeSentAt: T | null;
	source: string | null;
	version: number;
	updatedAt: T;
	createdAt: T;
};
export type MeetingDetail = Awaited<ReturnType<typeof getMeeting>>;

const secretary = alias(person, 'secretary_person');
const adjuster = alias(person, 'adjuster_person');

export function minutesVersions(db: Db | Tx, meetingId: number) {
	return db
		.select({
			id: minutes.id,
			version: minutes.version,
			status: minutes.status,
			reason: minutes.reason,
			secretaryPersonId: minutes.secretaryPersonId,
			secretaryName: secretary.name,
			adjusterPersonId: minutes.adjusterPersonId,
			adjusterName: adjuster.name,
			secretaryApprovedAt: minutes.secretaryApprovedAt,
			secretaryApprovedBy: minutes.secretaryApprovedBy,
			adjusterApprovedAt: minutes.adjusterApprovedAt,
			adjusterApprovedBy: minutes.adjusterApprovedBy,
			adjustedAt: minutes.adjustedAt,
			distributedAt: minutes.distributedAt,
			createdAt: minutes.createdAt
		})
		.from(minutes)
		.leftJoin(secretary, eq(secretary.id, minutes.secretaryPersonId))
		.leftJoin(adjuster, eq(adjuster.id, minutes.adjusterPersonId))
		.where(eq(minutes.meetingId, meetingId))
		.orderBy(asc(minutes.version));
}

/** The frozen text of one adjusted version of the minutes. */
export async function minutesSnapshot(db: Db | Tx, actor: Actor, meetingId: number, version: number) {
	await assertVisible(db, actor, meetingId);
	return frozenMinutes(db, meetingId, version);
}

/** The frozen text of a version, for a caller that has already checked the reader may see the meeting. */
export async function frozenMinutes(db: Db | Tx, meetingId: number, version: number) {
	const [row] = await db
		.select({ snapshot: minutes.snapshot, status: minutes.status, adjustedAt: minutes.adjustedAt, reason: minutes.reason })
		.from(minutes)
		.where(and(eq(minutes.meetingId, meetingId), eq(minutes.version, version)));
	if (!row?.snapshot) throw new NotFoundError('Den versionen av anteckningarna');
	return row;
}

/** The meetings of a plan's activity: where it was discussed. */
export async function meetingsOfActivity(db: Db, actor: Actor, activityId: number) {
	const visible = await visibleBodyIds(db, actor);
	return db
		.selectDistinct({
			meetingId: meeting.id,
			startsAt: meeting.startsAt,
			title: meeting.title,
			kind: meeting.kind,
			itemTitle: agendaItem.title
		})
		.from(agendaItemActivity)
		.innerJoin(agendaItem, eq(agendaItem.id, agendaItemActivity.agendaItemId))
		.innerJoin(meeting, eq(meeting.id, agendaItem.meetingId))
		.where(and(eq(agendaItemActivity.activityId, activityId), inBodies(db, visible)))
		.orderBy(asc(meeting.startsAt));
}

/** A document attached to an agenda item, for someone signed in who may see the meeting. */
export async function getMeetingFile(db: Db, actor: Actor, fileId: number) {
	if (!hasRole(actor, 'member')) throw new NotFoundError('Filen');
	const [row] = await db
		.select({ name: storedFile.name, mediaType: storedFile.mediaType, content: storedFile.content, meetingId: agendaItem.meetingId })
		.from(storedFile)
		.innerJoin(agendaItemFile, eq(agendaItemFile.fileId, storedFile.id))
		.innerJoin(agendaItem, eq(agendaItem.id, agendaItemFile.agendaItemId))
		.where(eq(storedFile.id, fileId))
		.limit(1);
	if (!row) throw new NotFoundError('Filen');
	await assertVisible(db, actor, row.meetingId);
	return row;
}

/**
 * Meetings with their record, for the API: agenda items with their decisions
 * and action items, and attendance; read for all the meetings at once. What
 * was said is shown to the public only once the minutes are adjusted.
 */
export async function meetingsInFull(db: Db, actor: Actor, rows: MeetingRow[]) {
	const ids = rows.map((r) => r.id);
	if (ids.length === 0) return [];
	const [items, decisions, actions, people] = await Promise.all([
		itemsOf(db, ids),
		decisionsOf(db, ids),
		actionItemsWhere(db, inArray(actionItem.meetingId, ids)),
		attendanceOf(db, ids)
	]);
	const signedIn = hasRole(actor, 'member');
	return rows.map((m) => {
		const record = signedIn || (m.minutesStatus !== null && m.minutesStatus !== 'draft');
		const own = items.filter((i) => i.meetingId === m.id);
		return {
			...m,
			agendaItems: own.map((i) => ({
				id: i.id,
				number: i.number,
				kind: i.kind,
				title: i.title,
				presenter: i.presenter,
				standing: i.standing,
				minutesText: record ? i.minutesText : null,
				tabledToMeetingId: i.tabledToMeetingId,
				decisions: record
					? decisions
							.filter((d) => d.agendaItemId === i.id)
							.map(({ agendaItemId: _, ...d }) => ({ ...d, chairDecision: d.decidedBy === 'chair' }))
					: []
			})),
			actionItems: record ? actions.filter((a) => a.meetingId === m.id).map(({ responsibleEmail: _, ...a }) => a) : [],
			attendance: record
				? people
						.filter((p) => p.meetingId === m.id)
						.map((p) => ({ personId: p.personId, name: p.name, status: p.status, guest: p.guest, onlyItems: p.onlyItems, role: p.role }))
				: []
		};
	});
}
