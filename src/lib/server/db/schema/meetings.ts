// The meetings module: each body's rules, meetings (of one or several bodies),
// agenda items with their decisions and action items, attendance, versioned
// minutes, uploaded files, the mail outbox and calendar subscriptions.
import { sql } from 'drizzle-orm';
import { boolean, check, customType, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { timestamps, version } from './columns.ts';
import { account } from './auth.ts';
import { body, municipality, person } from './organisation.ts';
import { activity, decision } from './planning.ts';

const bytea = customType<{ data: Uint8Array; driverData: Buffer }>({
	dataType: () => 'bytea',
	toDriver: (v) => Buffer.from(v.buffer, v.byteOffset, v.byteLength),
	fromDriver: (v) => new Uint8Array(v.buffer, v.byteOffset, v.byteLength)
});

/** A body's rules; the committee's come from the cooperation agreement. No row: no rules recorded. */
export const bodyRules = pgTable(
	'body_rules',
	{
		bodyId: integer()
			.primaryKey()
			.references(() => body.id, { onDelete: 'cascade' }),
		/** Seats on the body (the committee: one per municipality), the basis of the quorum. */
		seats: integer(),
		quorumPercent: integer(),
		decisionRule: text(),
		extraMeetingThreshold: integer(),
		minutesToMunicipalities: boolean().notNull().default(false),
		meetingsPerYear: integer(),
		chairChosenYearly: boolean().notNull().default(false),
		remoteAllowed: boolean().notNull().default(false),
		/** Its meetings, notices and adjusted minutes are shown to the public. */
		publicMeetings: boolean().notNull().default(false),
		/** The body whose meetings this one prepares (the management group prepares the committee's): its open matters come up here too. */
		preparesForBodyId: integer().references(() => body.id),
		source: text(),
		...version,
		...timestamps
	},
	(t) => [
		check('body_rules_quorum', sql`${t.quorumPercent} is null or (${t.quorumPercent} > 0 and ${t.quorumPercent} <= 100)`),
		check('body_rules_threshold', sql`${t.extraMeetingThreshold} is null or ${t.extraMeetingThreshold} > 0`)
	]
);

export const meeting = pgTable(
	'meeting',
	{
		id: integer().primaryKey().generatedAlwaysAsIdentity(),
		kind: text().notNull(),
		title: text(),
		startsAt: timestamp({ withTimezone: true }).notNull(),
		/** Null: the end is not known. */
		endsAt: timestamp({ withTimezone: true }),
		place: text(),
		hostMunicipalityId: integer().references(() => municipality.id),
		format: text(),
		status: text().notNull().default('planned'),
		statusNote: text(),
		/** Where a moved meeting was first planned. */
		movedFrom: timestamp({ withTimezone: true }),
		chairPersonId: integer().references(() => person.id),
		chairNote: text(),
		noticeSentAt: timestamp({ withTimezone: true }),
		source: text(),
		...version,
		...timestamps
	},
	(t) => [
		index('meeting_starts_at').on(t.startsAt),
		check('meeting_period', sql`${t.endsAt} is null or ${t.endsAt} > ${t.startsAt}`),
		check('meeting_status', sql`${t.status} in ('planned', 'held', 'cancelled')`)
	]
);

/**
 * What a source counts where the meetings themselves are not all recorded:
 * "fem digitala möten utöver mötet med alla nätverk" (Årsredovisning 2021,
 * kapitel 7). A year's documents print this count when the body's records of
 * that kind fall short of it, never the partial list as the year's total.
 */
export const meetingCount = pgTable(
	'meeting_count',
	{
		id: integer().primaryKey().generatedAlwaysAsIdentity(),
		bodyId: integer()
			.notNull()
			.references(() => body.id, { onDelete: 'cascade' }),
		year: integer().notNull(),
		kind: text().notNull(),
		/** Null: the source does not say. */
		format: text(),
		count: integer().notNull(),
		source: text().notNull(),
		note: text(),
		...version,
		...timestamps
	},
	(t) => [
		unique('meeting_count_body_year_kind_format').on(t.bodyId, t.year, t.kind, t.format).nullsNotDistinct(),
		check('meeting_count_count', sql`${t.count} >= 0`),
		check('meeting_count_year', sql`${t.year} between 1900 and 2999`),
		check('meeting_count_kind', sql`${t.kind} in ('ordinary', 'extra', 'planning_conference', 'joint_network')`),
		check('meeting_count_format', sql`${t.format} is null or ${t.format} in ('physical', 'digital', 'hybrid')`)
	]
);

/**
 * How many member municipalities changed representative in a body during a
 * year, where a source counts it ("Fyra kommuner har bytt representanter under
 * året", Årsredovisning 2021, kapitel 7) and the memberships do not show every
 * change. The report prints the count when the dated memberships show fewer.
 */
export const turnoverCount = pgTable(
	'turnover_count',
	{
		id: integer().primaryKey().generatedAlwaysAsIdentity(),
		bodyId: integer()
			.notNull()
			.references(() => body.id, { onDelete: 'cascade' }),
		year: integer().notNull(),
		municipalities: integer().notNull(),
		source: text().notNull(),
		note: text(),
		...version,
		...timestamps
	},
	(t) => [
		unique('turnover_count_body_year').on(t.bodyId, t.year),
		check('turnover_count_municipalities', sql`${t.municipalities} >= 0`),
		check('turnover_count_year', sql`${t.year} between 1900 and 2999`)
	]
);

/** A meeting counts in the year of every body it belongs to. */
export const meetingBody = pgTable(
	'meeting_body',
	{
		meetingId: integer()
			.notNull()
			.references(() => meeting.id, { onDelete: 'cascade' }),
		bodyId: integer()
			.notNull()
			.references(() => body.id)
	},
	(t) => [primaryKey({ columns: [t.meetingId, t.bodyId] }), index('meeting_body_body').on(t.bodyId)]
);

export const agendaItem = pgTable(
	'agenda_item',
	{
		id: integer().primaryKey().generatedAlwaysAsIdentity(),
		meetingId: integer()
			.notNull()
			.references(() => meeting.id, { onDelete: 'cascade' }),
		number: integer().notNull(),
		/** ordinary, previous_meetings (lists the open matters), coming_meetings */
		kind: text().notNull().default('ordinary'),
		title: text().notNull(),
		presenter: text(),
		/** A standing item comes back on every meeting of the body. */
		standing: boolean().notNull().default(false),
		minutesText: text(),
		tabledToMeetingId: integer().references((): any => meeting.id),
		tabledFromItemId: integer().references((): any => agendaItem.id),
		source: text(),
		...version,
		...timestamps
	},
	(t) => [index('agenda_item_meeting').on(t.meetingId)]
);

/** The decisions taken under an agenda item; a decision belongs to at most one item. */
export const agendaItemDecision = pgTable(
	'agenda_item_decision',
	{
		agendaItemId: integer()
			.notNull()
			.references(() => agendaItem.id, { onDelete: 'cascade' }),
		decisionId: integer()
			.notNull()
			.unique()
			.references(() => decision.id, { onDelete: 'cascade' }),
		position: integer().notNull().default(0)
	},
	(t) => [primaryKey({ columns: [t.agendaItemId, t.decisionId] })]
);

/** The activities of a plan an agenda item concerns. */
export const agendaItemActivity = pgTable(
	'agenda_item_activity',
	{
		agendaItemId: integer()
			.notNull()
			.references(() => agendaItem.id, { onDelete: 'cascade' }),
		activityId: integer()
			.notNull()
			.references(() => activity.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.agendaItemId, t.activityId] }), index('agenda_item_activity_activity').on(t.activityId)]
);

