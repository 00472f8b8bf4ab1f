import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { updateCooperation } from '#lib/server/organisation/cooperation.ts';
import { optionLists } from '#lib/server/organisation/options.ts';
import { getCooperation } from '#lib/server/organisation/queries.ts';
import { requirePage, runForm } from '#lib/server/web.ts';

export const load: PageServerLoad = async (event) => {
	requirePage(event, 'admin');
	return { settings: await getCooperation(db()), lists: await optionLists(db(), ['municipalities']) };
};

export const actions = {
	save: async (event) => {
		const result = await runForm(event, (input) => updateCooperation(db(), event.locals.actor, input));
		if (!('ok' in result)) return result;
		redirect(303, '/organisation');
	}
} satisfies Actions;
