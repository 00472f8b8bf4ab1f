// The calendar invitation one message of the outbox carries, for editors: without
// SMTP_URL this is how the invitation can be tried in a calendar program.
import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { db } from '#lib/server/app.ts';
import { getOutboxMessage } from '#lib/server/mail/outbox.ts';
import { idParam, load, requirePage } from '#lib/server/web.ts';

export const GET: RequestHandler = async (event) => {
	requirePage(event, 'editor');
	const message = await load(event, () => getOutboxMessage(db(), idParam(event.params.id)));
	if (!message?.calendar || !message.calendarMethod) error(404, 'Utskicket har ingen kalenderinbjudan.');
	return new Response(message.calendar, {
		headers: {
			// As the mail's text/calendar part says it: the method decides whether a calendar adds or removes the meeting.
			'content-type': `text/calendar; charset=utf-8; method=${message.calendarMethod}`,
			'content-disposition': 'attachment; filename="invite.ics"',
			'cache-control': 'private, no-store'
		}
	});
};
