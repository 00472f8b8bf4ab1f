import type { PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { budgetAgainstOutcome, eventCosts, financeYears, listExpectedIncome } from '#lib/server/finance/queries.ts';
import { yearClosing } from '#lib/server/finance/closing.ts';
import { closingTables } from '#lib/server/finance/closing-document.ts';
import { todayIso } from '#lib/core/format.ts';

/** The year shown: asked for, else the current year if it has figures, else the newest year with a ledger or budget. */
function chosenYear(url: URL, years: { year: number; hasFigures: boolean }[]): number {
	const asked = Number(url.searchParams.get('year'));
	if (Number.isInteger(asked) && asked >= 1900 && asked <= 2200) return asked;
	const now = Number(todayIso().slice(0, 4));
	return years.find((y) => y.year === now && y.hasFigures)?.year ?? years.find((y) => y.hasFigures)?.year ?? now;
}

export const load: PageServerLoad = async (event) => {
	const d = db();
	const years = await financeYears(d);
	const year = chosenYear(event.url, years);
	const [budget, closing, events, expected] = [
		await budgetAgainstOutcome(d, year),
		await yearClosing(d, year),
		await eventCosts(d, year),
		await listExpectedIncome(d)
	];
	return {
		year,
		years,
		budget: budget.rows,
		summary: closingTables(closing).summary,
		status: closing.status,
		events,
		expected
	};
};
