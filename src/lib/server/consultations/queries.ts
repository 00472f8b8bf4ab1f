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
import { meetingLabels } from './options.ts';
import { utcToStockholm } from '../../core/meetings.ts';
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

export type ConsultationRow = Awaited<ReturnType<typeof listConsultations>>['items'][number];

export async function listConsultations(db: Reader, actor: Actor, f: ConsultationFilter, page: Page) {
	const where = whereOf(actor, f);
	const [items, [{ total }]] = await Promise.all([
		db
			.select(listColumns)
			.from(consultation)
			.leftJoin(organisation, eq(organisation.id, consultation.issuerId))
			.where(where)
			.orderBy(...newestFirst)
			.limit(page.limit)
			.offset(page.offset),
		db.select({ total: count() }).from(consultation).where(where)
	]);
	return paged(
		items.map((c) => ({
			...c,
			status: c.status as ConsultationStatus,
			answerJointly: c.answerJointly as JointAnswer,
			years: consultationYears(c)
		})),
		total,
		page
	);
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
	const until = new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
	const when = sql`coalesce(${consultation.deadline}, ${consultation.targetOn})`;
	const where = and(
		publicOnly(actor),
		inArray(consultation.status, ['watched', 'drafting']),
		or(sql`${consultation.deadline} < ${today}::date`, sql`${when} between ${today}::date and ${until}::date`)
	);
	const [rows, [{ total }]] = await Promise.all([
		db
			.select(listColumns)
			.from(consultation)
			.leftJoin(organisation, eq(organisation.id, consultation.issuerId))
			.where(where)
			.orderBy(sql`${when} asc`, asc(consultation.id))
			.limit(limit),
		db.select({ total: count() }).from(consultation).where(where)
	]);
	return {
		total,
		items: rows.map((c) => ({
			...c,
			due: dueState({ status: c.status as ConsultationStatus, deadline: c.deadline, targetOn: c.targetOn }, today, days)
		}))
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

export async function getConsultation(db: Reader, actor: Actor, id: number) {
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
			}
		})
		.from(consultation)
		.leftJoin(organisation, eq(organisation.id, consultation.issuerId))
		.leftJoin(body, eq(body.id, consultation.workingGroupId))
		.leftJoin(storedFile, eq(storedFile.id, consultation.responseFileId))
		.where(and(eq(consultation.id, id), publicOnly(actor)));
	if (!row) throw new NotFoundError('Remissen');
	const member = hasRole(actor, 'member');
	const [drafters, meetings, decisions, objects, notices] = [
		await db
			.select({ id: person.id, name: person.name })
			.from(consultationDrafter)
			.innerJoin(person, eq(person.id, consultationDrafter.personId))
			.where(eq(consultationDrafter.consultationId, id))
			.orderBy(swedish(person.name)),
		await db
			.select({
				id: meeting.id,
				startsAt: meeting.startsAt,
				title: meeting.title,
				status: meeting.status,
				role: consultationMeeting.role,
				note: consultationMeeting.note
			})
			.from(consultationMeeting)
			.innerJoin(meeting, eq(meeting.id, consultationMeeting.meetingId))
			.where(eq(consultationMeeting.consultationId, id))
			.orderBy(asc(meeting.startsAt)),
		await db
			.select({
				id: decision.id,
				decidedOn: decision.decidedOn,
				decidedBy: decision.decidedBy,
				title: decision.title,
				description: decision.description,
				body: body.name
			})
			.from(consultationDecision)
			.innerJoin(decision, eq(decision.id, consultationDecision.decisionId))
			.leftJoin(body, eq(body.id, decision.bodyId))
			.where(eq(consultationDecision.consultationId, id))
			.orderBy(asc(decision.decidedOn)),
		await db
			.select({ id: priorityObject.id, name: priorityObject.name })
			.from(consultationPriorityObject)
			.innerJoin(priorityObject, eq(priorityObject.id, consultationPriorityObject.priorityObjectId))
			.where(eq(consultationPriorityObject.consultationId, id))
			.orderBy(asc(priorityObject.position)),
		member ? await noticesOf(db, id) : []
	];
	const c = row.c;
	const { notes, ...shown } = c;
	const labels = new Map((await meetingLabels(db, meetings)).map((l) => [Number(l.value), l.label]));
	return {
		...shown,
		notes: member ? notes : null,
		status: c.status as ConsultationStatus,
		answerJointly: c.answerJointly as JointAnswer,
		issuer: row.issuer,
		workingGroup: row.workingGroup,
		responseFile: row.responseFile?.id ? row.responseFile : null,
		years: consultationYears(c),
		drafterIds: drafters.map((d) => d.id),
		drafters,
		meetings: meetings.map((m) => ({ ...m, label: labels.get(m.id) ?? '' })),
		decisions,
		priorityObjectIds: objects.map((o) => o.id),
		priorityObjects: objects,
		notices
	};
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
	const nextDate = next ? utcToStockholm(next.startsAt).date : null;
	if (nextDate && nextDate <= c.deadline) return null;
	return { committee: next?.body ?? null, nextMeetingId: next?.id ?? null, nextMeetingOn: nextDate };
}

/** What the registrars were told, when, and whether each message went. */
export async function noticesOf(db: Reader, consultationId: number) {
	const notices = await db
		.select()
		.from(consultationNotice)
		.where(eq(consultationNotice.consultationId, consultationId))
		.orderBy(asc(consultationNotice.createdAt), asc(consultationNotice.id));
	if (notices.length === 0) return [];
	const mails = await db
		.select({
			noticeId: consultationNoticeMail.noticeId,
			outboxId: outbox.id,
			municipality: municipality.name,
			recipient: outbox.recipient,
			status: outbox.status,
			sentAt: outbox.sentAt,
			lastError: outbox.lastError
		})
		.from(consultationNoticeMail)
		.innerJoin(outbox, eq(outbox.id, consultationNoticeMail.outboxId))
		.innerJoin(municipality, eq(municipality.id, consultationNoticeMail.municipalityId))
		.where(
			inArray(
				consultationNoticeMail.noticeId,
				notices.map((n) => n.id)
			)
		)
		.orderBy(swedish(municipality.name));
	return notices.map((n) => ({ ...n, mails: mails.filter((m) => m.noticeId === n.id) }));
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
