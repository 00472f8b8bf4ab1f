import type { Actions, PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { getOrganisation } from '#lib/server/organisation/queries.ts';
import { organisations } from '#lib/server/organisation/registers.ts';
import { endAction, updateAction } from '#lib/server/register-actions.ts';
import { idParam, load as read, requirePage } from '#lib/server/web.ts';

export const load: PageServerLoad = async (event) => {
	requirePage(event, 'editor');
	const { representatives: _r, ...organisation } = await read(event, () => getOrganisation(db(), idParam(event.params.id)));
	return { organisation };
};

const to = (row: { id: number }) => `/organisation/organisations/${row.id}`;
export const actions = { save: updateAction(organisations, to), end: endAction(organisations, to) } satisfies Actions;
