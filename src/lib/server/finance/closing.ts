// The year-end closing (bokslut): a year's closing computed from the ledger,
// the printed figures checked against it, and closing and reopening a year.
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import type { Actor } from '../actor.ts';
import {
	fiscalYear,
	fund,
	fundTransfer,
	ledgerCategory,
	ledgerEntry,
	municipality,
	openingBalance,
	printedFigure,
	project
} from '../db/schema/index.ts';
import { fieldError } from '../errors.ts';
import { inTransaction, requireRole, validate, writeAudit } from '../service.ts';
import { reopenInput, yearField } from '../../schemas/finance.ts';
import { closeFund, closingTotals, differs, nextOpenings, type ClosingRow, type Ore } from '../../core/finance.ts';
import { categoriesJson, fundsJson, labelIn, yearSql, type Category, type FundRow, type YearStatus } from './queries.ts';

type Reader = Db | Tx;

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
	/**
	 * The few entries a line is made of, each with whom it came from or went to,
	 * where the published tables print them one by one (the 2018 Rådslag's
	 * eight municipal shares, Vinnova's payments of 2017 and 2018).
	 */
	parts?: { label: string; amount: Ore }[];
}

/** A line of at most this many entries, each with a counterparty or a project, is printed entry by entry. */
const ITEMISED_LINE = 12;

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
	/**
	 * Openings carried from the year before's computed closing because that year
	 * is not closed: the year shows its money, marked provisional, instead of
	 * opening at 0 kr. firstUnclosed is the year to close first.
	 */
	openingsProvisional: { from: number; firstUnclosed: number } | null;
	/** How many printed figures of the year were checked against the ledger. */
	printedCount: number;
}

/** How many unclosed years a provisional opening reaches back over. */
const PROVISIONAL_YEARS = 10;

/** What one year of a closing is computed from, as closingDataJson reads it. */
interface YearData {
	year: number;
	status: YearStatus;
	closedBefore: boolean;
	openings: { fundId: number; amount: Ore; source: string | null; computed: boolean }[];
	sums: { fundId: number; categoryId: number; amount: Ore }[];
	projects: { fundId: number; project: string; amount: Ore }[];
	itemised: (ItemisedEntry & { fundId: number; categoryId: number })[];
	transfers: { date: string; fromFundId: number; toFundId: number; amount: Ore; note: string | null }[];
	printed: { what: string; fundId: number | null; categoryId: number | null; measure: string; amount: Ore; source: string }[];
}

/** Everything a year's closing is computed from, read in one query. */
export interface ClosingData {
	year: number;
	/** the latest year before with opening balances */
	anchor: number | null;
	funds: FundRow[];
	categories: Category[];
	municipalities: { id: number; name: string }[];
	/** the year and, when its openings are provisional, the unclosed years before it that they come from, oldest first */
	years: YearData[];
}

/**
 * A year's closing, computed from the ledger: per fund its opening balance,
 * income, costs and transfers, and closing balance. The sums are done by
 * PostgreSQL (grouped by fund and category), so a year of 100 000 rows costs
 * one index scan; everything, the unclosed years before included, is one query.
 */
export async function yearClosing(db: Reader, year: number): Promise<Closing> {
	const r = await db.execute<{ data: ClosingData }>(sql`select ${closingDataJson(year)} as data`);
	return closingFrom(db, r.rows[0].data);
}

/**
 * The data of a year's closing as one JSON value (year a number or an SQL
 * expression). A year whose openings are provisional opens from the closing of
 * the year before, and that year may do the same: the years read reach back to
 * the first one that opens from entered or written openings (the latest year
 * with openings) or follows a closed year, as the recursion of closingFrom does.
 */
