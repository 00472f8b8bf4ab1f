// What the API answers about meetings, action items, counted meetings and turnover (see ../answers.ts).
import { z } from 'zod';
import { MEETING_FORMATS, MEETING_KINDS } from '../../../core/meetings.ts';
import { instant, int, isoDate } from './fields.ts';

export const actionItemsItem = z.object({
	id: int,
	meetingId: int,
	meetingStartsAt: instant,
	meetingTitle: z.string().nullable(),
	meetingKind: z.string(),
	agendaItemId: int.nullable(),
	text: z.string(),
	responsiblePersonId: int.nullable(),
	responsibleName: z.string().nullable(),
	dueOn: isoDate.nullable(),
	closedAtMeetingId: int.nullable(),
	closedAtStartsAt: instant.nullable(),
	closedOn: isoDate.nullable(),
	source: z.string(),
	version: int,
	raisedBodies: z.array(
		z.object({
			id: int,
			name: z.string(),
			shortName: z.string(),
			kind: z.string()
		})
	),
	open: z.boolean()
});

/** The record reads as its list item. */
export const actionItemsDetail = actionItemsItem;

export const meetingCountsItem = z.object({
	id: int,
	bodyId: int,
	year: int,
	kind: z.string(),
	format: z.string().nullable(),
	count: int,
	source: z.string(),
	note: z.string().nullable(),
	version: int,
	createdAt: instant,
	updatedAt: instant
});

/** The record reads as its list item. */
export const meetingCountsDetail = meetingCountsItem;

export const meetingsItem = z.object({
	id: int,
	kind: z.enum(MEETING_KINDS),
	title: z.string().nullable(),
	startsAt: instant,
	endsAt: instant.nullable(),
	place: z.string().nullable(),
	hostMunicipalityId: int.nullable(),
	hostMunicipalityName: z.string().nullable(),
	format: z.enum(MEETING_FORMATS).nullable(),
	status: z.string(),
	statusNote: z.string().nullable(),
	movedFrom: instant.nullable(),
	chairPersonId: int.nullable(),
	chairPersonName: z.string().nullable(),
	chairNote: z.string().nullable(),
	noticeSentAt: instant.nullable(),
	source: z.string(),
	version: int,
	updatedAt: instant,
	createdAt: instant,
	bodies: z.array(
		z.object({
			id: int,
			name: z.string(),
			shortName: z.string(),
			kind: z.string()
		})
	),
	minutesStatus: z.string().nullable(),
	minutesVersion: int.nullable(),
	agendaItems: z.array(
		z.object({
			id: int,
			number: int,
			kind: z.string(),
			title: z.string(),
			presenter: z.string().nullable(),
			standing: z.boolean(),
			minutesText: z.string().nullable(),
			tabledToMeetingId: int.nullable(),
			decisions: z.array(
				z.object({
					id: int,
					title: z.string(),
					decidedBy: z.string(),
					decidedOn: isoDate,
					chairDecision: z.boolean()
				})
			)
		})
	),
	actionItems: z.array(
		z.object({
			id: int,
			meetingId: int,
			meetingStartsAt: instant,
			meetingTitle: z.string().nullable(),
			meetingKind: z.string(),
			agendaItemId: int.nullable(),
			text: z.string(),
			responsiblePersonId: int.nullable(),
			responsibleName: z.string().nullable(),
			dueOn: isoDate.nullable(),
			closedAtMeetingId: int.nullable(),
			closedAtStartsAt: instant.nullable(),
			closedOn: isoDate.nullable(),
			source: z.string(),
			version: int
		})
	),
	attendance: z.array(
		z.object({
			personId: int,
			name: z.string(),
			status: z.string(),
			guest: z.boolean(),
			onlyItems: z.array(int),
			role: z.string().nullable()
		})
	)
});

/** The record reads as its list item. */
export const meetingsDetail = meetingsItem;

export const turnoverCountsItem = z.object({
	id: int,
	bodyId: int,
	year: int,
	municipalities: int,
	source: z.string(),
	note: z.string(),
	version: int,
	createdAt: instant,
	updatedAt: instant
});

/** The record reads as its list item. */
export const turnoverCountsDetail = turnoverCountsItem;
