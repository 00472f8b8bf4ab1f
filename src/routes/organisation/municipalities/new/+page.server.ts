import type { Actions, PageServerLoad } from './$types';
import { municipalities } from '#lib/server/organisation/registers.ts';
import { createAction } from '#lib/server/register-actions.ts';
import { requirePage } from '#lib/server/web.ts';

export const load: PageServerLoad = (event) => {
	requirePage(event, 'editor');
};

export const actions = { default: createAction(municipalities, (row) => `/organisation/municipalities/${row.id}`) } satisfies Actions;