/** An outstanding matter: open until a later meeting closes it. */
export const actionItem = pgTable(
	'action_item',
	{
		id: integer().primaryKey().generatedAlwaysAsIdentity(),
		meetingId: integer()
			.notNull()
			.references(() => meeting.id, { onDelete: 'cascade' }),
		agendaItemId: integer().references(() => agendaItem.id, { onDelete: 'set null' }),
		text: text().notNull(),
		responsiblePersonId: integer().references(() => person.id),
		responsibleText: text(),
		dueOn: date({ mode: 'string' }),
		closedAtMeetingId: integer().references(() => meeting.id),
		closedOn: date({ mode: 'string' }),
		source: text(),
		...version,
		...timestamps
	},
	(t) => [index('action_item_meeting').on(t.meetingId), index('action_item_open').on(t.closedOn)]
);

/** The status of an open matter as a meeting noted it ("Pågår"). */
export const actionItemNote = pgTable(
	'action_item_note',
	{
		id: integer().primaryKey().generatedAlwaysAsIdentity(),
		actionItemId: integer()
			.notNull()
			.references(() => actionItem.id, { onDelete: 'cascade' }),
		meetingId: integer()
			.notNull()
			.references(() => meeting.id, { onDelete: 'cascade' }),
		note: text().notNull(),
		...timestamps
	},
	(t) => [unique('action_item_note_once').on(t.actionItemId, t.meetingId), index('action_item_note_meeting').on(t.meetingId)]
);

