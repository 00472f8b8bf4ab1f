import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { activityPage } from '#lib/server/planning/queries.ts';
import { addFollowUp, linkDecision, updateReportText } from '#lib/server/planning/service.ts';
import { optionLists } from '#lib/server/organisation/options.ts';
import { hasRole } from '#lib/server/actor.ts';
import type { OptionLists } from '#lib/forms/spec.ts';
import { idParam, load as read, runForm } from '#lib/server/web.ts';
import { todayIso } from '#lib/core/format.ts';
import { addActivityTarget, removeActivityTarget } from '#lib/server/governance/influence.ts';

export const load: PageServerLoad = async (event) => {
	const id = idParam(event.params.id);
	const actor = event.locals.actor;
	// The activity, the right to follow it up, its meetings and targets: one round trip; an editor's form lists are the others.
	const [page, lists] = await Promise.all([
		read(event, () => activityPage(db(), actor, id)),
		hasRole(actor, 'editor') ? optionLists(db(), ['decisions', 'organisations']) : Promise.resolve<OptionLists>({})
	]);
	const { activity, mayFollowUp, meetings, targets } = page;
	const signedIn = hasRole(actor, 'member');
	return {
		activity: signedIn ? activity : { ...activity, followUps: [] },
		followUpCount: activity.followUps.length,
		mayFollowUp: signedIn && mayFollowUp,
		meetings,
		lists,
		targets,
		today: todayIso()
	};
};

export const actions: Actions = {
	followUp: async (event) => {
		const id = idParam(event.params.id);
		const r = await runForm(event, (input) => addFollowUp(db(), event.locals.actor, id, input), {
			extra: { form: 'followUp' },
			done: 'Uppföljningen sparades.'
		});
		if ('ok' in r) redirect(303, `/planning/activities/${id}#follow-up`);
		return r;
	},
	report: async (event) => {
		const id = idParam(event.params.id);
		const r = await runForm(event, (input) => updateReportText(db(), event.locals.actor, id, input), {
			extra: { form: 'report' },
			done: 'Texten till årsredovisningen sparades.'
		});
		if ('ok' in r) redirect(303, `/planning/activities/${id}#report`);
		return r;
	},
	addTarget: async (event) => {
		const id = idParam(event.params.id);
		const r = await runForm(event, (input) => addActivityTarget(db(), event.locals.actor, id, input), {
			extra: { form: 'addTarget' },
			done: 'Målet sparades.'
		});
		if ('ok' in r) redirect(303, `/planning/activities/${id}#targets`);
		return r;
	},
	removeTarget: async (event) => {
		const id = idParam(event.params.id);
		const r = await runForm(event, (input) => removeActivityTarget(db(), event.locals.actor, id, idParam(input.targetId)), {
			extra: { form: 'removeTarget' },
			done: 'Målet togs bort.'
		});
		if ('ok' in r) redirect(303, `/planning/activities/${id}#targets`);
		return r;
	},
	link: async (event) => {
		const id = idParam(event.params.id);
		const r = await runForm(event, (input) => linkDecision(db(), event.locals.actor, id, idParam(input.decisionId)), {
			extra: { form: 'link' },
			done: 'Beslutet kopplades till aktiviteten.'
		});
		if ('ok' in r) redirect(303, `/planning/activities/${id}#decisions`);
		return r;
	}
};
