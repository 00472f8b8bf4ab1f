import type { Actions, PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { optionLists } from '#lib/server/organisation/options.ts';
import { getPerson } from '#lib/server/organisation/queries.ts';
import { persons } from '#lib/server/organisation/registers.ts';
import { endAction, updateAction } from '#lib/server/register-actions.ts';
import { idParam, load as read, requirePage } from '#lib/server/web.ts';

export const load: PageServerLoad = async (event) => {
	const actor = requirePage(event, 'editor');
	const { memberships: _m, ...person } = await read(event, () => getPerson(db(), actor, idParam(event.params.id)));
	return { person, lists: await optionLists(db(), ['municipalities', 'organisations']) };
};

const to = (row: { id: number }) => `/organisation/persons/${row.id}`;
export const actions = { save: updateAction(persons, to), end: endAction(persons, to) } satisfies Actions;
