import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { hasRole } from '#lib/server/actor.ts';
import { idParam, load as read, requirePage, runForm } from '#lib/server/web.ts';
import { dutyFormValues, electionRule, getDuty, listTasks, updateDuty } from '#lib/server/governance/cycle.ts';
import { governanceOptions } from '#lib/server/governance/options.ts';
import { dutiesOf } from '#lib/core/governance.ts';
import { todayIso } from '#lib/core/format.ts';

export const load: PageServerLoad = async (event) => {
	requirePage(event, 'member');
	const d = db();
	const duty = await read(event, () => getDuty(d, idParam(event.params.id)));
	const editor = hasRole(event.locals.actor, 'editor');
	const year = Number(todayIso().slice(0, 4));
	const coming = dutiesOf([duty], [year, year + 1, year + 2, year + 3, year + 4], await electionRule(d));
	const tasks = (await listTasks(d, {})).filter((t) => t.dutyId === duty.id).reverse();
	return {
		duty,
		values: dutyFormValues(duty),
		coming: coming.map((c) => ({ year: c.year, date: c.date })),
		tasks,
		editor,
		lists: editor ? await governanceOptions(d, ['bodies', 'persons']) : {},
		saved: event.url.searchParams.has('saved')
	};
};

export const actions: Actions = {
	default: async (event) => {
		requirePage(event, 'editor');
		const id = idParam(event.params.id);
		const r = await runForm(event, (input) => updateDuty(db(), event.locals.actor, id, input), { done: null });
		if ('ok' in r) redirect(303, `/governance/duties/${id}?saved=1`);
		return r;
	}
};
