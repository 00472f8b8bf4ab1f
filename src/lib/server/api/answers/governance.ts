// What the API answers about governing documents, duties, tasks, influence, activity targets, news, the agreement (see ../answers.ts).
import { z } from 'zod';
import { INFLUENCE_KINDS } from '../../../schemas/governance.ts';
import { instant, int, isoDate } from './fields.ts';

/** When a duty falls due (core/governance.ts DutyRule), and what an election year does to it. */
const electionYear = z.union([z.enum(['keep', 'skip']), z.object({ month: int })]).optional();
const dutyRule = z.discriminatedUnion('kind', [
	z.object({ kind: z.literal('day'), month: int, day: int, electionYear }),
	z.object({ kind: z.literal('weekday'), month: int, weekday: int, nth: int, electionYear }),
	z.object({ kind: z.literal('month'), month: int, electionYear })
]);
/** A municipality's notice to leave the agreement (§2, §9). */
const agreementNotice = z.object({
	id: int,
	municipalityId: int,
	municipality: z.string(),
	councilDecidedOn: isoDate,
	councilReference: z.string().nullable(),
	receivedOn: isoDate,
	periodStarts: isoDate,
	effective: isoDate,
	note: z.string().nullable(),
	createdAt: instant
});
export const activityTargetsItem = z.object({
	id: int,
	activityId: int,
	activity: z.string(),
	year: int,
	organisationId: int,
	organisation: z.string(),
	count: int,
	note: z.string(),
	held: int,
	met: z.boolean(),
	missing: int
});

/** The record reads as its list item. */
export const activityTargetsDetail = activityTargetsItem;

export const agreementAnswer = z.object({
	id: int,
	title: z.string(),
	signedOn: isoDate,
	signedPlace: z.string(),
	validFrom: isoDate,
	validTo: z.string().nullable(),
	source: z.string(),
	version: z.object({
		id: int,
		number: int,
		validFrom: isoDate,
		decisionId: int.nullable(),
		decision: z.string().nullable(),
		decidedOn: isoDate.nullable(),
		note: z.string().nullable(),
		preamble: z.string(),
		source: z.string(),
		paragraphs: z.array(
			z.object({
				number: int,
				title: z.string(),
				text: z.string()
			})
		),
		parties: z.array(
			z.object({
				id: int,
				name: z.string()
			})
		),
		current: z.boolean()
	}),
	createdAt: instant,
	updatedAt: instant,
	versions: z.array(
		z.object({
			id: int,
			number: int,
			validFrom: isoDate,
			decisionId: int.nullable(),
			decision: z.string().nullable(),
			decidedOn: isoDate.nullable(),
			note: z.string().nullable(),
			preamble: z.string(),
			source: z.string()
		})
	),
	notices: z.array(agreementNotice)
});

export const agreementNoticeAnswer = z.object({
	received: isoDate,
	periodStarts: isoDate,
	effective: isoDate
});

export const agreementSettlementAnswer = z.object({
	date: isoDate,
	year: int,
	status: z.string(),
	parties: z.array(
		z.object({
			id: int,
			name: z.string(),
			email: z.string().nullable()
		})
	),
	populations: z.array(int),
	rows: z.array(
		z.object({
			what: z.string(),
			amount: int
		})
	),
	shares: z.array(z.array(int)).nullable(),
	totals: z.array(int).nullable(),
	missing: z.array(z.string())
});

export const dutiesItem = z.object({
	id: int,
	title: z.string(),
	description: z.string(),
	ownerBodyId: int.nullable(),
	ownerPersonId: int.nullable(),
	ownerText: z.string().nullable(),
	ownerBody: z.string().nullable(),
	ownerPerson: z.string().nullable(),
	rule: dutyRule,
	remindDaysBefore: int,
	active: z.string(),
	source: z.string(),
	version: int,
	owner: z.string(),
	ruleText: z.string()
});

/** The record reads as its list item. */
export const dutiesDetail = dutiesItem;

export const governingDocumentsItem = z.object({
	id: int,
	title: z.string(),
	kind: z.string(),
	description: z.string(),
	source: z.string(),
	version: int,
	createdAt: instant,
	updatedAt: instant,
	versions: z.array(
		z.object({
			id: int,
			documentId: int,
			label: z.string(),
			adoptedOn: isoDate.nullable(),
			adoptedText: z.string().nullable(),
			decisionId: int.nullable(),
			decision: z.string().nullable(),
			validFrom: isoDate.nullable(),
			validTo: z.string().nullable(),
			fileId: int.nullable(),
			fileName: z.string().nullable(),
			summary: z.string(),
			source: z.string()
		})
	),
	current: z.object({
		id: int,
		documentId: int,
		label: z.string(),
		adoptedOn: isoDate,
		adoptedText: z.string().nullable(),
		decisionId: int.nullable(),
		decision: z.string().nullable(),
		validFrom: isoDate,
		validTo: z.string().nullable(),
		fileId: int.nullable(),
		fileName: z.string().nullable(),
		summary: z.string(),
		source: z.string()
	})
});

export const governingDocumentsDetail = governingDocumentsItem.extend({
	appointedCount: int
});

export const influenceItem = z.object({
	id: int,
	kind: z.enum(INFLUENCE_KINDS),
	title: z.string(),
	organisationId: int.nullable(),
	organisation: z.string().nullable(),
	holderPersonId: int.nullable(),
	holder: z.string().nullable(),
	holderText: z.string().nullable(),
	fromOn: isoDate.nullable(),
	toOn: isoDate.nullable(),
	year: int,
	description: z.string(),
	url: z.string().nullable(),
	source: z.string(),
	version: int
});

export const influenceDetail = influenceItem.extend({
	priorityObjects: z.array(
		z.object({
			id: int,
			name: z.string()
		})
	),
	activities: z.array(
		z.object({
			id: int,
			title: z.string(),
			year: int
		})
	),
	externalMeetings: z.array(
		z.object({
			id: int,
			heldOn: isoDate.nullable(),
			heldIn: z.string().nullable(),
			heldText: z.string().nullable(),
			topic: z.string()
		})
	),
	priorityObjectIds: z.array(int),
	activityIds: z.array(int),
	externalMeetingIds: z.array(int)
});

export const newsItem = z.object({
	id: int,
	title: z.string(),
	publishedOn: isoDate,
	summary: z.string(),
	body: z.string().nullable(),
	link: z.string().nullable(),
	source: z.string(),
	version: int,
	createdAt: instant,
	updatedAt: instant
});

/** The record reads as its list item. */
export const newsDetail = newsItem;

export const tasksItem = z.object({
	id: int,
	kind: z.string(),
	dutyId: int.nullable(),
	year: int,
	membershipId: int.nullable(),
	title: z.string(),
	dueOn: isoDate,
	material: z.string().nullable(),
	doneOn: isoDate.nullable(),
	doneUndated: z.boolean(),
	doneBy: z.string().nullable(),
	doneNote: z.string().nullable(),
	remindedAt: instant.nullable(),
	version: int,
	owner: z.string().nullable(),
	remindDaysBefore: int,
	state: z.string()
});

export const tasksDetail = z.object({
	id: int,
	kind: z.string(),
	dutyId: int,
	year: int,
	membershipId: int.nullable(),
	title: z.string(),
	dueOn: isoDate,
	material: z.string().nullable(),
	doneOn: isoDate.nullable(),
	doneUndated: z.boolean(),
	doneBy: z.string().nullable(),
	doneNote: z.string().nullable(),
	remindedAt: instant.nullable(),
	version: int,
	owner: z.string(),
	remindDaysBefore: int,
	state: z.string()
});
