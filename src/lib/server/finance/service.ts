// The finance module's changes: the ledger and transfers (never in a closed
// year), funds, categories and their labels, opening balances, the budget, fee
// rules and invoice bases, cost sharing, and closing and reopening a year.
// Validated, authorised, in one transaction, audited.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Tx } from '../db/client.ts';
import type { Actor } from '../actor.ts';
import {
	budgetLine,
	budgetLineCategory,
	costSharing,
	feeInvoice,
	feeRule,
	fiscalYear,
	fund,
	fundTransfer,
	ledgerCategory,
	ledgerCategoryLabel,
	ledgerEntry,
	openingBalance,
	population
} from '../db/schema/index.ts';
import { fieldError, NotFoundError } from '../errors.ts';
import { inTransaction, loadForUpdate, requireRole, updateVersioned, validate, writeAudit, type ConstraintFields } from '../service.ts';
import { versionField } from '../../schemas/fields.ts';
import {
	budgetLineInput,
	categoryInput,
	categoryLabelInput,
	costSharingInput,
	feeRuleInput,
	fundInput,
	fundTransferInput,
	ledgerEntryInput,
	openingBalanceInput,
	paidInput,
	reopenInput,
	yearField
} from '../../schemas/finance.ts';
import { allocate, feeDueDate, feeShares, nextOpenings, type AllocationKey } from '../../core/finance.ts';
import { feeBasis, yearClosing } from './queries.ts';
import { formatDate, formatKronor } from '../../core/format.ts';

const versionOnly = z.object({ version: versionField });

export const ledgerConstraints: ConstraintFields = {
	ledger_entry_fund_id_fund_id_fk: ['fundId', 'Fond: fonden finns inte.'],
	ledger_entry_category_id_ledger_category_id_fk: ['categoryId', 'Kategori: kategorin finns inte.'],
	ledger_entry_project_id_project_id_fk: ['projectId', 'Projekt: projektet finns inte.'],
	ledger_entry_event_id_event_id_fk: ['eventId', 'Evenemang: evenemanget finns inte.'],
	ledger_entry_meeting_id_meeting_id_fk: ['meetingId', 'Möte: mötet finns inte.'],
	ledger_entry_municipality_id_municipality_id_fk: ['municipalityId', 'Kommun: kommunen finns inte.'],
	fund_transfer_from_fund_id_fund_id_fk: ['fromFundId', 'Från fond: fonden finns inte.'],
	fund_transfer_to_fund_id_fund_id_fk: ['toFundId', 'Till fond: fonden finns inte.'],
	opening_balance_fund_id_fund_id_fk: ['fundId', 'Fond: fonden finns inte.'],
	fund_name_unique: ['name', 'Namn: det finns redan en fond med det namnet.'],
	fund_merged_into_id_fund_id_fk: ['mergedIntoId', 'Slås ihop med: fonden finns inte.'],
	fund_held_by_municipality_id_municipality_id_fk: ['heldByMunicipalityId', 'Medlen förvaltas av: kommunen finns inte.'],
	fund_merge: ['mergedFromYear', 'Sammanslagning: ange både fonden och året, och en annan fond än den här.'],
	fund_years: ['activeToYear', 'Till år kan inte vara före från år.'],
	ledger_category_name_unique: ['name', 'Namn: det finns redan en kategori med det namnet.'],
	budget_line_category_category_id_ledger_category_id_fk: ['categoryIds', 'Kategorier: en vald kategori finns inte.'],
	fee_rule_validFromYear_unique: ['validFromYear', 'Gäller från år: det finns redan en regel från det året.'],
	cost_sharing_event_id_event_id_fk: ['eventId', 'Evenemang: evenemanget finns inte.'],
	cost_sharing_project_id_project_id_fk: ['projectId', 'Projekt: projektet finns inte.']
};

const yearOf = (isoDate: string) => Number(isoDate.slice(0, 4));

/**
 * Refuses a change in a closed year. The year's row is read FOR SHARE, so a
 * closing that runs at the same moment waits for this change or sees it.
 */
export async function assertYearOpen(tx: Tx, year: number, field = 'date') {
	// The row must exist to be locked: a year never closed gets one, open.
	await tx.insert(fiscalYear).values({ year }).onConflictDoNothing();
	const [row] = await tx.select({ status: fiscalYear.status }).from(fiscalYear).where(eq(fiscalYear.year, year)).for('share');
	if (row?.status === 'closed')
		throw fieldError(
			field,
			`Året ${year} är stängt: bokslutet är gjort och inget kan ändras i det. En administratör kan öppna året igen med ett skäl.`
		);
}

// ---------------------------------------------------------------------------
// The ledger

