// Reading the consultations register: the filtered, paged list, one remiss with
// everything around it, the year overview, the deadline view and the priority
// objects with where each was raised.
import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import {
	body,
	consultation,
	consultationDecision,
	consultationDrafter,
	consultationMeeting,
	consultationNotice,
	consultationNoticeMail,
	consultationPriorityObject,
	decision,
	externalMeeting,
	externalMeetingPriorityObject,
	meeting,
	meetingBody,
	municipality,
	organisation,
	outbox,
	person,
	priorityObject,
	storedFile
} from '../db/schema/index.ts';
import { hasRole, type Actor } from '../actor.ts';
import { NotFoundError } from '../errors.ts';
import { paged, type Page } from '../organisation/queries.ts';
import { swedish } from '../db/order.ts';
import { meetingLabel } from './options.ts';
import { utcToStockholm } from '../../core/meetings.ts';
import { addDays } from '../../core/days.ts';
import { consultationYears, DUE_SOON_DAYS, dueState, isOpen, type ConsultationStatus, type JointAnswer } from '../../core/consultations.ts';
import { externalMeetingLine } from '../projects/queries.ts';

type Reader = Db | Tx;

export interface ConsultationFilter {
	year?: number;
	status?: ConsultationStatus;
	issuerId?: number;
	q?: string;
	/** only those still open (watched or drafting) */
	open?: boolean;
}

/** The public sees the joint responses that were sent, as the annual report does. */
const publicOnly = (actor: Actor): SQL | undefined =>
	hasRole(actor, 'member') ? undefined : and(eq(consultation.answerJointly, 'yes'), eq(consultation.status, 'answered'));

/** In a year: written that year, submitted that year, or (neither known) received that year. */
export function inYear(year: number): SQL {
	return or(
		eq(consultation.writtenYear, year),
		eq(consultation.submittedYear, year),
		and(
			sql`${consultation.writtenYear} is null`,
			sql`${consultation.submittedYear} is null`,
			sql`${consultation.receivedOn} >= ${`${year}-01-01`}::date and ${consultation.receivedOn} < ${`${year + 1}-01-01`}::date`
		)
	)!;
}

function whereOf(actor: Actor, f: ConsultationFilter): SQL | undefined {
	return and(
		publicOnly(actor),
		f.year ? inYear(f.year) : undefined,
		f.status ? eq(consultation.status, f.status) : undefined,
		f.open ? inArray(consultation.status, ['watched', 'drafting']) : undefined,
		f.issuerId ? eq(consultation.issuerId, f.issuerId) : undefined,
		f.q ? or(ilike(consultation.title, `%${f.q}%`), ilike(consultation.reference, `%${f.q}%`)) : undefined
	);
}

const listColumns = {
	id: consultation.id,
	title: consultation.title,
	issuerId: consultation.issuerId,
	issuer: organisation.name,
	reference: consultation.reference,
	receivedOn: consultation.receivedOn,
	deadline: consultation.deadline,
	targetOn: consultation.targetOn,
	answerJointly: consultation.answerJointly,
	status: consultation.status,
	writtenYear: consultation.writtenYear,
	submittedOn: consultation.submittedOn,
	submittedYear: consultation.submittedYear,
	submittedNote: consultation.submittedNote,
	hasResponse: sql<boolean>`(${consultation.responseText} is not null or ${consultation.responseFileId} is not null)`
};

/** The newest first: by when it was sent, else its date, else when it came in. */
const newestFirst = [
	sql`coalesce(${consultation.submittedOn}, ${consultation.deadline}, ${consultation.targetOn}, ${consultation.receivedOn}, make_date(coalesce(${consultation.submittedYear}, ${consultation.writtenYear}, 1900), 12, 31)) desc`,
	desc(consultation.id)
];

/** A row of listColumns as json, under the same names (every column is text, a number, an ISO date or a boolean). */
const listJson = sql`json_build_object(
	'id', ${consultation.id}, 'title', ${consultation.title}, 'issuerId', ${consultation.issuerId}, 'issuer', ${organisation.name},
	'reference', ${consultation.reference}, 'receivedOn', ${consultation.receivedOn}, 'deadline', ${consultation.deadline},
	'targetOn', ${consultation.targetOn}, 'answerJointly', ${consultation.answerJointly}, 'status', ${consultation.status},
	'writtenYear', ${consultation.writtenYear}, 'submittedOn', ${consultation.submittedOn}, 'submittedYear', ${consultation.submittedYear},
	'submittedNote', ${consultation.submittedNote},
	'hasResponse', (${consultation.responseText} is not null or ${consultation.responseFileId} is not null))`;

