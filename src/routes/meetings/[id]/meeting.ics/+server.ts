import type { RequestHandler } from './$types';
import { db } from '#lib/server/app.ts';
import { idParam, load } from '#lib/server/web.ts';
import { getMeeting } from '#lib/server/meetings/queries.ts';
import { calendarIcs } from '#lib/server/meetings/ical.ts';
import { toCalendar } from '#lib/server/meetings/calendar.ts';
import { utcToStockholm } from '#lib/core/meetings.ts';
import { contentDisposition } from '#lib/server/export/disposition.ts';

export const GET: RequestHandler = async (event) => {
	const m = await load(event, () => getMeeting(db(), event.locals.actor, idParam(event.params.id)));
	const ics = calendarIcs('Samverka', [toCalendar(m, event.url.origin)], event.url.hostname);
	return new Response(ics, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': contentDisposition(`mote-${utcToStockholm(m.startsAt).date}.ics`)
		}
	});
};
