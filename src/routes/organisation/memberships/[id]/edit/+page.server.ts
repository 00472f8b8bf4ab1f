import type { Actions, PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { optionLists } from '#lib/server/organisation/options.ts';
import { getMembership } from '#lib/server/organisation/queries.ts';
import { memberships } from '#lib/server/organisation/registers.ts';
import { endAction, updateAction } from '#lib/server/register-actions.ts';
import { idParam, load as read, requirePage } from '#lib/server/web.ts';

export const load: PageServerLoad = async (event) => {
	requirePage(event, 'editor');
	const membership = await read(event, () => getMembership(db(), idParam(event.params.id)));
	return { membership, lists: await optionLists(db(), ['persons', 'bodies', 'municipalities', 'organisations']) };
};

const to = (row: Record<string, unknown>) => `/organisation/bodies/${row.bodyId}`;
export const actions = { save: updateAction(memberships, to), end: endAction(memberships, to) } satisfies Actions;