type ListJson = {
	id: number;
	title: string;
	issuerId: number | null;
	issuer: string | null;
	reference: string | null;
	receivedOn: string | null;
	deadline: string | null;
	targetOn: string | null;
	answerJointly: string;
	status: string;
	writtenYear: number | null;
	submittedOn: string | null;
	submittedYear: number | null;
	submittedNote: string | null;
	hasResponse: boolean;
};

/**
 * The matching remisser in the order given, `limit` of them from `offset`, and
 * how many match in all: one json value, so a page reads its list in the same
 * query as its other parts. The rows are chosen by id first and only those
 * built as json, each by its primary key: building it before the sort cost 5 ms
 * with 1 667 open remisser, and joining the chosen ids back made PostgreSQL hash
 * all 5 000 remisser for 50 (9.9 ms against 3.3 at ten times the data).
 */
function pagedList(where: SQL | undefined, order: SQL[], limit: number, offset = 0) {
	const w = where ?? sql`true`;
	const by = sql.join(order, sql`, `);
	return sql<{ total: number; items: ListJson[] }>`json_build_object(
		'total', (select count(*) from ${consultation} where ${w}),
		'items', (select coalesce(json_agg((
				select ${listJson} from ${consultation} left join ${organisation} on ${organisation.id} = ${consultation.issuerId}
				where ${consultation.id} = r.id
			) order by r.n), '[]'::json) from (
			select ${consultation.id} as id, row_number() over (order by ${by}) as n
			from ${consultation}
			where ${w}
			order by ${by}
			limit ${limit} offset ${offset}) r))`;
}

const typed = (c: ListJson) => ({
	...c,
	status: c.status as ConsultationStatus,
	answerJointly: c.answerJointly as JointAnswer,
	years: consultationYears(c)
});

export type ConsultationRow = Awaited<ReturnType<typeof listConsultations>>['items'][number];

export async function listConsultations(db: Reader, actor: Actor, f: ConsultationFilter, page: Page) {
	const { rows } = await db.execute<{ list: { total: number; items: ListJson[] } }>(
		sql`select ${pagedList(whereOf(actor, f), newestFirst, page.limit, page.offset)} as list`
	);
	const { items, total } = rows[0].list;
	return paged(items.map(typed), total, page);
}

/** Open remisser by date, each with how close its deadline (or own target) is. */
export async function deadlineView(db: Reader, actor: Actor, today: string) {
	const rows = await db
		.select(listColumns)
		.from(consultation)
		.leftJoin(organisation, eq(organisation.id, consultation.issuerId))
		.where(and(publicOnly(actor), inArray(consultation.status, ['watched', 'drafting'])))
		.orderBy(sql`coalesce(${consultation.deadline}, ${consultation.targetOn}) asc nulls last`, asc(consultation.id));
	return rows.map((c) => ({
		...c,
		due: dueState({ status: c.status as ConsultationStatus, deadline: c.deadline, targetOn: c.targetOn }, today)
	}));
}

/**
 * What needs attention: open remisser past their deadline, and those whose
 * deadline or own target falls within the coming days; the nearest first, at
 * most `limit`, with how many there are in all.
 */
export async function dueSoon(db: Reader, actor: Actor, today: string, limit = 10, days = DUE_SOON_DAYS) {
	const { rows } = await db.execute<{ due: { total: number; items: ListJson[] } }>(
		sql`select ${pagedList(...dueSoonQuery(actor, today, days), limit)} as due`
	);
	return dueSoonOf(rows[0].due, today, days);
}

function dueSoonQuery(actor: Actor, today: string, days: number): [SQL | undefined, SQL[]] {
	const until = addDays(today, days);
	const when = sql`coalesce(${consultation.deadline}, ${consultation.targetOn})`;
	const where = and(
		publicOnly(actor),
		inArray(consultation.status, ['watched', 'drafting']),
		or(sql`${consultation.deadline} < ${today}::date`, sql`${when} between ${today}::date and ${until}::date`)
	);
	return [where, [sql`${when} asc`, asc(consultation.id)]];
}

