// The projects module: projects with their funding and participants, events
// (conferences with participants and costs; a planning conference is a meeting,
// not an event) and the external meetings the cooperation holds. The ledger
// points to projects and events for their costs.
import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, pgTable, primaryKey, text, unique } from 'drizzle-orm/pg-core';
import { timestamps, version } from './columns.ts';
import { body, municipality, organisation } from './organisation.ts';
import { priorityObject } from './consultations.ts';

const ore = () => bigint({ mode: 'number' });

export const project = pgTable(
	'project',
	{
		id: integer().primaryKey().generatedAlwaysAsIdentity(),
		name: text().notNull().unique(),
		description: text(),
		purpose: text(),
		ownerBodyId: integer().references(() => body.id),
		ownerText: text(),
		supplierId: integer().references(() => organisation.id),
		startYear: integer(),
		endYear: integer(),
		budget: ore(),
		/** planned, ongoing, completed, cancelled */
		status: text().notNull().default('ongoing'),
		results: text(),
		source: text(),
		...version,
		...timestamps
	},
	(t) => [
		check('project_status', sql`${t.status} in ('planned', 'ongoing', 'completed', 'cancelled')`),
		check('project_period', sql`${t.endYear} is null or ${t.startYear} is null or ${t.endYear} >= ${t.startYear}`),
		check('project_budget', sql`${t.budget} is null or ${t.budget} >= 0`)
	]
);

/**
 * What one year's annual report says of a project: its section in the projects
 * chapter, written for that year. A year's report lists the projects that have
 * one, in their order, with that year's costs; a text of 2021 is never printed
 * in the report of 2020.
 */
export const projectReportText = pgTable(
	'project_report_text',
	{
		id: integer().primaryKey().generatedAlwaysAsIdentity(),
		projectId: integer()
			.notNull()
			.references(() => project.id, { onDelete: 'cascade' }),
		year: integer().notNull(),
		position: integer().notNull().default(1),
		/** The section's heading when it is not the project's name. */
		title: text(),
		text: text().notNull(),
		source: text(),
		...version,
		...timestamps
	},
	(t) => [
		unique('project_report_text_project_year').on(t.projectId, t.year),
		check('project_report_text_year', sql`${t.year} between 1900 and 2999`),
		check('project_report_text_position', sql`${t.position} > 0`)
	]
);

/** Who pays for a project beside the fee: a grant (Tillväxtverket 50 %), a funder's advance (Vinnova). */
export const projectFunding = pgTable(
	'project_funding',
	{
		id: integer().primaryKey().generatedAlwaysAsIdentity(),
		projectId: integer()
			.notNull()
			.references(() => project.id, { onDelete: 'cascade' }),
		funderId: integer().references(() => organisation.id),
		description: text().notNull(),
		amount: ore(),
		sharePercent: integer()
	},
	(t) => [
		index('project_funding_project').on(t.projectId),
		check('project_funding_share', sql`${t.sharePercent} is null or (${t.sharePercent} between 0 and 100)`)
	]
);

/** The municipalities taking part, where not all of them do (agreement §6, §7). */
export const projectMunicipality = pgTable(
	'project_municipality',
	{
		projectId: integer()
			.notNull()
			.references(() => project.id, { onDelete: 'cascade' }),
		municipalityId: integer()
			.notNull()
			.references(() => municipality.id)
	},
	(t) => [primaryKey({ columns: [t.projectId, t.municipalityId] })]
);

