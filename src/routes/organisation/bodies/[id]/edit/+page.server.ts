import type { Actions, PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { optionLists } from '#lib/server/organisation/options.ts';
import { getBody } from '#lib/server/organisation/queries.ts';
import { bodies } from '#lib/server/organisation/registers.ts';
import { endAction, updateAction } from '#lib/server/register-actions.ts';
import { idParam, load as read, requirePage } from '#lib/server/web.ts';

export const load: PageServerLoad = async (event) => {
	requirePage(event, 'editor');
	const {
		memberships: _m,
		children: _c,
		parent: _p,
		replaces: _r,
		replacedBy: _rb,
		...body
	} = await read(event, () => getBody(db(), idParam(event.params.id)));
	const lists = await optionLists(db(), ['bodies']);
	lists.bodies = lists.bodies?.filter((o) => o.value !== String(body.id));
	return { body, lists };
};

const to = (row: { id: number }) => `/organisation/bodies/${row.id}`;
export const actions = { save: updateAction(bodies, to), end: endAction(bodies, to) } satisfies Actions;