function dueSoonOf(list: { total: number; items: ListJson[] }, today: string, days: number) {
	return {
		total: list.total,
		items: list.items.map((c) => ({
			...c,
			due: dueState({ status: c.status as ConsultationStatus, deadline: c.deadline, targetOn: c.targetOn }, today, days)
		}))
	};
}

/**
 * The register's page in one query: the filtered, paged list, what needs
 * attention (dueSoon's first `dueLimit`), and the issuers to filter by.
 */
export async function consultationRegister(db: Reader, actor: Actor, f: ConsultationFilter, page: Page, today: string, dueLimit = 10) {
	const { rows } = await db.execute<{
		list: { total: number; items: ListJson[] };
		due: { total: number; items: ListJson[] };
		organisations: { id: number; name: string }[];
	}>(sql`select
		${pagedList(whereOf(actor, f), newestFirst, page.limit, page.offset)} as list,
		${pagedList(...dueSoonQuery(actor, today, DUE_SOON_DAYS), dueLimit)} as due,
		(select coalesce(json_agg(json_build_object('id', o.id, 'name', o.name) order by o.name collate "sv-SE-x-icu", o.id), '[]'::json)
			from ${organisation} o) as organisations`);
	const r = rows[0];
	return {
		list: paged(r.list.items.map(typed), r.list.total, page),
		due: dueSoonOf(r.due, today, DUE_SOON_DAYS),
		lists: { organisations: r.organisations.map((o) => ({ value: String(o.id), label: o.name })) }
	};
}

/** Per year: how many remisser, how many answered jointly, and which. */
export async function yearOverview(db: Reader, actor: Actor) {
	const rows = await db
		.select(listColumns)
		.from(consultation)
		.leftJoin(organisation, eq(organisation.id, consultation.issuerId))
		.where(publicOnly(actor))
		.orderBy(...newestFirst);
	const years = new Map<number, { year: number; total: number; joint: number; open: number; items: typeof rows }>();
	for (const c of rows) {
		for (const y of consultationYears(c)) {
			const entry = years.get(y) ?? { year: y, total: 0, joint: 0, open: 0, items: [] };
			entry.total++;
			if (c.answerJointly === 'yes' && c.status === 'answered') entry.joint++;
			if (isOpen(c.status as ConsultationStatus)) entry.open++;
			entry.items.push(c);
			years.set(y, entry);
		}
	}
	return [...years.values()].sort((a, b) => b.year - a.year);
}

/** A json array of the subquery's rows, `[]` when it has none. */
const jsonList = <T>(query: SQL) => sql<T[]>`coalesce((${query}), '[]'::json)`;

/**
 * One remiss with everything around it (drafters, meetings, decisions, priority
 * objects and, for members, the notices to the registrars): one query, each
 * list a json column.
 */
