import type { Actions, PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { optionLists } from '#lib/server/organisation/options.ts';
import { populations } from '#lib/server/organisation/registers.ts';
import { createAction } from '#lib/server/register-actions.ts';
import { requirePage } from '#lib/server/web.ts';

export const load: PageServerLoad = async (event) => {
	requirePage(event, 'editor');
	return { lists: await optionLists(db(), ['municipalities']), municipalityId: event.url.searchParams.get('municipality') ?? '' };
};

const to = (row: Record<string, unknown>) =>
	row.municipalityId ? `/organisation/municipalities/${row.municipalityId}#population` : '/organisation/municipalities';
export const actions = { default: createAction(populations, to) } satisfies Actions;
