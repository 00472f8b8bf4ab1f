// Reads of the finance module: years, funds and categories (with the label a
// year prints), the ledger, budget against outcome, events, projects and
// expected income. A year's closing is in closing.ts, fees in fees.ts.
import { and, asc, count, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
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

/** Every year with anything in the ledger, a budget, openings or fees, newest first; hasFigures: a ledger or a budget. */
export async function financeYears(db: Reader): Promise<{ year: number; status: YearStatus; hasFigures: boolean }[]> {
	const rows = await db.execute<{ year: number; status: string | null; has_figures: boolean }>(sql`
		select y.year, fy.status,
			exists (select 1 from ${ledgerEntry} e where e.year = y.year) or exists (select 1 from ${budgetLine} b where b.year = y.year) as has_figures
		from (
			select distinct year from ${ledgerEntry}
			union select year from ${openingBalance}
			union select year from ${budgetLine}
			union select year from ${fiscalYear}
			union select year from ${feeInvoice}
		) y left join ${fiscalYear} fy on fy.year = y.year
		order by y.year desc`);
	return rows.rows.map((r) => ({ year: Number(r.year), status: (r.status as YearStatus) ?? 'open', hasFigures: r.has_figures }));
}

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
	const [cats, labels] = [
		await db.select().from(ledgerCategory).orderBy(asc(ledgerCategory.kind), asc(ledgerCategory.sortOrder), asc(ledgerCategory.id)),
		await db.select().from(ledgerCategoryLabel).orderBy(asc(ledgerCategoryLabel.fromYear))
	];
	return cats.map((c) => ({
		id: c.id,
		kind: c.kind as 'income' | 'cost',
		name: c.name,
		sortOrder: c.sortOrder,
		version: c.version,
		labels: labels.filter((l) => l.categoryId === c.id).map((l) => ({ fromYear: l.fromYear, label: l.label }))
	}));
}

/** The category's label in a year (in the core, so that the import's worker reads it without the database). */
export { labelIn };

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

export async function budgetLines(db: Reader, year: number) {
	const lines = await db
		.select()
		.from(budgetLine)
		.where(eq(budgetLine.year, year))
		.orderBy(asc(budgetLine.kind), asc(budgetLine.sortOrder), asc(budgetLine.id));
	const links = lines.length
		? await db
				.select()
				.from(budgetLineCategory)
				.where(
					inArray(
						budgetLineCategory.budgetLineId,
						lines.map((l) => l.id)
					)
				)
		: [];
	return lines.map((l) => ({
		...l,
		kind: l.kind as 'income' | 'cost',
		categoryIds: links.filter((k) => k.budgetLineId === l.id).map((k) => k.categoryId)
	}));
}

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

/** The events held in a year: each one's cost from the ledger, per participant, against its cap. */
export async function eventCosts(db: Reader, year: number) {
	const rows = await db
		.select({
			id: event.id,
			name: event.name,
			heldOn: event.heldOn,
			heldIn: event.heldIn,
			participants: event.participants,
			cap: event.costCapPerParticipant,
			costs: sql<string>`coalesce(sum(${ledgerEntry.amount}) filter (where ${ledgerCategory.kind} = 'cost'), 0)`
		})
		.from(event)
		.leftJoin(ledgerEntry, eq(ledgerEntry.eventId, event.id))
		.leftJoin(ledgerCategory, eq(ledgerCategory.id, ledgerEntry.categoryId))
		.where(and(gte(event.heldFrom, `${year}-01-01`), lte(event.heldFrom, `${year}-12-31`)))
		.groupBy(event.id)
		.orderBy(desc(event.heldFrom));
	return rows.map((r) => {
		const costs = Number(r.costs);
		return { ...r, costs, perParticipant: r.participants ? Math.round(costs / r.participants / 100) * 100 : null };
	});
}

export async function listExpectedIncome(db: Reader) {
	return db
		.select({
			id: expectedIncome.id,
			description: expectedIncome.description,
			counterparty: expectedIncome.counterparty,
			sharePercent: expectedIncome.sharePercent,
			expectedYear: expectedIncome.expectedYear,
			amount: expectedIncome.amount,
			receivedOn: expectedIncome.receivedOn,
			note: expectedIncome.note,
			fund: fund.name,
			project: project.name
		})
		.from(expectedIncome)
		.leftJoin(fund, eq(fund.id, expectedIncome.fundId))
		.leftJoin(project, eq(project.id, expectedIncome.projectId))
		.orderBy(asc(expectedIncome.expectedYear));
}
