// A person's own calendar: its secret address stands in for a login, since
// Outlook cannot sign in.
import type { RequestHandler } from './$types';
import { db } from '#lib/server/app.ts';
import { load } from '#lib/server/web.ts';
import { personFeed } from '#lib/server/meetings/calendar.ts';
import { calendarIcs } from '#lib/server/meetings/ical.ts';
import { calendarResponse, lastChange } from '#lib/server/meetings/feed-response.ts';

export const GET: RequestHandler = async (event) => {
	const [feed, changed] = await load(event, () => Promise.all([personFeed(db(), event.params.token, event.url.origin), lastChange(db())]));
	const ics = calendarIcs(`Samverka – ${feed.actor.name}`, feed.meetings, event.url.hostname);
	// Private, but not no-store: the subscriber's calendar keeps it and revalidates with its ETag.
	return calendarResponse(event.request, ics, changed, { 'cache-control': 'private, no-cache' });
};
