import type { PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { pageOf, positiveParam } from '#lib/server/web.ts';
import { listExternalMeetings, type ExternalMeetingFilter } from '#lib/server/projects/queries.ts';
import { consultationOptions } from '#lib/server/consultations/options.ts';

// Public: the external meetings are what the annual report publishes.
export const load: PageServerLoad = async (event) => {
	const year = positiveParam(event.url, 'year');
	const filter: ExternalMeetingFilter = {
		year: year && year >= 1900 && year <= 2200 ? year : undefined,
		organisationId: positiveParam(event.url, 'organisation'),
		priorityObjectId: positiveParam(event.url, 'priorityObject')
	};
	const d = db();
	return {
		filter,
		meetings: await listExternalMeetings(d, filter, pageOf(event.url, 50, 200)),
		lists: await consultationOptions(d, ['organisations', 'priorityObjects'])
	};
};