export function closingDataJson(year: number | SQL): SQL {
	const y = yearSql(year);
	return sql`(
	with anchor as (select max(year) as a from ${openingBalance} where year < ${y}),
	bounds as (
		select case
			when exists (select 1 from ${openingBalance} where year = ${y})
				or exists (select 1 from ${fiscalYear} where year = ${y} - 1 and status = 'closed')
				or anchor.a is null or ${y} - anchor.a > ${sql.raw(String(PROVISIONAL_YEARS))}
			then ${y}
			else greatest(anchor.a, coalesce((select max(year) + 1 from ${fiscalYear} where status = 'closed' and year < ${y}), anchor.a))
		end as lo
		from anchor
	),
	ys as (select generate_series(bounds.lo, ${y}) as y from bounds)
	select json_build_object(
		'year', ${y},
		'anchor', (select a from anchor),
		'funds', ${fundsJson},
		'categories', ${categoriesJson},
		'municipalities', (select coalesce(json_agg(json_build_object('id', m.id, 'name', m.name)), '[]') from ${municipality} m),
		'years', (select json_agg(json_build_object(
			'year', ys.y,
			'status', coalesce((select fy.status from ${fiscalYear} fy where fy.year = ys.y), 'open'),
			'closedBefore', exists (select 1 from ${fiscalYear} fy where fy.year = ys.y - 1 and fy.status = 'closed'),
			'openings', coalesce((
				select json_agg(json_build_object('fundId', o.fund_id, 'amount', o.amount, 'source', o.source, 'computed', o.computed))
				from ${openingBalance} o where o.year = ys.y), '[]'),
			'sums', coalesce((
				select json_agg(json_build_object('fundId', s.fund_id, 'categoryId', s.category_id, 'amount', s.amount))
				from (select fund_id, category_id, sum(amount) as amount from ${ledgerEntry} where year = ys.y group by fund_id, category_id) s), '[]'),
			'projects', coalesce((
				select json_agg(json_build_object('fundId', p.fund_id, 'project', p.project, 'amount', p.amount) order by p.amount desc)
				from (
					select e.fund_id, pr.name as project, sum(e.amount) as amount
					from ${ledgerEntry} e
					join ${project} pr on pr.id = e.project_id
					join ${ledgerCategory} c on c.id = e.category_id
					where e.year = ys.y and c.kind = 'cost'
					group by e.fund_id, pr.name
				) p), '[]'),
			'itemised', coalesce((
				select json_agg(json_build_object(
					'fundId', e.fund_id, 'categoryId', e.category_id, 'counterparty', e.counterparty,
					'description', e.description, 'amount', e.amount, 'project', pr.name
				) order by e.date, e.id)
				from ${ledgerEntry} e
				join (
					select fund_id, category_id from ${ledgerEntry}
					where year = ys.y
					group by fund_id, category_id
					having count(*) between 2 and ${sql.raw(String(ITEMISED_LINE))} and count(*) filter (where counterparty is null and project_id is null) = 0
				) g on g.fund_id = e.fund_id and g.category_id = e.category_id
				left join ${project} pr on pr.id = e.project_id
				where e.year = ys.y), '[]'),
			'transfers', coalesce((
				select json_agg(json_build_object(
					'date', t.date, 'fromFundId', t.from_fund_id, 'toFundId', t.to_fund_id, 'amount', t.amount, 'note', t.note
				) order by t.date, t.id)
				from ${fundTransfer} t where t.year = ys.y), '[]'),
			'printed', coalesce((
				select json_agg(json_build_object(
					'what', p.what, 'fundId', p.fund_id, 'categoryId', p.category_id, 'measure', p.measure, 'amount', p.amount, 'source', p.source
				) order by p.id)
				from ${printedFigure} p where p.year = ys.y), '[]')
		) order by ys.y) from ys)
	))`;
}

/**
 * A year's closing from its data; year defaults to the one read. A year before
 * it that the data does not hold (it should hold every one the recursion reaches)
 * is read on its own.
 */
export async function closingFrom(db: Reader, data: ClosingData, year = data.year): Promise<Closing> {
	const d = data.years.find((y) => y.year === year);
	if (!d) return yearClosing(db, year);
	const { status, closedBefore } = d;
	const { funds, categories } = data;
	const catById = new Map(categories.map((c) => [c.id, c]));
	const stored = d.openings;
	const provisional = stored.length || closedBefore ? null : await provisionalOpenings(db, data, year);
	const openings = provisional?.openings ?? stored;
	const heldNames = new Map(data.municipalities.map((m) => [m.id, m.name]));
	const transfers = d.transfers;

	const movement = new Map<number, { income: Ore; costs: Ore; transfersIn: Ore; transfersOut: Ore }>();
	const m = (id: number) => {
		let v = movement.get(id);
		if (!v) movement.set(id, (v = { income: 0, costs: 0, transfersIn: 0, transfersOut: 0 }));
		return v;
	};
	const lineMap = new Map<number, { income: CategoryLine[]; costs: CategoryLine[] }>();
	for (const s of d.sums) {
		const c = catById.get(s.categoryId)!;
		const amount = Number(s.amount);
		if (c.kind === 'income') m(s.fundId).income += amount;
		else m(s.fundId).costs += amount;
		let l = lineMap.get(s.fundId);
		if (!l) lineMap.set(s.fundId, (l = { income: [], costs: [] }));
		const entries = d.itemised.filter((e) => e.fundId === s.fundId && e.categoryId === s.categoryId);
		const label = labelIn(c, year);
		(c.kind === 'income' ? l.income : l.costs).push({
			categoryId: c.id,
			label,
			kind: c.kind,
			amount,
			...(entries.length ? { parts: partsOf(label, entries) } : {})
		});
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
		projects: d.projects.map((p) => ({ fundId: p.fundId, project: p.project, amount: Number(p.amount) })),
		transfers: transfers.map((t) => ({
			date: t.date,
			from: fundName.get(t.fromFundId) ?? '',
			to: fundName.get(t.toFundId) ?? '',
			amount: t.amount,
			note: t.note
		})),
		differences: [],
		openingsEntered: openings.some((o) => !o.computed),
		openingsMissing: openings.length === 0 && year > 0 && !closedBefore,
		openingsProvisional: provisional && { from: provisional.from, firstUnclosed: provisional.firstUnclosed },
		printedCount: d.printed.length
	};
	closing.differences = printedDifferences(closing, d.printed);
	return closing;
}

