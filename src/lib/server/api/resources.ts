// The register's API resources: each names its input schema, its filters and
// its reads. The route handlers and the OpenAPI document are both made from this.
import type { z } from 'zod';
import type { Db } from '../db/client.ts';
import type { Actor } from '../actor.ts';
import type { Register } from '../register.ts';
import * as q from '../organisation/queries.ts';
import { BODY_KINDS, ORGANISATION_KINDS, ROLES, keysOf } from '../../core/organisation.ts';
import * as reg from '../organisation/registers.ts';
import { booleanParam, dateParam, numberParam, yearParam, textParam } from './http.ts';
import * as pq from '../planning/queries.ts';
import * as ps from '../planning/service.ts';
import * as gs from '../planning/goals.ts';
import * as st from '../planning/structure.ts';
import { activityInput, focusAreaInput, followUpInput, planInput, subGoalInput } from '../../schemas/planning.ts';
import { isActivityStatus, ACTIVITY_STATUSES } from '../../core/planning.ts';
import { meetingInputOf } from '../../core/meetings.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import * as mq from '../meetings/queries.ts';
import * as mt from '../meetings/matters.ts';
import * as ms from '../meetings/service.ts';
import * as ma from '../meetings/agenda.ts';
import { actionItemInput, meetingInput } from '../../schemas/meetings.ts';
import { hasRole } from '../actor.ts';
import { requireRole, validate } from '../service.ts';
import { requiredId } from '../../schemas/fields.ts';
import { z as zod } from 'zod';
import * as fq from '../finance/queries.ts';
import * as fs from '../finance/service.ts';
import { ledgerEntryInput } from '../../schemas/finance.ts';
import * as cq from '../consultations/queries.ts';
import * as cs from '../consultations/service.ts';
import * as pjq from '../projects/queries.ts';
import * as pjs from '../projects/service.ts';
import { consultationInput, priorityObjectInput } from '../../schemas/consultations.ts';
import { eventInput, externalMeetingInput, projectInput } from '../../schemas/projects.ts';
import { CONSULTATION_STATUSES, isConsultationStatus } from '../../core/consultations.ts';
import { isProjectStatus, PROJECT_STATUSES } from '../../core/projects.ts';
import { governanceResources } from './governance-resources.ts';
import { yearResources } from './year-resources.ts';

export interface Filter {
	name: string;
	description: string;
	type: 'integer' | 'year' | 'string' | 'date' | 'boolean';
	/** the values a string filter may take (checked by oneOf, declared as an enum) */
	values?: readonly string[];
}

export interface Resource {
	path: string;
	tag: string;
	what: string;
	/** its input schema (and, unless create/update are given, its generic create and update) */
	register: Register<z.ZodType>;
	filters: Filter[];
	list(db: Db, actor: Actor, url: URL, page: q.Page): Promise<q.Paged<unknown>>;
	get(db: Db, actor: Actor, id: number): Promise<unknown>;
	/** a service of its own for creating, when the record is more than one row */
	create?(db: Db, actor: Actor, input: unknown): Promise<{ id: number }>;
	/** a service of its own for updating; `false`: the record cannot be changed through the API */
	update?: ((db: Db, actor: Actor, id: number, input: unknown) => Promise<unknown>) | false;
	/** what PATCH accepts, when it is not the input schema (a task is only marked done) */
	updateInput?: z.ZodType;
	/** a record as read → the fields it is changed by, where the two differ (a meeting's instants → date and time) */
	editable?(record: Record<string, unknown>): Record<string, unknown>;
	/** true: only signed-in members may read it (visitors get 401) */
	membersOnly?: boolean;
	/** removing a record (with the version read), where the API allows it */
	remove?(db: Db, actor: Actor, id: number, input: unknown): Promise<unknown>;
}

export const pageArray = <T>(rows: T[], page: q.Page): q.Paged<T> => ({
	items: rows.slice(page.offset, page.offset + page.limit),
	total: rows.length,
	...page
});

const str = textParam;
/** A check that a query value is one of an object's keys (own keys only: not "toString"). */
const keyOf =
	(o: object) =>
	(v: unknown): v is string =>
		typeof v === 'string' && Object.hasOwn(o, v);