export async function createLedgerEntry(db: Db, actor: Actor, input: unknown) {
	requireRole(actor, 'editor');
	const values = validate(ledgerEntryInput, input);
	return inTransaction(
		db,
		async (tx) => {
			await assertYearOpen(tx, yearOf(values.date));
			const [row] = await tx
				.insert(ledgerEntry)
				.values({ ...values, year: yearOf(values.date) })
				.returning();
			await writeAudit(tx, actor, { action: 'create', entity: 'ledger_entry', entityId: row.id, after: row });
			return row;
		},
		ledgerConstraints
	);
}

export async function updateLedgerEntry(db: Db, actor: Actor, id: number, input: unknown) {
	requireRole(actor, 'editor');
	const { version } = validate(versionOnly, input);
	const values = validate(ledgerEntryInput, input);
	return inTransaction(
		db,
		async (tx) => {
			const current = await loadForUpdate(tx, ledgerEntry, id, 'Transaktionen');
			await assertYearOpen(tx, current.year as number);
			await assertYearOpen(tx, yearOf(values.date));
			const { before, after } = await updateVersioned(
				tx,
				ledgerEntry,
				id,
				version,
				{ ...values, year: yearOf(values.date) },
				'Transaktionen'
			);
			await writeAudit(tx, actor, { action: 'update', entity: 'ledger_entry', entityId: id, before, after });
			return after;
		},
		ledgerConstraints
	);
}

export async function deleteLedgerEntry(db: Db, actor: Actor, id: number, input: unknown) {
	requireRole(actor, 'editor');
	const { version } = validate(versionOnly, input);
	return inTransaction(db, async (tx) => {
		const current = await loadForUpdate(tx, ledgerEntry, id, 'Transaktionen');
		await assertYearOpen(tx, current.year as number);
		if (current.version !== version) throw fieldError('_', 'Transaktionen har ändrats av någon annan: ladda om sidan och försök igen.');
		await tx.delete(ledgerEntry).where(eq(ledgerEntry.id, id));
		await writeAudit(tx, actor, { action: 'delete', entity: 'ledger_entry', entityId: id, before: current });
		return current;
	});
}

/** Inserts validated rows in the caller's transaction (the import); the year of each must be open. */
export async function insertLedgerRows(tx: Tx, actor: Actor, rows: z.infer<typeof ledgerEntryInput>[], source: string) {
	const years = [...new Set(rows.map((r) => yearOf(r.date)))];
	for (const y of years) await assertYearOpen(tx, y);
	const inserted = [];
	for (let i = 0; i < rows.length; i += 1000) {
		const chunk = rows.slice(i, i + 1000).map((r) => ({ ...r, year: yearOf(r.date), source }));
		inserted.push(...(await tx.insert(ledgerEntry).values(chunk).returning({ id: ledgerEntry.id })));
	}
	await writeAudit(tx, actor, {
		action: 'import',
		entity: 'ledger_entry',
		after: { source, count: inserted.length, ids: inserted.map((r) => r.id) }
	});
	return inserted.length;
}

// ---------------------------------------------------------------------------
// Transfers between funds

export async function createTransfer(db: Db, actor: Actor, input: unknown) {
	requireRole(actor, 'editor');
	const values = validate(fundTransferInput, input);
	return inTransaction(
		db,
		async (tx) => {
			await assertYearOpen(tx, yearOf(values.date));
			const [row] = await tx
				.insert(fundTransfer)
				.values({ ...values, year: yearOf(values.date) })
				.returning();
			await writeAudit(tx, actor, { action: 'create', entity: 'fund_transfer', entityId: row.id, after: row });
			return row;
		},
		ledgerConstraints
	);
}

export async function deleteTransfer(db: Db, actor: Actor, id: number) {
	requireRole(actor, 'editor');
	return inTransaction(db, async (tx) => {
		const current = await loadForUpdate(tx, fundTransfer, id, 'Överföringen');
		await assertYearOpen(tx, current.year as number);
		await tx.delete(fundTransfer).where(eq(fundTransfer.id, id));
		await writeAudit(tx, actor, { action: 'delete', entity: 'fund_transfer', entityId: id, before: current });
	});
}

// ---------------------------------------------------------------------------
// Funds, categories and labels

export async function createFund(db: Db, actor: Actor, input: unknown) {
	requireRole(actor, 'editor');
	const values = validate(fundInput, input);
	return inTransaction(
		db,
		async (tx) => {
			const [row] = await tx.insert(fund).values(values).returning();
			await writeAudit(tx, actor, { action: 'create', entity: 'fund', entityId: row.id, after: row });
			return row;
		},
		ledgerConstraints
	);
}

export async function updateFund(db: Db, actor: Actor, id: number, input: unknown) {
	requireRole(actor, 'editor');
	const { version } = validate(versionOnly, input);
	const values = validate(fundInput, input);
	return inTransaction(
		db,
		async (tx) => {
			const { before, after } = await updateVersioned(tx, fund, id, version, values, 'Fonden');
			await writeAudit(tx, actor, { action: 'update', entity: 'fund', entityId: id, before, after });
			return after;
		},
		ledgerConstraints
	);
}

