import type { Actions, PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { optionLists } from '#lib/server/organisation/options.ts';
import { bodies } from '#lib/server/organisation/registers.ts';
import { createAction } from '#lib/server/register-actions.ts';
import { requirePage } from '#lib/server/web.ts';

export const load: PageServerLoad = async (event) => {
	requirePage(event, 'editor');
	return { lists: await optionLists(db(), ['bodies']), parentId: event.url.searchParams.get('parent') ?? '' };
};

export const actions = { default: createAction(bodies, (row) => `/organisation/bodies/${row.id}`) } satisfies Actions;
