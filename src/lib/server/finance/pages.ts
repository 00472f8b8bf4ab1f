// The finance pages' reads, each page in one query: the overview of a year and
// a year's closing page. The parts are the JSON fragments of queries.ts,
// closing.ts and options.ts, so each part reads as its own function does.
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { cooperation } from '../db/schema/index.ts';
import type { Ore } from '../../core/finance.ts';
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

/**
 * The overview of a year (asked for, else the current year if it has figures,
 * else the newest year with a ledger or budget): the years, budget against
 * outcome, the closing, the events' costs and the expected income.
 */
export async function financeOverview(db: Db, asked: number | null, now: number) {
	const chosen = asked ?? sql`(select year from chosen)`;
	const r = await db.execute<{
		year: number;
		years: FinanceYear[];
		closing: ClosingData;
		budget: BudgetLine[];
		events: Omit<EventCost, 'perParticipant'>[];
		expected: ExpectedIncome[];
	}>(sql`
		with chosen as (select ${asked === null ? defaultFinanceYear(now) : sql`${asked}::int`} as year)
		select (select year from chosen) as year,
			${financeYearsJson} as years,
			${closingDataJson(chosen)} as closing,
			${budgetLinesJson(chosen)} as budget,
			${eventCostsJson(chosen)} as events,
			${expectedIncomeJson} as expected`);
	const row = r.rows[0];
	const year = Number(row.year);
	const closing = await closingFrom(db, row.closing);
	// The budget is the operations' budget: the outcome over the funds of the operations kind.
	const operations = new Set(row.closing.funds.filter((f) => f.kind === 'operations').map((f) => f.id));
	const outcome = new Map<number, Ore>();
	for (const s of row.closing.years.find((y) => y.year === year)!.sums)
		if (operations.has(s.fundId)) outcome.set(s.categoryId, (outcome.get(s.categoryId) ?? 0) + Number(s.amount));
	return {
		year,
		years: row.years,
		budget: budgetAgainstOutcomeFrom(year, row.budget, outcome, row.closing.categories),
		closing,
		events: eventCostsFrom(row.events),
		expected: row.expected
	};
}

/** A year's closing page: the closing, the budget lines, the forms' option lists and the cooperation's name. */
export async function yearPage(db: Db, year: number) {
	const r = await db.execute<{ closing: ClosingData; budget: BudgetLine[]; options: FinanceOptionData; cooperation: string | null }>(sql`
		select ${closingDataJson(year)} as closing,
			${budgetLinesJson(year)} as budget,
			${financeOptionsJson} as options,
			(select name from ${cooperation} where id = 1) as cooperation`);
	const row = r.rows[0];
	return {
		closing: await closingFrom(db, row.closing),
		budget: row.budget,
		lists: financeOptionsFrom(row.options, year),
		cooperation: row.cooperation ?? ''
	};
}