export async function createCategory(db: Db, actor: Actor, input: unknown) {
	requireRole(actor, 'editor');
	const values = validate(categoryInput, input);
	return inTransaction(
		db,
		async (tx) => {
			const [row] = await tx.insert(ledgerCategory).values(values).returning();
			await writeAudit(tx, actor, { action: 'create', entity: 'ledger_category', entityId: row.id, after: row });
			return row;
		},
		ledgerConstraints
	);
}

/** A category's label from a year on; the same year again replaces it. */
export async function setCategoryLabel(db: Db, actor: Actor, categoryId: number, input: unknown) {
	requireRole(actor, 'editor');
	const values = validate(categoryLabelInput, input);
	return inTransaction(db, async (tx) => {
		const [cat] = await tx.select().from(ledgerCategory).where(eq(ledgerCategory.id, categoryId));
		if (!cat) throw new NotFoundError('Kategorin');
		const [row] = await tx
			.insert(ledgerCategoryLabel)
			.values({ categoryId, ...values })
			.onConflictDoUpdate({ target: [ledgerCategoryLabel.categoryId, ledgerCategoryLabel.fromYear], set: { label: values.label } })
			.returning();
		await writeAudit(tx, actor, { action: 'label', entity: 'ledger_category', entityId: categoryId, after: row });
		return row;
	});
}

// ---------------------------------------------------------------------------
// Opening balances

/** An opening balance entered with its source: the first year in the system, or after a gap in the data. */
export async function setOpeningBalance(db: Db, actor: Actor, yearInput: number, input: unknown) {
	requireRole(actor, 'editor');
	const year = validate(yearField('År'), yearInput);
	const values = validate(openingBalanceInput, input);
	return inTransaction(
		db,
		async (tx) => {
			await assertYearOpen(tx, year, 'amount');
			const [row] = await tx
				.insert(openingBalance)
				.values({ year, ...values, computed: false })
				.onConflictDoUpdate({
					target: [openingBalance.year, openingBalance.fundId],
					set: {
						amount: values.amount,
						source: values.source,
						computed: false,
						version: sql`${openingBalance.version} + 1`,
						updatedAt: sql`now()`
					}
				})
				.returning();
			await writeAudit(tx, actor, { action: 'set_opening', entity: 'opening_balance', entityId: row.id, after: row });
			return row;
		},
		ledgerConstraints
	);
}

// ---------------------------------------------------------------------------
// Budget

async function linkCategories(tx: Tx, lineId: number, categoryIds: number[], kind: string) {
	const cats = await tx.select().from(ledgerCategory).where(inArray(ledgerCategory.id, categoryIds));
	if (cats.length !== categoryIds.length) throw fieldError('categoryIds', 'Kategorier: en vald kategori finns inte.');
	if (cats.some((c) => c.kind !== kind))
		throw fieldError(
			'categoryIds',
			kind === 'income'
				? 'Kategorier: en intäktsrad kan bara täcka intäktskategorier.'
				: 'Kategorier: en kostnadsrad kan bara täcka kostnadskategorier.'
		);
	await tx.delete(budgetLineCategory).where(eq(budgetLineCategory.budgetLineId, lineId));
	await tx.insert(budgetLineCategory).values(categoryIds.map((categoryId) => ({ budgetLineId: lineId, categoryId })));
}

export async function createBudgetLine(db: Db, actor: Actor, input: unknown) {
	requireRole(actor, 'editor');
	const { categoryIds, ...values } = validate(budgetLineInput, input);
	return inTransaction(
		db,
		async (tx) => {
			await assertYearOpen(tx, values.year, 'year');
			const [row] = await tx.insert(budgetLine).values(values).returning();
			await linkCategories(tx, row.id, categoryIds, values.kind);
			await writeAudit(tx, actor, { action: 'create', entity: 'budget_line', entityId: row.id, after: { ...row, categoryIds } });
			return row;
		},
		ledgerConstraints
	);
}

