import type { PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { hasRole } from '#lib/server/actor.ts';
import { positiveParam } from '#lib/server/web.ts';
import { listInfluence, targetsOf } from '#lib/server/governance/influence.ts';
import { INFLUENCE_KINDS } from '#lib/schemas/governance.ts';

// Public: the influence work is what the annual report's follow-up publishes.
export const load: PageServerLoad = async (event) => {
	const d = db();
	const kindParam = event.url.searchParams.get('kind');
	const kind = INFLUENCE_KINDS.find((k) => k === kindParam);
	const year = positiveParam(event.url, 'year');
	return {
		filter: { kind: kind ?? '', year: year ?? '' },
		items: await listInfluence(d, { kind, year }),
		targets: await targetsOf(d, { year }),
		editor: hasRole(event.locals.actor, 'editor')
	};
};