export const resources: Resource[] = [
	{
		path: 'municipalities',
		tag: 'Kommuner',
		what: 'kommun',
		register: reg.municipalities,
		filters: [{ name: 'code', description: 'Kommunkod', type: 'string' }],
		list: async (db, _a, url, page) => {
			const code = str(url, 'code');
			return pageArray(
				(await q.listMunicipalities(db)).filter((m) => !code || m.code === code),
				page
			);
		},
		get: (db, _a, id) => q.getMunicipality(db, id)
	},
	{
		path: 'populations',
		tag: 'Befolkning',
		what: 'befolkningsuppgift',
		register: reg.populations,
		filters: [
			{ name: 'municipality', description: 'Kommunens id', type: 'integer' },
			{ name: 'date', description: 'Datum (ÅÅÅÅ-MM-DD)', type: 'date' },
			{ name: 'totals', description: 'Bara samarbetets totaler', type: 'boolean' }
		],
		list: (db, _a, url, page) =>
			q.listPopulations(
				db,
				{
					municipalityId: numberParam(url, 'municipality'),
					date: dateParam(url, 'date'),
					totals: booleanParam(url, 'totals') ?? false
				},
				page
			),
		get: (db, _a, id) => q.getPopulation(db, id)
	},
	{
		path: 'bodies',
		tag: 'Organ',
		what: 'organ',
		register: reg.bodies,
		filters: [
			{ name: 'kind', description: 'Typ', type: 'string', values: keysOf(BODY_KINDS) },
			{ name: 'activeOn', description: 'Aktiva på datumet (ÅÅÅÅ-MM-DD)', type: 'date' }
		],
		list: async (db, _a, url, page) =>
			pageArray(
				await q.listBodies(db, {
					kind: oneOf(url, 'kind', keyOf(BODY_KINDS), keysOf(BODY_KINDS)),
					activeOn: dateParam(url, 'activeOn')
				}),
				page
			),
		get: (db, _a, id) => q.getBody(db, id)
	},
	{
		path: 'persons',
		tag: 'Personer',
		what: 'person',
		register: reg.persons,
		filters: [
			{ name: 'q', description: 'Sök på namn eller titel', type: 'string' },
			{ name: 'municipality', description: 'Arbetsgivande kommuns id', type: 'integer' }
		],
		list: (db, actor, url, page) => q.listPersons(db, actor, { q: str(url, 'q'), municipalityId: numberParam(url, 'municipality') }, page),
		get: (db, actor, id) => q.getPerson(db, actor, id)
	},
	{
		path: 'organisations',
		tag: 'Organisationer',
		what: 'organisation',
		register: reg.organisations,
		// A free text, not an enum of ORGANISATION_KINDS: the demo holds organisations of the kind 'state', which no form offers.
		filters: [{ name: 'kind', description: `Typ: ${keysOf(ORGANISATION_KINDS).join(', ')}`, type: 'string' }],
		list: async (db, _a, url, page) => pageArray(await q.listOrganisations(db, { kind: str(url, 'kind') }), page),
		get: (db, _a, id) => q.getOrganisation(db, id)
	},
	{
		path: 'memberships',
		tag: 'Uppdrag',
		what: 'uppdrag',
		register: reg.memberships,
		filters: [
			{ name: 'body', description: 'Organets id', type: 'integer' },
			{ name: 'person', description: 'Personens id', type: 'integer' },
			{ name: 'role', description: 'Roll', type: 'string', values: keysOf(ROLES) },
			{ name: 'activeOn', description: 'Gällande på datumet (ÅÅÅÅ-MM-DD)', type: 'date' }
		],
		list: (db, _a, url, page) =>
			q.listMemberships(
				db,
				{
					bodyId: numberParam(url, 'body'),
					personId: numberParam(url, 'person'),
					role: oneOf(url, 'role', keyOf(ROLES), keysOf(ROLES)),
					activeOn: dateParam(url, 'activeOn')
				},
				page
			),
		get: (db, _a, id) => q.getMembership(db, id)
	}
];

/** Follow-up entries are working notes: for signed-in users; the report text is public. */
const followUpsFor = <T>(actor: Actor, list: T[]): T[] => (hasRole(actor, 'member') ? list : []);

const statusParam = (url: URL) => {
	const v = url.searchParams.get('status');
	if (v === null || v === '') return undefined;
	if (!isActivityStatus(v))
		throw new ValidationError([{ field: 'status', message: `status måste vara en av ${ACTIVITY_STATUSES.join(', ')}.` }]);
	return v;
};

/** Input schemas of records saved by a service of their own: only used to describe and validate, never inserted as is. */
export const described = <S extends z.ZodType>(entity: string, what: string, input: S): Register<S> => ({
	entity,
	what,
	table: null as never,
	input
});

