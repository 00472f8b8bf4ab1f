import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { activityFormLists, activityFormValues, getActivity } from '#lib/server/planning/queries.ts';
import { updateActivity } from '#lib/server/planning/service.ts';
import { optionLists } from '#lib/server/organisation/options.ts';
import { idParam, load as read, requirePage, runForm } from '#lib/server/web.ts';

export const load: PageServerLoad = async (event) => {
	requirePage(event, 'editor');
	const activity = await read(event, () => getActivity(db(), idParam(event.params.id)));
	const [own, lists] = await Promise.all([activityFormLists(db(), activity.planId), optionLists(db(), ['bodies', 'municipalities'])]);
	const values = activityFormValues(activity);
	return {
		activity: { id: activity.id, title: activity.title, version: activity.version, plan: activity.plan },
		values,
		lists: { ...lists, ...own }
	};
};

export const actions: Actions = {
	save: async (event) => {
		const id = idParam(event.params.id);
		const current = await read(event, () => getActivity(db(), id));
		const r = await runForm(event, (input) =>
			updateActivity(db(), event.locals.actor, id, {
				responsiblePersonIds: activityFormValues(current).responsiblePersonIds,
				...input,
				planId: current.planId
			})
		);
		if ('ok' in r) redirect(303, `/planning/activities/${id}`);
		return r;
	}
};
