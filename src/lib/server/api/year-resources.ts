// Records that belong to one year's documents, in the API: counted meetings
// and changes of representatives (what a source counts of a body's year where
// the records do not hold every item, meetings/counts.ts) and each project's
// section of a year's annual report (projects/report-texts.ts). Public, as the
// reports that print them are.
import type { Resource } from './resources.ts';
import { pageArray } from './resources.ts';
import { numberParam } from './http.ts';
import { NotFoundError } from '../errors.ts';
import {
	listMeetingCounts,
	listTurnoverCounts,
	meetingCounts,
	removeMeetingCount,
	removeTurnoverCount,
	turnoverCounts
} from '../meetings/counts.ts';
import { meetingCount, projectReportText, turnoverCount } from '../db/schema/index.ts';
import { listProjectReportTexts, projectReportTexts, removeProjectReportText } from '../projects/report-texts.ts';
import { eq } from 'drizzle-orm';

export const yearResources: Resource[] = [
	{
		path: 'meeting-counts',
		tag: 'Möten',
		what: 'räknade möten',
		register: meetingCounts,
		filters: [
			{ name: 'body', description: 'Organets id', type: 'integer' },
			{ name: 'year', description: 'År', type: 'integer' }
		],
		list: async (db, _a, url, page) =>
			pageArray(await listMeetingCounts(db, { bodyId: numberParam(url, 'body'), year: numberParam(url, 'year') }), page),
		get: async (db, _a, id) => {
			const [row] = await db.select().from(meetingCount).where(eq(meetingCount.id, id));
			if (!row) throw new NotFoundError('Antalet');
			return row;
		},
		remove: (db, actor, id, input) => removeMeetingCount(db, actor, id, input)
	},
	{
		path: 'project-report-texts',
		tag: 'Projekt',
		what: 'projektets avsnitt i en årsredovisning',
		register: projectReportTexts,
		filters: [
			{ name: 'project', description: 'Projektets id', type: 'integer' },
			{ name: 'year', description: 'Årsredovisningens år', type: 'integer' }
		],
		list: async (db, _a, url, page) =>
			pageArray(await listProjectReportTexts(db, { projectId: numberParam(url, 'project'), year: numberParam(url, 'year') }), page),
		get: async (db, _a, id) => {
			const [row] = await db.select().from(projectReportText).where(eq(projectReportText.id, id));
			if (!row) throw new NotFoundError('Texten');
			return row;
		},
		remove: (db, actor, id, input) => removeProjectReportText(db, actor, id, input)
	},
	{
		path: 'turnover-counts',
		tag: 'Möten',
		what: 'räknade byten av representanter',
		register: turnoverCounts,
		filters: [
			{ name: 'body', description: 'Organets id', type: 'integer' },
			{ name: 'year', description: 'År', type: 'integer' }
		],
		list: async (db, _a, url, page) =>
			pageArray(await listTurnoverCounts(db, { bodyId: numberParam(url, 'body'), year: numberParam(url, 'year') }), page),
		get: async (db, _a, id) => {
			const [row] = await db.select().from(turnoverCount).where(eq(turnoverCount.id, id));
			if (!row) throw new NotFoundError('Antalet');
			return row;
		},
		remove: (db, actor, id, input) => removeTurnoverCount(db, actor, id, input)
	}
];