resources.push(
	{
		path: 'programmes',
		tag: 'Planering',
		what: 'utvecklingsprogram',
		register: gs.programmes,
		filters: [],
		list: async (db, _a, _url, page) => pageArray(await st.listProgrammes(db), page),
		get: (db, _a, id) => st.getProgramme(db, id)
	},
	{
		path: 'focus-areas',
		tag: 'Planering',
		what: 'fokusområde',
		register: described('focus_area', 'Fokusområdet', focusAreaInput),
		filters: [{ name: 'programme', description: 'Programmets id', type: 'integer' }],
		list: async (db, _a, url, page) => pageArray(await st.listFocusAreas(db, { programmeId: numberParam(url, 'programme') }), page),
		get: (db, _a, id) => st.getFocusArea(db, id),
		create: (db, actor, input) => gs.createFocusArea(db, actor, input),
		update: (db, actor, id, input) => gs.updateFocusArea(db, actor, id, input)
	},
	{
		path: 'sub-goals',
		tag: 'Planering',
		what: 'delmål',
		register: described('sub_goal', 'Delmålet', subGoalInput),
		filters: [
			{ name: 'programme', description: 'Programmets id', type: 'integer' },
			{ name: 'focusArea', description: 'Fokusområdets id', type: 'integer' },
			{ name: 'on', description: 'Bara delmål som gällde på datumet (ÅÅÅÅ-MM-DD)', type: 'date' }
		],
		list: async (db, _a, url, page) =>
			pageArray(
				await st.listSubGoals(db, {
					programmeId: numberParam(url, 'programme'),
					focusAreaId: numberParam(url, 'focusArea'),
					on: dateParam(url, 'on')
				}),
				page
			),
		get: (db, _a, id) => st.getSubGoal(db, id),
		create: (db, actor, input) => gs.createSubGoal(db, actor, input),
		update: (db, actor, id, input) => gs.updateSubGoal(db, actor, id, input)
	},
	{
		path: 'plans',
		tag: 'Planering',
		what: 'verksamhetsplan',
		register: described('plan', 'Planen', planInput),
		filters: [{ name: 'year', description: 'År', type: 'year' }],
		list: async (db, _a, url, page) => {
			const year = yearParam(url, 'year');
			return pageArray(
				(await pq.listPlans(db)).filter((p) => !year || p.year === year),
				page
			);
		},
		get: (db, _a, id) => pq.getPlan(db, id),
		create: (db, actor, input) => ps.createPlan(db, actor, input),
		update: (db, actor, id, input) => ps.updatePlan(db, actor, id, input)
	},
	{
		path: 'activities',
		tag: 'Planering',
		what: 'aktivitet',
		register: described('activity', 'Aktiviteten', activityInput),
		filters: [
			{ name: 'year', description: 'Planens år', type: 'year' },
			{ name: 'body', description: 'Ansvarigt organs id', type: 'integer' },
			{ name: 'municipality', description: 'Ansvarig kommuns id', type: 'integer' },
			{ name: 'status', description: 'Status', type: 'string', values: ACTIVITY_STATUSES }
		],
		list: async (db, actor, url, page) => {
			const result = await pq.listActivities(
				db,
				{
					year: yearParam(url, 'year'),
					bodyId: numberParam(url, 'body'),
					municipalityId: numberParam(url, 'municipality'),
					status: statusParam(url)
				},
				page
			);
			return { ...result, items: result.items.map((a) => ({ ...a, followUps: followUpsFor(actor, a.followUps) })) };
		},
		get: async (db, actor, id) => {
			const a = pq.activityFormValues(await pq.getActivity(db, id));
			return { ...a, followUps: followUpsFor(actor, a.followUps) };
		},
		create: (db, actor, input) => ps.createActivity(db, actor, input),
		update: (db, actor, id, input) => ps.updateActivity(db, actor, id, input)
	},
	{
		path: 'follow-ups',
		tag: 'Planering',
		membersOnly: true,
		what: 'uppföljning',
		register: described('follow_up', 'Uppföljningen', followUpInput.extend({ activityId: requiredId('Aktivitet (activityId)') })),
		filters: [
			{ name: 'activity', description: 'Aktivitetens id', type: 'integer' },
			{ name: 'year', description: 'Planens år', type: 'year' }
		],
		list: (db, actor, url, page) => {
			requireRole(actor, 'member');
			return pq.listFollowUps(db, { activityId: numberParam(url, 'activity'), year: yearParam(url, 'year') }, page);
		},
		get: (db, actor, id) => {
			requireRole(actor, 'member');
			return pq.getFollowUp(db, id);
		},
		create: (db, actor, input) => {
			const { activityId } = validate(zod.object({ activityId: requiredId('Aktivitet (activityId)') }), input);
			return ps.addFollowUp(db, actor, activityId, input);
		},
		update: false
	}
);

