// Records that belong to one year's documents, in the API: counted meetings
// and changes of representatives (what a source counts of a body's year where
// the records do not hold every item, meetings/counts.ts) and each project's
// section of a year's annual report (projects/report-texts.ts). Public, as the
// reports that print them are.
import type { z } from 'zod';
import { eq } from 'drizzle-orm';
import type { Resource } from './resources.ts';
import { pageArray } from './resources.ts';
import { numberParam, yearParam } from './http.ts';
import { NotFoundError } from '../errors.ts';
import { removeEntry, type Register } from '../register.ts';
import { listMeetingCounts, listTurnoverCounts, meetingCounts, turnoverCounts } from '../meetings/counts.ts';
import { listProjectReportTexts, projectReportTexts } from '../projects/report-texts.ts';

/** A register's record read by its id and removed at the version read. */
function ownRecords(register: Register<z.ZodType>): Pick<Resource, 'register' | 'get' | 'remove'> {
	return {
		register,
		get: async (db, _a, id) => {
			const [row] = await db.select().from(register.table).where(eq(register.table.id, id));
			if (!row) throw new NotFoundError(register.what);
			return row;
		},
		remove: (db, actor, id, input) => removeEntry(db, actor, register, id, input)
	};
}

const byBodyAndYear: Resource['filters'] = [
	{ name: 'body', description: 'Organets id', type: 'integer' },
	{ name: 'year', description: 'År', type: 'year' }
];
const bodyAndYear = (url: URL) => ({ bodyId: numberParam(url, 'body'), year: yearParam(url, 'year') });

export const yearResources: Resource[] = [
	{
		path: 'meeting-counts',
		tag: 'Möten',
		what: 'räknade möten',
		...ownRecords(meetingCounts),
		filters: byBodyAndYear,
		list: async (db, _a, url, page) => pageArray(await listMeetingCounts(db, bodyAndYear(url)), page)
	},
	{
		path: 'turnover-counts',
		tag: 'Möten',
		what: 'räknade byten av representanter',
		...ownRecords(turnoverCounts),
		filters: byBodyAndYear,
		list: async (db, _a, url, page) => pageArray(await listTurnoverCounts(db, bodyAndYear(url)), page)
	},
	{
		path: 'project-report-texts',
		tag: 'Projekt',
		what: 'projektets avsnitt i en årsredovisning',
		...ownRecords(projectReportTexts),
		filters: [
			{ name: 'project', description: 'Projektets id', type: 'integer' },
			{ name: 'year', description: 'Årsredovisningens år', type: 'year' }
		],
		list: async (db, _a, url, page) =>
			pageArray(await listProjectReportTexts(db, { projectId: numberParam(url, 'project'), year: yearParam(url, 'year') }), page)
	}
];
