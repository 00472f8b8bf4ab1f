// What the API answers, as zod schemas: the OpenAPI document declares them
// (openapi.ts) and the contract test (tests/integration/api-contract.test.ts)
// holds every GET of the demo to them. Objects are closed (z.object is
// additionalProperties: false in the document), so a field added to an answer
// without being described here fails the test. One file per module under answers/.
import { z } from 'zod';
import { SEARCH_KINDS } from '../../core/search.ts';
import { keysOf } from '../../core/organisation.ts';
import { ACCOUNT_ROLES } from '../actor.ts';
import { instant, int, partialDate } from './answers/fields.ts';
import {
	bodiesDetail,
	bodiesItem,
	membershipsDetail,
	membershipsItem,
	municipalitiesDetail,
	municipalitiesItem,
	organisationsDetail,
	organisationsItem,
	personsDetail,
	personsItem,
	populationsDetail,
	populationsItem
} from './answers/organisation.ts';
import {
	activitiesDetail,
	activitiesItem,
	focusAreasDetail,
	focusAreasItem,
	followUpsDetail,
	followUpsItem,
	plansDetail,
	plansItem,
	programmesDetail,
	programmesItem,
	subGoalsDetail,
	subGoalsItem
} from './answers/planning.ts';
import {
	actionItemsDetail,
	actionItemsItem,
	meetingCountsDetail,
	meetingCountsItem,
	meetingsDetail,
	meetingsItem,
	turnoverCountsDetail,
	turnoverCountsItem
} from './answers/meetings.ts';
import { ledgerEntriesDetail, ledgerEntriesItem } from './answers/finance.ts';
import { consultationsDetail, consultationsItem, priorityObjectsDetail, priorityObjectsItem } from './answers/consultations.ts';
import {
	eventsDetail,
	eventsItem,
	externalMeetingsDetail,
	externalMeetingsItem,
	projectReportTextsDetail,
	projectReportTextsItem,
	projectsDetail,
	projectsItem
} from './answers/projects.ts';
import {
	activityTargetsDetail,
	activityTargetsItem,
	dutiesDetail,
	dutiesItem,
	governingDocumentsDetail,
	governingDocumentsItem,
	influenceDetail,
	influenceItem,
	newsDetail,
	newsItem,
	tasksDetail,
	tasksItem
} from './answers/governance.ts';
export * from './answers/organisation.ts';
export * from './answers/planning.ts';
export * from './answers/meetings.ts';
export * from './answers/finance.ts';
export * from './answers/consultations.ts';
export * from './answers/projects.ts';
export * from './answers/governance.ts';
export * from './answers/documents.ts';

export const searchAnswer = z.object({
	items: z.array(
		z.object({
			kind: z.enum(SEARCH_KINDS),
			id: int,
			title: z.string(),
			href: z.string(),
			// A result's date as its record knows it: influence work may be known only by its year.
			date: partialDate.nullable(),
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