resources.push(
	{
		path: 'meetings',
		tag: 'Möten',
		what: 'möte',
		register: described('meeting', 'Mötet', meetingInput),
		filters: [
			{ name: 'body', description: 'Organets id', type: 'integer' },
			{ name: 'from', description: 'Från och med datum (ÅÅÅÅ-MM-DD)', type: 'date' },
			{ name: 'to', description: 'Till och med datum (ÅÅÅÅ-MM-DD)', type: 'date' }
		],
		list: async (db, actor, url, page) => {
			const rows = await mq.listMeetings(db, actor, {
				bodyId: numberParam(url, 'body'),
				from: dateParam(url, 'from'),
				to: dateParam(url, 'to')
			});
			const slice = pageArray(rows, page);
			return { ...slice, items: await mq.meetingsInFull(db, actor, slice.items) };
		},
		get: async (db, actor, id) => {
			const [row] = await mq.listMeetings(db, actor, { id });
			if (!row) throw new NotFoundError('Mötet');
			return (await mq.meetingsInFull(db, actor, [row]))[0];
		},
		create: (db, actor, input) => ms.createMeeting(db, actor, input),
		update: (db, actor, id, input) => ms.updateMeeting(db, actor, id, input),
		editable: (m) => meetingInputOf(m as Parameters<typeof meetingInputOf>[0])
	},
	{
		path: 'action-items',
		tag: 'Möten',
		what: 'utestående ärende',
		register: described('action_item', 'Ärendet', actionItemInput.extend({ agendaItemId: requiredId('Punkt (agendaItemId)') })),
		filters: [
			{ name: 'open', description: 'true: bara öppna ärenden; false: bara avslutade', type: 'boolean' },
			{ name: 'body', description: 'Organets id (mötet där ärendet väcktes)', type: 'integer' }
		],
		list: async (db, actor, url, page) => {
			const rows = await mt.listActionItems(db, actor, {
				open: booleanParam(url, 'open'),
				bodyId: numberParam(url, 'body')
			});
			return pageArray(
				rows.map(({ responsibleEmail: _, ...a }) => a),
				page
			);
		},
		get: async (db, actor, id) => {
			const [row] = await mt.listActionItems(db, actor, { id });
			if (!row) throw new NotFoundError('Ärendet');
			const { responsibleEmail: _, ...a } = row;
			return a;
		},
		create: (db, actor, input) => {
			const { agendaItemId } = validate(zod.object({ agendaItemId: requiredId('Punkt (agendaItemId)') }), input);
			return ma.addActionItem(db, actor, agendaItemId, input);
		},
		update: false
	}
);

resources.push({
	path: 'ledger-entries',
	tag: 'Ekonomi',
	membersOnly: true,
	what: 'transaktion',
	register: described('ledger_entry', 'Transaktionen', ledgerEntryInput),
	filters: [
		{ name: 'year', description: 'År', type: 'year' },
		{ name: 'fund', description: 'Fondens id', type: 'integer' },
		{ name: 'category', description: 'Kategorins id', type: 'integer' },
		{ name: 'project', description: 'Projektets id', type: 'integer' },
		{ name: 'event', description: 'Evenemangets id', type: 'integer' }
	],
	list: (db, actor, url, page) => {
		requireRole(actor, 'member');
		return fq.listLedger(
			db,
			{
				year: yearParam(url, 'year'),
				fundId: numberParam(url, 'fund'),
				categoryId: numberParam(url, 'category'),
				projectId: numberParam(url, 'project'),
				eventId: numberParam(url, 'event')
			},
			page
		);
	},
	get: (db, actor, id) => {
		requireRole(actor, 'member');
		return fq.getLedgerEntry(db, id);
	},
	create: (db, actor, input) => fs.createLedgerEntry(db, actor, input),
	update: (db, actor, id, input) => fs.updateLedgerEntry(db, actor, id, input),
	remove: (db, actor, id, input) => fs.deleteLedgerEntry(db, actor, id, input)
});

export const oneOf = <T extends string>(
	url: URL,
	name: string,
	valid: (v: unknown) => v is T,
	values: readonly string[]
): T | undefined => {
	const v = url.searchParams.get(name);
	if (v === null || v === '') return undefined;
	if (!valid(v)) throw new ValidationError([{ field: name, message: `${name} måste vara en av ${values.join(', ')}.` }]);
	return v;
};

