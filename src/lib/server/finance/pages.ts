// The finance pages' reads, each page in one query: the overview of a year and
// a year's closing page. The parts are the JSON fragments of queries.ts,
// closing.ts and options.ts, so each part reads as its own function does.
import { sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client.ts';
import { cooperation, fund, openingBalance } from '../db/schema/index.ts';
import { withCurrentYear, type Ore } from '../../core/finance.ts';
import { closingDataJson, closingFrom, type ClosingData } from './closing.ts';
import { financeOptionsFrom, financeOptionsJson, type FinanceOptionData } from './options.ts';
import {
	budgetAgainstOutcomeFrom,
	budgetLinesJson,
	defaultFinanceYear,
	eventCostsFrom,
	eventCostsJson,
	expectedIncomeJson,
	financeYearsJson,
	type BudgetLine,
	type EventCost,
	type ExpectedIncome,
	type FinanceYear
} from './queries.ts';

const dialect = new PgDialect({ casing: 'snake_case' });

/**
 * A page's query, built once and run as a named prepared statement: PostgreSQL
 * plans it once per connection instead of on every request (planning the
 * closing's query took longer than running it), and Drizzle does not build it
 * again. Its values are $1, $2, … only.
 */
function prepared<T>(name: string, build: () => SQL) {
	let text: string | undefined;
	return async (db: Db, values: unknown[]): Promise<T> => {
		if (text === undefined) {
			const q = dialect.sqlToQuery(build());
			if (q.params.length) throw new Error(`${name}: a value in the query text; pass it as $n`);
			text = q.sql;
		}
		const r = await db.$client.query<Record<string, unknown>>({ name, text: text as string, values });
		return r.rows[0] as T;
	};
}

const $ = (n: number) => sql.raw(`$${n}::int`);

const overviewQuery = prepared<{
	year: number;
	years: FinanceYear[];
	closing: ClosingData;
	budget: BudgetLine[];
	events: Omit<EventCost, 'perParticipant'>[];
	expected: ExpectedIncome[];
	balances: { year: number; fund: string; amount: Ore }[];
}>('finance_overview', () => {
	const chosen = sql`select year from chosen`;
	return sql`
		with chosen as (select coalesce(${$(1)}, ${defaultFinanceYear($(2))}) as year)
		select (select year from chosen) as year,
			${financeYearsJson} as years,
			${closingDataJson(chosen)} as closing,
			${budgetLinesJson(chosen)} as budget,
			${eventCostsJson(chosen)} as events,
			${expectedIncomeJson} as expected,
			(select coalesce(json_agg(json_build_object('year', ob.year, 'fund', f.name, 'amount', ob.amount) order by ob.year, f.sort_order, f.id), '[]')
				from ${openingBalance} ob join ${fund} f on f.id = ob.fund_id) as balances`;
});

/**
 * The overview of a year (asked for, else the current year if it has figures,
 * else the newest year with a ledger or budget): the years (the current one
 * always among them), budget against outcome, the closing, the events' costs
 * and the expected income.
 */
export async function financeOverview(db: Db, asked: number | null, now: number) {
	const row = await overviewQuery(db, [asked, now]);
	const year = Number(row.year);
	const closing = await closingFrom(db, row.closing);
	// The budget is the operations' budget: the outcome over the funds of the operations kind.
	const operations = new Set(row.closing.funds.filter((f) => f.kind === 'operations').map((f) => f.id));
	const outcome = new Map<number, Ore>();
	for (const s of row.closing.years.find((y) => y.year === year)!.sums)
		if (operations.has(s.fundId)) outcome.set(s.categoryId, (outcome.get(s.categoryId) ?? 0) + Number(s.amount));
	return {
		year,
		years: withCurrentYear(row.years, now),
		budget: budgetAgainstOutcomeFrom(year, row.budget, outcome, row.closing.categories),
		closing,
		events: eventCostsFrom(row.events),
		expected: row.expected,
		/** the categories, for the budget line form */
		categories: row.closing.categories,
		/** each fund's opening balance, year by year: the chart of the funds over the years */
		balances: row.balances.map((b) => ({ ...b, amount: Number(b.amount) }))
	};
}

const yearPageQuery = prepared<{
	closing: ClosingData;
	budget: BudgetLine[];
	options: FinanceOptionData | null;
	cooperation: string | null;
}>(
	'finance_year_page',
	() => sql`
		select ${closingDataJson($(1))} as closing,
			${budgetLinesJson($(1))} as budget,
			case when $2::boolean then ${financeOptionsJson} end as options,
			(select name from ${cooperation} where id = 1) as cooperation`
);

/**
 * A year's closing page: the closing, the budget lines, the cooperation's name,
 * and for an editor the option lists of the forms an open year offers (none
 * when no form is shown).
 */
export async function yearPage(db: Db, year: number, editor: boolean) {
	const row = await yearPageQuery(db, [year, editor]);
	const closing = await closingFrom(db, row.closing);
	return {
		closing,
		budget: row.budget,
		lists: row.options && closing.status === 'open' ? financeOptionsFrom(row.options, year) : {},
		cooperation: row.cooperation ?? ''
	};
}
