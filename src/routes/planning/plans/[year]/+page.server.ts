import type { Actions, PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { getPlanByYear, planPage } from '#lib/server/planning/queries.ts';
import { adoptPlan, startNextPlan } from '#lib/server/planning/service.ts';
import { answerPlanComment, sendPlanForComment } from '#lib/server/governance/agreement.ts';
import { todayIso } from '#lib/core/format.ts';
import { optionLists } from '#lib/server/organisation/options.ts';
import { load as read, runForm, yearParam } from '#lib/server/web.ts';
import { filterOf } from '#lib/server/planning/export-route.ts';
import { redirect } from '@sveltejs/kit';

export const load: PageServerLoad = async (event) => {
	const year = yearParam(event.params.year);
	const filter = filterOf(event.url);
	// One round trip for the plan, its overview and the comments; the filter's lists are the others.
	const [{ overview, comments }, lists] = await Promise.all([
		read(event, () => planPage(db(), year, filter)),
		optionLists(db(), ['bodies', 'municipalities'])
	]);
	return { year, overview, lists, comments, today: todayIso() };
};

export const actions: Actions = {
	adopt: async (event) => {
		const plan = await read(event, () => getPlanByYear(db(), yearParam(event.params.year)));
		const r = await runForm(event, (input) => adoptPlan(db(), event.locals.actor, plan.id, input), { extra: { form: 'adopt' } });
		if ('ok' in r) redirect(303, `/planning/plans/${plan.year}`);
		return r;
	},
	send: async (event) => {
		const plan = await read(event, () => getPlanByYear(db(), yearParam(event.params.year)));
		const r = await runForm(event, (input) => sendPlanForComment(db(), event.locals.actor, plan.id, input), { extra: { form: 'send' } });
		if ('ok' in r) redirect(303, `/planning/plans/${plan.year}`);
		return r;
	},
	answer: async (event) => {
		const plan = await read(event, () => getPlanByYear(db(), yearParam(event.params.year)));
		// Which municipality's answer: read before runForm takes the body, so a refusal can say where it belongs.
		const commentId = Number((await event.request.clone().formData()).get('commentId'));
		const r = await runForm(event, (input) => answerPlanComment(db(), event.locals.actor, commentId, input), {
			extra: { form: 'answer', commentId }
		});
		if ('ok' in r) redirect(303, `/planning/plans/${plan.year}#comments`);
		return r;
	},
	next: async (event) => {
		const plan = await read(event, () => getPlanByYear(db(), yearParam(event.params.year)));
		const r = await runForm(event, () => startNextPlan(db(), event.locals.actor, plan.id), { extra: { form: 'next' } });
		if ('ok' in r) redirect(303, `/planning/plans/${plan.year + 1}?carried=${r.result.carried}&left=${r.result.left}`);
		return r;
	}
};
