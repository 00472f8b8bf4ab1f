// The consultations module: the register of remisser the cooperation receives,
// whether and how it answers jointly, the response, the meetings and decisions
// behind it, the notices to the municipal registrars, and the priority
// infrastructure objects that the joint responses and external meetings raise.
import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { timestamps, version } from './columns.ts';
import { body, municipality, organisation, person } from './organisation.ts';
import { decision } from './planning.ts';
import { meeting, outbox, storedFile } from './meetings.ts';

export const priorityObject = pgTable('priority_object', {
	id: integer().primaryKey().generatedAlwaysAsIdentity(),
	name: text().notNull().unique(),
	description: text(),
	/** The decision that made it a priority (the committee, 14 January 2021). */
	decisionId: integer().references(() => decision.id),
	position: integer().notNull().default(0),
	/** No longer driven from this date on. */
	endedOn: date({ mode: 'string' }),
	source: text(),
	...version,
	...timestamps
});

/**
 * A remiss. The issuer's deadline and the cooperation's own target (a chair's
 * decision "ska vara klart den 12 december") are kept apart: only the deadline
 * can be missed. A response counts in the year it was written and the year it
 * was submitted, so both are kept.
 */
export const consultation = pgTable(
	'consultation',
	{
		id: integer().primaryKey().generatedAlwaysAsIdentity(),
		issuerId: integer().references(() => organisation.id),
		title: text().notNull(),
		reference: text(),
		receivedOn: date({ mode: 'string' }),
		deadline: date({ mode: 'string' }),
		targetOn: date({ mode: 'string' }),
		/** yes, no (with the reason), undecided */
		answerJointly: text().notNull().default('undecided'),
		notJointReason: text(),
		workingGroupId: integer().references(() => body.id),
		/** watched, drafting, answered, declined */
		status: text().notNull().default('watched'),
		writtenYear: integer(),
		writtenOn: date({ mode: 'string' }),
		submittedOn: date({ mode: 'string' }),
		/** The year it was sent: from submittedOn, or given alone when only the month is known. */
		submittedYear: integer(),
		/** When only the month is known ("skickades i februari 2022"). */
		submittedNote: text(),
		submittedTo: text(),
		responseText: text(),
		responseFileId: integer().references(() => storedFile.id),
		notes: text(),
		source: text(),
		...version,
		...timestamps
	},
	(t) => [
		index('consultation_deadline').on(t.deadline),
		index('consultation_status').on(t.status),
		index('consultation_received').on(t.receivedOn),
		// The register's order, newest first (migration 0012; the expression of newestFirst in consultations/queries.ts).
		index('consultation_newest').on(
			sql`(coalesce(${t.submittedOn}, ${t.deadline}, ${t.targetOn}, ${t.receivedOn}, make_date(coalesce(${t.submittedYear}, ${t.writtenYear}, 1900), 12, 31))) desc`,
			sql`${t.id} desc`
		),
		check('consultation_answer_jointly', sql`${t.answerJointly} in ('yes', 'no', 'undecided')`),
		check('consultation_status_kind', sql`${t.status} in ('watched', 'drafting', 'answered', 'declined')`),
		check(
			'consultation_deadline_after_received',
			sql`${t.deadline} is null or ${t.receivedOn} is null or ${t.deadline} >= ${t.receivedOn}`
		),
		check(
			'consultation_submitted_has_response',
			sql`(${t.submittedOn} is null and ${t.submittedYear} is null) or ${t.responseText} is not null or ${t.responseFileId} is not null`
		),
		check(
			'consultation_submitted_year',
			sql`${t.submittedOn} is null or ${t.submittedYear} = extract(year from ${t.submittedOn})::integer`
		),
		index('consultation_years').on(t.writtenYear, t.submittedYear),
		check('consultation_not_joint_reason', sql`${t.answerJointly} <> 'no' or ${t.notJointReason} is not null`)
	]
);

export const consultationDrafter = pgTable(
	'consultation_drafter',
	{
		consultationId: integer()
			.notNull()
			.references(() => consultation.id, { onDelete: 'cascade' }),
		personId: integer()
			.notNull()
			.references(() => person.id)
	},
	(t) => [primaryKey({ columns: [t.consultationId, t.personId] })]
);

/** A meeting that discussed or decided the remiss. */
export const consultationMeeting = pgTable(
	'consultation_meeting',
	{
		consultationId: integer()
			.notNull()
			.references(() => consultation.id, { onDelete: 'cascade' }),
		meetingId: integer()
			.notNull()
			.references(() => meeting.id, { onDelete: 'cascade' }),
		/** discussed, decided */
		role: text().notNull().default('discussed'),
		note: text()
	},
	(t) => [
		primaryKey({ columns: [t.consultationId, t.meetingId] }),
		index('consultation_meeting_meeting').on(t.meetingId),
		check('consultation_meeting_role', sql`${t.role} in ('discussed', 'decided')`)
	]
);

/** Decisions about the remiss, among them a chair's decision when the deadline falls before the next meeting. */
export const consultationDecision = pgTable(
	'consultation_decision',
	{
		consultationId: integer()
			.notNull()
			.references(() => consultation.id, { onDelete: 'cascade' }),
		decisionId: integer()
			.notNull()
			.references(() => decision.id)
	},
	(t) => [primaryKey({ columns: [t.consultationId, t.decisionId] })]
);

export const consultationPriorityObject = pgTable(
	'consultation_priority_object',
	{
		consultationId: integer()
			.notNull()
			.references(() => consultation.id, { onDelete: 'cascade' }),
		priorityObjectId: integer()
			.notNull()
			.references(() => priorityObject.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.consultationId, t.priorityObjectId] }), index('consultation_priority_object_po').on(t.priorityObjectId)]
);

/**
 * What the registrars were told about a remiss, and when: that it is coming,
 * its timeline, or the final text. Each municipality's message is an outbox row.
 */
export const consultationNotice = pgTable(
	'consultation_notice',
	{
		id: integer().primaryKey().generatedAlwaysAsIdentity(),
		consultationId: integer()
			.notNull()
			.references(() => consultation.id, { onDelete: 'cascade' }),
		/** coming, timeline, final */
		stage: text().notNull(),
		message: text(),
		createdBy: text(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('consultation_notice_consultation').on(t.consultationId),
		check('consultation_notice_stage', sql`${t.stage} in ('coming', 'timeline', 'final')`)
	]
);

export const consultationNoticeMail = pgTable(
	'consultation_notice_mail',
	{
		noticeId: integer()
			.notNull()
			.references(() => consultationNotice.id, { onDelete: 'cascade' }),
		outboxId: integer()
			.notNull()
			.references(() => outbox.id, { onDelete: 'cascade' }),
		municipalityId: integer()
			.notNull()
			.references(() => municipality.id)
	},
	(t) => [primaryKey({ columns: [t.noticeId, t.outboxId] })]
);
