import type { PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { listBodies, listMunicipalities, listPopulations } from '#lib/server/organisation/queries.ts';
import { listNews } from '#lib/server/governance/influence.ts';
import { todayIso } from '#lib/core/format.ts';

export const load: PageServerLoad = async () => {
	const today = todayIso();
	const [municipalities, bodies, totals, news] = await Promise.all([
		listMunicipalities(db()),
		listBodies(db(), { activeOn: today }),
		listPopulations(db(), { totals: true }, { limit: 1, offset: 0 }),
		listNews(db(), { today, limit: 3 })
	]);
	return { municipalities, bodies, latestTotal: totals.items[0] ?? null, news };
};
