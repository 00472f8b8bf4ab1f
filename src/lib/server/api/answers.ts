// What the API answers, as zod schemas: the OpenAPI document declares them
// (openapi.ts) and the contract test (tests/integration/api-contract.test.ts)
// holds every GET of the demo to them. Objects are closed (z.object is
// additionalProperties: false in the document), so a field added to an answer
// without being described here fails the test.
import { z } from 'zod';
import { SEARCH_KINDS } from '../../core/search.ts';
import { CHAPTER_CONTENTS } from '../../core/report.ts';
import { ACTIVITY_STATUSES } from '../../core/planning.ts';
import { CONSULTATION_STATUSES } from '../../core/consultations.ts';
import { EVENT_KINDS, PROJECT_STATUSES } from '../../core/projects.ts';
import { INFLUENCE_KINDS } from '../../schemas/governance.ts';
import { BODY_KINDS, ROLES, keysOf } from '../../core/organisation.ts';
import { MEETING_FORMATS, MEETING_KINDS } from '../../core/meetings.ts';
import { ACCOUNT_ROLES } from '../actor.ts';

const int = z.number().int();
/** A calendar day as the API writes it: ÅÅÅÅ-MM-DD. */
const isoDate = z.iso.date();
/** An instant (a Date in JSON): UTC with milliseconds. */
const instant = z.iso.datetime();
/** When a duty falls due (core/governance.ts DutyRule), and what an election year does to it. */
const electionYear = z.union([z.enum(['keep', 'skip']), z.object({ month: int })]).optional();
const dutyRule = z.discriminatedUnion('kind', [
	z.object({ kind: z.literal('day'), month: int, day: int, electionYear }),
	z.object({ kind: z.literal('weekday'), month: int, weekday: int, nth: int, electionYear }),
	z.object({ kind: z.literal('month'), month: int, electionYear })
]);
/** A body responsible for a focus area or sub-goal. */
const responsibleBody = z.object({ id: int, name: z.string(), shortName: z.string().nullable() });
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

export const bodiesItem = z.object({
	id: int,
	kind: z.enum(keysOf(BODY_KINDS)),
	name: z.string(),
	shortName: z.string().nullable(),
	parentId: int.nullable(),
	parentName: z.string().nullable(),
	activeFrom: isoDate.nullable(),
	activeTo: isoDate.nullable(),
	version: int,
	memberCount: int
});