export async function updateBudgetLine(db: Db, actor: Actor, id: number, input: unknown) {
	requireRole(actor, 'editor');
	const { version } = validate(versionOnly, input);
	const { categoryIds, ...values } = validate(budgetLineInput, input);
	return inTransaction(
		db,
		async (tx) => {
			const current = await loadForUpdate(tx, budgetLine, id, 'Budgetraden');
			await assertYearOpen(tx, current.year as number, 'year');
			await assertYearOpen(tx, values.year, 'year');
			const { before, after } = await updateVersioned(tx, budgetLine, id, version, values, 'Budgetraden');
			await linkCategories(tx, id, categoryIds, values.kind);
			await writeAudit(tx, actor, { action: 'update', entity: 'budget_line', entityId: id, before, after: { ...after, categoryIds } });
			return after;
		},
		ledgerConstraints
	);
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

// ---------------------------------------------------------------------------
// Fees

export async function createFeeRule(db: Db, actor: Actor, input: unknown) {
	requireRole(actor, 'editor');
	const values = validate(feeRuleInput, input);
	return inTransaction(
		db,
		async (tx) => {
			const [row] = await tx.insert(feeRule).values(values).returning();
			await writeAudit(tx, actor, { action: 'create', entity: 'fee_rule', entityId: row.id, after: row });
			return row;
		},
		ledgerConstraints
	);
}

/**
 * One invoice basis per member municipality for the year's fee. Refused while
 * any municipality's population on 31 December the year before is missing: the
 * total can be known (the cooperation's figure) but a share is never guessed.
 */
export async function createFeeInvoices(db: Db, actor: Actor, yearInput: unknown) {
	requireRole(actor, 'editor');
	const year = validate(yearField('År'), yearInput);
	return inTransaction(db, async (tx) => {
		const basis = await feeBasis(tx, year);
		if (!basis.rule) throw fieldError('year', `Det finns ingen avgiftsregel för ${year}.`);
		if (basis.invoiced) throw fieldError('year', `Fakturaunderlagen för ${year} är redan skapade.`);
		if (basis.missing.length)
			throw fieldError(
				'year',
				`Folkmängd ${formatDate(basis.populationDate)} saknas för ${basis.missing.join(', ')}. Avgiften per kommun kan inte beräknas förrän siffrorna är inlästa (SCB)` +
					(basis.total.amount !== null ? `; totalen ${formatKronor(basis.total.amount)} är känd.` : '.')
			);
		if (!basis.municipalities.length) throw fieldError('year', 'Det finns inga medlemskommuner det året.');
		const shares = feeShares(
			basis.rule,
			basis.municipalities.map((m) => m.population as number)
		);
		const rows = await tx
			.insert(feeInvoice)
			.values(
				basis.municipalities.map((m, i) => ({
					year,
					municipalityId: m.id,
					populationDate: basis.populationDate,
					population: m.population as number,
					populationSource: m.source ?? '',
					amount: shares[i],
					dueOn: feeDueDate(year)
				}))
			)
			.returning();
		await writeAudit(tx, actor, {
			action: 'create_invoices',
			entity: 'fee_invoice',
			entityId: year,
			after: { year, total: shares.reduce((a, b) => a + b, 0), invoices: rows.length }
		});
		return rows;
	});
}

export async function setInvoicePaid(db: Db, actor: Actor, id: number, input: unknown) {
	requireRole(actor, 'editor');
	const { version } = validate(versionOnly, input);
	const { paidOn } = validate(paidInput, input);
	return inTransaction(db, async (tx) => {
		const { before, after } = await updateVersioned(tx, feeInvoice, id, version, { paidOn }, 'Fakturaunderlaget');
		await writeAudit(tx, actor, { action: paidOn ? 'paid' : 'unpaid', entity: 'fee_invoice', entityId: id, before, after });
		return after;
	});
}

// ---------------------------------------------------------------------------
// Cost sharing

export function keyOf(v: { keyKind: string; equalPercent: number | null }): AllocationKey {
	return v.keyKind === 'mix' ? { kind: 'mix', equalPercent: v.equalPercent ?? 50 } : { kind: v.keyKind as 'population' | 'equal' };
}

/** A shared cost with its key; refused when the key cannot share it exactly (a population missing, öre in a krona split). */
export async function createCostSharing(db: Db, actor: Actor, input: unknown) {
	requireRole(actor, 'editor');
	const values = validate(costSharingInput, input);
	return inTransaction(
		db,
		async (tx) => {
			await checkSharing(tx, values);
			const [row] = await tx.insert(costSharing).values(values).returning();
			await writeAudit(tx, actor, { action: 'create', entity: 'cost_sharing', entityId: row.id, after: row });
			return row;
		},
		ledgerConstraints
	);
}

async function checkSharing(tx: Tx, v: z.infer<typeof costSharingInput>) {
	const pops = v.populationDate
		? await tx
				.select({ municipalityId: population.municipalityId, population: population.population })
				.from(population)
				.where(and(eq(population.date, v.populationDate), inArray(population.municipalityId, v.participantIds)))
		: [];
	const byId = new Map(pops.map((p) => [p.municipalityId, p.population]));
	try {
		allocate(
			v.total,
			keyOf(v),
			v.participantIds.map((id) => byId.get(id) ?? null),
			v.unit
		);
	} catch (e) {
		const message = (e as Error).message;
		throw fieldError(message.includes('Folkmängd') ? 'populationDate' : message.includes('ören') ? 'total' : 'keyKind', message);
	}
}