export async function getConsultation(db: Reader, actor: Actor, id: number) {
	const member = hasRole(actor, 'member');
	const [row] = await db
		.select({
			c: consultation,
			issuer: organisation.name,
			workingGroup: body.name,
			responseFile: {
				id: storedFile.id,
				name: storedFile.name,
				size: storedFile.size,
				sha256: storedFile.sha256,
				mediaType: storedFile.mediaType
			},
			drafters: jsonList<{ id: number; name: string }>(sql`
				select json_agg(json_build_object('id', p.id, 'name', p.name) order by p.name collate "sv-SE-x-icu", p.id)
				from consultation_drafter cd join person p on p.id = cd.person_id
				where cd.consultation_id = ${consultation.id}`),
			meetings: jsonList<{
				id: number;
				startsAt: string;
				title: string | null;
				status: string;
				role: string;
				note: string | null;
				bodies: string | null;
			}>(sql`
				select json_agg(json_build_object(
					'id', m.id, 'startsAt', m.starts_at, 'title', m.title, 'status', m.status, 'role', cm.role, 'note', cm.note,
					'bodies', (select string_agg(coalesce(b.short_name, b.name), ', ' order by b.id) from meeting_body mb join body b on b.id = mb.body_id where mb.meeting_id = m.id)
				) order by m.starts_at, m.id)
				from consultation_meeting cm join meeting m on m.id = cm.meeting_id
				where cm.consultation_id = ${consultation.id}`),
			decisions: jsonList<{
				id: number;
				decidedOn: string | null;
				decidedBy: string;
				title: string;
				description: string | null;
				body: string | null;
			}>(sql`
				select json_agg(json_build_object(
					'id', d.id, 'decidedOn', d.decided_on, 'decidedBy', d.decided_by, 'title', d.title, 'description', d.description, 'body', b.name
				) order by d.decided_on, d.id)
				from consultation_decision cd join decision d on d.id = cd.decision_id left join body b on b.id = d.body_id
				where cd.consultation_id = ${consultation.id}`),
			objects: jsonList<{ id: number; name: string }>(sql`
				select json_agg(json_build_object('id', o.id, 'name', o.name) order by o.position, o.id)
				from consultation_priority_object cpo join priority_object o on o.id = cpo.priority_object_id
				where cpo.consultation_id = ${consultation.id}`),
			notices: member
				? jsonList<NoticeJson>(sql`
					select json_agg(json_build_object(
						'id', n.id, 'consultationId', n.consultation_id, 'stage', n.stage, 'message', n.message,
						'createdBy', n.created_by, 'createdAt', n.created_at,
						'mails', coalesce((
							select json_agg(json_build_object(
								'noticeId', nm.notice_id, 'outboxId', o.id, 'municipality', mu.name, 'recipient', o.recipient,
								'status', o.status, 'sentAt', o.sent_at, 'lastError', o.last_error
							) order by mu.name collate "sv-SE-x-icu")
							from consultation_notice_mail nm join outbox o on o.id = nm.outbox_id join municipality mu on mu.id = nm.municipality_id
							where nm.notice_id = n.id), '[]'::json)
					) order by n.created_at, n.id)
					from consultation_notice n
					where n.consultation_id = ${consultation.id}`)
				: sql<NoticeJson[]>`'[]'::json`
		})
		.from(consultation)
		.leftJoin(organisation, eq(organisation.id, consultation.issuerId))
		.leftJoin(body, eq(body.id, consultation.workingGroupId))
		.leftJoin(storedFile, eq(storedFile.id, consultation.responseFileId))
		.where(and(eq(consultation.id, id), publicOnly(actor)));
	if (!row) throw new NotFoundError('Remissen');
	const c = row.c;
	const { notes, ...shown } = c;
	return {
		...shown,
		notes: member ? notes : null,
		status: c.status as ConsultationStatus,
		answerJointly: c.answerJointly as JointAnswer,
		issuer: row.issuer,
		workingGroup: row.workingGroup,
		responseFile: row.responseFile?.id ? row.responseFile : null,
		years: consultationYears(c),
		drafterIds: row.drafters.map((d) => d.id),
		drafters: row.drafters,
		meetings: row.meetings.map(({ bodies, ...m }) => {
			const startsAt = new Date(m.startsAt);
			return { ...m, startsAt, label: meetingLabel({ startsAt, title: m.title }, bodies ?? '') };
		}),
		decisions: row.decisions,
		priorityObjectIds: row.objects.map((o) => o.id),
		priorityObjects: row.objects,
		notices: row.notices.map((n) => ({
			...n,
			createdAt: new Date(n.createdAt),
			mails: n.mails.map((m) => ({ ...m, sentAt: m.sentAt === null ? null : new Date(m.sentAt) }))
		}))
	};
}

interface NoticeJson {
	id: number;
	consultationId: number;
	stage: string;
	message: string | null;
	createdBy: string | null;
	createdAt: string;
	mails: {
		noticeId: number;
		outboxId: number;
		municipality: string;
		recipient: string;
		status: string;
		sentAt: string | null;
		lastError: string | null;
	}[];
}
export type ConsultationDetail = Awaited<ReturnType<typeof getConsultation>>;

/**
 * When an open remiss's deadline falls before the committee's next meeting, the
 * chair decides alone: the committee's next meeting (null: none planned), or
 * null when the meeting comes in time.
 */
