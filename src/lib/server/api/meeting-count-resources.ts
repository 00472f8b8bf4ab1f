// Counted meetings in the API: what a source counts of a body's year where the
// meetings are not all recorded (meetings/counts.ts). Public, as the annual
// reports that print them are.
import type { Resource } from './resources.ts';
import { pageArray } from './resources.ts';
import { numberParam } from './http.ts';
import { NotFoundError } from '../errors.ts';
import { listMeetingCounts, meetingCounts, removeMeetingCount } from '../meetings/counts.ts';
import { meetingCount } from '../db/schema/index.ts';
import { eq } from 'drizzle-orm';

export const meetingCountResource: Resource = {
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
};
