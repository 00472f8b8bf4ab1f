// Money, fees, allocation keys and the year-end closing: pure arithmetic on
// integer öre. No I/O; the finance services feed it rows and store what it returns.

/** Integer öre. Never a float. */
export type Ore = number;
export const ORE_PER_KRONA = 100;

export class AmountError extends Error {}

/**
 * What a person types → öre: "1 381 130", "4 351 kr", "-1 450", "1 234,50".
 * At most two decimals; a point is read as a decimal comma only when it is
 * followed by one or two digits at the end ("12.50"), never as a thousands mark.
 */
export function parseAmount(input: string | number): Ore {
	if (typeof input === 'number') {
		if (!Number.isSafeInteger(input)) throw new AmountError('Beloppet ska vara ett heltal i ören.');
		return input;
	}
	const text = input
		.trim()
		.replace(/\s*(kr|kronor|sek)\.?$/i, '')
		.replace(/[\s\u00a0\u202f]/g, '')
		.replace(/^[−–]/, '-');
	const m = /^(-)?(\d+)(?:[,.](\d{1,2}))?$/.exec(text);
	if (!m) throw new AmountError('Ange beloppet i kronor med siffror, t.ex. 4 351 eller 1 234,50.');
	const ore = Number(m[2]) * ORE_PER_KRONA + Number((m[3] ?? '').padEnd(2, '0'));
	if (!Number.isSafeInteger(ore)) throw new AmountError('Beloppet är för stort.');
	return m[1] && ore ? -ore : ore;
}

/** Öre → the krona figure a published table prints: rounded half away from zero. */
export function toWholeKronor(ore: Ore): number {
	const sign = ore < 0 ? -1 : 1;
	return sign * Math.round(Math.abs(ore) / ORE_PER_KRONA) || 0;
}

/** Öre → "1381130,50" for a form field, without grouping, so it reads back exactly. */
export function amountInput(ore: Ore | null | undefined): string {
	if (ore === null || ore === undefined) return '';
	const sign = ore < 0 ? '-' : '';
	const abs = Math.abs(ore);
	const rest = abs % ORE_PER_KRONA;
	return `${sign}${Math.trunc(abs / ORE_PER_KRONA)}${rest ? ',' + String(rest).padStart(2, '0') : ''}`;
}

// ---------------------------------------------------------------------------
// Allocation

export type AllocationKey = { kind: 'population' } | { kind: 'equal' } | { kind: 'mix'; equalPercent: number };
export type AllocationUnit = 'krona' | 'ore';

export const unitOre = (unit: AllocationUnit) => (unit === 'krona' ? ORE_PER_KRONA : 1);

/**
 * Integer weights for a key, exact: a mix with p % equal shares gives each
 * municipality p·P + (100 − p)·n·pᵢ, which is proportional to
 * p/100 · 1/n + (1 − p/100) · pᵢ/P without a single division.
 */
export function allocationWeights(key: AllocationKey, populations: (number | null)[]): bigint[] {
	const n = populations.length;
	if (key.kind === 'equal') return populations.map(() => 1n);
	if (populations.some((p) => p === null || !Number.isInteger(p) || p < 0))
		throw new AmountError('Folkmängd saknas för någon av kommunerna på det datumet.');
	const pops = populations.map((p) => BigInt(p as number));
	if (key.kind === 'population') return pops;
	const p = key.equalPercent;
	if (!Number.isInteger(p) || p < 0 || p > 100) throw new AmountError('Andelen lika delar ska vara ett heltal mellan 0 och 100 procent.');
	const total = pops.reduce((a, b) => a + b, 0n);
	return pops.map((pi) => BigInt(p) * total + BigInt(100 - p) * BigInt(n) * pi);
}

/**
 * Largest remainder (Hamilton): each share is the floor of its exact quota, and
 * the units left over go to the largest remainders, ties to the earlier one.
 * The shares sum exactly to units, and none is negative.
 */
export function largestRemainder(units: number, weights: bigint[]): number[] {
	if (!Number.isSafeInteger(units) || units < 0) throw new AmountError('Beloppet att fördela ska vara ett heltal som inte är negativt.');
	if (weights.some((w) => w < 0n)) throw new AmountError('En fördelningsvikt kan inte vara negativ.');
	const sum = weights.reduce((a, b) => a + b, 0n);
	if (weights.length === 0 || sum === 0n) throw new AmountError('Det finns inget att fördela efter: alla vikter är noll.');
	const total = BigInt(units);
	const floors = weights.map((w) => (total * w) / sum);
	const remainders = weights.map((w, i) => ({ i, r: total * w - floors[i] * sum }));
	let left = Number(total - floors.reduce((a, b) => a + b, 0n));
	remainders.sort((a, b) => (b.r > a.r ? 1 : b.r < a.r ? -1 : a.i - b.i));
	const shares = floors.map(Number);
	for (const { i } of remainders) {
		if (left-- <= 0) break;
		shares[i] += 1;
	}
	return shares;
}