type ItemisedEntry = {
	counterparty: string | null;
	description: string | null;
	project: string | null;
	amount: Ore | string;
};

/**
 * A line's entries, each named by what tells them apart: their projects
 * ("Övriga konsulter, Systemanalys Södertörn"), whom they came from ("Botkyrka
 * kommun"), or what they were ("Vinnova 2017 (Södertörnsmodellen)").
 */
function partsOf(label: string, entries: ItemisedEntry[]) {
	const distinct = (f: (e: ItemisedEntry) => string | null) => entries.every(f) && new Set(entries.map(f)).size === entries.length;
	const name = distinct((e) => e.project)
		? (e: ItemisedEntry) => `${label}, ${e.project}`
		: distinct((e) => e.counterparty)
			? (e: ItemisedEntry) => e.counterparty!
			: (e: ItemisedEntry) => e.description?.split(', ')[0] ?? e.counterparty ?? e.project ?? label;
	return entries.map((e) => ({ label: name(e), amount: Number(e.amount) }));
}

/**
 * A year whose year before is not closed opens from that year's computed
 * closing, each fund keeping its balance, when a year not long before has
 * openings to start from; else null (the openings are missing).
 */
async function provisionalOpenings(db: Reader, data: ClosingData, year: number) {
	// Below the year read, the latest year with openings is still data.anchor: no year between has any.
	const anchor = data.anchor;
	if (anchor == null || year - anchor > PROVISIONAL_YEARS) return null;
	const before = await closingFrom(db, data, year - 1);
	const amounts = nextOpenings(before.funds, new Map(), new Map());
	if (!amounts.size) return null;
	return {
		from: year - 1,
		firstUnclosed: before.openingsProvisional?.firstUnclosed ?? year - 1,
		openings: [...amounts].map(([fundId, amount]) => ({
			fundId,
			amount,
			source: `Preliminär: utgående balans ${year - 1} enligt bokföringen; ${year - 1} är inte stängt`,
			computed: true
		}))
	};
}

