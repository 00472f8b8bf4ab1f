import type { Actions, PageServerLoad } from './$types';
import { programmes } from '#lib/server/planning/goals.ts';
import { createAction } from '#lib/server/register-actions.ts';
import { requirePage } from '#lib/server/web.ts';

export const load: PageServerLoad = async (event) => {
	requirePage(event, 'editor');
	return {};
};

export const actions = { default: createAction(programmes, (row) => `/planning/programmes/${row.id}`) } satisfies Actions;
