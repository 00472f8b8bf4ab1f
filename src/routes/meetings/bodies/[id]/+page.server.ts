import { redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { listMeetings } from '#lib/server/meetings/queries.ts';
import { bodyPageParts } from '#lib/server/meetings/body-page.ts';
import { bodyYear } from '#lib/server/meetings/statistics.ts';
import { requestExtraMeeting, saveBodyRules } from '#lib/server/meetings/service.ts';
import { calendarYear } from '#lib/server/meetings/web.ts';
import { hasRole } from '#lib/server/actor.ts';
import { idParam, load as read, runForm } from '#lib/server/web.ts';
import { todayIso } from '#lib/core/format.ts';
import { meetingCounts, turnoverCounts } from '#lib/server/meetings/counts.ts';
import { createEntry, removeEntry, type Register } from '#lib/server/register.ts';
import type { z } from 'zod';
import { yearSentence } from '#lib/core/year-sentence.ts';
import type { MeetingFormat, MeetingKind } from '#lib/core/meetings.ts';

export const load: PageServerLoad = async (event) => {
	const id = idParam(event.params.id);
	const actor = event.locals.actor;
	const year = calendarYear(event.url);
	const editor = hasRole(actor, 'editor');
	const member = hasRole(actor, 'member');
	// Three queries side by side; the year's figures answer first whether the actor may see the body's meetings.
	const [stats, parts, meetings] = await read(event, async () => {
		const [s, p, m] = await Promise.allSettled([
			bodyYear(db(), actor, id, year),
			bodyPageParts(db(), id, year, todayIso(), { withMembers: member, withBodies: editor }),
			listMeetings(db(), actor, { bodyId: id, from: `${year}-01-01`, to: `${year}-12-31` })
		]);
		for (const r of [s, p, m]) if (r.status === 'rejected') throw r.reason;
		return [s, p, m].map((r) => (r as PromiseFulfilledResult<unknown>).value) as [
			Awaited<ReturnType<typeof bodyYear>>,
			Awaited<ReturnType<typeof bodyPageParts>>,
			Awaited<ReturnType<typeof listMeetings>>
		];
	});
	const { body, counts } = parts;
	// How the year's documents will state its meetings: the records, or the counts where the records fall short.
	const counted = counts.map((c) => ({ kind: c.kind as MeetingKind, format: c.format as MeetingFormat | null, count: c.count }));
	const stated = yearSentence(
		{ held: stats.heldByKind, counted, cancelled: 0, attendanceRate: null, turnover: [], guests: 0 },
		year,
		body.shortName ?? body.name
	);
	return {
		body: { id: body.id, name: body.name, shortName: body.shortName },
		year,
		stats,
		meetings,
		counts,
		turnoverCount: parts.turnoverCounts[0] ?? null,
		stated,
		feedUrl: `${event.url.origin}/calendar/bodies/${id}.ics`,
		lists: editor
			? { bodies: parts.bodies, members: parts.members.map((p) => ({ value: String(p.id), label: p.name })) }
			: member
				? { members: parts.members.filter((p) => p.id === actor.personId).map((p) => ({ value: String(p.id), label: p.name })) }
				: null,
		today: todayIso()
	};
};

/** A count from a source, for the page's body; back at the count's year with a confirmation. */
function saveCount<S extends z.ZodType>(reg: Register<S>, form: string, anchor: string) {
	return async (event: RequestEvent) => {
		const id = idParam(event.params.id);
		const r = await runForm(event, (input) => createEntry(db(), event.locals.actor, reg, { ...input, bodyId: id }), {
			done: null,
			extra: { form }
		});
		if ('ok' in r) redirect(303, `/meetings/bodies/${id}?year=${Number(r.result.year)}&counted=1#${anchor}`);
		return r;
	};
}

/** Removes the count the form names (countId), at the version read. */
function removeCount<S extends z.ZodType>(reg: Register<S>, form: string, anchor: string) {
	return async (event: RequestEvent) => {
		const id = idParam(event.params.id);
		const r = await runForm(event, (input) => removeEntry(db(), event.locals.actor, reg, idParam(String(input.countId ?? '')), input), {
			done: null,
			extra: { form }
		});
		if ('ok' in r) redirect(303, `/meetings/bodies/${id}?year=${Number(r.result.year)}&removed=1#${anchor}`);
		return r;
	};
}

export const actions: Actions = {
	rules: async (event) => {
		const id = idParam(event.params.id);
		const r = await runForm(event, (input) => saveBodyRules(db(), event.locals.actor, id, input), { done: null, extra: { form: 'rules' } });
		if ('ok' in r) redirect(303, `/meetings/bodies/${id}#rules`);
		return r;
	},
	count: saveCount(meetingCounts, 'count', 'counts'),
	removeCount: removeCount(meetingCounts, 'removeCount', 'counts'),
	turnover: saveCount(turnoverCounts, 'turnover', 'turnover'),
	removeTurnover: removeCount(turnoverCounts, 'removeTurnover', 'turnover'),
	request: async (event) => {
		const id = idParam(event.params.id);
		const r = await runForm(event, (input) => requestExtraMeeting(db(), event.locals.actor, id, input), {
			done: null,
			extra: { form: 'request' }
		});
		if ('ok' in r) redirect(303, `/meetings/bodies/${id}#extra`);
		return r;
	}
};
