import type { PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { listEvents } from '#lib/server/projects/queries.ts';

// Public: the events are what the annual report publishes.
export const load: PageServerLoad = async (event) => {
	const year = Number(event.url.searchParams.get('year'));
	const filter = { year: Number.isInteger(year) && year >= 1900 && year <= 2200 ? year : undefined };
	return { filter, events: await listEvents(db(), filter) };
};
