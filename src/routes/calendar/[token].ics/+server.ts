// A person's own calendar: its secret address stands in for a login, since
// Outlook cannot sign in.
import type { RequestHandler } from './$types';
import { db } from '#lib/server/app.ts';
import { load } from '#lib/server/web.ts';
import { personFeed } from '#lib/server/meetings/calendar.ts';
import { calendarIcs } from '#lib/server/meetings/ical.ts';

export const GET: RequestHandler = async (event) => {
	const feed = await load(event, () => personFeed(db(), event.params.token, event.url.origin));
	return new Response(calendarIcs(`Samverka – ${feed.actor.name}`, feed.meetings, event.url.hostname), {
		headers: { 'content-type': 'text/calendar; charset=utf-8', 'cache-control': 'private, no-store' }
	});
};
