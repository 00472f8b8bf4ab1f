import type { PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { publicFront } from '#lib/server/public/front.ts';
import { personalOverview } from '#lib/server/overview/queries.ts';
import { todayIso } from '#lib/core/format.ts';

// Signed in, / is "Min översikt" (one query); /?publik is the public start page for everyone, and
// anonymous visitors see it at / exactly as before, from the same response cache.
export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.actor.accountId !== null && !url.searchParams.has('publik'))
		return { overview: await personalOverview(db(), locals.actor, todayIso()), front: null };
	return { overview: null, front: await publicFront(db(), todayIso()) };
};