export const attendance = pgTable(
	'attendance',
	{
		id: integer().primaryKey().generatedAlwaysAsIdentity(),
		meetingId: integer()
			.notNull()
			.references(() => meeting.id, { onDelete: 'cascade' }),
		personId: integer()
			.notNull()
			.references(() => person.id),
		status: text().notNull(),
		/** An invited guest, not a member of the meeting's bodies. */
		guest: boolean().notNull().default(false),
		/** Present for these item numbers only ("endast punkt 2"); empty: the whole meeting. */
		onlyItems: integer()
			.array()
			.notNull()
			.default(sql`'{}'::integer[]`),
		/** As printed: "ordförande", "sekreterare". */
		role: text(),
		...version,
		...timestamps
	},
	(t) => [
		unique('attendance_once').on(t.meetingId, t.personId),
		index('attendance_person').on(t.personId),
		check('attendance_status', sql`${t.status} in ('present', 'absent')`)
	]
);

/**
 * One version of a meeting's minutes. Adjusting locks it and freezes what it
 * said (snapshot); a later change opens the next version with a reason.
 */
export const minutes = pgTable(
	'minutes',
	{
		id: integer().primaryKey().generatedAlwaysAsIdentity(),
		meetingId: integer()
			.notNull()
			.references(() => meeting.id, { onDelete: 'cascade' }),
		version: integer().notNull(),
		status: text().notNull().default('draft'),
		reason: text(),
		secretaryPersonId: integer().references(() => person.id),
		adjusterPersonId: integer().references(() => person.id),
		secretaryApprovedAt: timestamp({ withTimezone: true }),
		secretaryApprovedBy: text(),
		adjusterApprovedAt: timestamp({ withTimezone: true }),
		adjusterApprovedBy: text(),
		adjustedAt: timestamp({ withTimezone: true }),
		distributedAt: timestamp({ withTimezone: true }),
		snapshot: jsonb(),
		rowVersion: integer().notNull().default(1),
		...timestamps
	},
	(t) => [
		unique('minutes_version').on(t.meetingId, t.version),
		check('minutes_status', sql`${t.status} in ('draft', 'adjusted', 'distributed')`),
		check('minutes_reason', sql`${t.version} = 1 or ${t.reason} is not null`),
		check('minutes_locked', sql`${t.status} = 'draft' or (${t.adjustedAt} is not null and ${t.snapshot} is not null)`)
	]
);

/** An extra meeting asked for by a member (the agreement's §4); closed when one is called. */
export const extraMeetingRequest = pgTable(
	'extra_meeting_request',
	{
		id: integer().primaryKey().generatedAlwaysAsIdentity(),
		bodyId: integer()
			.notNull()
			.references(() => body.id),
		personId: integer()
			.notNull()
			.references(() => person.id),
		requestedOn: date({ mode: 'string' }).notNull(),
		subject: text().notNull(),
		meetingId: integer().references(() => meeting.id, { onDelete: 'set null' }),
		...timestamps
	},
	(t) => [index('extra_meeting_request_body').on(t.bodyId)]
);

