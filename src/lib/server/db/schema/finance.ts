// The finance module: fee rules and invoice bases, funds, ledger categories
// (with labels that change by year), the ledger itself, transfers between funds,
// opening balances, the budget, the figures printed in published closings, and
// the keys that share a cost among the municipalities. Money is integer öre.
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, pgTable, primaryKey, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { timestamps, version } from './columns.ts';
import { municipality } from './organisation.ts';
import { decision } from './planning.ts';
import { meeting } from './meetings.ts';
import { event, project } from './projects.ts';

const ore = () => bigint({ mode: 'number' });

/**
 * How the fee is set from a year on: a rate per inhabitant (4 kr since the
 * committee's decision of 2017-02-02), or a fixed total shared by population
 * (the agreement of 2010, §8: 260 000 kr).
 */
export const feeRule = pgTable(
	'fee_rule',
	{
		id: integer().primaryKey().generatedAlwaysAsIdentity(),
		kind: text().notNull(),
		amount: ore().notNull(),
		validFromYear: integer().notNull().unique(),
		decisionId: integer().references(() => decision.id),
		source: text(),
		...version,
		...timestamps
	},
	(t) => [check('fee_rule_amount', sql`${t.amount} > 0`), check('fee_rule_kind', sql`${t.kind} in ('per_inhabitant', 'fixed_total')`)]
);

/** One municipality's invoice basis for a year's fee: the figures it rests on, and whether it is paid. */
export const feeInvoice = pgTable(
	'fee_invoice',
	{
		id: integer().primaryKey().generatedAlwaysAsIdentity(),
		year: integer().notNull(),
		municipalityId: integer()
			.notNull()
			.references(() => municipality.id),
		populationDate: date({ mode: 'string' }).notNull(),
		population: integer().notNull(),
		populationSource: text().notNull(),
		amount: ore().notNull(),
		dueOn: date({ mode: 'string' }).notNull(),
		paidOn: date({ mode: 'string' }),
		...version,
		...timestamps
	},
	(t) => [unique('fee_invoice_year_municipality').on(t.year, t.municipalityId), check('fee_invoice_amount', sql`${t.amount} >= 0`)]
);

/**
 * A fund: the operations, a project's or a grant's money, or the result of a year
 * carried as a fund of its own ("drift från 2020"). Money held by a member
 * municipality says so; a fund merged into another hands over its balance at the
 * opening of mergedFromYear.
 */
export const fund = pgTable(
	'fund',
	{
		id: integer().primaryKey().generatedAlwaysAsIdentity(),
		name: text().notNull().unique(),
		kind: text().notNull(),
		note: text(),
		activeFromYear: integer(),
		activeToYear: integer(),
		/** For a carried result: the year it is the result of, and the fund it came from. */
		originYear: integer(),
		carriedFromFundId: integer().references((): any => fund.id),
		heldByMunicipalityId: integer().references(() => municipality.id),
		heldUntil: date({ mode: 'string' }),
		mergedIntoId: integer().references((): any => fund.id),
		mergedFromYear: integer(),
		sortOrder: integer().notNull().default(0),
		...version,
		...timestamps
	},
	(t) => [
		check('fund_kind', sql`${t.kind} in ('operations', 'project', 'grant', 'carried', 'event', 'other')`),
		check('fund_years', sql`${t.activeToYear} is null or ${t.activeFromYear} is null or ${t.activeFromYear} <= ${t.activeToYear}`),
		check('fund_merge', sql`(${t.mergedIntoId} is null) = (${t.mergedFromYear} is null) and ${t.mergedIntoId} is distinct from ${t.id}`),
		unique('fund_carried').on(t.carriedFromFundId, t.originYear)
	]
);

/** An income or cost category of the ledger (Personalkostnader, Intäkt kommunerna, …). */
export const ledgerCategory = pgTable(
	'ledger_category',
	{
		id: integer().primaryKey().generatedAlwaysAsIdentity(),
		kind: text().notNull(),
		name: text().notNull().unique(),
		sortOrder: integer().notNull().default(0),
		...version,
		...timestamps
	},
	(t) => [check('ledger_category_kind', sql`${t.kind} in ('income', 'cost')`)]
);

/** A category's label from a year on, where the published tables name it differently. */
export const ledgerCategoryLabel = pgTable(
	'ledger_category_label',
	{
		id: integer().primaryKey().generatedAlwaysAsIdentity(),
		categoryId: integer()
			.notNull()
			.references(() => ledgerCategory.id, { onDelete: 'cascade' }),
		fromYear: integer().notNull(),
		label: text().notNull()
	},
	(t) => [unique('ledger_category_label_year').on(t.categoryId, t.fromYear)]
);

/** A year of the ledger; a closed year is locked. */
export const fiscalYear = pgTable(
	'fiscal_year',
	{
		year: integer().primaryKey(),
		status: text().notNull().default('open'),
		closedAt: timestamp({ withTimezone: true }),
		closedBy: text(),
		...version,
		...timestamps
	},
	(t) => [check('fiscal_year_status', sql`${t.status} in ('open', 'closed')`)]
);

/**
 * A fund's balance at the opening of a year. Entered with its source for the
 * first year in the system or after a gap in the data; written by the closing
 * of the year before otherwise (computed = true).
 */
export const openingBalance = pgTable(
	'opening_balance',
	{
		id: integer().primaryKey().generatedAlwaysAsIdentity(),
		year: integer().notNull(),
		fundId: integer()
			.notNull()
			.references(() => fund.id),
		amount: ore().notNull(),
		source: text().notNull(),
		computed: boolean().notNull().default(false),
		...version,
		...timestamps
	},
	(t) => [unique('opening_balance_year_fund').on(t.year, t.fundId)]
);