export const event = pgTable(
	'event',
	{
		id: integer().primaryKey().generatedAlwaysAsIdentity(),
		name: text().notNull().unique(),
		/** conference, radslag, theme_day, seminar, webinar, workshop, other */
		kind: text().notNull().default('conference'),
		theme: text(),
		hostText: text(),
		heldOn: date({ mode: 'string' }),
		/** When the day is not known: a partial date ("2021-09", "2018"), as precisely as the source knows it. */
		heldIn: text(),
		/** The first and last day it can have been held: what a year's documents compare. */
		heldFrom: date({ mode: 'string' }).generatedAlwaysAs(sql`coalesce(held_on, partial_date_first_day(held_in))`),
		heldTo: date({ mode: 'string' }).generatedAlwaysAs(sql`coalesce(held_on, partial_date_last_day(held_in))`),
		/** physical, digital, hybrid */
		format: text(),
		place: text(),
		participants: integer(),
		/** Of the participants, those from the cooperation's own municipalities. */
		participantsInternal: integer(),
		/** planned, held, cancelled */
		status: text().notNull().default('held'),
		cancelledReason: text(),
		evaluation: text(),
		/** The most it may cost per participant (Rådslag: 1 600 kr). */
		costCapPerParticipant: ore(),
		source: text(),
		...version,
		...timestamps
	},
	(t) => [
		index('event_held_on').on(t.heldOn),
		check('event_held_in', sql`${t.heldIn} is null or (${t.heldOn} is null and partial_date_first_day(${t.heldIn}) is not null)`),
		check('event_participants', sql`${t.participants} is null or ${t.participants} >= 0`),
		check(
			'event_participants_internal',
			sql`${t.participantsInternal} is null or (${t.participantsInternal} >= 0 and (${t.participants} is null or ${t.participantsInternal} <= ${t.participants}))`
		),
		check('event_kind', sql`${t.kind} in ('conference', 'radslag', 'theme_day', 'seminar', 'webinar', 'workshop', 'other')`),
		check('event_status', sql`${t.status} in ('planned', 'held', 'cancelled')`),
		check('event_format', sql`${t.format} is null or ${t.format} in ('physical', 'digital', 'hybrid')`)
	]
);

export const eventHost = pgTable(
	'event_host',
	{
		eventId: integer()
			.notNull()
			.references(() => event.id, { onDelete: 'cascade' }),
		bodyId: integer()
			.notNull()
			.references(() => body.id)
	},
	(t) => [primaryKey({ columns: [t.eventId, t.bodyId] })]
);

/** Who from the cooperation met which external organisation, when, how and on what. */
export const externalMeeting = pgTable(
	'external_meeting',
	{
		id: integer().primaryKey().generatedAlwaysAsIdentity(),
		heldOn: date({ mode: 'string' }),
		/** When the day is not known: a partial date ("2021-09", "2018"), as precisely as the source knows it. */
		heldIn: text(),
		/** The first and last day it can have been held: what a year's documents compare. */
		heldFrom: date({ mode: 'string' }).generatedAlwaysAs(sql`coalesce(held_on, partial_date_first_day(held_in))`),
		heldTo: date({ mode: 'string' }).generatedAlwaysAs(sql`coalesce(held_on, partial_date_last_day(held_in))`),
		/** When only the month or season is known ("juni 2018"). */
		heldText: text(),
		bodyId: integer().references(() => body.id),
		ourParticipants: text(),
		theirParticipants: text(),
		/** physical, digital, phone */
		format: text(),
		topic: text().notNull(),
		/** held, planned (an invitation whose outcome is not known), cancelled */
		status: text().notNull().default('held'),
		source: text(),
		...version,
		...timestamps
	},
	(t) => [
		index('external_meeting_held_on').on(t.heldOn),
		check(
			'external_meeting_held_in',
			sql`${t.heldIn} is null or (${t.heldOn} is null and partial_date_first_day(${t.heldIn}) is not null)`
		),
		check('external_meeting_when', sql`${t.heldOn} is not null or ${t.heldIn} is not null or ${t.heldText} is not null`),
		check('external_meeting_status', sql`${t.status} in ('held', 'planned', 'cancelled')`),
		check('external_meeting_format', sql`${t.format} is null or ${t.format} in ('physical', 'digital', 'phone')`)
	]
);

export const externalMeetingOrganisation = pgTable(
	'external_meeting_organisation',
	{
		externalMeetingId: integer()
			.notNull()
			.references(() => externalMeeting.id, { onDelete: 'cascade' }),
		organisationId: integer()
			.notNull()
			.references(() => organisation.id)
	},
	(t) => [primaryKey({ columns: [t.externalMeetingId, t.organisationId] }), index('external_meeting_organisation_org').on(t.organisationId)]
);

export const externalMeetingPriorityObject = pgTable(
	'external_meeting_priority_object',
	{
		externalMeetingId: integer()
			.notNull()
			.references(() => externalMeeting.id, { onDelete: 'cascade' }),
		priorityObjectId: integer()
			.notNull()
			.references(() => priorityObject.id, { onDelete: 'cascade' })
	},
	(t) => [
		primaryKey({ columns: [t.externalMeetingId, t.priorityObjectId] }),
		index('external_meeting_priority_object_po').on(t.priorityObjectId)
	]
);
