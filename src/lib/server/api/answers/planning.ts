// What the API answers about programmes, focus areas, sub-goals, plans, activities, follow-ups (see ../answers.ts).
import { z } from 'zod';
import { ACTIVITY_STATUSES } from '../../../core/planning.ts';
import { instant, int, isoDate } from './fields.ts';

/** A body responsible for a focus area or sub-goal. */
const responsibleBody = z.object({ id: int, name: z.string(), shortName: z.string().nullable() });
export const activitiesItem = z.object({
	id: int,
	planId: int,
	subGoalId: int.nullable(),
	planAreaId: int.nullable(),
	title: z.string(),
	timing: z.string().nullable(),
	comment: z.string().nullable(),
	status: z.enum(ACTIVITY_STATUSES),
	targetCount: int.nullable(),
	targetText: z.string().nullable(),
	reportText: z.string(),
	carriedFromId: int.nullable(),
	position: int,
	source: z.string(),
	version: int,
	createdAt: instant,
	updatedAt: instant,
	year: int,
	responsible: z.array(
		z.object({
			kind: z.string(),
			id: int.nullable(),
			label: z.string()
		})
	),
	followUps: z.array(
		z.object({
			id: int,
			activityId: int,
			date: isoDate,
			text: z.string(),
			accountId: int.nullable(),
			author: z.string(),
			source: z.string(),
			version: int,
			createdAt: instant,
			updatedAt: instant
		})
	)
});

export const activitiesDetail = z.object({
	id: int,
	planId: int,
	subGoalId: int.nullable(),
	planAreaId: int.nullable(),
	title: z.string(),
	timing: z.string().nullable(),
	comment: z.string().nullable(),
	status: z.enum(ACTIVITY_STATUSES),
	targetCount: int.nullable(),
	targetText: z.string().nullable(),
	reportText: z.string(),
	carriedFromId: int.nullable(),
	position: int,
	source: z.string(),
	version: int,
	createdAt: instant,
	updatedAt: instant,
	plan: z.object({
		id: int,
		year: int,
		title: z.string(),
		programmeId: int
	}),
	subGoal: z
		.object({
			id: int,
			code: z.string().nullable(),
			text: z.string()
		})
		.nullable(),
	focusArea: z
		.object({
			id: int,
			name: z.string()
		})
		.nullable(),
	planArea: z.object({ id: int, name: z.string() }).nullable(),
	responsible: z.array(
		z.object({
			kind: z.string(),
			id: int.nullable(),
			label: z.string()
		})
	),
	followUps: z.array(
		z.object({
			id: int,
			activityId: int,
			date: isoDate,
			text: z.string(),
			accountId: int.nullable(),
			author: z.string(),
			source: z.string(),
			version: int,
			createdAt: instant,
			updatedAt: instant
		})
	),
	decisions: z.array(
		z.object({
			id: int,
			decidedOn: isoDate,
			title: z.string(),
			decidedBy: z.string(),
			bodyName: z.string(),
			decidedByText: z.string().nullable()
		})
	),
	carriedFrom: z
		.object({
			id: int,
			title: z.string(),
			status: z.string(),
			year: int
		})
		.nullable(),
	carriedTo: z.array(
		z.object({
			id: int,
			title: z.string(),
			status: z.string(),
			year: int
		})
	),
	responsibleBodyIds: z.array(z.string()),
	responsibleMunicipalityIds: z.array(z.string()),
	responsiblePersonIds: z.array(z.string()),
	responsibleText: z.string()
});

export const focusAreasItem = z.object({
	id: int,
	programmeId: int,
	areaId: int.nullable(),
	name: z.string(),
	mainGoal: z.string(),
	position: int,
	version: int,
	createdAt: instant,
	updatedAt: instant,
	responsibleBodyIds: z.array(int)
});

/** The record reads as its list item. */
export const focusAreasDetail = focusAreasItem;