/** Shares the total (öre) by the key, in whole kronor or öre; they always sum to the total. */
export function allocate(total: Ore, key: AllocationKey, populations: (number | null)[], unit: AllocationUnit = 'krona'): Ore[] {
	const step = unitOre(unit);
	if (!Number.isSafeInteger(total) || total <= 0) throw new AmountError('Beloppet att fördela ska vara större än noll.');
	if (total % step !== 0)
		throw new AmountError('Beloppet har ören men fördelningen görs i hela kronor: då kan andelarna inte summera till beloppet.');
	return largestRemainder(total / step, allocationWeights(key, populations)).map((s) => s * step);
}

/** Describes a key for people: "Hälften lika, hälften efter folkmängd". */
export function describeKey(key: AllocationKey): string {
	if (key.kind === 'population') return 'Efter folkmängd';
	if (key.kind === 'equal') return 'Lika delar';
	return `${key.equalPercent} % lika delar, ${100 - key.equalPercent} % efter folkmängd`;
}

// ---------------------------------------------------------------------------
// Fees

export type FeeRule = { kind: 'per_inhabitant' | 'fixed_total'; amount: Ore };

/** The rule in force in a year: the latest whose validFromYear is not after it. */
export function ruleForYear<R extends { validFromYear: number }>(rules: R[], year: number): R | null {
	let best: R | null = null;
	for (const r of rules) if (r.validFromYear <= year && (!best || r.validFromYear > best.validFromYear)) best = r;
	return best;
}

/** The fee is read from the population on 31 December of the year before. */
export const feePopulationDate = (year: number) => `${year - 1}-12-31`;
/** Due 15 March (the agreement's §8). */
export const feeDueDate = (year: number) => `${year}-03-15`;

/** The year's total fee from the cooperation's population total. */
export function feeTotal(rule: FeeRule, totalPopulation: number): Ore {
	return rule.kind === 'per_inhabitant' ? rule.amount * totalPopulation : rule.amount;
}

/** Each municipality's fee; a fixed total is shared by population (whole kronor). */
export function feeShares(rule: FeeRule, populations: number[]): Ore[] {
	if (rule.kind === 'per_inhabitant') return populations.map((p) => rule.amount * p);
	return allocate(rule.amount, { kind: 'population' }, populations, 'krona');
}

/**
 * Each member municipality's fee, year by year, as feeBasis computes one year:
 * the rule in force times the population on 31 December the year before (a
 * fixed total shared by population, when every member's figure is known), and
 * an invoice's amount where one was sent. Null where it cannot be computed.
 */
export function feeHistory(
	years: number[],
	rules: (FeeRule & { validFromYear: number })[],
	municipalities: { id: number; name: string; memberFrom: string | null; memberTo: string | null }[],
	population: (municipalityId: number, year: number) => number | null,
	invoiced: (municipalityId: number, year: number) => Ore | null
): { year: number; municipality: string; amount: Ore | null }[] {
	const rows: { year: number; municipality: string; amount: Ore | null }[] = [];
	for (const year of [...years].sort((a, b) => a - b)) {
		const rule = ruleForYear(rules, year);
		const members = municipalities.filter(
			(m) => (m.memberFrom === null || m.memberFrom <= `${year}-12-31`) && (m.memberTo === null || m.memberTo >= `${year}-01-01`)
		);
		const pops = members.map((m) => population(m.id, year));
		const shares = rule && pops.every((p) => p !== null) && members.length ? feeShares(rule, pops as number[]) : null;
		members.forEach((m, i) => {
			const pop = pops[i];
			const computed = shares ? shares[i] : rule?.kind === 'per_inhabitant' && pop !== null ? rule.amount * pop : null;
			rows.push({ year, municipality: m.name, amount: invoiced(m.id, year) ?? computed });
		});
	}
	return rows;
}

// ---------------------------------------------------------------------------
// Closing

export interface FundMovement {
	fundId: number;
	opening: Ore;
	income: Ore;
	costs: Ore;
	transfersIn: Ore;
	transfersOut: Ore;
}

export interface ClosingRow extends FundMovement {
	closing: Ore;
}

/** Opening + income − costs + transfers in − transfers out = closing. */
export function closeFund(m: FundMovement): ClosingRow {
	return { ...m, closing: m.opening + m.income - m.costs + m.transfersIn - m.transfersOut };
}

