import type { PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { requirePage } from '#lib/server/web.ts';
import { settlementPreview } from '#lib/server/governance/agreement.ts';
import { population } from '#lib/server/db/schema/index.ts';
import { desc, sql } from 'drizzle-orm';

// Members only: the preview shows the funds' balances.
export const load: PageServerLoad = async (event) => {
	requirePage(event, 'member');
	const d = db();
	const dates = (
		await d
			.selectDistinct({ date: population.date })
			.from(population)
			.where(sql`${population.municipalityId} is not null`)
			.orderBy(desc(population.date))
	).map((r) => r.date);
	const asked = event.url.searchParams.get('date');
	const date = asked && dates.includes(asked) ? asked : dates[0];
	return { dates, date, preview: date ? await settlementPreview(d, date) : null };
};
