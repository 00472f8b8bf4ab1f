import type { PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { listMeetings } from '#lib/server/meetings/queries.ts';
import { bodyChoices } from '#lib/server/meetings/web.ts';
import { feedToken } from '#lib/server/meetings/calendar.ts';
import { hasRole } from '#lib/server/actor.ts';
import { todayIso } from '#lib/core/format.ts';
import { monthGrid, utcToStockholm } from '#lib/core/meetings.ts';

/** How many months of grid the coming meetings get at most. */
const COMING_MONTHS = 3;

export const load: PageServerLoad = async (event) => {
	const actor = event.locals.actor;
	const y = Number(event.url.searchParams.get('year'));
	// Without a year the calendar opens at the coming meetings, not at an empty current year.
	const year = Number.isInteger(y) && y >= 1900 && y <= 2200 ? y : null;
	const bodyId = Number(event.url.searchParams.get('body')) || undefined;
	const today = todayIso();
	const [all, bodies, token] = await Promise.all([
		listMeetings(db(), actor, { bodyId }),
		bodyChoices(db(), actor),
		hasRole(actor, 'member') ? feedToken(db(), actor) : null
	]);
	const dated = all.map((m) => ({ ...m, date: utcToStockholm(m.startsAt).date }));
	const years = [...new Set(dated.map((m) => Number(m.date.slice(0, 4))))].sort((a, b) => a - b);
	const meetings = year === null ? dated.filter((m) => m.date >= today) : dated.filter((m) => m.date.startsWith(`${year}-`));
	const months = [...new Set(meetings.map((m) => m.date.slice(0, 7)))];
	const shown = year === null ? (months.length ? months.slice(0, COMING_MONTHS) : [today.slice(0, 7)]) : months;
	const latest = dated.filter((m) => m.date < today).at(-1);
	return {
		year,
		today,
		bodyId: bodyId ?? null,
		meetings,
		years,
		grids: shown.map((ym) => monthGrid(Number(ym.slice(0, 4)), Number(ym.slice(5, 7)))),
		latest: latest ? { id: latest.id, date: latest.date } : null,
		bodies,
		feedUrl: token ? `${event.url.origin}/calendar/${token}.ics` : null
	};
};