export async function deadlineBeforeNextMeeting(db: Reader, c: { status: ConsultationStatus; deadline: string | null }, today: string) {
	if (!isOpen(c.status) || !c.deadline || c.deadline < today) return null;
	const [next] = await db
		.select({ id: meeting.id, startsAt: meeting.startsAt, body: body.name })
		.from(meeting)
		.innerJoin(meetingBody, eq(meetingBody.meetingId, meeting.id))
		.innerJoin(body, eq(body.id, meetingBody.bodyId))
		.where(and(eq(body.kind, 'committee'), sql`${meeting.status} <> 'cancelled'`, sql`${meeting.startsAt} >= ${today}::date`))
		.orderBy(asc(meeting.startsAt))
		.limit(1);
	return chairDecisionNeeded(c, today, next ?? null);
}

/** deadlineBeforeNextMeeting, given the committee's next meeting (null: none planned) as read. */
export function chairDecisionNeeded(
	c: { status: ConsultationStatus; deadline: string | null },
	today: string,
	next: { id: number; startsAt: Date; body: string } | null
) {
	if (!isOpen(c.status) || !c.deadline || c.deadline < today) return null;
	const nextDate = next ? utcToStockholm(next.startsAt).date : null;
	if (nextDate && nextDate <= c.deadline) return null;
	return { committee: next?.body ?? null, nextMeetingId: next?.id ?? null, nextMeetingOn: nextDate };
}

/**
 * What the remiss page offers an editor, in one query: the meetings to link
 * (newest first, labelled as consultationOptions labels them), the bodies, and
 * the committee's next meeting from today (for deadlineBeforeNextMeeting).
 */
/**
 * The meetings a remiss is likely linked to: from a month before it came in (or
 * four months before its deadline, target or the day it was sent, when only
 * they are known) to half a year after them; else around the year it was
 * written; else around today. The whole calendar grows every year, and a
 * select of every meeting ever held was both slow and hard to choose from.
 */
const MONTH = sql`interval '1 month'`;
/** When the day it came in is unknown: a remiss is usually out for about three months. */
const BEFORE_DEADLINE = sql`interval '4 months'`;
const AFTER = sql`interval '6 months'`;

export async function remissEditorLists(db: Reader, today: string, consultationId: number, allMeetings = false) {
	const { rows } = await db.execute<{
		bodies: { id: number; name: string; shortName: string | null }[];
		meetings: { id: number; startsAt: string; title: string | null; bodies: string | null }[];
		window: { from: string; to: string } | null;
		next: { id: number; startsAt: string; body: string } | null;
		registrars: { id: number; name: string; email: string | null }[];
	}>(sql`
		with w as (
			select
				coalesce(c.received_on - ${MONTH}, coalesce(c.deadline, c.target_on, c.submitted_on) - ${BEFORE_DEADLINE},
					make_date(c.written_year, 1, 1) - ${MONTH}, ${today}::date - ${AFTER})::date as "from",
				coalesce(coalesce(c.deadline, c.target_on, c.submitted_on, c.received_on) + ${AFTER},
					make_date(coalesce(c.submitted_year, c.written_year), 12, 31) + ${AFTER}, ${today}::date + ${AFTER})::date as "to"
			from consultation c where c.id = ${consultationId}
		)
		select
			(select coalesce(json_agg(json_build_object('id', b.id, 'name', b.name, 'shortName', b.short_name) order by b.name collate "sv-SE-x-icu", b.id), '[]'::json)
				from body b) as bodies,
			(select coalesce(json_agg(json_build_object(
					'id', m.id, 'startsAt', m.starts_at, 'title', m.title,
					'bodies', (select string_agg(coalesce(b.short_name, b.name), ', ' order by b.id) from meeting_body mb join body b on b.id = mb.body_id where mb.meeting_id = m.id)
				) order by m.starts_at desc, m.id desc), '[]'::json)
				from meeting m
				where ${allMeetings} or exists (select 1 from w where m.starts_at >= w."from" and m.starts_at < w."to" + 1)) as meetings,
			(select json_build_object('from', w."from", 'to', w."to") from w) as window,
			(select json_build_object('id', m.id, 'startsAt', m.starts_at, 'body', b.name)
				from meeting m join meeting_body mb on mb.meeting_id = m.id join body b on b.id = mb.body_id
				where b.kind = 'committee' and m.status <> 'cancelled' and m.starts_at >= ${today}::date
				order by m.starts_at
				limit 1) as next,
			(select coalesce(json_agg(json_build_object('id', mu.id, 'name', mu.name, 'email', mu.registrar_email) order by mu.name collate "sv-SE-x-icu"), '[]'::json)
				from municipality mu
				where (mu.member_to is null or mu.member_to >= ${today}::date) and (mu.member_from is null or mu.member_from <= ${today}::date)) as registrars`);
	const r = rows[0];
	return {
		lists: {
			meetings: r.meetings.map((m) => ({
				value: String(m.id),
				label: meetingLabel({ startsAt: new Date(m.startsAt), title: m.title }, m.bodies ?? '')
			})),
			bodies: r.bodies.map((b) => ({ value: String(b.id), label: b.shortName ? `${b.name} (${b.shortName})` : b.name }))
		},
		/** The dates the meetings offered lie between, or null when every meeting is offered. */
		meetingWindow: allMeetings ? null : r.window,
		nextCommitteeMeeting: r.next && { ...r.next, startsAt: new Date(r.next.startsAt) },
		/** Who a registrars' notice would reach today (the member municipalities), with their address or none. */
		registrars: r.registrars
	};
}

