// What the API answers about projects, events, external meetings, projects' report texts (see ../answers.ts).
import { z } from 'zod';
import { EVENT_KINDS, PROJECT_STATUSES } from '../../../core/projects.ts';
import { instant, int, isoDate } from './fields.ts';

export const eventsItem = z.object({
	id: int,
	name: z.string(),
	kind: z.enum(EVENT_KINDS),
	theme: z.string().nullable(),
	hostText: z.string().nullable(),
	heldOn: isoDate.nullable(),
	heldIn: z.string().nullable(),
	heldFrom: isoDate,
	heldTo: isoDate,
	format: z.string().nullable(),
	place: z.string().nullable(),
	participants: int.nullable(),
	participantsInternal: int.nullable(),
	status: z.string(),
	cancelledReason: z.string().nullable(),
	evaluation: z.string().nullable(),
	costCapPerParticipant: int.nullable(),
	source: z.string(),
	version: int,
	createdAt: instant,
	updatedAt: instant,
	costs: int,
	income: int,
	entries: int,
	participantsExternal: int.nullable(),
	costPerParticipant: int.nullable()
});

export const eventsDetail = eventsItem.extend({
	hostBodyIds: z.array(int),
	hosts: z.array(
		z.object({
			id: int,
			name: z.string()
		})
	)
});

export const externalMeetingsItem = z.object({
	id: int,
	heldOn: isoDate.nullable(),
	heldIn: z.string().nullable(),
	heldFrom: isoDate,
	heldTo: isoDate,
	heldText: z.string().nullable(),
	bodyId: int.nullable(),
	ourParticipants: z.string().nullable(),
	theirParticipants: z.string().nullable(),
	format: z.string().nullable(),
	topic: z.string(),
	status: z.string(),
	source: z.string(),
	version: int,
	createdAt: instant,
	updatedAt: instant,
	body: z.string().nullable(),
	organisationIds: z.array(int),
	organisations: z.array(
		z.object({
			id: int,
			name: z.string()
		})
	),
	priorityObjectIds: z.array(int),
	priorityObjects: z.array(
		z.object({
			id: int,
			name: z.string()
		})
	)
});

/** The record reads as its list item. */
export const externalMeetingsDetail = externalMeetingsItem;

export const projectReportTextsItem = z.object({
	id: int,
	projectId: int,
	projectName: z.string(),
	year: int,
	position: int,
	title: z.string(),
	text: z.string(),
	source: z.string(),
	version: int
});

export const projectReportTextsDetail = z.object({
	id: int,
	projectId: int,
	year: int,
	position: int,
	title: z.string(),
	text: z.string(),
	source: z.string(),
	version: int,
	createdAt: instant,
	updatedAt: instant
});

export const projectsItem = z.object({
	id: int,
	name: z.string(),
	purpose: z.string(),
	status: z.enum(PROJECT_STATUSES),
	startYear: int.nullable(),
	endYear: int.nullable(),
	budget: int.nullable(),
	owner: z.string().nullable(),
	ownerText: z.string().nullable(),
	supplier: z.string().nullable(),
	costs: int,
	income: int,
	entries: int,
	yearCosts: int.nullable()
});

export const projectsDetail = z.object({
	id: int,
	name: z.string(),
	description: z.string().nullable(),
	purpose: z.string(),
	ownerBodyId: int.nullable(),
	ownerText: z.string().nullable(),
	supplierId: int.nullable(),
	startYear: int.nullable(),
	endYear: int.nullable(),
	budget: int.nullable(),
	status: z.enum(PROJECT_STATUSES),
	results: z.string().nullable(),
	source: z.string(),
	version: int,
	createdAt: instant,
	updatedAt: instant,
	owner: z.string().nullable(),
	supplier: z.string().nullable(),
	funding: z.array(
		z.object({
			funderId: int.nullable(),
			description: z.string(),
			amount: int.nullable(),
			sharePercent: int.nullable()
		})
	),
	fundingRows: z.array(
		z.object({
			id: int,
			funderId: int.nullable(),
			funder: z.string().nullable(),
			description: z.string(),
			amount: int.nullable(),
			sharePercent: int.nullable()
		})
	),
	municipalityIds: z.array(int),
	municipalities: z.array(
		z.object({
			id: int,
			name: z.string()
		})
	),
	costs: int,
	income: int,
	entries: int,
	byYear: z.array(
		z.object({
			year: int,
			costs: int,
			income: int
		})
	)
});