resources.push(
	{
		path: 'consultations',
		tag: 'Remisser',
		what: 'remiss',
		register: described('consultation', 'Remissen', consultationInput),
		filters: [
			{ name: 'year', description: 'År: skriven, skickad eller (om inget av dem är känt) mottagen det året', type: 'year' },
			{ name: 'status', description: 'Status', type: 'string', values: CONSULTATION_STATUSES },
			{ name: 'issuer', description: 'Remittentens (organisationens) id', type: 'integer' },
			{ name: 'q', description: 'Sök i titel och diarienummer', type: 'string' }
		],
		list: (db, actor, url, page) =>
			cq.listConsultations(
				db,
				actor,
				{
					year: yearParam(url, 'year'),
					status: oneOf(url, 'status', isConsultationStatus, CONSULTATION_STATUSES),
					issuerId: numberParam(url, 'issuer'),
					q: str(url, 'q')
				},
				page
			),
		get: (db, actor, id) => cq.getConsultation(db, actor, id),
		create: (db, actor, input) => cs.createConsultation(db, actor, input),
		update: (db, actor, id, input) => cs.updateConsultation(db, actor, id, input),
		remove: (db, actor, id, input) => cs.removeConsultation(db, actor, id, input)
	},
	{
		path: 'priority-objects',
		tag: 'Remisser',
		what: 'prioriterat objekt',
		register: described('priority_object', 'Det prioriterade objektet', priorityObjectInput),
		filters: [],
		list: async (db, _a, _url, page) => pageArray(await cq.listPriorityObjects(db), page),
		get: (db, actor, id) => cq.getPriorityObject(db, actor, id),
		create: (db, actor, input) => cs.createPriorityObject(db, actor, input),
		update: (db, actor, id, input) => cs.updatePriorityObject(db, actor, id, input)
	},
	{
		path: 'projects',
		tag: 'Projekt',
		what: 'projekt',
		register: described('project', 'Projektet', projectInput),
		filters: [
			{ name: 'status', description: 'Status', type: 'string', values: PROJECT_STATUSES },
			{ name: 'year', description: 'Pågick under året', type: 'year' }
		],
		list: async (db, _a, url, page) =>
			pageArray(
				await pjq.listProjects(db, { status: oneOf(url, 'status', isProjectStatus, PROJECT_STATUSES), year: yearParam(url, 'year') }),
				page
			),
		get: (db, _a, id) => pjq.getProject(db, id),
		create: (db, actor, input) => pjs.createProject(db, actor, input),
		update: (db, actor, id, input) => pjs.updateProject(db, actor, id, input)
	},
	{
		path: 'events',
		tag: 'Projekt',
		what: 'evenemang',
		register: described('event', 'Evenemanget', eventInput),
		filters: [{ name: 'year', description: 'År', type: 'year' }],
		list: async (db, _a, url, page) => pageArray(await pjq.listEvents(db, { year: yearParam(url, 'year') }), page),
		get: (db, _a, id) => pjq.getEvent(db, id),
		create: (db, actor, input) => pjs.createEvent(db, actor, input),
		update: (db, actor, id, input) => pjs.updateEvent(db, actor, id, input)
	},
	{
		path: 'external-meetings',
		tag: 'Projekt',
		what: 'externt möte',
		register: described('external_meeting', 'Det externa mötet', externalMeetingInput),
		filters: [
			{ name: 'year', description: 'År', type: 'year' },
			{ name: 'organisation', description: 'Den externa organisationens id', type: 'integer' },
			{ name: 'body', description: 'Organets id (vem som mötte)', type: 'integer' },
			{ name: 'priorityObject', description: 'Det prioriterade objektets id', type: 'integer' }
		],
		list: (db, _a, url, page) =>
			pjq.listExternalMeetings(
				db,
				{
					year: yearParam(url, 'year'),
					organisationId: numberParam(url, 'organisation'),
					bodyId: numberParam(url, 'body'),
					priorityObjectId: numberParam(url, 'priorityObject')
				},
				page
			),
		get: (db, _a, id) => pjq.getExternalMeeting(db, id),
		create: (db, actor, input) => pjs.createExternalMeeting(db, actor, input),
		update: (db, actor, id, input) => pjs.updateExternalMeeting(db, actor, id, input)
	}
);

resources.push(...governanceResources(), ...yearResources);

export const resourceByPath = new Map(resources.map((r) => [r.path, r]));

const fieldsCache = new Map<Resource, Set<string>>();
/** The fields PATCH accepts: the properties of its input schema, and version. */
export function updateFields(r: Resource): Set<string> {
	let fields = fieldsCache.get(r);
	if (!fields) {
		const schema = zod.toJSONSchema(r.updateInput ?? r.register.input, { io: 'input', unrepresentable: 'any' }) as {
			properties?: Record<string, unknown>;
		};
		fields = new Set(Object.keys(schema.properties ?? {}));
		fieldsCache.set(r, fields);
	}
	return fields;
}