export async function responseFile(db: Reader, actor: Actor, consultationId: number) {
	const c = await getConsultation(db, actor, consultationId);
	if (!c.responseFile) throw new NotFoundError('Svarsdokumentet');
	const [file] = await db.select().from(storedFile).where(eq(storedFile.id, c.responseFile.id));
	return file;
}

export async function listPriorityObjects(db: Reader) {
	const objects = await db
		.select({
			id: priorityObject.id,
			name: priorityObject.name,
			description: priorityObject.description,
			position: priorityObject.position,
			endedOn: priorityObject.endedOn,
			source: priorityObject.source,
			version: priorityObject.version,
			decisionId: priorityObject.decisionId,
			decidedOn: decision.decidedOn,
			decision: decision.title
		})
		.from(priorityObject)
		.leftJoin(decision, eq(decision.id, priorityObject.decisionId))
		.orderBy(asc(priorityObject.position), swedish(priorityObject.name));
	const [responses, meetings] = await Promise.all([
		db
			.select({ priorityObjectId: consultationPriorityObject.priorityObjectId, n: count() })
			.from(consultationPriorityObject)
			.groupBy(consultationPriorityObject.priorityObjectId),
		db
			.select({ priorityObjectId: externalMeetingPriorityObject.priorityObjectId, n: count() })
			.from(externalMeetingPriorityObject)
			.groupBy(externalMeetingPriorityObject.priorityObjectId)
	]);
	const r = new Map(responses.map((x) => [x.priorityObjectId, x.n]));
	const m = new Map(meetings.map((x) => [x.priorityObjectId, x.n]));
	return objects.map((o) => ({ ...o, responses: r.get(o.id) ?? 0, externalMeetings: m.get(o.id) ?? 0 }));
}

/** A priority object with the decision behind it, and the responses and external meetings that raised it. */
export async function getPriorityObject(db: Reader, actor: Actor, id: number) {
	const [o] = (await listPriorityObjects(db)).filter((x) => x.id === id);
	if (!o) throw new NotFoundError('Det prioriterade objektet');
	const [responses, meetings] = await Promise.all([
		db
			.select(listColumns)
			.from(consultationPriorityObject)
			.innerJoin(consultation, eq(consultation.id, consultationPriorityObject.consultationId))
			.leftJoin(organisation, eq(organisation.id, consultation.issuerId))
			.where(and(eq(consultationPriorityObject.priorityObjectId, id), publicOnly(actor)))
			.orderBy(...newestFirst),
		db
			.select(externalMeetingLine)
			.from(externalMeetingPriorityObject)
			.innerJoin(externalMeeting, eq(externalMeeting.id, externalMeetingPriorityObject.externalMeetingId))
			.where(eq(externalMeetingPriorityObject.priorityObjectId, id))
			.orderBy(sql`${externalMeeting.heldFrom} desc nulls last`)
	]);
	return { ...o, consultations: responses, externalMeetingList: meetings };
}
