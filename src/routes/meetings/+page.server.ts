import type { PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { listMeetings } from '#lib/server/meetings/queries.ts';
import { bodyChoices, calendarYear } from '#lib/server/meetings/web.ts';
import { feedToken } from '#lib/server/meetings/calendar.ts';
import { hasRole } from '#lib/server/actor.ts';

export const load: PageServerLoad = async (event) => {
	const actor = event.locals.actor;
	const year = calendarYear(event.url);
	const bodyId = Number(event.url.searchParams.get('body')) || undefined;
	const [meetings, bodies, token] = await Promise.all([
		listMeetings(db(), actor, { from: `${year}-01-01`, to: `${year}-12-31`, bodyId }),
		bodyChoices(db(), actor),
		hasRole(actor, 'member') ? feedToken(db(), actor) : null
	]);
	return { year, bodyId: bodyId ?? null, meetings, bodies, feedUrl: token ? `${event.url.origin}/calendar/${token}.ics` : null };
};
