// Reads of the finance module: funds and categories (with the label a year
// prints), the ledger, a year's closing computed from the ledger with the printed
// figures checked against it, budget against outcome, fees and cost sharing.
import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import {
	budgetLine,
	budgetLineCategory,
	costSharing,
	event,
	expectedIncome,
	feeInvoice,
	feeRule,
	fiscalYear,
	fund,
	fundTransfer,
	ledgerCategory,
	ledgerCategoryLabel,
	ledgerEntry,
	municipality,
	openingBalance,
	population,
	printedFigure,
	project
} from '../db/schema/index.ts';
import { NotFoundError } from '../errors.ts';
import type { Page, Paged } from '../organisation/queries.ts';
import {
	budgetOutcome,
	closeFund,
	closingTotals,
	differs,
	feePopulationDate,
	feeShares,
	ruleForYear,
	type ClosingRow,
	type Ore
} from '../../core/finance.ts';

type Reader = Db | Tx;

// ---------------------------------------------------------------------------
// Years

export type YearStatus = 'open' | 'closed';

export async function yearStatus(db: Reader, year: number): Promise<YearStatus> {
	const [row] = await db.select({ status: fiscalYear.status }).from(fiscalYear).where(eq(fiscalYear.year, year));
	return (row?.status as YearStatus | undefined) ?? 'open';
}

