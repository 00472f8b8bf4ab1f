// Reads of the finance module: years, funds and categories (with the label a
// year prints), the ledger, budget against outcome, events, projects and
// expected income. A year's closing is in closing.ts, fees in fees.ts.
import { and, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import {
	budgetLine,
	budgetLineCategory,
	event,
	expectedIncome,
	feeInvoice,
	fiscalYear,
	fund,
	fundTransfer,
	ledgerCategory,
	ledgerCategoryLabel,
	ledgerEntry,
	openingBalance,
	project
} from '../db/schema/index.ts';
import { NotFoundError } from '../errors.ts';
import type { Page, Paged } from '../organisation/queries.ts';
import { budgetOutcome, labelIn, type Ore } from '../../core/finance.ts';

type Reader = Db | Tx;

// ---------------------------------------------------------------------------
// Years

export type YearStatus = 'open' | 'closed';

export async function yearStatus(db: Reader, year: number): Promise<YearStatus> {
	const [row] = await db.select({ status: fiscalYear.status }).from(fiscalYear).where(eq(fiscalYear.year, year));
	return (row?.status as YearStatus | undefined) ?? 'open';
}

export type FinanceYear = { year: number; status: YearStatus; hasFigures: boolean };

/** Every year with anything in the ledger, a budget, openings or fees, newest first; hasFigures: a ledger or a budget. */
export async function financeYears(db: Reader): Promise<FinanceYear[]> {
	const r = await db.execute<{ years: FinanceYear[] }>(sql`select ${financeYearsJson} as years`);
	return r.rows[0].years;
}

/** financeYears as one JSON value, for a page's single query. */
export const financeYearsJson = sql`(
	select coalesce(json_agg(json_build_object(
		'year', y.year,
		'status', coalesce(fy.status, 'open'),
		'hasFigures', exists (select 1 from ${ledgerEntry} e where e.year = y.year) or exists (select 1 from ${budgetLine} b where b.year = y.year)
	) order by y.year desc), '[]')
	from (
		select distinct year from ${ledgerEntry}
		union select year from ${openingBalance}
		union select year from ${budgetLine}
		union select year from ${fiscalYear}
		union select year from ${feeInvoice}
	) y left join ${fiscalYear} fy on fy.year = y.year)`;

/**
 * The year the overview shows when none is asked for: the current year if it has
 * figures (a ledger or a budget), else the newest year with figures, else the current year.
 */
export const defaultFinanceYear = (now: number | SQL) => sql`coalesce(
	(select ${yearSql(now)} where exists (select 1 from ${ledgerEntry} where year = ${yearSql(now)})
		or exists (select 1 from ${budgetLine} where year = ${yearSql(now)})),
	greatest((select max(year) from ${ledgerEntry}), (select max(year) from ${budgetLine})),
	${yearSql(now)})`;

// ---------------------------------------------------------------------------
// Funds and categories

export async function listFunds(db: Reader) {
	return db.select().from(fund).orderBy(asc(fund.sortOrder), asc(fund.id));
}

export async function getFund(db: Reader, id: number) {
	const [row] = await db.select().from(fund).where(eq(fund.id, id));
	if (!row) throw new NotFoundError('Fonden');
	return row;
}

export type Category = {
	id: number;
	kind: 'income' | 'cost';
	name: string;
	sortOrder: number;
	version: number;
	labels: { fromYear: number; label: string }[];
};

export async function listCategories(db: Reader): Promise<Category[]> {
	const r = await db.execute<{ categories: Category[] }>(sql`select ${categoriesJson} as categories`);
	return r.rows[0].categories;
}

/** The category's label in a year (in the core, so that the import's worker reads it without the database). */
export { labelIn };

/** The categories with their labels (oldest first) as one JSON value, in listCategories' order. */
export const categoriesJson = sql`(
	select coalesce(json_agg(json_build_object(
		'id', c.id, 'kind', c.kind, 'name', c.name, 'sortOrder', c.sort_order, 'version', c.version,
		'labels', coalesce((
			select json_agg(json_build_object('fromYear', l.from_year, 'label', l.label) order by l.from_year)
			from ${ledgerCategoryLabel} l where l.category_id = c.id), '[]')
	) order by c.kind, c.sort_order, c.id), '[]')
	from ${ledgerCategory} c)`;

/** The fields of a fund a closing needs. */
export type FundRow = {
	id: number;
	name: string;
	kind: string;
	note: string | null;
	activeFromYear: number | null;
	activeToYear: number | null;
	heldByMunicipalityId: number | null;
	heldUntil: string | null;
	sortOrder: number;
};

/** The funds in listFunds' order as one JSON value. */
export const fundsJson = sql`(
	select coalesce(json_agg(json_build_object(
		'id', f.id, 'name', f.name, 'kind', f.kind, 'note', f.note, 'activeFromYear', f.active_from_year,
		'activeToYear', f.active_to_year, 'heldByMunicipalityId', f.held_by_municipality_id, 'heldUntil', f.held_until,
		'sortOrder', f.sort_order
	) order by f.sort_order, f.id), '[]')
	from ${fund} f)`;

// ---------------------------------------------------------------------------
// The ledger

export interface LedgerFilter {
	year?: number;
	fundId?: number;
	categoryId?: number;
	projectId?: number;
	eventId?: number;
}

function ledgerWhere(f: LedgerFilter): SQL | undefined {
	const conds: SQL[] = [];
	if (f.year) conds.push(eq(ledgerEntry.year, f.year));
	if (f.fundId) conds.push(eq(ledgerEntry.fundId, f.fundId));
	if (f.categoryId) conds.push(eq(ledgerEntry.categoryId, f.categoryId));
	if (f.projectId) conds.push(eq(ledgerEntry.projectId, f.projectId));
	if (f.eventId) conds.push(eq(ledgerEntry.eventId, f.eventId));
	return conds.length ? and(...conds) : undefined;
}

const entryColumns = {
	id: ledgerEntry.id,
	date: ledgerEntry.date,
	year: ledgerEntry.year,
	fundId: ledgerEntry.fundId,
	fund: fund.name,
	categoryId: ledgerEntry.categoryId,
	category: ledgerCategory.name,
	kind: ledgerCategory.kind,
	amount: ledgerEntry.amount,
	counterparty: ledgerEntry.counterparty,
	voucher: ledgerEntry.voucher,
	description: ledgerEntry.description,
	projectId: ledgerEntry.projectId,
	project: project.name,
	eventId: ledgerEntry.eventId,
	event: event.name,
	meetingId: ledgerEntry.meetingId,
	municipalityId: ledgerEntry.municipalityId,
	source: ledgerEntry.source,
	version: ledgerEntry.version
};

function entriesQuery(db: Reader) {
	return db
		.select(entryColumns)
		.from(ledgerEntry)
		.innerJoin(fund, eq(fund.id, ledgerEntry.fundId))
		.innerJoin(ledgerCategory, eq(ledgerCategory.id, ledgerEntry.categoryId))
		.leftJoin(project, eq(project.id, ledgerEntry.projectId))
		.leftJoin(event, eq(event.id, ledgerEntry.eventId));
}

export type LedgerRow = Awaited<ReturnType<typeof listLedger>>['items'][number];

export async function listLedger(db: Reader, f: LedgerFilter, page: Page) {
	const where = ledgerWhere(f);
	const items = await entriesQuery(db)
		.where(where)
		.orderBy(desc(ledgerEntry.date), desc(ledgerEntry.id))
		.limit(page.limit)
		.offset(page.offset);
	const [{ n }] = await db.select({ n: count() }).from(ledgerEntry).where(where);
	return { items, total: n, ...page } satisfies Paged<(typeof items)[number]>;
}

export async function getLedgerEntry(db: Reader, id: number) {
	const [row] = await entriesQuery(db).where(eq(ledgerEntry.id, id));
	if (!row) throw new NotFoundError('Transaktionen');
	return row;
}

export async function listTransfers(db: Reader, year: number) {
	return db.select().from(fundTransfer).where(eq(fundTransfer.year, year)).orderBy(asc(fundTransfer.date), asc(fundTransfer.id));
}

// ---------------------------------------------------------------------------
// Budget against outcome

export type BudgetLine = {
	id: number;
	year: number;
	kind: 'income' | 'cost';
	label: string;
	amount: Ore;
	approximate: boolean;
	sortOrder: number;
	source: string | null;
	version: number;
	/** the ledger categories the line covers */
	categoryIds: number[];
};

export async function budgetLines(db: Reader, year: number): Promise<BudgetLine[]> {
	const r = await db.execute<{ lines: BudgetLine[] }>(sql`select ${budgetLinesJson(year)} as lines`);
	return r.rows[0].lines;
}

/** A year's budget lines with the categories each covers, as one JSON value; year a number or an SQL expression. */
export const budgetLinesJson = (year: number | SQL) => sql`(
	select coalesce(json_agg(json_build_object(
		'id', b.id, 'year', b.year, 'kind', b.kind, 'label', b.label, 'amount', b.amount, 'approximate', b.approximate,
		'sortOrder', b.sort_order, 'source', b.source, 'version', b.version,
		'categoryIds', coalesce((select json_agg(k.category_id) from ${budgetLineCategory} k where k.budget_line_id = b.id), '[]')
	) order by b.kind, b.sort_order, b.id), '[]')
	from ${budgetLine} b where b.year = ${yearSql(year)})`;

/** A year for a query fragment: a parameter, or an SQL expression (a page's chosen year). */
export const yearSql = (year: number | SQL) => (typeof year === 'number' ? sql`${year}::int` : sql`(${year})`);

/** Outcome per category over all funds of the operations kind (the budget is the operations' budget). */
export async function outcomeByCategory(db: Reader, year: number, onlyOperations = true): Promise<Map<number, Ore>> {
	const rows = await db
		.select({ categoryId: ledgerEntry.categoryId, amount: sql<string>`sum(${ledgerEntry.amount})` })
		.from(ledgerEntry)
		.innerJoin(fund, eq(fund.id, ledgerEntry.fundId))
		.where(and(eq(ledgerEntry.year, year), onlyOperations ? eq(fund.kind, 'operations') : undefined))
		.groupBy(ledgerEntry.categoryId);
	return new Map(rows.map((r) => [r.categoryId, Number(r.amount)]));
}

export async function budgetAgainstOutcome(db: Reader, year: number) {
	const [lines, outcome, categories] = [await budgetLines(db, year), await outcomeByCategory(db, year), await listCategories(db)];
	return budgetAgainstOutcomeFrom(year, lines, outcome, categories);
}

/** Budget against outcome from what was read: the lines, the outcome per category, the categories. */
export function budgetAgainstOutcomeFrom(year: number, lines: BudgetLine[], outcome: Map<number, Ore>, categories: Category[]) {
	const kindOf = new Map(categories.map((c) => [c.id, c.kind]));
	return {
		lines,
		rows: budgetOutcome(lines, outcome, kindOf),
		categories: categories.map((c) => ({ id: c.id, kind: c.kind, label: labelIn(c, year), outcome: outcome.get(c.id) ?? 0 }))
	};
}

// ---------------------------------------------------------------------------
// Events, projects, expected income

export async function listEvents(db: Reader) {
	return db
		.select()
		.from(event)
		.orderBy(sql`${event.heldFrom} desc nulls last`, asc(event.name));
}

export async function listProjects(db: Reader) {
	return db.select().from(project).orderBy(asc(project.name));
}

export type EventCost = {
	id: number;
	name: string;
	heldOn: string | null;
	heldIn: string | null;
	participants: number | null;
	cap: Ore | null;
	costs: Ore;
	perParticipant: Ore | null;
};

/** The events held in a year: each one's cost from the ledger, per participant, against its cap. */
export async function eventCosts(db: Reader, year: number): Promise<EventCost[]> {
	const r = await db.execute<{ events: Omit<EventCost, 'perParticipant'>[] }>(sql`select ${eventCostsJson(year)} as events`);
	return eventCostsFrom(r.rows[0].events);
}

/** eventCosts' rows, before the cost per participant, as one JSON value. */
export const eventCostsJson = (year: number | SQL) => sql`(
	select coalesce(json_agg(json_build_object(
		'id', v.id, 'name', v.name, 'heldOn', v.held_on, 'heldIn', v.held_in, 'participants', v.participants,
		'cap', v.cost_cap_per_participant,
		'costs', coalesce((
			select sum(e.amount) from ${ledgerEntry} e join ${ledgerCategory} c on c.id = e.category_id
			where e.event_id = v.id and c.kind = 'cost'), 0)
	) order by v.held_from desc, v.id), '[]')
	from ${event} v
	where v.held_from >= make_date(${yearSql(year)}, 1, 1) and v.held_from <= make_date(${yearSql(year)}, 12, 31))`;

export function eventCostsFrom(rows: Omit<EventCost, 'perParticipant'>[]): EventCost[] {
	return rows.map((r) => {
		const costs = Number(r.costs);
		return { ...r, costs, perParticipant: r.participants ? Math.round(costs / r.participants / 100) * 100 : null };
	});
}

export type ExpectedIncome = {
	id: number;
	description: string;
	counterparty: string;
	sharePercent: number | null;
	expectedYear: number | null;
	amount: Ore | null;
	receivedOn: string | null;
	note: string | null;
	fund: string | null;
	project: string | null;
};

export async function listExpectedIncome(db: Reader): Promise<ExpectedIncome[]> {
	const r = await db.execute<{ expected: ExpectedIncome[] }>(sql`select ${expectedIncomeJson} as expected`);
	return r.rows[0].expected;
}

/** listExpectedIncome as one JSON value. */
export const expectedIncomeJson = sql`(
	select coalesce(json_agg(json_build_object(
		'id', x.id, 'description', x.description, 'counterparty', x.counterparty, 'sharePercent', x.share_percent,
		'expectedYear', x.expected_year, 'amount', x.amount, 'receivedOn', x.received_on, 'note', x.note,
		'fund', f.name, 'project', p.name
	) order by x.expected_year, x.id), '[]')
	from ${expectedIncome} x
	left join ${fund} f on f.id = x.fund_id
	left join ${project} p on p.id = x.project_id)`;
