// A year's fee: the rule in force, each member's population on 31 December
// the year before, the invoice bases made from them and whether they are paid.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import type { Actor } from '../actor.ts';
import { feeInvoice, feeRule, municipality, population } from '../db/schema/index.ts';
import { fieldError } from '../errors.ts';
import { inTransaction, requireRole, updateVersioned, validate, writeAudit } from '../service.ts';
import { feeRuleInput, paidInput, yearField } from '../../schemas/finance.ts';
import { feeDueDate, feeHistory, feePopulationDate, feeShares, ruleForYear, type FeeRule, type Ore } from '../../core/finance.ts';
import { swedish } from '../db/order.ts';
import { formatDate, formatKronor } from '../../core/format.ts';
import { ledgerConstraints, versionOnly } from './service.ts';

type Reader = Db | Tx;

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

/**
 * The fee per member municipality over the years the fee page lists (up to the
 * current one), for its chart: one query for the members, the year-end
 * populations and the invoices; the amounts as feeBasis computes them.
 */
export async function feeHistoryOf(db: Reader, rules: { kind: string; amount: Ore; validFromYear: number }[], years: number[]) {
	const { rows } = await db.execute<{
		municipalities: { id: number; name: string; memberFrom: string | null; memberTo: string | null }[];
		populations: { m: number; year: number; population: number }[];
		invoices: { m: number; year: number; amount: Ore }[];
	}>(sql`select
		(select coalesce(json_agg(json_build_object('id', m.id, 'name', m.name, 'memberFrom', m.member_from, 'memberTo', m.member_to)
			order by ${swedish(sql`m.name`)}), '[]') from ${municipality} m) as municipalities,
		(select coalesce(json_agg(json_build_object('m', p.municipality_id, 'year', extract(year from p.date)::int + 1, 'population', p.population)), '[]')
			from ${population} p where p.municipality_id is not null and p.population is not null and to_char(p.date, 'MM-DD') = '12-31') as populations,
		(select coalesce(json_agg(json_build_object('m', i.municipality_id, 'year', i.year, 'amount', i.amount)), '[]') from ${feeInvoice} i) as invoices`);
	const r = rows[0];
	const pop = new Map(r.populations.map((p) => [`${p.m}:${p.year}`, Number(p.population)]));
	const inv = new Map(r.invoices.map((i) => [`${i.m}:${i.year}`, Number(i.amount)]));
	const typed = rules.map((x) => ({ kind: x.kind as FeeRule['kind'], amount: Number(x.amount), validFromYear: x.validFromYear }));
	const first = Math.min(...typed.map((x) => x.validFromYear));
	return feeHistory(
		years.filter((y) => y >= first),
		typed,
		r.municipalities,
		(m, y) => pop.get(`${m}:${y}`) ?? null,
		(m, y) => inv.get(`${m}:${y}`) ?? null
	);
}