/** Uploaded and generated files live in the database with their checksum, so one backup holds all. */
export const storedFile = pgTable('stored_file', {
	id: integer().primaryKey().generatedAlwaysAsIdentity(),
	name: text().notNull(),
	mediaType: text().notNull(),
	size: integer().notNull(),
	sha256: text().notNull(),
	content: bytea().notNull(),
	createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
});

export const agendaItemFile = pgTable(
	'agenda_item_file',
	{
		agendaItemId: integer()
			.notNull()
			.references(() => agendaItem.id, { onDelete: 'cascade' }),
		fileId: integer()
			.notNull()
			.references(() => storedFile.id)
	},
	(t) => [primaryKey({ columns: [t.agendaItemId, t.fileId] })]
);

/** Mail waiting to go, or gone. Claimed with FOR UPDATE SKIP LOCKED, so any instance can send. */
export const outbox = pgTable(
	'outbox',
	{
		id: integer().primaryKey().generatedAlwaysAsIdentity(),
		/** notice, minutes, reminder, remiss, agreement, password */
		kind: text().notNull(),
		recipient: text().notNull(),
		recipientName: text(),
		subject: text().notNull(),
		body: text().notNull(),
		meetingId: integer().references(() => meeting.id, { onDelete: 'set null' }),
		actionItemId: integer().references(() => actionItem.id, { onDelete: 'set null' }),
		status: text().notNull().default('pending'),
		attempts: integer().notNull().default(0),
		nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		lastError: text(),
		sentAt: timestamp({ withTimezone: true }),
		createdBy: text(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		/** An iCalendar object sent as the message's text/calendar part (iMIP), or null. */
		calendar: text(),
		/** REQUEST or CANCEL: the part's method parameter, with the calendar. */
		calendarMethod: text(),
		/** Extra header fields, e.g. Auto-Submitted and List-Unsubscribe. */
		headers: jsonb().$type<Record<string, string>>().notNull().default({})
	},
	(t) => [
		index('outbox_due').on(t.status, t.nextAttemptAt),
		index('outbox_meeting').on(t.meetingId),
		check('outbox_status', sql`${t.status} in ('pending', 'sent', 'failed')`),
		check(
			'outbox_calendar_method',
			sql`${t.calendarMethod} is null or (${t.calendarMethod} in ('REQUEST', 'CANCEL') and ${t.calendar} is not null)`
		)
	]
);

/** The calendar invitation last sent for a meeting: its UID and SEQUENCE, which an update or a cancellation must exceed. */
export const meetingInvitation = pgTable(
	'meeting_invitation',
	{
		meetingId: integer()
			.primaryKey()
			.references(() => meeting.id, { onDelete: 'cascade' }),
		uid: text().notNull(),
		sequence: integer().notNull(),
		method: text().notNull(),
		sentAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [check('meeting_invitation_method', sql`${t.method} in ('REQUEST', 'CANCEL')`)]
);

/** Who received a meeting's notice, with its calendar invitation: they get its updates and its cancellation. */
export const meetingInvitee = pgTable(
	'meeting_invitee',
	{
		meetingId: integer()
			.notNull()
			.references(() => meeting.id, { onDelete: 'cascade' }),
		email: text().notNull(),
		name: text(),
		personId: integer().references(() => person.id, { onDelete: 'set null' }),
		invitedAt: timestamp({ withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.meetingId, t.email] })]
);

export const outboxAttachment = pgTable(
	'outbox_attachment',
	{
		outboxId: integer()
			.notNull()
			.references(() => outbox.id, { onDelete: 'cascade' }),
		fileId: integer()
			.notNull()
			.references(() => storedFile.id)
	},
	(t) => [primaryKey({ columns: [t.outboxId, t.fileId] })]
);

/** A secret address for one account's calendar, for Outlook and other calendars to subscribe to. */
export const calendarFeed = pgTable('calendar_feed', {
	accountId: integer()
		.primaryKey()
		.references(() => account.id, { onDelete: 'cascade' }),
	token: text().notNull().unique(),
	createdAt: timestamp({ withTimezone: true }).notNull().defaultNow()
});