/** Every printed figure of the year that the ledger, to the krona, does not give. */
function printedDifferences(c: Closing, printed: YearData['printed']): Difference[] {
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
// Closing and reopening a year

/**
 * Closes a year: its closing is computed from the ledger, each operations
 * fund's result becomes a fund of its own the next year ("drift från 2020"),
 * funds merged from next year hand over their balance, the next year's opening
 * balances are written from it, and the year is locked.
 */
export async function closeYear(db: Db, actor: Actor, yearInput: unknown) {
	requireRole(actor, 'editor');
	const year = validate(yearField('År'), yearInput);
	return inTransaction(db, (tx) => closeYearIn(tx, actor, year));
}

/** The closing in the caller's transaction (the demo loader closes its years with it). */
export async function closeYearIn(tx: Tx, actor: Actor, year: number) {
	await tx.insert(fiscalYear).values({ year }).onConflictDoNothing();
	const [fy] = await tx.select().from(fiscalYear).where(eq(fiscalYear.year, year)).for('update');
	if (fy.status === 'closed') throw fieldError('year', `Året ${year} är redan stängt.`);
	const [prev] = await tx
		.select()
		.from(fiscalYear)
		.where(eq(fiscalYear.year, year - 1));
	const [prevEntries] = await tx
		.select({ n: sql<number>`count(*)::int` })
		.from(ledgerEntry)
		.where(eq(ledgerEntry.year, year - 1));
	const [entered] = await tx
		.select({ n: sql<number>`count(*)::int` })
		.from(openingBalance)
		.where(and(eq(openingBalance.year, year), eq(openingBalance.computed, false)));
	if (prevEntries.n > 0 && prev?.status !== 'closed' && entered.n === 0)
		throw fieldError('year', `Stäng ${year - 1} först: årets ingående balanser kommer från bokslutet för ${year - 1}.`);

	const closing = await yearClosing(tx, year);
	if (closing.openingsProvisional)
		throw fieldError(
			'year',
			`Stäng ${closing.openingsProvisional.firstUnclosed} först: årets ingående balanser är preliminära så länge det året är öppet.`
		);
	const funds = await tx.select().from(fund);
	const carriedInto = new Map<number, number>();
	for (const f of funds.filter((f) => f.kind === 'operations')) {
		const row = closing.funds.find((r) => r.fundId === f.id);
		if (!row || row.closing === 0) continue;
		let carried = funds.find((c) => c.carriedFromFundId === f.id && c.originYear === year);
		if (!carried) {
			[carried] = await tx
				.insert(fund)
				.values({
					name: `${f.name} från ${year}`,
					kind: 'carried',
					originYear: year,
					carriedFromFundId: f.id,
					activeFromYear: year + 1,
					sortOrder: f.sortOrder + 1000 - (year % 1000)
				})
				.returning();
			await writeAudit(tx, actor, { action: 'create', entity: 'fund', entityId: carried.id, after: carried });
		}
		carriedInto.set(f.id, carried.id);
	}
	const mergedInto = new Map(
		funds.filter((f) => f.mergedIntoId && f.mergedFromYear === year + 1).map((f) => [f.id, f.mergedIntoId as number])
	);
	const openings = nextOpenings(closing.funds, carriedInto, mergedInto);

	// Openings someone entered for next year (with their source) stand; computed ones are replaced.
	const nextEntered = await tx
		.select({ fundId: openingBalance.fundId })
		.from(openingBalance)
		.where(and(eq(openingBalance.year, year + 1), eq(openingBalance.computed, false)));
	await tx.delete(openingBalance).where(and(eq(openingBalance.year, year + 1), eq(openingBalance.computed, true)));
	if (nextEntered.length === 0 && openings.size)
		await tx
			.insert(openingBalance)
			.values([...openings].map(([fundId, amount]) => ({ year: year + 1, fundId, amount, source: `Bokslut ${year}`, computed: true })));

	const [after] = await tx
		.update(fiscalYear)
		.set({ status: 'closed', closedAt: sql`now()`, closedBy: actor.name, version: sql`${fiscalYear.version} + 1`, updatedAt: sql`now()` })
		.where(eq(fiscalYear.year, year))
		.returning();
	await writeAudit(tx, actor, {
		action: 'close',
		entity: 'fiscal_year',
		entityId: year,
		before: fy,
		after: { ...after, totals: closing.totals, openingsNextYear: Object.fromEntries(openings) }
	});
	return { year, totals: closing.totals, openingsNextYear: openings };
}

/** Only an administrator reopens a closed year, and the reason goes into the audit log. */
export async function reopenYear(db: Db, actor: Actor, yearInput: unknown, input: unknown) {
	requireRole(actor, 'admin');
	const year = validate(yearField('År'), yearInput);
	const { reason } = validate(reopenInput, input);
	return inTransaction(db, async (tx) => {
		const [fy] = await tx.select().from(fiscalYear).where(eq(fiscalYear.year, year)).for('update');
		if (!fy || fy.status !== 'closed') throw fieldError('reason', `Året ${year} är inte stängt.`);
		const [next] = await tx
			.select()
			.from(fiscalYear)
			.where(eq(fiscalYear.year, year + 1));
		if (next?.status === 'closed')
			throw fieldError('reason', `Öppna ${year + 1} först: dess ingående balanser bygger på bokslutet för ${year}.`);
		await tx.delete(openingBalance).where(and(eq(openingBalance.year, year + 1), eq(openingBalance.computed, true)));
		const [after] = await tx
			.update(fiscalYear)
			.set({ status: 'open', closedAt: null, closedBy: null, version: sql`${fiscalYear.version} + 1`, updatedAt: sql`now()` })
			.where(eq(fiscalYear.year, year))
			.returning();
		await writeAudit(tx, actor, { action: 'reopen', entity: 'fiscal_year', entityId: year, before: fy, after: { ...after, reason } });
		return after;
	});
}
