import type { PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { pageOf } from '#lib/server/web.ts';
import { listExternalMeetings, type ExternalMeetingFilter } from '#lib/server/projects/queries.ts';
import { consultationOptions } from '#lib/server/consultations/options.ts';

const positive = (v: string | null) => {
	const n = Number(v);
	return Number.isInteger(n) && n > 0 ? n : undefined;
};

// Public: the external meetings are what the annual report publishes.
export const load: PageServerLoad = async (event) => {
	const q = event.url.searchParams;
	const year = positive(q.get('year'));
	const filter: ExternalMeetingFilter = {
		year: year && year >= 1900 && year <= 2200 ? year : undefined,
		organisationId: positive(q.get('organisation')),
		priorityObjectId: positive(q.get('priorityObject'))
	};
	const d = db();
	return {
		filter,
		meetings: await listExternalMeetings(d, filter, pageOf(event.url, 50, 200)),
		lists: await consultationOptions(d, ['organisations', 'priorityObjects'])
	};
};
