import type { PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { requirePage } from '#lib/server/web.ts';
import { settlementPreview } from '#lib/server/governance/agreement.ts';
import { memberRegistrars } from '#lib/server/organisation/queries.ts';
import { population } from '#lib/server/db/schema/index.ts';
import { desc, sql } from 'drizzle-orm';

// Members only: the preview shows the funds' balances. The dates offered are
// those with population figures; the first with a figure for every party is the default.
export const load: PageServerLoad = async (event) => {
	requirePage(event, 'member');
	const d = db();
	const rows = await d
		.select({ date: population.date, known: sql<number>`count(${population.population})::int` })
		.from(population)
		.where(sql`${population.municipalityId} is not null`)
		.groupBy(population.date)
		.orderBy(desc(population.date));
	const dates = await Promise.all(
		rows.map(async (r) => ({ date: r.date, complete: r.known >= (await memberRegistrars(d, r.date)).length }))
	);
	const asked = event.url.searchParams.get('date');
	const date = dates.find((x) => x.date === asked)?.date ?? dates.find((x) => x.complete)?.date ?? dates[0]?.date;
	return { dates, date, preview: date ? await settlementPreview(d, date) : null };
};