export const bodiesDetail = z.object({
	id: int,
	kind: z.enum(keysOf(BODY_KINDS)),
	name: z.string(),
	shortName: z.string().nullable(),
	parentId: int.nullable(),
	replacesId: int.nullable(),
	description: z.string(),
	activeFrom: isoDate.nullable(),
	activeTo: isoDate.nullable(),
	version: int,
	createdAt: instant,
	updatedAt: instant,
	parent: z
		.object({
			id: int,
			name: z.string(),
			kind: z.string(),
			parentId: int.nullable(),
			replacesId: int.nullable()
		})
		.nullable(),
	replaces: z
		.object({
			id: int,
			name: z.string(),
			kind: z.string(),
			parentId: int.nullable(),
			replacesId: int.nullable()
		})
		.nullable(),
	replacedBy: z.array(
		z.object({
			id: int,
			name: z.string(),
			kind: z.string(),
			parentId: int.nullable(),
			replacesId: int
		})
	),
	children: z.array(
		z.object({
			id: int,
			name: z.string(),
			kind: z.string(),
			parentId: int,
			replacesId: int.nullable()
		})
	),
	memberships: z.array(
		z.object({
			id: int,
			personId: int,
			personName: z.string(),
			bodyId: int,
			bodyName: z.string(),
			bodyKind: z.string(),
			role: z.string(),
			representsMunicipalityId: int.nullable(),
			representsMunicipalityName: z.string().nullable(),
			representsOrganisationId: int.nullable(),
			representsOrganisationName: z.string().nullable(),
			validFrom: z.string(),
			validTo: z.string(),
			periodNote: z.string(),
			source: z.string(),
			version: int
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

export const eventsDetail = z.object({
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
	costPerParticipant: int.nullable(),
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

export const financeYearsYearClosingAnswer = z.object({
	year: int,
	status: z.string(),
	funds: z.array(
		z.object({
			fund: z.string(),
			opening: int,
			income: int,
			costs: int,
			transfersIn: int,
			transfersOut: int,
			closing: int
		})
	),
	totals: z.object({
		opening: int,
		income: int,
		costs: int,
		closing: int
	}),
	differences: z.array(
		z.object({
			what: z.string(),
			printed: int,
			ledger: int
		})
	),
	openingsProvisional: z.object({ from: int, firstUnclosed: int }).nullable()
});

export const financeYearsYearFeesAnswer = z.object({
	year: int,
	rate: int,
	rule: z.object({
		kind: z.string(),
		amount: int,
		validFromYear: int,
		source: z.string(),
		decision: z.string()
	}),
	total: int,
	totalPopulation: int,
	totalSource: z.string(),
	municipalities: z.array(
		z.object({
			code: z.string(),
			name: z.string(),
			populationDate: isoDate,
			population: int.nullable(),
			source: z.string().nullable(),
			amount: int.nullable(),
			paidOn: isoDate.nullable()
		})
	),
	missing: z.array(z.string())
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

export const governingDocumentsDetail = z.object({
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
	}),
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

export const influenceDetail = z.object({
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
	version: int,
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

export const ledgerEntriesItem = z.object({
	id: int,
	date: isoDate,
	year: int,
	fundId: int,
	fund: z.string(),
	categoryId: int,
	category: z.string(),
	kind: z.string(),
	amount: int,
	counterparty: z.string().nullable(),
	voucher: z.string().nullable(),
	description: z.string(),
	projectId: int.nullable(),
	project: z.string().nullable(),
	eventId: int.nullable(),
	event: z.string().nullable(),
	meetingId: int.nullable(),
	municipalityId: int.nullable(),
	source: z.string(),
	version: int
});

/** The record reads as its list item. */
export const ledgerEntriesDetail = ledgerEntriesItem;

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

export const membershipsItem = z.object({
	id: int,
	personId: int,
	personName: z.string(),
	bodyId: int,
	bodyName: z.string(),
	bodyKind: z.string(),
	role: z.enum(keysOf(ROLES)),
	representsMunicipalityId: int.nullable(),
	representsMunicipalityName: z.string().nullable(),
	representsOrganisationId: int.nullable(),
	representsOrganisationName: z.string().nullable(),
	validFrom: z.string(),
	validTo: z.string(),
	periodNote: z.string(),
	source: z.string(),
	version: int
});

export const membershipsDetail = z.object({
	id: int,
	personId: int,
	bodyId: int,
	role: z.enum(keysOf(ROLES)),
	representsMunicipalityId: int.nullable(),
	representsOrganisationId: int.nullable(),
	validFrom: z.string(),
	validTo: z.string(),
	startsOn: isoDate,
	endsOn: isoDate,
	periodNote: z.string(),
	source: z.string(),
	version: int,
	createdAt: instant,
	updatedAt: instant
});

export const municipalitiesItem = z.object({
	id: int,
	code: z.string(),
	name: z.string(),
	registrarEmail: z.string(),
	invoiceReference: z.string().nullable(),
	memberFrom: isoDate.nullable(),
	memberTo: isoDate.nullable(),
	version: int,
	latestPopulation: int,
	latestPopulationDate: isoDate
});

export const municipalitiesDetail = z.object({
	id: int,
	code: z.string(),
	name: z.string(),
	registrarEmail: z.string(),
	invoiceReference: z.string().nullable(),
	memberFrom: isoDate.nullable(),
	memberTo: isoDate.nullable(),
	version: int,
	createdAt: instant,
	updatedAt: instant,
	populations: z.array(
		z.object({
			id: int,
			municipalityId: int,
			date: isoDate,
			population: int.nullable(),
			source: z.string(),
			version: int,
			createdAt: instant,
			updatedAt: instant
		})
	),
	representatives: z.array(
		z.object({
			id: int,
			personId: int,
			personName: z.string(),
			bodyId: int,
			bodyName: z.string(),
			bodyKind: z.string(),
			role: z.string(),
			representsMunicipalityId: int,
			representsMunicipalityName: z.string(),
			representsOrganisationId: int.nullable(),
			representsOrganisationName: z.string().nullable(),
			validFrom: z.string(),
			validTo: z.string(),
			periodNote: z.string(),
			source: z.string(),
			version: int
		})
	)
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

export const organisationsItem = z.object({
	id: int,
	name: z.string(),
	// Not z.enum(ORGANISATION_KINDS): the demo's governance.json gives two organisations (VTI, Kommunutredningen) the kind 'state', which no form offers.
	kind: z.string(),
	endedOn: isoDate.nullable(),
	version: int,
	createdAt: instant,
	updatedAt: instant
});

export const organisationsDetail = z.object({
	id: int,
	name: z.string(),
	// Not z.enum(ORGANISATION_KINDS): the demo's governance.json gives two organisations (VTI, Kommunutredningen) the kind 'state', which no form offers.
	kind: z.string(),
	endedOn: isoDate.nullable(),
	version: int,
	createdAt: instant,
	updatedAt: instant,
	representatives: z.array(
		z.object({
			id: int,
			personId: int,
			personName: z.string(),
			bodyId: int,
			bodyName: z.string(),
			bodyKind: z.string(),
			role: z.string(),
			representsMunicipalityId: int.nullable(),
			representsMunicipalityName: z.string().nullable(),
			representsOrganisationId: int,
			representsOrganisationName: z.string(),
			validFrom: z.string(),
			validTo: z.string(),
			periodNote: z.string(),
			source: z.string(),
			version: int
		})
	)
});

export const personsItem = z.object({
	id: int,
	name: z.string(),
	title: z.string().nullable(),
	email: z.string().nullable(),
	phone: z.string().nullable(),
	employerMunicipalityId: int.nullable(),
	employerMunicipalityName: z.string().nullable(),
	employerOrganisationId: int.nullable(),
	employerOrganisationName: z.string().nullable(),
	endedOn: isoDate.nullable(),
	version: int
});

export const personsDetail = z.object({
	id: int,
	name: z.string(),
	title: z.string().nullable(),
	email: z.string().nullable(),
	phone: z.string().nullable(),
	employerMunicipalityId: int.nullable(),
	employerMunicipalityName: z.string().nullable(),
	employerOrganisationId: int.nullable(),
	employerOrganisationName: z.string().nullable(),
	endedOn: isoDate.nullable(),
	version: int,
	memberships: z.array(
		z.object({
			id: int,
			personId: int,
			personName: z.string(),
			bodyId: int,
			bodyName: z.string(),
			bodyKind: z.string(),
			role: z.string(),
			representsMunicipalityId: int.nullable(),
			representsMunicipalityName: z.string().nullable(),
			representsOrganisationId: int.nullable(),
			representsOrganisationName: z.string().nullable(),
			validFrom: z.string(),
			validTo: z.string(),
			periodNote: z.string(),
			source: z.string(),
			version: int
		})
	)
});

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

export const populationsItem = z.object({
	id: int,
	municipalityId: int.nullable(),
	municipalityName: z.string().nullable(),
	date: isoDate,
	population: int.nullable(),
	source: z.string(),
	version: int
});

export const populationsDetail = z.object({
	id: int,
	municipalityId: int.nullable(),
	date: isoDate,
	population: int.nullable(),
	source: z.string(),
	version: int,
	createdAt: instant,
	updatedAt: instant
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

export const priorityObjectsDetail = z.object({
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
	externalMeetings: int,
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

export const programmesDetail = z.object({
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
	updatedAt: instant,
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

export const reportsAnswer = z.object({
	items: z.array(
		z.object({
			year: int,
			plan: z
				.object({
					status: z.string(),
					decidedOn: isoDate.nullable(),
					html: z.string(),
					docx: z.string(),
					pdf: z.string()
				})
				.nullable(),
			annual: z
				.object({
					status: z.string(),
					decidedOn: isoDate.nullable(),
					html: z.string(),
					docx: z.string(),
					pdf: z.string()
				})
				.nullable()
		})
	)
});

/** A list item of a document, with its sub-items (recursive: a component of its own in the document). */
export const reportListItem: z.ZodType = z.lazy(() => z.object({ text: z.string(), children: z.array(reportListItem).optional() }));
const docTable = z.object({
	caption: z.string(),
	columns: z.array(z.object({ header: z.string(), align: z.enum(['left', 'right']).optional() })),
	rows: z.array(z.object({ cells: z.array(z.string()), total: z.boolean().optional() })),
	notes: z.array(z.string()).optional()
});
/** A block of a published document (core/report.ts Block). */
const reportBlock = z.discriminatedUnion('kind', [
	z.object({
		kind: z.literal('heading'),
		level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
		number: z.string().nullable(),
		text: z.string(),
		id: z.string()
	}),
	z.object({ kind: z.literal('paragraph'), text: z.string(), style: z.enum(['lead', 'note']).optional() }),
	z.object({ kind: z.literal('labelled'), label: z.string(), text: z.string() }),
	z.object({ kind: z.literal('list'), items: z.array(reportListItem) }),
	z.object({ kind: z.literal('table'), table: docTable })
]);

export const reportsKindYearAnswer = z.object({
	kind: z.enum(['annual', 'plan']),
	year: int,
	adopted: z.boolean(),
	edition: z
		.object({
			decidedOn: isoDate.nullable(),
			frozenAt: instant,
			docxSha256: z.string(),
			pdfSha256: z.string()
		})
		.nullable(),
	html: z.string(),
	docx: z.string(),
	pdf: z.string(),
	report: z.object({
		kind: z.enum(['annual', 'plan']),
		year: int,
		title: z.string(),
		cooperationName: z.string(),
		kindLabel: z.string(),
		cover: z.object({
			issuer: z.string(),
			title: z.string(),
			decided: z.string().nullable(),
			responsible: z.string().nullable()
		}),
		tableOfContents: z.boolean(),
		blocks: z.array(reportBlock)
	})
});

export const reportsKindYearTemplateAnswer = z.object({
	kind: z.enum(['annual', 'plan']),
	year: int,
	title: z.string(),
	issuer: z.string().nullable(),
	responsible: z.string().nullable(),
	tableOfContents: z.boolean(),
	introText: z.string().nullable(),
	chapters: z.array(
		z.object({
			number: z.string(),
			title: z.string(),
			content: z.enum(CHAPTER_CONTENTS),
			text: z.string().nullable().optional(),
			area: z.string().nullable().optional(),
			rule: z.enum(['written', 'submitted', 'either']).nullable().optional()
		})
	),
	id: int.nullable(),
	version: int.nullable(),
	derivedFrom: int.nullable()
});

export const searchAnswer = z.object({
	items: z.array(
		z.object({
			kind: z.enum(SEARCH_KINDS),
			id: int,
			title: z.string(),
			href: z.string(),
			date: isoDate.nullable(),
			excerpt: z.string(),
			rank: z.number()
		})
	),
	total: int,
	counts: z.partialRecord(z.enum(SEARCH_KINDS), int),
	limit: int,
	offset: int,
	suggestion: z.string().nullable()
});

export const sessionAnswer = z.object({
	signedIn: z.boolean(),
	name: z.string(),
	role: z.enum([...keysOf(ACCOUNT_ROLES), 'public'])
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

/** Each register's list item and record, by its path under /api/v1. */
export const resourceAnswers: Record<string, { item: z.ZodType; detail: z.ZodType }> = {
	'action-items': { item: actionItemsItem, detail: actionItemsDetail },
	activities: { item: activitiesItem, detail: activitiesDetail },
	'activity-targets': { item: activityTargetsItem, detail: activityTargetsDetail },
	bodies: { item: bodiesItem, detail: bodiesDetail },
	consultations: { item: consultationsItem, detail: consultationsDetail },
	duties: { item: dutiesItem, detail: dutiesDetail },
	events: { item: eventsItem, detail: eventsDetail },
	'external-meetings': { item: externalMeetingsItem, detail: externalMeetingsDetail },
	'focus-areas': { item: focusAreasItem, detail: focusAreasDetail },
	'follow-ups': { item: followUpsItem, detail: followUpsDetail },
	'governing-documents': { item: governingDocumentsItem, detail: governingDocumentsDetail },
	influence: { item: influenceItem, detail: influenceDetail },
	'ledger-entries': { item: ledgerEntriesItem, detail: ledgerEntriesDetail },
	'meeting-counts': { item: meetingCountsItem, detail: meetingCountsDetail },
	meetings: { item: meetingsItem, detail: meetingsDetail },
	memberships: { item: membershipsItem, detail: membershipsDetail },
	municipalities: { item: municipalitiesItem, detail: municipalitiesDetail },
	news: { item: newsItem, detail: newsDetail },
	organisations: { item: organisationsItem, detail: organisationsDetail },
	persons: { item: personsItem, detail: personsDetail },
	plans: { item: plansItem, detail: plansDetail },
	populations: { item: populationsItem, detail: populationsDetail },
	'priority-objects': { item: priorityObjectsItem, detail: priorityObjectsDetail },
	programmes: { item: programmesItem, detail: programmesDetail },
	'project-report-texts': { item: projectReportTextsItem, detail: projectReportTextsDetail },
	projects: { item: projectsItem, detail: projectsDetail },
	'sub-goals': { item: subGoalsItem, detail: subGoalsDetail },
	tasks: { item: tasksItem, detail: tasksDetail },
	'turnover-counts': { item: turnoverCountsItem, detail: turnoverCountsDetail }
};

/** One page of a register's list. */
export const pageOf = (item: z.ZodType) => z.object({ items: z.array(item), total: int, limit: int, offset: int });

/** Every error answer: a Swedish message and, for 422, the fields refused. */
export const errorAnswer = z.object({
	message: z.string(),
	errors: z.array(z.object({ field: z.string(), message: z.string() })).optional()
});

/** A record as saved by POST or PATCH: its id and its stored fields (which vary by register). */
export const savedAnswer = z.looseObject({ id: int });

/** POST /session: who signed in, and until when the session holds. */
export const signedInAnswer = z.object({ name: z.string(), role: z.enum(keysOf(ACCOUNT_ROLES)), expiresAt: instant });

/** POST /session/password. */
export const passwordChangedAnswer = z.object({ changed: z.boolean(), endedSessions: int });
