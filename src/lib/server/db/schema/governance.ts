// Governance: the cooperation agreement and its versions, notices to leave,
// the municipalities' comments on a draft plan (§4), the governing documents,
// the year's recurring duties and the tasks they yield, the influence work
// register, activity targets, and news for the public site.
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { timestamps, version } from './columns.ts';
import { body, membership, municipality, organisation, person } from './organisation.ts';
import { activity, decision, plan } from './planning.ts';
import { outbox, storedFile } from './meetings.ts';
import { priorityObject } from './consultations.ts';
import { externalMeeting } from './projects.ts';

export const agreement = pgTable('agreement', {
	id: integer().primaryKey().generatedAlwaysAsIdentity(),
	title: text().notNull(),
	signedOn: date({ mode: 'string' }),
	signedPlace: text(),
	validFrom: date({ mode: 'string' }).notNull(),
	/** Set when the agreement is dissolved (§10). */
	validTo: date({ mode: 'string' }),
	source: text(),
	...version,
	...timestamps
});

/** The text as it reads from a date on. Version 1 is the signed original; every later one needs its decision. */
export const agreementVersion = pgTable(
	'agreement_version',
	{
		id: integer().primaryKey().generatedAlwaysAsIdentity(),
		agreementId: integer()
			.notNull()
			.references(() => agreement.id, { onDelete: 'cascade' }),
		number: integer().notNull(),
		validFrom: date({ mode: 'string' }).notNull(),
		decisionId: integer().references(() => decision.id),
		preamble: text(),
		note: text(),
		source: text(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		unique('agreement_version_number').on(t.agreementId, t.number),
		check('agreement_version_decided', sql`${t.number} = 1 or ${t.decisionId} is not null`)
	]
);

export const agreementParty = pgTable(
	'agreement_party',
	{
		versionId: integer()
			.notNull()
			.references(() => agreementVersion.id, { onDelete: 'cascade' }),
		municipalityId: integer()
			.notNull()
			.references(() => municipality.id)
	},
	(t) => [primaryKey({ columns: [t.versionId, t.municipalityId] })]
);

export const agreementParagraph = pgTable(
	'agreement_paragraph',
	{
		id: integer().primaryKey().generatedAlwaysAsIdentity(),
		versionId: integer()
			.notNull()
			.references(() => agreementVersion.id, { onDelete: 'cascade' }),
		number: integer().notNull(),
		title: text().notNull(),
		text: text().notNull()
	},
	(t) => [unique('agreement_paragraph_number').on(t.versionId, t.number)]
);

/** A municipality's notice to leave (§2, §9); the dates follow from the day the chair received it. */
export const agreementNotice = pgTable(
	'agreement_notice',
	{
		id: integer().primaryKey().generatedAlwaysAsIdentity(),
		agreementId: integer()
			.notNull()
			.references(() => agreement.id, { onDelete: 'cascade' }),
		municipalityId: integer()
			.notNull()
			.references(() => municipality.id),
		councilDecidedOn: date({ mode: 'string' }).notNull(),
		councilReference: text(),
		receivedOn: date({ mode: 'string' }).notNull(),
		periodStarts: date({ mode: 'string' }).notNull(),
		effective: date({ mode: 'string' }).notNull(),
		note: text(),
		createdBy: text(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		unique('agreement_notice_once').on(t.agreementId, t.municipalityId),
		check('agreement_notice_order', sql`${t.councilDecidedOn} <= ${t.receivedOn} and ${t.receivedOn} < ${t.periodStarts}`)
	]
);

export const agreementNoticeMail = pgTable(
	'agreement_notice_mail',
	{
		noticeId: integer()
			.notNull()
			.references(() => agreementNotice.id, { onDelete: 'cascade' }),
		outboxId: integer()
			.notNull()
			.references(() => outbox.id, { onDelete: 'cascade' }),
		municipalityId: integer().references(() => municipality.id)
	},
	(t) => [primaryKey({ columns: [t.noticeId, t.outboxId] })]
);

/** §4: the draft plan and budget sent to a municipality for comment, and its answer. */
export const planComment = pgTable(
	'plan_comment',
	{
		id: integer().primaryKey().generatedAlwaysAsIdentity(),
		planId: integer()
			.notNull()
			.references(() => plan.id, { onDelete: 'cascade' }),
		municipalityId: integer()
			.notNull()
			.references(() => municipality.id),
		sentOn: date({ mode: 'string' }).notNull(),
		deadline: date({ mode: 'string' }).notNull(),
		answeredOn: date({ mode: 'string' }),
		answer: text(),
		...version,
		...timestamps
	},
	(t) => [
		unique('plan_comment_once').on(t.planId, t.municipalityId),
		check('plan_comment_deadline', sql`${t.sentOn} <= ${t.deadline}`),
		check('plan_comment_answered', sql`${t.answeredOn} is null or ${t.answeredOn} >= ${t.sentOn}`)
	]
);

export const governingDocument = pgTable('governing_document', {
	id: integer().primaryKey().generatedAlwaysAsIdentity(),
	title: text().notNull().unique(),
	/** agreement, platform, directive, other */
	kind: text().notNull(),
	description: text(),
	source: text(),
	...version,
	...timestamps
});

export const governingDocumentVersion = pgTable(
	'governing_document_version',
	{
		id: integer().primaryKey().generatedAlwaysAsIdentity(),
		documentId: integer()
			.notNull()
			.references(() => governingDocument.id, { onDelete: 'cascade' }),
		label: text().notNull(),
		adoptedOn: date({ mode: 'string' }),
		/** Text when only the month is known ("november 2021"). */
		adoptedText: text(),
		decisionId: integer().references(() => decision.id),
		validFrom: date({ mode: 'string' }),
		validTo: date({ mode: 'string' }),
		fileId: integer().references(() => storedFile.id),
		summary: text(),
		source: text(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		unique('governing_document_version_label').on(t.documentId, t.label),
		check('governing_document_version_period', sql`${t.validTo} is null or ${t.validFrom} is null or ${t.validFrom} <= ${t.validTo}`)
	]
);

/** Who appointed a member, and under which version of the directive. */
export const membershipAppointment = pgTable('membership_appointment', {
	membershipId: integer()
		.primaryKey()
		.references(() => membership.id, { onDelete: 'cascade' }),
	appointedByPersonId: integer().references(() => person.id),
	appointedByText: text(),
	directiveVersionId: integer().references(() => governingDocumentVersion.id),
	appointedOn: date({ mode: 'string' }),
	...version,
	...timestamps
});

/** A recurring duty of the year's cycle: a rule (data, see core/governance) and an owner. */
export const duty = pgTable(
	'duty',
	{
		id: integer().primaryKey().generatedAlwaysAsIdentity(),
		title: text().notNull().unique(),
		description: text(),
		ownerBodyId: integer().references(() => body.id),
		ownerPersonId: integer().references(() => person.id),
		ownerText: text(),
		rule: jsonb().notNull(),
		remindDaysBefore: integer().notNull().default(14),
		active: text().notNull().default('yes'),
		source: text(),
		...version,
		...timestamps
	},
	(t) => [
		check('duty_owner', sql`${t.ownerBodyId} is not null or ${t.ownerPersonId} is not null or ${t.ownerText} is not null`),
		check('duty_remind', sql`${t.remindDaysBefore} between 0 and 365`),
		check('duty_active', sql`${t.active} in ('yes', 'no')`)
	]
);

/** A dated task: from a duty for a year, or an introduction meeting for a new member. */
export const task = pgTable(
	'task',
	{
		id: integer().primaryKey().generatedAlwaysAsIdentity(),
		kind: text().notNull(),
		dutyId: integer().references(() => duty.id, { onDelete: 'cascade' }),
		year: integer().notNull(),
		membershipId: integer().references(() => membership.id, { onDelete: 'cascade' }),
		/** The body a newcomer joined (also when the sources name no person, so no membership). */
		bodyId: integer().references(() => body.id),
		title: text().notNull(),
		dueOn: date({ mode: 'string' }).notNull(),
		material: text(),
		doneOn: date({ mode: 'string' }),
		/** Done, on a day the sources do not give. */
		doneUndated: boolean().notNull().default(false),
		doneBy: text(),
		doneNote: text(),
		remindedAt: timestamp({ withTimezone: true }),
		source: text(),
		...version,
		...timestamps
	},
	(t) => [
		index('task_due').on(t.dueOn),
		unique('task_duty_year').on(t.dutyId, t.year),
		unique('task_membership').on(t.membershipId),
		check('task_done_once', sql`not (${t.doneUndated} and ${t.doneOn} is not null)`),
		check('task_kind', sql`${t.kind} in ('duty', 'introduction', 'other')`),
		check('task_duty', sql`(${t.kind} = 'duty') = (${t.dutyId} is not null)`),
		check('task_membership_introduction', sql`${t.membershipId} is null or ${t.kind} = 'introduction'`)
	]
);

/** One weekly digest per week, whichever instance sends it. */
export const taskDigest = pgTable('task_digest', {
	weekStart: date({ mode: 'string' }).primaryKey(),
	outboxCount: integer().notNull(),
	createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
});

/** A person who has turned the weekly digest off (on the account page, where the digest's List-Unsubscribe points). */
export const digestOptOut = pgTable('digest_opt_out', {
	personId: integer()
		.primaryKey()
		.references(() => person.id, { onDelete: 'cascade' }),
	createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
});

/**
 * The influence work register: seats in outside groups, statements and position
 * papers, articles, seminars, commitments signed and processes monitored.
 */
export const influence = pgTable(
	'influence',
	{
		id: integer().primaryKey().generatedAlwaysAsIdentity(),
		kind: text().notNull(),
		title: text().notNull(),
		organisationId: integer().references(() => organisation.id),
		holderPersonId: integer().references(() => person.id),
		holderText: text(),
		/** A seat's start, or the day of a statement, article or seminar. */
		fromOn: date({ mode: 'string' }),
		toOn: date({ mode: 'string' }),
		year: integer(),
		description: text(),
		url: text(),
		source: text(),
		...version,
		...timestamps
	},
	(t) => [
		index('influence_kind').on(t.kind),
		check('influence_kind', sql`${t.kind} in ('seat', 'statement', 'article', 'seminar', 'commitment', 'monitoring')`),
		check('influence_seat_organisation', sql`${t.kind} <> 'seat' or ${t.organisationId} is not null`),
		check('influence_period', sql`${t.toOn} is null or ${t.fromOn} is null or ${t.fromOn} <= ${t.toOn}`)
	]
);

export const influencePriorityObject = pgTable(
	'influence_priority_object',
	{
		influenceId: integer()
			.notNull()
			.references(() => influence.id, { onDelete: 'cascade' }),
		priorityObjectId: integer()
			.notNull()
			.references(() => priorityObject.id)
	},
	(t) => [primaryKey({ columns: [t.influenceId, t.priorityObjectId] })]
);

export const influenceActivity = pgTable(
	'influence_activity',
	{
		influenceId: integer()
			.notNull()
			.references(() => influence.id, { onDelete: 'cascade' }),
		activityId: integer()
			.notNull()
			.references(() => activity.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.influenceId, t.activityId] })]
);

export const influenceExternalMeeting = pgTable(
	'influence_external_meeting',
	{
		influenceId: integer()
			.notNull()
			.references(() => influence.id, { onDelete: 'cascade' }),
		externalMeetingId: integer()
			.notNull()
			.references(() => externalMeeting.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.influenceId, t.externalMeetingId] })]
);

/** "Trafikverket minst 2 ggr per år": held external meetings with the organisation in the plan's year count. */
export const activityTarget = pgTable(
	'activity_target',
	{
		id: integer().primaryKey().generatedAlwaysAsIdentity(),
		activityId: integer()
			.notNull()
			.references(() => activity.id, { onDelete: 'cascade' }),
		organisationId: integer()
			.notNull()
			.references(() => organisation.id),
		count: integer().notNull(),
		note: text(),
		source: text()
	},
	(t) => [unique('activity_target_once').on(t.activityId, t.organisationId), check('activity_target_count', sql`${t.count} > 0`)]
);

export const news = pgTable(
	'news',
	{
		id: integer().primaryKey().generatedAlwaysAsIdentity(),
		title: text().notNull(),
		publishedOn: date({ mode: 'string' }).notNull(),
		summary: text().notNull(),
		body: text(),
		link: text(),
		source: text(),
		...version,
		...timestamps
	},
	(t) => [index('news_published').on(t.publishedOn)]
);
