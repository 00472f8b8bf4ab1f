import type { Actions, PageServerLoad } from './$types';
import { redirect } from '@sveltejs/kit';
import { db } from '#lib/server/app.ts';
import { hasRole } from '#lib/server/actor.ts';
import { requirePage, runForm } from '#lib/server/web.ts';
import { markTaskDone, weekView } from '#lib/server/governance/cycle.ts';
import { todayIso } from '#lib/core/format.ts';

// The secretariat's week: members see it, editors mark tasks done. ?year= shows another year's wheel.
export const load: PageServerLoad = async (event) => {
	requirePage(event, 'member');
	const d = db();
	const today = todayIso();
	const y = Number(event.url.searchParams.get('year'));
	const thisYear = Number(today.slice(0, 4));
	const wheelYear = Number.isInteger(y) && y >= 1900 && y <= 2200 ? y : thisYear;
	// One round trip: the week and the wheel's year are read together.
	const { wheel, ...week } = await weekView(d, today, wheelYear);
	return { week, wheelYear, wheel, editor: hasRole(event.locals.actor, 'editor'), done: event.url.searchParams.get('done') };
};

export const actions: Actions = {
	done: async (event) => {
		requirePage(event, 'editor');
		// Which task: read before runForm takes the body, so a refusal shows beside it.
		const id = Number((await event.request.clone().formData()).get('taskId'));
		const r = await runForm(event, (input) => markTaskDone(db(), event.locals.actor, id, input), {
			done: null,
			extra: { form: 'done', taskId: id }
		});
		if ('ok' in r) redirect(303, `/governance/week?done=${id}`);
		return r;
	}
};
