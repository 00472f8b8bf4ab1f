import type { PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { financeOverview } from '#lib/server/finance/pages.ts';
import { closingTables } from '#lib/server/finance/closing-document.ts';
import { todayIso } from '#lib/core/format.ts';

/** The year asked for, if it is one; else the overview chooses (the current year if it has figures, else the newest year with a ledger or budget). */
function askedYear(url: URL): number | null {
	const asked = Number(url.searchParams.get('year'));
	return Number.isInteger(asked) && asked >= 1900 && asked <= 2200 ? asked : null;
}

export const load: PageServerLoad = async (event) => {
	const o = await financeOverview(db(), askedYear(event.url), Number(todayIso().slice(0, 4)));
	return {
		year: o.year,
		years: o.years,
		budget: o.budget.rows,
		summary: closingTables(o.closing).summary,
		status: o.closing.status,
		events: o.events,
		expected: o.expected
	};
};
