import type { Actions, PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { optionLists } from '#lib/server/organisation/options.ts';
import { getPopulation } from '#lib/server/organisation/queries.ts';
import { populations } from '#lib/server/organisation/registers.ts';
import { updateAction } from '#lib/server/register-actions.ts';
import { idParam, load as read, requirePage } from '#lib/server/web.ts';

export const load: PageServerLoad = async (event) => {
	requirePage(event, 'editor');
	const population = await read(event, () => getPopulation(db(), idParam(event.params.id)));
	return { population, lists: await optionLists(db(), ['municipalities']) };
};

const to = (row: Record<string, unknown>) =>
	row.municipalityId ? `/organisation/municipalities/${row.municipalityId}#population` : '/organisation/municipalities';
export const actions = { save: updateAction(populations, to) } satisfies Actions;