/** Every year with anything in the ledger, a budget, openings or fees, newest first. */
export async function financeYears(db: Reader): Promise<{ year: number; status: YearStatus }[]> {
	const rows = await db.execute<{ year: number; status: string | null }>(sql`
		select y.year, fy.status from (
			select distinct year from ${ledgerEntry}
			union select year from ${openingBalance}
			union select year from ${budgetLine}
			union select year from ${fiscalYear}
			union select year from ${feeInvoice}
		) y left join ${fiscalYear} fy on fy.year = y.year
		order by y.year desc`);
	return rows.rows.map((r) => ({ year: Number(r.year), status: (r.status as YearStatus) ?? 'open' }));
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

/** The category's label in a year: the latest label from that year or before, else its name. */
export function labelIn(c: Category, year: number): string {
	let label = c.name;
	for (const l of c.labels) if (l.fromYear <= year) label = l.label;
	return label;
}

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
// Closing

export interface ClosingFund extends ClosingRow {
	name: string;
	kind: string;
	note: string | null;
	openingSource: string | null;
	heldBy: string | null;
	heldUntil: string | null;
}

export interface CategoryLine {
	categoryId: number;
	label: string;
	kind: 'income' | 'cost';
	amount: Ore;
}

export interface Difference {
	what: string;
	printed: Ore;
	ledger: Ore | null;
	source: string;
}

export interface Closing {
	year: number;
	status: YearStatus;
	funds: ClosingFund[];
	totals: ReturnType<typeof closingTotals>;
	/** Per fund with movements: its income and cost lines by category, as the year labels them. */
	lines: { fundId: number; name: string; income: CategoryLine[]; costs: CategoryLine[] }[];
	/** Per fund: the projects its costs went to. */
	projects: { fundId: number; project: string; amount: Ore }[];
	transfers: { date: string; from: string; to: string; amount: Ore; note: string | null }[];
	differences: Difference[];
	/** Whether the openings were entered (with sources) rather than carried from the closing before. */
	openingsEntered: boolean;
	/** No openings and no closing before: the opening balances are not known. */
	openingsMissing: boolean;
}

/**
 * A year's closing, computed from the ledger: per fund its opening balance,
 * income, costs and transfers, and closing balance. The sums are done by
 * PostgreSQL (grouped by fund and category), so a year of 100 000 rows costs
 * one index scan.
 */
export async function yearClosing(db: Reader, year: number): Promise<Closing> {
	const status = await yearStatus(db, year);
	const funds = await listFunds(db);
	const categories = await listCategories(db);
	const catById = new Map(categories.map((c) => [c.id, c]));
	const openings = await db.select().from(openingBalance).where(eq(openingBalance.year, year));
	const sums = await db
		.select({ fundId: ledgerEntry.fundId, categoryId: ledgerEntry.categoryId, amount: sql<string>`sum(${ledgerEntry.amount})` })
		.from(ledgerEntry)
		.where(eq(ledgerEntry.year, year))
		.groupBy(ledgerEntry.fundId, ledgerEntry.categoryId);
	const byProject = await db
		.select({ fundId: ledgerEntry.fundId, project: project.name, amount: sql<string>`sum(${ledgerEntry.amount})` })
		.from(ledgerEntry)
		.innerJoin(project, eq(project.id, ledgerEntry.projectId))
		.innerJoin(ledgerCategory, eq(ledgerCategory.id, ledgerEntry.categoryId))
		.where(and(eq(ledgerEntry.year, year), eq(ledgerCategory.kind, 'cost')))
		.groupBy(ledgerEntry.fundId, project.name)
		.orderBy(desc(sql`sum(${ledgerEntry.amount})`));
	const transfers = await listTransfers(db, year);
	const heldNames = new Map(
		(await db.select({ id: municipality.id, name: municipality.name }).from(municipality)).map((m) => [m.id, m.name])
	);

	const movement = new Map<number, { income: Ore; costs: Ore; transfersIn: Ore; transfersOut: Ore }>();
	const m = (id: number) => {
		let v = movement.get(id);
		if (!v) movement.set(id, (v = { income: 0, costs: 0, transfersIn: 0, transfersOut: 0 }));
		return v;
	};
	const lineMap = new Map<number, { income: CategoryLine[]; costs: CategoryLine[] }>();
	for (const s of sums) {
		const c = catById.get(s.categoryId)!;
		const amount = Number(s.amount);
		if (c.kind === 'income') m(s.fundId).income += amount;
		else m(s.fundId).costs += amount;
		let l = lineMap.get(s.fundId);
		if (!l) lineMap.set(s.fundId, (l = { income: [], costs: [] }));
		(c.kind === 'income' ? l.income : l.costs).push({ categoryId: c.id, label: labelIn(c, year), kind: c.kind, amount });
	}
	for (const t of transfers) {
		m(t.fromFundId).transfersOut += t.amount;
		m(t.toFundId).transfersIn += t.amount;
	}
	const openingOf = new Map(openings.map((o) => [o.fundId, o]));
	const rows: ClosingFund[] = funds
		.filter(
			(f) =>
				openingOf.has(f.id) ||
				movement.has(f.id) ||
				((f.activeFromYear === null || f.activeFromYear <= year) &&
					f.activeToYear !== null &&
					f.activeToYear >= year &&
					f.kind !== 'carried')
		)
		.map((f) => {
			const mv = movement.get(f.id) ?? { income: 0, costs: 0, transfersIn: 0, transfersOut: 0 };
			const o = openingOf.get(f.id);
			return {
				...closeFund({ fundId: f.id, opening: o?.amount ?? 0, ...mv }),
				name: f.name,
				kind: f.kind,
				note: f.note,
				openingSource: o?.source ?? null,
				heldBy: f.heldByMunicipalityId ? (heldNames.get(f.heldByMunicipalityId) ?? null) : null,
				heldUntil: f.heldUntil
			};
		});
	const sortIndex = new Map(categories.map((c, i) => [c.id, i]));
	const byOrder = (a: CategoryLine, b: CategoryLine) => (sortIndex.get(a.categoryId) ?? 0) - (sortIndex.get(b.categoryId) ?? 0);
	const lines = rows
		.filter((r) => lineMap.has(r.fundId))
		.map((r) => {
			const l = lineMap.get(r.fundId)!;
			return { fundId: r.fundId, name: r.name, income: l.income.sort(byOrder), costs: l.costs.sort(byOrder) };
		});
	const fundName = new Map(funds.map((f) => [f.id, f.name]));
	const totals = closingTotals(rows);
	const closing: Closing = {
		year,
		status,
		funds: rows,
		totals,
		lines,
		projects: byProject.map((p) => ({ fundId: p.fundId, project: p.project, amount: Number(p.amount) })),
		transfers: transfers.map((t) => ({
			date: t.date,
			from: fundName.get(t.fromFundId) ?? '',
			to: fundName.get(t.toFundId) ?? '',
			amount: t.amount,
			note: t.note
		})),
		differences: [],
		openingsEntered: openings.some((o) => !o.computed),
		openingsMissing: openings.length === 0 && year > 0 && !(await hasClosedBefore(db, year))
	};
	closing.differences = await printedDifferences(db, closing);
	return closing;
}

async function hasClosedBefore(db: Reader, year: number) {
	const [row] = await db
		.select({ n: count() })
		.from(fiscalYear)
		.where(and(eq(fiscalYear.year, year - 1), eq(fiscalYear.status, 'closed')));
	return row.n > 0;
}

/** Every printed figure of the year that the ledger, to the krona, does not give. */
async function printedDifferences(db: Reader, c: Closing): Promise<Difference[]> {
	const printed = await db.select().from(printedFigure).where(eq(printedFigure.year, c.year)).orderBy(asc(printedFigure.id));
	const out: Difference[] = [];
	for (const p of printed) {
		const ledger = ledgerFigure(c, p.fundId, p.categoryId, p.measure as Measure);
		if (differs(p.amount, ledger)) out.push({ what: p.what, printed: p.amount, ledger, source: p.source });
	}
	return out;
}

type Measure = 'opening' | 'income' | 'costs' | 'closing';

/** The ledger's figure for a printed one: a total, a fund's, or a category's within a fund (or in all funds). */
export function ledgerFigure(c: Closing, fundId: number | null, categoryId: number | null, measure: Measure): Ore | null {
	if (categoryId !== null) {
		let sum = 0;
		for (const l of c.lines) {
			if (fundId !== null && l.fundId !== fundId) continue;
			for (const line of [...l.income, ...l.costs]) if (line.categoryId === categoryId) sum += line.amount;
		}
		return sum;
	}
	if (fundId === null) return c.totals[measure];
	const row = c.funds.find((f) => f.fundId === fundId);
	return row ? row[measure] : 0;
}

export async function listPrinted(db: Reader, year: number) {
	return db.select().from(printedFigure).where(eq(printedFigure.year, year)).orderBy(asc(printedFigure.id));
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
// Fees

export interface FeeBasis {
	year: number;
	rule: {
		kind: 'per_inhabitant' | 'fixed_total';
		amount: Ore;
		validFromYear: number;
		source: string | null;
		decision: string | null;
	} | null;
	populationDate: string;
	total: { population: number | null; source: string | null; amount: Ore | null };
	municipalities: {
		id: number;
		code: string;
		name: string;
		population: number | null;
		source: string | null;
		amount: Ore | null;
		invoiceId: number | null;
		paidOn: string | null;
		dueOn: string | null;
		invoiceVersion: number | null;
	}[];
	/** Municipalities whose figure is missing: no per-municipality invoices until they are imported. */
	missing: string[];
	invoiced: boolean;
}

export async function listFeeRules(db: Reader) {
	return db
		.select({
			id: feeRule.id,
			kind: feeRule.kind,
			amount: feeRule.amount,
			validFromYear: feeRule.validFromYear,
			source: feeRule.source,
			decisionId: feeRule.decisionId,
			version: feeRule.version,
			decision: sql<
				string | null
			>`(select concat_ws(', ', d.title, to_char(d.decided_on, 'YYYY-MM-DD')) from decision d where d.id = ${feeRule.decisionId})`
		})
		.from(feeRule)
		.orderBy(asc(feeRule.validFromYear));
}

/**
 * The fee of a year: the rule in force, the population on 31 December the year
 * before per member municipality, and each one's amount. Where a municipality's
 * figure is missing, its amount is null and the total comes from the
 * cooperation's recorded total, with its source.
 */
export async function feeBasis(db: Reader, year: number): Promise<FeeBasis> {
	const rules = await listFeeRules(db);
	const r = ruleForYear(rules, year);
	const date = feePopulationDate(year);
	const members = await db
		.select({
			id: municipality.id,
			code: municipality.code,
			name: municipality.name,
			population: population.population,
			source: population.source
		})
		.from(municipality)
		.leftJoin(population, and(eq(population.municipalityId, municipality.id), eq(population.date, date)))
		.where(
			and(
				sql`(${municipality.memberFrom} is null or ${municipality.memberFrom} <= ${`${year}-12-31`})`,
				sql`(${municipality.memberTo} is null or ${municipality.memberTo} >= ${`${year}-01-01`})`
			)
		)
		.orderBy(asc(municipality.name));
	const invoices = await db.select().from(feeInvoice).where(eq(feeInvoice.year, year));
	const [totalRow] = await db
		.select()
		.from(population)
		.where(and(sql`${population.municipalityId} is null`, eq(population.date, date)));
	const rule = r
		? {
				kind: r.kind as 'per_inhabitant' | 'fixed_total',
				amount: r.amount,
				validFromYear: r.validFromYear,
				source: r.source,
				decision: r.decision
			}
		: null;
	const missing = members.filter((m) => m.population === null).map((m) => m.name);
	const sumKnown = members.reduce((s, m) => s + (m.population ?? 0), 0);
	const totalPopulation = missing.length === 0 ? sumKnown : (totalRow?.population ?? null);
	const fixedShares =
		rule?.kind === 'fixed_total' && missing.length === 0 && members.length
			? feeShares(
					rule,
					members.map((m) => m.population as number)
				)
			: null;
	const invoiceOf = new Map(invoices.map((i) => [i.municipalityId, i]));
	return {
		year,
		rule,
		populationDate: date,
		total: {
			population: totalPopulation,
			source: missing.length === 0 ? `Summan av kommunernas folkmängd ${date}` : (totalRow?.source ?? null),
			amount: rule && totalPopulation !== null ? (rule.kind === 'per_inhabitant' ? rule.amount * totalPopulation : rule.amount) : null
		},
		municipalities: members.map((m, i) => {
			const inv = invoiceOf.get(m.id);
			return {
				id: m.id,
				code: m.code,
				name: m.name,
				population: inv?.population ?? m.population,
				source: inv?.populationSource ?? (m.population === null ? null : m.source),
				amount: inv ? inv.amount : rule && m.population !== null ? (fixedShares ? fixedShares[i] : rule.amount * m.population) : null,
				invoiceId: inv?.id ?? null,
				paidOn: inv?.paidOn ?? null,
				dueOn: inv?.dueOn ?? null,
				invoiceVersion: inv?.version ?? null
			};
		}),
		missing,
		invoiced: invoices.length > 0
	};
}

// ---------------------------------------------------------------------------
// Cost sharing, events, projects, expected income

export async function listCostSharings(db: Reader) {
	return db.select().from(costSharing).orderBy(desc(costSharing.year), asc(costSharing.id));
}

export async function getCostSharing(db: Reader, id: number) {
	const [row] = await db.select().from(costSharing).where(eq(costSharing.id, id));
	if (!row) throw new NotFoundError('Fördelningen');
	return row;
}

/** What each municipality actually paid toward an event or project (income entries naming the municipality). */
export async function paidByMunicipality(db: Reader, f: { eventId: number | null; projectId: number | null }): Promise<Map<number, Ore>> {
	if (!f.eventId && !f.projectId) return new Map();
	const rows = await db
		.select({ municipalityId: ledgerEntry.municipalityId, amount: sql<string>`sum(${ledgerEntry.amount})` })
		.from(ledgerEntry)
		.innerJoin(ledgerCategory, eq(ledgerCategory.id, ledgerEntry.categoryId))
		.where(
			and(
				eq(ledgerCategory.kind, 'income'),
				sql`${ledgerEntry.municipalityId} is not null`,
				f.eventId ? eq(ledgerEntry.eventId, f.eventId) : eq(ledgerEntry.projectId, f.projectId as number)
			)
		)
		.groupBy(ledgerEntry.municipalityId);
	return new Map(rows.map((r) => [r.municipalityId as number, Number(r.amount)]));
}

export async function populationsOn(db: Reader, date: string): Promise<Map<number, { population: number | null; source: string }>> {
	const rows = await db
		.select({ municipalityId: population.municipalityId, population: population.population, source: population.source })
		.from(population)
		.where(and(eq(population.date, date), sql`${population.municipalityId} is not null`));
	return new Map(rows.map((r) => [r.municipalityId as number, { population: r.population, source: r.source }]));
}

export async function listEvents(db: Reader) {
	return db.select().from(event).orderBy(desc(event.heldOn), asc(event.name));
}

export async function listProjects(db: Reader) {
	return db.select().from(project).orderBy(asc(project.name));
}

/** An event's cost from the ledger, per participant, against its cap. */
export async function eventCosts(db: Reader) {
	const rows = await db
		.select({
			id: event.id,
			name: event.name,
			heldOn: event.heldOn,
			participants: event.participants,
			cap: event.costCapPerParticipant,
			costs: sql<string>`coalesce(sum(${ledgerEntry.amount}) filter (where ${ledgerCategory.kind} = 'cost'), 0)`
		})
		.from(event)
		.leftJoin(ledgerEntry, eq(ledgerEntry.eventId, event.id))
		.leftJoin(ledgerCategory, eq(ledgerCategory.id, ledgerEntry.categoryId))
		.groupBy(event.id)
		.orderBy(desc(event.heldOn));
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
