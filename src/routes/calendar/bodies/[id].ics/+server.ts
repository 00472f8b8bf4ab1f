// A body's calendar to subscribe to: the meetings of a body whose meetings are public.
import type { RequestHandler } from './$types';
import { db } from '#lib/server/app.ts';
import { idParam, load } from '#lib/server/web.ts';
import { bodyFeed } from '#lib/server/meetings/calendar.ts';
import { calendarIcs } from '#lib/server/meetings/ical.ts';
import { calendarResponse, lastChange } from '#lib/server/meetings/feed-response.ts';
import { assertBodyVisible } from '#lib/server/meetings/access.ts';
import { getBody } from '#lib/server/organisation/queries.ts';

export const GET: RequestHandler = async (event) => {
	const id = idParam(event.params.id);
	const [meetings, changed] = await load(event, async () => {
		await assertBodyVisible(db(), event.locals.actor, id);
		return Promise.all([bodyFeed(db(), event.locals.actor, id, event.url.origin), lastChange(db())]);
	});
	const body = await load(event, () => getBody(db(), id));
	// Revalidated on every fetch; a signed-in reader may see more than the public, so only their own browser keeps that copy.
	const cacheControl = event.locals.actor.accountId === null ? 'no-cache' : 'private, no-cache';
	return calendarResponse(event.request, calendarIcs(body.name, meetings, event.url.hostname), changed, { 'cache-control': cacheControl });
};