/** One income or cost. The amount runs in its category's direction; a negative one corrects. */
export const ledgerEntry = pgTable(
	'ledger_entry',
	{
		id: integer().primaryKey().generatedAlwaysAsIdentity(),
		date: date({ mode: 'string' }).notNull(),
		year: integer().notNull(),
		fundId: integer()
			.notNull()
			.references(() => fund.id),
		categoryId: integer()
			.notNull()
			.references(() => ledgerCategory.id),
		amount: ore().notNull(),
		counterparty: text(),
		voucher: text(),
		description: text(),
		projectId: integer().references(() => project.id),
		eventId: integer().references(() => event.id),
		meetingId: integer().references(() => meeting.id),
		municipalityId: integer().references(() => municipality.id),
		source: text(),
		...version,
		...timestamps
	},
	(t) => [
		index('ledger_entry_year').on(t.year, t.fundId, t.categoryId),
		index('ledger_entry_project').on(t.projectId),
		index('ledger_entry_event').on(t.eventId),
		check('ledger_entry_year_of_date', sql`${t.year} = extract(year from ${t.date})`),
		check('ledger_entry_amount', sql`${t.amount} <> 0`)
	]
);

/** Money moved between funds: neither income nor cost. */
export const fundTransfer = pgTable(
	'fund_transfer',
	{
		id: integer().primaryKey().generatedAlwaysAsIdentity(),
		date: date({ mode: 'string' }).notNull(),
		year: integer().notNull(),
		fromFundId: integer()
			.notNull()
			.references(() => fund.id),
		toFundId: integer()
			.notNull()
			.references(() => fund.id),
		amount: ore().notNull(),
		note: text(),
		source: text(),
		...version,
		...timestamps
	},
	(t) => [
		check('fund_transfer_funds', sql`${t.fromFundId} <> ${t.toFundId}`),
		check('fund_transfer_amount', sql`${t.amount} > 0`),
		check('fund_transfer_year_of_date', sql`${t.year} = extract(year from ${t.date})`)
	]
);

/** A budget line of a year; it can cover several ledger categories. */
export const budgetLine = pgTable(
	'budget_line',
	{
		id: integer().primaryKey().generatedAlwaysAsIdentity(),
		year: integer().notNull(),
		kind: text().notNull(),
		label: text().notNull(),
		amount: ore().notNull(),
		approximate: boolean().notNull().default(false),
		sortOrder: integer().notNull().default(0),
		source: text(),
		...version,
		...timestamps
	},
	(t) => [
		index('budget_line_year').on(t.year),
		check('budget_line_kind', sql`${t.kind} in ('income', 'cost')`),
		check('budget_line_amount', sql`${t.amount} >= 0`)
	]
);

export const budgetLineCategory = pgTable(
	'budget_line_category',
	{
		budgetLineId: integer()
			.notNull()
			.references(() => budgetLine.id, { onDelete: 'cascade' }),
		categoryId: integer()
			.notNull()
			.references(() => ledgerCategory.id)
	},
	(t) => [primaryKey({ columns: [t.budgetLineId, t.categoryId] })]
);

/**
 * A figure as a published closing printed it, checked against the ledger.
 * No fund and no category: the table's total. measure: opening, income, costs, closing.
 */
export const printedFigure = pgTable(
	'printed_figure',
	{
		id: integer().primaryKey().generatedAlwaysAsIdentity(),
		year: integer().notNull(),
		what: text().notNull(),
		fundId: integer().references(() => fund.id),
		categoryId: integer().references(() => ledgerCategory.id),
		measure: text().notNull(),
		amount: ore().notNull(),
		source: text().notNull(),
		...version,
		...timestamps
	},
	(t) => [
		index('printed_figure_year').on(t.year),
		check('printed_figure_measure', sql`${t.measure} in ('opening', 'income', 'costs', 'closing')`)
	]
);

/**
 * A shared cost and the key that shares it (agreement §6 and §7): by population
 * on a date, equal shares, a mix with a chosen weight, among the participants.
 */
export const costSharing = pgTable(
	'cost_sharing',
	{
		id: integer().primaryKey().generatedAlwaysAsIdentity(),
		name: text().notNull(),
		year: integer().notNull(),
		total: ore().notNull(),
		keyKind: text().notNull(),
		equalPercent: integer(),
		populationDate: date({ mode: 'string' }),
		unit: text().notNull().default('krona'),
		participantIds: integer()
			.array()
			.notNull()
			.default(sql`'{}'::integer[]`),
		eventId: integer().references(() => event.id),
		projectId: integer().references(() => project.id),
		note: text(),
		source: text(),
		...version,
		...timestamps
	},
	(t) => [
		check('cost_sharing_total', sql`${t.total} > 0`),
		check('cost_sharing_key', sql`${t.keyKind} in ('population', 'equal', 'mix')`),
		check('cost_sharing_unit', sql`${t.unit} in ('krona', 'ore')`),
		check('cost_sharing_percent', sql`${t.equalPercent} is null or (${t.equalPercent} >= 0 and ${t.equalPercent} <= 100)`)
	]
);

/** Money expected later: a grant paid in arrears, with what is already booked. */
export const expectedIncome = pgTable('expected_income', {
	id: integer().primaryKey().generatedAlwaysAsIdentity(),
	description: text().notNull(),
	counterparty: text().notNull(),
	fundId: integer().references(() => fund.id),
	projectId: integer().references(() => project.id),
	sharePercent: integer(),
	expectedYear: integer(),
	amount: ore(),
	receivedOn: date({ mode: 'string' }),
	note: text(),
	source: text(),
	...version,
	...timestamps
});
