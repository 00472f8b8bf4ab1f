// The governance module's API resources: governing documents, duties and their
// tasks, the influence register, activity targets and news. The agreement has
// routes of its own (src/routes/api/v1/agreement).
import type { Resource } from './resources.ts';
import { described, oneOf, pageArray } from './resources.ts';
import { booleanParam, numberParam, yearParam } from './http.ts';
import { taskState } from '../../core/governance.ts';
import { requireRole, validate } from '../service.ts';
import { requiredId } from '../../schemas/fields.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { todayIso } from '../../core/format.ts';
import * as docs from '../governance/documents.ts';
import * as cycle from '../governance/cycle.ts';
import * as inf from '../governance/influence.ts';
import {
	activityTargetInput,
	dutyInput,
	governingDocumentInput,
	influenceInput,
	INFLUENCE_KINDS,
	newsInput,
	taskDoneInput,
	taskInput
} from '../../schemas/governance.ts';
import { z } from 'zod';

const isInfluenceKind = (v: unknown): v is (typeof INFLUENCE_KINDS)[number] => INFLUENCE_KINDS.includes(v as never);

const targetCreateInput = activityTargetInput.extend({
	activityId: requiredId('Aktivitet')
});

export function governanceResources(): Resource[] {
	return [
		{
			path: 'governing-documents',
			tag: 'Styrning',
			what: 'styrdokument',
			register: described('governing_document', 'Styrdokumentet', governingDocumentInput),
			filters: [],
			list: async (db, _a, _url, page) => pageArray(await docs.listGoverningDocuments(db), page),
			get: (db, _a, id) => docs.getGoverningDocument(db, id),
			create: (db, actor, input) => docs.createGoverningDocument(db, actor, input),
			update: (db, actor, id, input) => docs.updateGoverningDocument(db, actor, id, input)
		},
		{
			path: 'duties',
			tag: 'Styrning',
			membersOnly: true,
			what: 'återkommande uppgift i årshjulet',
			register: described('duty', 'Uppgiften', dutyInput),
			filters: [],
			list: async (db, actor, _url, page) => {
				requireRole(actor, 'member');
				return pageArray(await cycle.listDuties(db), page);
			},
			get: (db, actor, id) => {
				requireRole(actor, 'member');
				return cycle.getDuty(db, id);
			},
			create: (db, actor, input) => cycle.createDuty(db, actor, input),
			update: (db, actor, id, input) => cycle.updateDuty(db, actor, id, input),
			// The rule as its fields (ruleKind, month, day …), so a PATCH of one of them changes the schedule.
			editable: (d) => cycle.dutyRuleFields(d.rule as Parameters<typeof cycle.dutyRuleFields>[0])
		},
		{
			path: 'tasks',
			tag: 'Styrning',
			membersOnly: true,
			what: 'uppgift (årshjulet, introduktionsmöten)',
			register: described('task', 'Uppgiften', taskInput),
			filters: [
				{ name: 'year', description: 'År', type: 'year' },
				{ name: 'open', description: 'true: bara de som inte är klara', type: 'boolean' }
			],
			list: async (db, actor, url, page) => {
				requireRole(actor, 'member');
				const today = todayIso();
				const rows = await cycle.listTasks(db, { year: yearParam(url, 'year'), open: booleanParam(url, 'open') });
				return pageArray(
					rows.map((t) => ({ ...t, state: taskState(t, today) })),
					page
				);
			},
			get: async (db, actor, id) => {
				requireRole(actor, 'member');
				const t = await cycle.getTask(db, id);
				return { ...t, state: taskState(t, todayIso()) };
			},
			create: (db, actor, input) => cycle.createTask(db, actor, input),
			// PATCH { doneOn, doneNote, version } marks a task done.
			update: async (db, actor, id, input) => {
				const t = await cycle.getTask(db, id);
				const sent = input as { doneOn?: unknown; doneNote?: unknown };
				// A done task sent back as it was read is no change (marking it done again would be refused).
				if (t.doneOn && sent.doneOn === t.doneOn && (sent.doneNote ?? null) === (t.doneNote ?? null)) {
					requireRole(actor, 'editor');
					return { ...t, state: taskState(t, todayIso()) };
				}
				return cycle.markTaskDone(db, actor, id, input);
			},
			updateInput: taskDoneInput
		},
		{
			path: 'influence',
			tag: 'Styrning',
			what: 'påverkansarbete (platser, ställningstaganden, åtaganden …)',
			register: described('influence', 'Posten', influenceInput),
			filters: [
				{ name: 'kind', description: 'Slag', type: 'string', values: INFLUENCE_KINDS },
				{ name: 'year', description: 'År', type: 'year' }
			],
			list: async (db, _a, url, page) =>
				pageArray(
					await inf.listInfluence(db, { kind: oneOf(url, 'kind', isInfluenceKind, INFLUENCE_KINDS), year: yearParam(url, 'year') }),
					page
				),
			get: (db, _a, id) => inf.getInfluence(db, id),
			create: (db, actor, input) => inf.createInfluence(db, actor, input),
			update: (db, actor, id, input) => inf.updateInfluence(db, actor, id, input)
		},
		{
			path: 'activity-targets',
			tag: 'Styrning',
			what: 'mål för en aktivitet (antal externa möten per år)',
			register: described('activity_target', 'Målet', targetCreateInput),
			filters: [
				{ name: 'year', description: 'Planens år', type: 'year' },
				{ name: 'activity', description: 'Aktivitetens id', type: 'integer' }
			],
			list: async (db, _a, url, page) =>
				pageArray(await inf.targetsOf(db, { year: yearParam(url, 'year'), activityId: numberParam(url, 'activity') }), page),
			get: async (db, _a, id) => {
				const [t] = await inf.targetsOf(db, { id });
				if (!t) throw new NotFoundError('Målet');
				return t;
			},
			create: async (db, actor, input) => {
				const { activityId } = validate(z.object({ activityId: requiredId('Aktivitet') }), input);
				return inf.addActivityTarget(db, actor, activityId, input);
			},
			update: false
		},
		{
			path: 'news',
			tag: 'Styrning',
			what: 'nyhet',
			register: described('news', 'Nyheten', newsInput),
			filters: [],
			list: async (db, actor, _url, page) => {
				const all = actor.role !== 'public';
				return pageArray(await inf.listNews(db, { today: todayIso(), all }), page);
			},
			get: (db, actor, id) => inf.getNews(db, id, todayIso(), actor.role !== 'public'),
			create: (db, actor, input) => inf.createNews(db, actor, input),
			update: (db, actor, id, input) => inf.updateNews(db, actor, id, input),
			remove: (db, actor, id) => inf.deleteNews(db, actor, id)
		}
	];
}
