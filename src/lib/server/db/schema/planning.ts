// The planning module: decisions, development programmes with their areas, focus
// areas and sub-goals, the yearly operational plans with their action plans, and
// the follow-up of every activity.
import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { timestamps, version } from './columns.ts';
import { account } from './auth.ts';
import { body, municipality, person } from './organisation.ts';

/**
 * A decision as a record of its own: a body (at a meeting, or one with no minutes
 * in the system), the chair alone, a municipal board or council, or someone else.
 * Plans, sub-goals and activities point to the decisions that shaped them.
 */
export const decision = pgTable(
	'decision',
	{
		id: integer().primaryKey().generatedAlwaysAsIdentity(),
		decidedOn: date({ mode: 'string' }),
		decidedBy: text().notNull(),
		bodyId: integer().references(() => body.id),
		decidedByText: text(),
		title: text().notNull(),
		description: text(),
		source: text(),
		...version,
		...timestamps
	},
	(t) => [index('decision_body').on(t.bodyId)]
);

export const programme = pgTable(
	'programme',
	{
		id: integer().primaryKey().generatedAlwaysAsIdentity(),
		name: text().notNull(),
		shortName: text().notNull(),
		adoptedOn: date({ mode: 'string' }),
		adoptedDecisionId: integer().references(() => decision.id),
		validFromYear: integer(),
		validToYear: integer(),
		vision: text(),
		overallGoal: text(),
		/** One principle per line. */
		principles: text(),
		relation: text(),
		source: text(),
		...version,
		...timestamps
	},
	(t) => [check('programme_years', sql`${t.validToYear} is null or ${t.validFromYear} is null or ${t.validFromYear} <= ${t.validToYear}`)]
);

/** The programme's areas (regional development, internal cooperation), each with its purpose. */
export const programmeArea = pgTable('programme_area', {
	id: integer().primaryKey().generatedAlwaysAsIdentity(),
	programmeId: integer()
		.notNull()
		.references(() => programme.id, { onDelete: 'cascade' }),
	name: text().notNull(),
	purpose: text(),
	position: integer().notNull().default(0),
	...version,
	...timestamps
});

export const focusArea = pgTable(
	'focus_area',
	{
		id: integer().primaryKey().generatedAlwaysAsIdentity(),
		programmeId: integer()
			.notNull()
			.references(() => programme.id, { onDelete: 'cascade' }),
		areaId: integer().references(() => programmeArea.id),
		name: text().notNull(),
		mainGoal: text(),
		position: integer().notNull().default(0),
		...version,
		...timestamps
	},
	(t) => [index('focus_area_programme').on(t.programmeId)]
);

export const focusAreaBody = pgTable(
	'focus_area_body',
	{
		focusAreaId: integer()
			.notNull()
			.references(() => focusArea.id, { onDelete: 'cascade' }),
		bodyId: integer()
			.notNull()
			.references(() => body.id)
	},
	(t) => [primaryKey({ columns: [t.focusAreaId, t.bodyId] })]
);

/** A sub-goal (delmål) is in force from the decision that added it until the one that removed it. */
export const subGoal = pgTable(
	'sub_goal',
	{
		id: integer().primaryKey().generatedAlwaysAsIdentity(),
		focusAreaId: integer()
			.notNull()
			.references(() => focusArea.id, { onDelete: 'cascade' }),
		code: text(),
		text: text().notNull(),
		position: integer().notNull().default(0),
		addedDecisionId: integer().references(() => decision.id),
		removedDecisionId: integer().references(() => decision.id),
		source: text(),
		...version,
		...timestamps
	},
	(t) => [index('sub_goal_focus_area').on(t.focusAreaId)]
);

export const subGoalBody = pgTable(
	'sub_goal_body',
	{
		subGoalId: integer()
			.notNull()
			.references(() => subGoal.id, { onDelete: 'cascade' }),
		bodyId: integer()
			.notNull()
			.references(() => body.id)
	},
	(t) => [primaryKey({ columns: [t.subGoalId, t.bodyId] })]
);