export function closingTotals(rows: ClosingRow[]) {
	const t = { opening: 0, income: 0, costs: 0, transfersIn: 0, transfersOut: 0, closing: 0 };
	for (const r of rows) {
		t.opening += r.opening;
		t.income += r.income;
		t.costs += r.costs;
		t.transfersIn += r.transfersIn;
		t.transfersOut += r.transfersOut;
		t.closing += r.closing;
	}
	return t;
}

/**
 * The next year's opening balances: every fund keeps its closing balance, but an
 * operations fund's result moves to the fund that carries it ("drift från 2020")
 * and starts again at zero, and a merged fund hands its balance to the one it
 * merged into. Balances of zero are left out. The sum is always the closing sum.
 */
export function nextOpenings(
	rows: { fundId: number; closing: Ore }[],
	carriedInto: Map<number, number>,
	mergedInto: Map<number, number>
): Map<number, Ore> {
	const out = new Map<number, Ore>();
	const add = (fundId: number, amount: Ore) => out.set(fundId, (out.get(fundId) ?? 0) + amount);
	for (const r of rows) {
		let target = carriedInto.get(r.fundId) ?? r.fundId;
		// Follow merges (a carried fund can itself be merged); a cycle would be a data error.
		for (let hops = 0; mergedInto.has(target); hops++) {
			if (hops > 20) throw new Error('Fonderna är sammanslagna i en cirkel.');
			target = mergedInto.get(target) as number;
		}
		add(target, r.closing);
	}
	for (const [k, v] of out) if (v === 0) out.delete(k);
	return out;
}

export interface PrintedCheck {
	what: string;
	printed: Ore;
	ledger: Ore | null;
}

/** A printed figure differs when the ledger, rounded to the krona, is not what was printed. */
export function differs(printed: Ore, ledger: Ore | null): boolean {
	return ledger === null || toWholeKronor(printed) !== toWholeKronor(ledger);
}

// ---------------------------------------------------------------------------
// Budget against outcome

export interface BudgetLineInput {
	id: number;
	kind: 'income' | 'cost';
	label: string;
	amount: Ore;
	categoryIds: number[];
}

export interface BudgetOutcomeRow {
	id: number | null;
	kind: 'income' | 'cost';
	label: string;
	budget: Ore | null;
	outcome: Ore;
	/** Budget minus outcome for costs, outcome minus budget for income: positive is good. */
	deviation: Ore | null;
	/** Share of the budget used, 0–100+, or null without budget. */
	percent: number | null;
}

/**
 * Each budget line against the outcome of the categories it covers. Outcome in
 * categories no line covers comes last, as "Utanför budget" per kind, so no
 * money goes unseen.
 */
export function budgetOutcome(
	lines: BudgetLineInput[],
	outcome: Map<number, Ore>,
	kindOf: Map<number, 'income' | 'cost'>
): BudgetOutcomeRow[] {
	const covered = new Set<number>();
	const rows: BudgetOutcomeRow[] = lines.map((l) => {
		let sum = 0;
		for (const c of l.categoryIds) {
			covered.add(c);
			sum += outcome.get(c) ?? 0;
		}
		return row(l.id, l.kind, l.label, l.amount, sum);
	});
	for (const kind of ['income', 'cost'] as const) {
		let rest = 0;
		for (const [c, v] of outcome) if (!covered.has(c) && kindOf.get(c) === kind) rest += v;
		if (rest !== 0) rows.push(row(null, kind, kind === 'income' ? 'Intäkter utanför budgeten' : 'Kostnader utanför budgeten', null, rest));
	}
	return rows;
}

function row(id: number | null, kind: 'income' | 'cost', label: string, budget: Ore | null, outcome: Ore): BudgetOutcomeRow {
	return {
		id,
		kind,
		label,
		budget,
		outcome,
		deviation: budget === null ? null : kind === 'cost' ? budget - outcome : outcome - budget,
		percent: budget ? Math.round((outcome / budget) * 1000) / 10 : null
	};
}

/** A category's label in a year: the latest label from that year or before (labels ascending by year), else its name. */
export function labelIn(c: { name: string; labels: { fromYear: number; label: string }[] }, year: number): string {
	let label = c.name;
	for (const l of c.labels) if (l.fromYear <= year) label = l.label;
	return label;
}

/**
 * The years a year switcher offers: those with figures, and always the current
 * one (open, no figures yet) even before its first booking or budget line;
 * newest first.
 */
export function withCurrentYear<Y extends { year: number; status: 'open' | 'closed'; hasFigures: boolean }>(
	years: Y[],
	current: number
): (Y | { year: number; status: 'open'; hasFigures: false })[] {
	if (years.some((y) => y.year === current)) return years;
	return [...years, { year: current, status: 'open' as const, hasFigures: false as const }].sort((a, b) => b.year - a.year);
}
