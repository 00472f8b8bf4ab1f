// The finance module's changes: the ledger and transfers (never in a closed
// year), funds, categories and their labels, opening balances and the budget.
// Validated, authorised, in one transaction, audited. Closing a year is in
// closing.ts, fees in fees.ts, cost sharing in sharing.ts.
import { eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Tx } from '../db/client.ts';
import type { Actor } from '../actor.ts';
import {
	budgetLine,
	budgetLineCategory,
	fiscalYear,
	fund,
	fundTransfer,
	ledgerCategory,
	ledgerCategoryLabel,
	ledgerEntry,
	openingBalance
} from '../db/schema/index.ts';
import { fieldError, NotFoundError } from '../errors.ts';
import { inTransaction, loadForUpdate, requireRole, updateVersioned, validate, writeAudit, type ConstraintFields } from '../service.ts';
import { FIRST_YEAR, versionField } from '../../schemas/fields.ts';
import { todayIso } from '../../core/format.ts';
import {
	budgetLineInput,
	categoryInput,
	categoryLabelInput,
	fundInput,
	fundTransferInput,
	ledgerEntryInput,
	openingBalanceInput,
	yearField
} from '../../schemas/finance.ts';

export const versionOnly = z.object({ version: versionField });

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
 * A year the books can hold: from the cooperation's first known year (its
 * municipalities' and bodies' starts, its first fiscal year) to next year. A
 * typing error such as 9999 or 1900 would otherwise open a fiscal year of its own.
 */
async function assertCooperationYear(tx: Tx, year: number, field: string) {
	const last = Number(todayIso().slice(0, 4)) + 1;
	const [{ first }] = (
		await tx.execute<{ first: number | null }>(sql`
		select least(
			(select min(extract(year from member_from))::int from municipality),
			(select min(extract(year from active_from))::int from body),
			(select min(year) from fiscal_year)
		) as first`)
	).rows;
	if (year > last || (first !== null && year < first))
		throw fieldError(field, `Året ${year} ligger utanför samverkans år (${first ?? FIRST_YEAR}–${last}).`);
}

/**
 * Refuses a change in a closed year. The year's row is read FOR SHARE, so a
 * closing that runs at the same moment waits for this change or sees it.
 */
export async function assertYearOpen(tx: Tx, year: number, field = 'date') {
	await assertCooperationYear(tx, year, field);
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

/** Rows a statement of insertLedgerRows carries: each column is one array parameter, so no statement comes near PostgreSQL's 65 535. */
const INSERT_BATCH = 10_000;

/**
 * Inserts validated rows in the caller's transaction (the import); the year of
 * each must be open. Each batch is one statement over unnest() of one array per
 * column: 130 000 rows took 27.5 s as 1 000-row multi-VALUES inserts built by
 * the ORM (at a load average of 9 on this 2-core machine), most of it the
 * server's own CPU building and sending 1.7 million parameters.
 */
export async function insertLedgerRows(tx: Tx, actor: Actor, rows: z.infer<typeof ledgerEntryInput>[], source: string) {
	const years = [...new Set(rows.map((r) => yearOf(r.date)))];
	for (const y of years) await assertYearOpen(tx, y);
	const inserted: { id: number }[] = [];
	for (let i = 0; i < rows.length; i += INSERT_BATCH) {
		const chunk = rows.slice(i, i + INSERT_BATCH);
		const column = <K extends keyof (typeof chunk)[number]>(k: K) => sql.param(chunk.map((r) => r[k] ?? null));
		const result = await tx.execute<{ id: number }>(sql`
			insert into ${ledgerEntry} (date, year, fund_id, category_id, amount, counterparty, voucher, description,
				project_id, event_id, meeting_id, municipality_id, source)
			select d, extract(year from d)::int, f, c, a, cp, v, ds, p, e, m, mu, ${source}
			from unnest(${column('date')}::date[], ${column('fundId')}::int[], ${column('categoryId')}::int[], ${column('amount')}::bigint[],
				${column('counterparty')}::text[], ${column('voucher')}::text[], ${column('description')}::text[], ${column('projectId')}::int[],
				${column('eventId')}::int[], ${column('meetingId')}::int[], ${column('municipalityId')}::int[])
				as t(d, f, c, a, cp, v, ds, p, e, m, mu)
			returning id`);
		inserted.push(...result.rows.map((r) => ({ id: Number(r.id) })));
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