/** The operational plan (verksamhetsplan) of a year: draft → sent to the municipalities → adopted by a decision. */
export const plan = pgTable(
	'plan',
	{
		id: integer().primaryKey().generatedAlwaysAsIdentity(),
		year: integer().notNull().unique(),
		programmeId: integer().references(() => programme.id),
		title: text().notNull(),
		status: text().notNull().default('draft'),
		adoptedDecisionId: integer().references(() => decision.id),
		previousPlanId: integer().references((): any => plan.id),
		source: text(),
		...version,
		...timestamps
	},
	(t) => [check('plan_adopted_by_decision', sql`${t.status} <> 'adopted' or ${t.adoptedDecisionId} is not null`)]
);

/** Areas of a plan's own beside the programme's focus areas ("Verksamhetsfrågor"). */
export const planArea = pgTable('plan_area', {
	id: integer().primaryKey().generatedAlwaysAsIdentity(),
	planId: integer()
		.notNull()
		.references(() => plan.id, { onDelete: 'cascade' }),
	name: text().notNull(),
	description: text(),
	position: integer().notNull().default(0),
	...version,
	...timestamps
});

/** A row of the action plan (handlingsplan). */
export const activity = pgTable(
	'activity',
	{
		id: integer().primaryKey().generatedAlwaysAsIdentity(),
		planId: integer()
			.notNull()
			.references(() => plan.id, { onDelete: 'cascade' }),
		subGoalId: integer().references(() => subGoal.id),
		planAreaId: integer().references(() => planArea.id),
		title: text().notNull(),
		timing: text(),
		comment: text(),
		status: text().notNull().default('not_started'),
		targetCount: integer(),
		targetText: text(),
		/** The text that goes into the annual report; the secretariat's. */
		reportText: text(),
		carriedFromId: integer().references((): any => activity.id, { onDelete: 'set null' }),
		position: integer().notNull().default(0),
		source: text(),
		...version,
		...timestamps
	},
	(t) => [
		index('activity_plan').on(t.planId),
		index('activity_sub_goal').on(t.subGoalId),
		index('activity_carried_from').on(t.carriedFromId),
		check('activity_goal_or_area', sql`(${t.subGoalId} is null) <> (${t.planAreaId} is null)`),
		check('activity_target_positive', sql`${t.targetCount} is null or ${t.targetCount} > 0`)
	]
);

/** Who is responsible for an activity: a body, a municipality, a person, or a name no record fits. */
export const activityResponsible = pgTable(
	'activity_responsible',
	{
		id: integer().primaryKey().generatedAlwaysAsIdentity(),
		activityId: integer()
			.notNull()
			.references(() => activity.id, { onDelete: 'cascade' }),
		bodyId: integer().references(() => body.id),
		municipalityId: integer().references(() => municipality.id),
		personId: integer().references(() => person.id),
		text: text(),
		position: integer().notNull().default(0)
	},
	(t) => [
		index('activity_responsible_activity').on(t.activityId),
		index('activity_responsible_body').on(t.bodyId),
		check('activity_responsible_one', sql`num_nonnulls(${t.bodyId}, ${t.municipalityId}, ${t.personId}, ${t.text}) = 1`)
	]
);

/** A dated entry on an activity by whoever is responsible for it. */
export const followUp = pgTable(
	'follow_up',
	{
		id: integer().primaryKey().generatedAlwaysAsIdentity(),
		activityId: integer()
			.notNull()
			.references(() => activity.id, { onDelete: 'cascade' }),
		date: date({ mode: 'string' }).notNull(),
		text: text().notNull(),
		accountId: integer().references(() => account.id, { onDelete: 'set null' }),
		author: text().notNull(),
		source: text(),
		...version,
		...timestamps
	},
	(t) => [index('follow_up_activity').on(t.activityId, t.date)]
);

/** The decisions that started, changed or stopped an activity. */
export const decisionActivity = pgTable(
	'decision_activity',
	{
		decisionId: integer()
			.notNull()
			.references(() => decision.id, { onDelete: 'cascade' }),
		activityId: integer()
			.notNull()
			.references(() => activity.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.decisionId, t.activityId] }), index('decision_activity_activity').on(t.activityId)]
);