export const followUpsItem = z.object({
	id: int,
	activityId: int,
	date: isoDate,
	text: z.string(),
	accountId: int.nullable(),
	author: z.string(),
	source: z.string(),
	version: int,
	createdAt: instant,
	updatedAt: instant
});

/** The record reads as its list item. */
export const followUpsDetail = followUpsItem;

export const plansItem = z.object({
	id: int,
	year: int,
	title: z.string(),
	status: z.string(),
	programmeId: int,
	programmeName: z.string(),
	adoptedOn: isoDate.nullable(),
	activities: int
});

export const plansDetail = z.object({
	id: int,
	year: int,
	programmeId: int,
	title: z.string(),
	status: z.string(),
	adoptedDecisionId: int,
	previousPlanId: int.nullable(),
	source: z.string(),
	version: int,
	createdAt: instant,
	updatedAt: instant,
	programmeName: z.string(),
	programmeShortName: z.string(),
	adoptedDecision: z.object({
		id: int,
		decidedOn: isoDate.nullable(),
		decidedBy: z.string(),
		bodyId: int,
		decidedByText: z.string().nullable(),
		title: z.string(),
		description: z.string().nullable(),
		source: z.string(),
		version: int,
		createdAt: instant,
		updatedAt: instant
	}),
	decidedBody: z.string()
});

export const programmesItem = z.object({
	id: int,
	name: z.string(),
	shortName: z.string(),
	adoptedOn: isoDate.nullable(),
	adoptedDecisionId: int.nullable(),
	validFromYear: int.nullable(),
	validToYear: int,
	vision: z.string().nullable(),
	overallGoal: z.string().nullable(),
	principles: z.string().nullable(),
	relation: z.string(),
	source: z.string(),
	version: int,
	createdAt: instant,
	updatedAt: instant
});

export const programmesDetail = programmesItem.extend({
	adoptedDecision: z
		.object({
			id: int,
			decidedOn: isoDate.nullable(),
			decidedBy: z.string(),
			bodyId: int.nullable(),
			decidedByText: z.string(),
			title: z.string(),
			description: z.string().nullable(),
			source: z.string(),
			version: int,
			createdAt: instant,
			updatedAt: instant
		})
		.nullable(),
	plans: z.array(
		z.object({
			id: int,
			year: int,
			title: z.string(),
			status: z.string()
		})
	),
	areas: z.array(
		z.object({
			id: int,
			programmeId: int,
			name: z.string(),
			purpose: z.string(),
			position: int,
			version: int
		})
	),
	focusAreas: z.array(
		z.object({
			id: int,
			programmeId: int,
			areaId: int.nullable(),
			name: z.string(),
			mainGoal: z.string(),
			position: int,
			version: int,
			responsible: z.array(
				z.object({
					id: int,
					name: z.string(),
					shortName: z.string().nullable()
				})
			)
		})
	),
	subGoals: z.array(
		z.object({
			id: int,
			focusAreaId: int,
			code: z.string().nullable(),
			text: z.string(),
			position: int,
			source: z.string(),
			version: int,
			addedDecisionId: int.nullable(),
			removedDecisionId: int.nullable(),
			addedOn: isoDate.nullable(),
			addedTitle: z.string().nullable(),
			removedOn: isoDate.nullable(),
			removedTitle: z.string().nullable(),
			responsible: z.array(responsibleBody)
		})
	)
});

export const subGoalsItem = z.object({
	id: int,
	focusAreaId: int,
	programmeId: int,
	code: z.string().nullable(),
	text: z.string(),
	position: int,
	addedDecisionId: int.nullable(),
	removedDecisionId: int.nullable(),
	addedOn: isoDate.nullable(),
	removedOn: isoDate.nullable(),
	source: z.string(),
	version: int,
	responsibleBodyIds: z.array(int)
});

/** The record reads as its list item. */
export const subGoalsDetail = subGoalsItem;
