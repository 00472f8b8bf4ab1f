import type { Actions, PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { getMunicipality } from '#lib/server/organisation/queries.ts';
import { municipalities } from '#lib/server/organisation/registers.ts';
import { endAction, updateAction } from '#lib/server/register-actions.ts';
import { idParam, load as read, requirePage } from '#lib/server/web.ts';

export const load: PageServerLoad = async (event) => {
	requirePage(event, 'editor');
	const {
		populations: _p,
		representatives: _r,
		...municipality
	} = await read(event, () => getMunicipality(db(), idParam(event.params.id)));
	return { municipality };
};

const to = (row: { id: number }) => `/organisation/municipalities/${row.id}`;
export const actions = { save: updateAction(municipalities, to), end: endAction(municipalities, to) } satisfies Actions;
