// Reading meetings: the calendar, one meeting in full (items, decisions, action
// items, attendance, minutes versions, the open matters offered), and the
// outstanding matters across meetings.
import { and, asc, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '../db/client.ts';
import {
	actionItem,
	activity,
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
	outbox,
	person,
	plan,
	storedFile
} from '../db/schema/index.ts';
import { NotFoundError } from '../errors.ts';
import { hasRole, type Actor } from '../actor.ts';
import { shiftDay, stockholmToUtc, quorum, type BodyRules, type MinutesStatus } from '../../core/meetings.ts';
import { assertVisible, bodiesOf, inBodies, visibleBodyIds } from './access.ts';
import { actionItemsWhere, openMattersAt } from './matters.ts';
import { membershipHeldOn } from '../organisation/queries.ts';

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

/**
 * Runs reads side by side on a pool; one after another inside a transaction,
 * whose single connection takes one query at a time.
 */
async function together<T extends readonly (() => unknown)[]>(
	db: Db | Tx,
	reads: T
): Promise<{ -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
	if ('rollback' in db) {
		const out: unknown[] = [];
		for (const r of reads) out.push(await r());
		return out as never;
	}
	return (await Promise.all(reads.map((r) => r()))) as never;
}

export type MeetingRow = Awaited<ReturnType<typeof listMeetings>>[number];

/** The calendar: meetings in time order, each with its bodies and its minutes' state. */
export async function listMeetings(db: Db, actor: Actor, f: MeetingFilter = {}) {
	const visible = await visibleBodyIds(db, actor);
	const query = db
		.select(meetingColumns)
		.from(meeting)
		.leftJoin(host, eq(host.id, meeting.hostMunicipalityId))
		.leftJoin(chair, eq(chair.id, meeting.chairPersonId))
		.where(meetingWhere(db, f, visible))
		.$dynamic();
	const rows = await (f.latest
		? query.orderBy(desc(meeting.startsAt), desc(meeting.id)).limit(f.latest)
		: query.orderBy(asc(meeting.startsAt), asc(meeting.id)));
	const ids = rows.map((r) => r.id);
	const [bodies, latest] = await Promise.all([bodiesOf(db, ids), latestMinutes(db, ids)]);
	return rows.map((r) => ({
		...r,
		bodies: bodies.get(r.id) ?? [],
		minutesStatus: (latest.get(r.id)?.status ?? null) as MinutesStatus | null,
		minutesVersion: latest.get(r.id)?.version ?? null
	}));
}

async function latestMinutes(db: Db | Tx, meetingIds: number[]) {
	const out = new Map<number, { version: number; status: string }>();
	if (meetingIds.length === 0) return out;
	const rows = await db
		.selectDistinctOn([minutes.meetingId], { meetingId: minutes.meetingId, version: minutes.version, status: minutes.status })
		.from(minutes)
		.where(inArray(minutes.meetingId, meetingIds))
		.orderBy(minutes.meetingId, sql`${minutes.version} desc`);
	for (const r of rows) out.set(r.meetingId, r);
	return out;
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

/** Everything about one meeting that its page, the API and its documents show. */
export async function getMeeting(db: Db | Tx, actor: Actor, id: number) {
	await assertVisible(db, actor, id);
	const [row] = await db
		.select(meetingColumns)
		.from(meeting)
		.leftJoin(host, eq(host.id, meeting.hostMunicipalityId))
		.leftJoin(chair, eq(chair.id, meeting.chairPersonId))
		.where(eq(meeting.id, id));
	if (!row) throw new NotFoundError('Mötet');
	const meetingDate = row.startsAt.toISOString().slice(0, 10);
	const bodies = (await bodiesOf(db, [id])).get(id) ?? [];
	const bodyIds = bodies.map((b) => b.id);

	const [rules, items, decisions, files, activities, actions, people, versions, mail, tabledTo] = await together(db, [
		() => (bodyIds.length ? db.select().from(bodyRules).where(inArray(bodyRules.bodyId, bodyIds)) : []),
		() => itemsOf(db, [id]),
		() => decisionsOf(db, [id]),
		() =>
			db
				.select({ agendaItemId: agendaItemFile.agendaItemId, id: storedFile.id, name: storedFile.name, size: storedFile.size })
				.from(agendaItemFile)
				.innerJoin(storedFile, eq(storedFile.id, agendaItemFile.fileId))
				.innerJoin(agendaItem, eq(agendaItem.id, agendaItemFile.agendaItemId))
				.where(eq(agendaItem.meetingId, id))
				.orderBy(asc(storedFile.name)),
		() =>
			db
				.select({ agendaItemId: agendaItemActivity.agendaItemId, id: activity.id, title: activity.title, year: plan.year })
				.from(agendaItemActivity)
				.innerJoin(activity, eq(activity.id, agendaItemActivity.activityId))
				.innerJoin(plan, eq(plan.id, activity.planId))
				.innerJoin(agendaItem, eq(agendaItem.id, agendaItemActivity.agendaItemId))
				.where(eq(agendaItem.meetingId, id)),
		() => actionItemsWhere(db, eq(actionItem.meetingId, id)),
		() => attendanceOf(db, [id]),
		() => minutesVersions(db, id),
		() =>
			db
				.select({
					kind: outbox.kind,
					status: outbox.status,
					n: sql<number>`count(*)::int`,
					lastSent: sql<Date | null>`max(${outbox.sentAt})`
				})
				.from(outbox)
				.where(eq(outbox.meetingId, id))
				.groupBy(outbox.kind, outbox.status),
		() =>
			db
				.select({ itemId: agendaItem.id, meetingId: meeting.id, startsAt: meeting.startsAt })
				.from(agendaItem)
				.innerJoin(meeting, eq(meeting.id, agendaItem.tabledToMeetingId))
				.where(eq(agendaItem.meetingId, id))
	] as const);

	const voting = bodyIds.length
		? await db
				.selectDistinct({ personId: membership.personId })
				.from(membership)
				.where(and(inArray(membership.bodyId, bodyIds), inArray(membership.role, VOTING_ROLES), membershipHeldOn(meetingDate)))
		: [];
	const votingIds = new Set(voting.map((v) => v.personId));
	const presentVoting = people.filter((p) => p.status === 'present' && !p.guest && votingIds.has(p.personId)).length;

	const bodyRulesList = bodies.map((b) => ({ body: b, rules: rulesOf(rules.find((r) => r.bodyId === b.id)) }));
	const quorums = bodyRulesList
		.filter((b) => b.rules?.quorumPercent != null && b.rules.seats)
		.map((b) => ({ body: b.body, ...quorum(b.rules!.seats!, presentVoting, b.rules!.quorumPercent)! }));

	const current = versions.at(-1) ?? null;
	const openMatters = await openMattersAt(db, { id, startsAt: row.startsAt, bodyIds });
	return {
		...row,
		bodies,
		rules: bodyRulesList,
		publicMeetings: rules.some((r) => r.publicMeetings),
		items: items.map((it) => ({
			...it,
			decisions: decisions.filter((d) => d.agendaItemId === it.id),
			files: files.filter((f) => f.agendaItemId === it.id),
			activities: activities.filter((a) => a.agendaItemId === it.id),
			actionItems: actions.filter((a) => a.agendaItemId === it.id),
			tabledTo: tabledTo.find((t) => t.itemId === it.id) ?? null
		})),
		actionItems: actions,
		attendance: people,
		attendanceRecorded: people.length > 0,
		quorums,
		minutes: current,
		minutesVersions: versions,
		locked: current != null && current.status !== 'draft',
		openMatters,
		mail: mail.map((m) => ({ ...m, n: Number(m.n) }))
	};
}
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
