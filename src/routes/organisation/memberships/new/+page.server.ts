import type { Actions, PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { governanceOptions } from '#lib/server/governance/options.ts';
import { memberships } from '#lib/server/organisation/registers.ts';
import { createAction } from '#lib/server/register-actions.ts';
import { requirePage } from '#lib/server/web.ts';

export const load: PageServerLoad = async (event) => {
	requirePage(event, 'editor');
	const q = event.url.searchParams;
	return {
		lists: await governanceOptions(db(), ['persons', 'bodies', 'municipalities', 'organisations', 'directiveVersions']),
		values: { bodyId: q.get('body') ?? '', personId: q.get('person') ?? '', role: 'member' }
	};
};

export const actions = { default: createAction(memberships, (row) => `/organisation/bodies/${row.bodyId}`) } satisfies Actions;
