// What the API answers about remisser and priority objects (see ../answers.ts).
import { z } from 'zod';
import { CONSULTATION_STATUSES } from '../../../core/consultations.ts';
import { instant, int, isoDate } from './fields.ts';

/** The registrars' notice of a remiss, with the mail to each (members only). */
const consultationNotice = z.object({
	id: int,
	consultationId: int,
	stage: z.string(),
	message: z.string().nullable(),
	createdBy: z.string().nullable(),
	createdAt: instant,
	mails: z.array(
		z.object({
			noticeId: int,
			outboxId: int,
			municipality: z.string(),
			recipient: z.string(),
			status: z.string(),
			sentAt: instant.nullable(),
			lastError: z.string().nullable()
		})
	)
});

export const consultationsItem = z.object({
	id: int,
	title: z.string(),
	issuerId: int,
	issuer: z.string(),
	reference: z.string().nullable(),
	receivedOn: isoDate.nullable(),
	deadline: isoDate.nullable(),
	targetOn: isoDate.nullable(),
	answerJointly: z.string(),
	status: z.enum(CONSULTATION_STATUSES),
	writtenYear: int,
	submittedOn: isoDate.nullable(),
	submittedYear: int,
	submittedNote: z.string().nullable(),
	hasResponse: z.boolean(),
	years: z.array(int)
});

export const consultationsDetail = z.object({
	id: int,
	issuerId: int,
	title: z.string(),
	reference: z.string().nullable(),
	receivedOn: isoDate.nullable(),
	deadline: isoDate.nullable(),
	targetOn: isoDate.nullable(),
	answerJointly: z.string(),
	notJointReason: z.string().nullable(),
	workingGroupId: int.nullable(),
	status: z.enum(CONSULTATION_STATUSES),
	writtenYear: int,
	writtenOn: isoDate.nullable(),
	submittedOn: isoDate.nullable(),
	submittedYear: int,
	submittedNote: z.string().nullable(),
	submittedTo: z.string().nullable(),
	responseText: z.string(),
	responseFileId: int.nullable(),
	source: z.string(),
	version: int,
	createdAt: instant,
	updatedAt: instant,
	notes: z.string().nullable(),
	issuer: z.string(),
	workingGroup: z.string().nullable(),
	responseFile: z.object({ id: int, name: z.string(), size: int, sha256: z.string(), mediaType: z.string() }).nullable(),
	years: z.array(int),
	drafterIds: z.array(int),
	drafters: z.array(z.object({ id: int, name: z.string() })),
	meetings: z.array(
		z.object({
			id: int,
			startsAt: instant,
			title: z.string().nullable(),
			status: z.string(),
			role: z.string(),
			note: z.string(),
			label: z.string()
		})
	),
	decisions: z.array(
		z.object({
			id: int,
			decidedOn: isoDate.nullable(),
			decidedBy: z.string(),
			title: z.string(),
			description: z.string().nullable(),
			body: z.string().nullable()
		})
	),
	priorityObjectIds: z.array(int),
	priorityObjects: z.array(
		z.object({
			id: int,
			name: z.string()
		})
	),
	notices: z.array(consultationNotice)
});

export const priorityObjectsItem = z.object({
	id: int,
	name: z.string(),
	description: z.string(),
	position: int,
	endedOn: isoDate.nullable(),
	source: z.string(),
	version: int,
	decisionId: int,
	decidedOn: isoDate,
	decision: z.string(),
	responses: int,
	externalMeetings: int
});

export const priorityObjectsDetail = priorityObjectsItem.extend({
	consultations: z.array(
		z.object({
			id: int,
			title: z.string(),
			issuerId: int,
			issuer: z.string(),
			reference: z.string().nullable(),
			receivedOn: isoDate.nullable(),
			deadline: isoDate.nullable(),
			targetOn: isoDate.nullable(),
			answerJointly: z.string(),
			status: z.string(),
			writtenYear: int,
			submittedOn: isoDate.nullable(),
			submittedYear: int,
			submittedNote: z.string().nullable(),
			hasResponse: z.boolean()
		})
	),
	externalMeetingList: z.array(
		z.object({
			id: int,
			heldOn: isoDate.nullable(),
			heldIn: z.string().nullable(),
			heldText: z.string().nullable(),
			topic: z.string()
		})
	)
});
