// A body's calendar to subscribe to: the meetings of a body whose meetings are public.
import type { RequestHandler } from './$types';
import { db } from '#lib/server/app.ts';
import { idParam, load } from '#lib/server/web.ts';
import { bodyFeed } from '#lib/server/meetings/calendar.ts';
import { calendarIcs } from '#lib/server/meetings/ical.ts';
import { assertBodyVisible } from '#lib/server/meetings/access.ts';
import { getBody } from '#lib/server/organisation/queries.ts';

export const GET: RequestHandler = async (event) => {
	const id = idParam(event.params.id);
	const meetings = await load(event, async () => {
		await assertBodyVisible(db(), event.locals.actor, id);
		return bodyFeed(db(), event.locals.actor, id, event.url.origin);
	});
	const body = await load(event, () => getBody(db(), id));
	return new Response(calendarIcs(body.name, meetings, event.url.hostname), {
		headers: { 'content-type': 'text/calendar; charset=utf-8' }
	});
};
