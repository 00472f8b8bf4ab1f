import type { Actions, PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { governanceOptions } from '#lib/server/governance/options.ts';
import { appointmentOf } from '#lib/server/governance/documents.ts';
import { getMembership } from '#lib/server/organisation/queries.ts';
import { memberships } from '#lib/server/organisation/registers.ts';
import { endAction, updateAction } from '#lib/server/register-actions.ts';
import { idParam, load as read, requirePage } from '#lib/server/web.ts';

export const load: PageServerLoad = async (event) => {
	requirePage(event, 'editor');
	const id = idParam(event.params.id);
	const membership = await read(event, () => getMembership(db(), id));
	const appointment = await appointmentOf(db(), id);
	return {
		membership: {
			...membership,
			appointedByPersonId: appointment?.appointedByPersonId ?? null,
			directiveVersionId: appointment?.directiveVersionId ?? null
		},
		lists: await governanceOptions(db(), ['persons', 'bodies', 'municipalities', 'organisations', 'directiveVersions'])
	};
};

const to = (row: Record<string, unknown>) => `/organisation/bodies/${row.bodyId}`;
export const actions = { save: updateAction(memberships, to), end: endAction(memberships, to) } satisfies Actions;
