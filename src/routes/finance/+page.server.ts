import type { Actions, PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { hasRole } from '#lib/server/actor.ts';
import { runForm } from '#lib/server/web.ts';
import { financeOverview } from '#lib/server/finance/pages.ts';
import { budgetCategoryOptions } from '#lib/server/finance/options.ts';
import { closingTables } from '#lib/server/finance/closing-document.ts';
import { createBudgetLine } from '#lib/server/finance/service.ts';
import { todayIso } from '#lib/core/format.ts';

/** The year asked for, if it is one; else the overview chooses (the current year if it has figures, else the newest year with a ledger or budget). */
function askedYear(url: URL): number | null {
	const asked = Number(url.searchParams.get('year'));
	return Number.isInteger(asked) && asked >= 1900 && asked <= 2200 ? asked : null;
}

export const load: PageServerLoad = async (event) => {
	const o = await financeOverview(db(), askedYear(event.url), Number(todayIso().slice(0, 4)));
	const editor = hasRole(event.locals.actor, 'editor');
	return {
		year: o.year,
		years: o.years,
		budget: o.budget.rows,
		summary: closingTables(o.closing).summary,
		status: o.closing.status,
		events: o.events,
		expected: o.expected,
		balances: o.balances,
		// An editor adds budget lines here too: the categories the year labels, from the same query.
		lists: editor && o.closing.status === 'open' ? { categories: budgetCategoryOptions(o.categories, o.year) } : null
	};
};

export const actions: Actions = {
	// The form posts the year it shows, and to ?/budget&year=YYYY, so the page answers with the same year.
	budget: async (event) => {
		const r = await runForm(event, (input) => createBudgetLine(db(), event.locals.actor, input), { extra: { form: 'budget' } });
		return 'ok' in r ? { form: 'budget', done: true } : r;
	}
};
