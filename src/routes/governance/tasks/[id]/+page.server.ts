import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { hasRole } from '#lib/server/actor.ts';
import { idParam, load as read, requirePage, runForm } from '#lib/server/web.ts';
import { getTask, markTaskDone, reopenTask } from '#lib/server/governance/cycle.ts';
import { getMembership } from '#lib/server/organisation/queries.ts';
import { taskState } from '#lib/core/governance.ts';
import { todayIso } from '#lib/core/format.ts';

export const load: PageServerLoad = async (event) => {
	requirePage(event, 'member');
	const d = db();
	const t = await read(event, () => getTask(d, idParam(event.params.id)));
	const m = t.membershipId ? await getMembership(d, t.membershipId).catch(() => null) : null;
	return {
		t: { ...t, state: taskState(t, todayIso()) },
		membership: m,
		today: todayIso(),
		editor: hasRole(event.locals.actor, 'editor'),
		saved: event.url.searchParams.get('saved')
	};
};

export const actions: Actions = {
	done: async (event) => {
		requirePage(event, 'editor');
		const id = idParam(event.params.id);
		const r = await runForm(event, (input) => markTaskDone(db(), event.locals.actor, id, input), { done: null, extra: { form: 'done' } });
		if ('ok' in r) redirect(303, `/governance/tasks/${id}?saved=done`);
		return r;
	},
	reopen: async (event) => {
		requirePage(event, 'editor');
		const id = idParam(event.params.id);
		const r = await runForm(event, (input) => reopenTask(db(), event.locals.actor, id, input), { done: null, extra: { form: 'reopen' } });
		if ('ok' in r) redirect(303, `/governance/tasks/${id}?saved=reopen`);
		return r;
	}
};
