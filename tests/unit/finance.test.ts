import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	AmountError,
	ORE_PER_KRONA,
	allocate,
	allocationWeights,
	amountInput,
	budgetOutcome,
	closeFund,
	closingTotals,
	describeKey,
	differs,
	feeDueDate,
	feePopulationDate,
	feeShares,
	feeTotal,
	largestRemainder,
	nextOpenings,
	parseAmount,
	ruleForYear,
	toWholeKronor,
	unitOre,
	type AllocationKey,
	type AllocationUnit,
	type BudgetLineInput,
	type FundMovement
} from '../../src/lib/core/finance.ts';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** Botkyrka, Haninge, Huddinge, Nykvarn, Nynäshamn, Salem, Södertälje, Tyresö. */
const POP_2017 = [91925, 88037, 110003, 10660, 28109, 16665, 96032, 47304];
const POP_2019 = [94606, 92095, 112848, 11014, 28575, 16750, 98979, 48333];

describe('parseAmount', () => {
	it('reads what people type as integer öre', () => {
		expect(parseAmount('1 381 130')).toBe(138113000);
		expect(parseAmount('4 351 kr')).toBe(435100);
		expect(parseAmount('4351kr')).toBe(435100);
		expect(parseAmount('4 351 kronor')).toBe(435100);
		expect(parseAmount('4 351 SEK')).toBe(435100);
		expect(parseAmount('-1 450')).toBe(-145000);
		expect(parseAmount('\u22121 450')).toBe(-145000);
		expect(parseAmount('\u20131 450')).toBe(-145000);
		expect(parseAmount('1 234,50')).toBe(123450);
		expect(parseAmount('1 234,5')).toBe(123450);
		expect(parseAmount('12.5')).toBe(1250);
		expect(parseAmount('12.50')).toBe(1250);
		expect(parseAmount('0,05')).toBe(5);
		expect(parseAmount('  17  ')).toBe(1700);
		expect(parseAmount('0')).toBe(0);
	});

	it('accepts no-break and narrow no-break spaces as thousands separators', () => {
		expect(parseAmount('1\u00a0381\u00a0130')).toBe(138113000);
		expect(parseAmount('1\u202f381\u202f130')).toBe(138113000);
		expect(parseAmount('4\u00a0351\u00a0kr')).toBe(435100);
		expect(parseAmount('\u22121\u202f450,25')).toBe(-145025);
	});

	it('rejects what is not an amount', () => {
		for (const bad of ['12,345', '12.345', 'abc', '1,2,3', '', '   ', '1 2x', '1.234,50', ',50', '12,', '+5', '--5', 'kr'])
			expect(() => parseAmount(bad), bad).toThrow(AmountError);
	});

	it('rejects amounts too large to hold exactly', () => {
		expect(() => parseAmount('999999999999999999')).toThrow(AmountError);
		expect(parseAmount('90071992547409,91')).toBe(Number.MAX_SAFE_INTEGER);
		expect(() => parseAmount('90071992547409,92')).toThrow(AmountError);
	});

	it('passes safe integers through and rejects other numbers', () => {
		expect(parseAmount(138113000)).toBe(138113000);
		expect(parseAmount(-145000)).toBe(-145000);
		expect(parseAmount(0)).toBe(0);
		expect(parseAmount(Number.MAX_SAFE_INTEGER)).toBe(Number.MAX_SAFE_INTEGER);
		for (const bad of [1.5, -0.01, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])
			expect(() => parseAmount(bad), String(bad)).toThrow(AmountError);
	});

	it('reads any grouped krona amount with optional öre (property)', () => {
		fc.assert(
			fc.property(fc.boolean(), fc.integer({ min: 0, max: 10_000_000_000 }), fc.integer({ min: 0, max: 99 }), (negative, kronor, ore) => {
				const grouped = kronor.toString().replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
				const text = `${negative ? '\u2212' : ''}${grouped},${String(ore).padStart(2, '0')} kr`;
				const expected = kronor * 100 + ore;
				expect(parseAmount(text)).toBe(negative && expected ? -expected : expected);
			})
		);
	});
});

describe('toWholeKronor', () => {
	it('rounds half away from zero, symmetric for negatives', () => {
		expect(toWholeKronor(18843160)).toBe(188432);
		expect(toWholeKronor(150)).toBe(2);
		expect(toWholeKronor(250)).toBe(3);
		expect(toWholeKronor(149)).toBe(1);
		expect(toWholeKronor(50)).toBe(1);
		expect(toWholeKronor(49)).toBe(0);
		expect(toWholeKronor(-150)).toBe(-2);
		expect(toWholeKronor(-250)).toBe(-3);
		expect(toWholeKronor(-149)).toBe(-1);
		expect(toWholeKronor(-50)).toBe(-1);
		expect(toWholeKronor(138113000)).toBe(1381130);
		expect(toWholeKronor(0)).toBe(0);
	});

	it('agrees with exact integer rounding for any safe amount (property)', () => {
		fc.assert(
			fc.property(fc.maxSafeInteger(), (ore) => {
				const abs = BigInt(Math.abs(ore));
				const rounded = (abs + 50n) / 100n;
				const expected = Number(ore < 0 ? -rounded : rounded);
				// + 0 folds −0 (returned for −1..−49 öre) into 0
				expect(toWholeKronor(ore) + 0).toBe(expected);
				expect(toWholeKronor(-ore) + 0).toBe(-toWholeKronor(ore) + 0);
			})
		);
	});
});

describe('amountInput', () => {
	it('writes a form value without grouping', () => {
		expect(amountInput(138113050)).toBe('1381130,50');
		expect(amountInput(138113000)).toBe('1381130');
		expect(amountInput(-145000)).toBe('-1450');
		expect(amountInput(-5)).toBe('-0,05');
		expect(amountInput(1250)).toBe('12,50');
		expect(amountInput(0)).toBe('0');
		expect(amountInput(null)).toBe('');
		expect(amountInput(undefined)).toBe('');
	});

	it('reads back exactly with parseAmount (property)', () => {
		fc.assert(
			fc.property(fc.maxSafeInteger(), (ore) => {
				expect(parseAmount(amountInput(ore))).toBe(ore);
			})
		);
	});
});

// ---------------------------------------------------------------------------
// Allocation

describe('allocationWeights, largestRemainder and describeKey', () => {
	it('builds exact integer weights', () => {
		expect(allocationWeights({ kind: 'equal' }, [5, null, 0])).toEqual([1n, 1n, 1n]);
		expect(allocationWeights({ kind: 'population' }, [1, 3])).toEqual([1n, 3n]);
		// p·P + (100 − p)·n·pᵢ with p = 50, P = 4, n = 2
		expect(allocationWeights({ kind: 'mix', equalPercent: 50 }, [1, 3])).toEqual([300n, 500n]);
		expect(() => allocationWeights({ kind: 'population' }, [1, -1])).toThrow(AmountError);
		expect(() => allocationWeights({ kind: 'population' }, [1, 1.5])).toThrow(AmountError);
		expect(() => allocationWeights({ kind: 'mix', equalPercent: 50 }, [1, null])).toThrow(AmountError);
		expect(() => allocationWeights({ kind: 'mix', equalPercent: -1 }, [1, 2])).toThrow(AmountError);
		expect(() => allocationWeights({ kind: 'mix', equalPercent: 12.5 }, [1, 2])).toThrow(AmountError);
	});

	it('gives the left-over units to the largest remainders, ties to the earlier', () => {
		expect(largestRemainder(1, [1n, 1n])).toEqual([1, 0]);
		expect(largestRemainder(2, [1n, 1n, 1n])).toEqual([1, 1, 0]);
		expect(largestRemainder(10, [1n, 2n, 3n])).toEqual([2, 3, 5]);
		expect(largestRemainder(7, [0n, 1n, 0n])).toEqual([0, 7, 0]);
		expect(largestRemainder(0, [1n, 2n])).toEqual([0, 0]);
		expect(largestRemainder(100, [1n, 1n, 1n])).toEqual([34, 33, 33]);
	});

	it('refuses what cannot be shared', () => {
		expect(() => largestRemainder(-1, [1n])).toThrow(AmountError);
		expect(() => largestRemainder(1.5, [1n])).toThrow(AmountError);
		expect(() => largestRemainder(10, [1n, -1n])).toThrow(AmountError);
		expect(() => largestRemainder(10, [])).toThrow(AmountError);
		expect(() => largestRemainder(10, [0n, 0n])).toThrow(AmountError);
	});

	it('describes keys in Swedish', () => {
		expect(describeKey({ kind: 'population' })).toBe('Efter folkmängd');
		expect(describeKey({ kind: 'equal' })).toBe('Lika delar');
		expect(describeKey({ kind: 'mix', equalPercent: 30 })).toBe('30 % lika delar, 70 % efter folkmängd');
		expect(unitOre('krona')).toBe(ORE_PER_KRONA);
		expect(unitOre('ore')).toBe(1);
	});
});

/** Exact quota of municipality i, as numerator/denominator in units. */
function quota(units: number, key: AllocationKey, pops: number[], i: number): { num: bigint; den: bigint } {
	const n = BigInt(pops.length);
	const P = BigInt(sum(pops));
	const u = BigInt(units);
	if (key.kind === 'equal') return { num: u, den: n };
	if (key.kind === 'population') return { num: u * BigInt(pops[i]), den: P };
	// p/100 · 1/n + (100 − p)/100 · pᵢ/P over the common denominator 100·n·P
	const p = BigInt(key.equalPercent);
	return { num: u * (p * P + (100n - p) * n * BigInt(pops[i])), den: 100n * n * P };
}

const unitArb = fc.constantFrom<AllocationUnit>('krona', 'ore');
const keyArb: fc.Arbitrary<AllocationKey> = fc.oneof(
	fc.constant<AllocationKey>({ kind: 'population' }),
	fc.constant<AllocationKey>({ kind: 'equal' }),
	fc.integer({ min: 0, max: 100 }).map((equalPercent): AllocationKey => ({ kind: 'mix', equalPercent }))
);
/** 1..12 non-negative populations with at least one positive. */
const popsArb = fc
	.array(fc.oneof(fc.integer({ min: 0, max: 200_000 }), fc.constant(0), fc.integer({ min: 0, max: 10 })), { minLength: 1, maxLength: 12 })
	.filter((ps) => ps.some((p) => p > 0));
const unitsArb = fc.oneof(
	fc.integer({ min: 1, max: 100 }),
	fc.integer({ min: 1, max: 1_000_000_000 }),
	fc.integer({ min: 1, max: 90_000_000_000_000 })
);

describe('allocate', () => {
	it('shares any total exactly, in non-negative multiples of the unit, within one unit of each quota (property)', () => {
		fc.assert(
			fc.property(unitsArb, keyArb, popsArb, unitArb, (units, key, pops, unit) => {
				const step = unitOre(unit);
				fc.pre(Number.isSafeInteger(units * step));
				const total = units * step;
				const shares = allocate(total, key, pops, unit);
				expect(shares).toHaveLength(pops.length);
				expect(sum(shares)).toBe(total);
				shares.forEach((s, i) => {
					expect(s).toBeGreaterThanOrEqual(0);
					expect(s % step).toBe(0);
					const { num, den } = quota(units, key, pops, i);
					const diff = BigInt(s / step) * den - num;
					expect(diff < den && -diff < den).toBe(true);
				});
			})
		);
	});

	it('equal key gives shares that differ by at most one unit, nulls allowed (property)', () => {
		fc.assert(
			fc.property(
				unitsArb,
				fc.array(fc.option(fc.integer({ min: 0, max: 200_000 })), { minLength: 1, maxLength: 12 }),
				unitArb,
				(units, pops, unit) => {
					const step = unitOre(unit);
					fc.pre(Number.isSafeInteger(units * step));
					const shares = allocate(units * step, { kind: 'equal' }, pops, unit);
					expect(sum(shares)).toBe(units * step);
					expect(Math.max(...shares) - Math.min(...shares)).toBeLessThanOrEqual(step);
				}
			)
		);
	});

	it('a mix with 100 % equal is the equal key, with 0 % the population key (property)', () => {
		fc.assert(
			fc.property(unitsArb, popsArb, unitArb, (units, pops, unit) => {
				const step = unitOre(unit);
				fc.pre(Number.isSafeInteger(units * step));
				const total = units * step;
				expect(allocate(total, { kind: 'mix', equalPercent: 100 }, pops, unit)).toEqual(allocate(total, { kind: 'equal' }, pops, unit));
				expect(allocate(total, { kind: 'mix', equalPercent: 0 }, pops, unit)).toEqual(allocate(total, { kind: 'population' }, pops, unit));
			})
		);
	});

	it("shares 2018's Rådslag half equally, half by population of 2017-12-31", () => {
		expect(sum(POP_2017)).toBe(488735);
		const shares = allocate(10679100, { kind: 'mix', equalPercent: 50 }, POP_2017);
		expect(shares).toEqual([1671700, 1629300, 1869300, 783900, 974500, 849500, 1716600, 1184300]);
		expect(sum(shares)).toBe(10679100);
		// in öre the same key gives the exact quotas rounded by largest remainder
		const inOre = allocate(10679100, { kind: 'mix', equalPercent: 50 }, POP_2017, 'ore');
		expect(sum(inOre)).toBe(10679100);
		expect(inOre[0]).toBe(1671747);
	});

	it('shares a fixed amount equally and by population', () => {
		expect(allocate(100000, { kind: 'equal' }, [1, 2, 3])).toEqual([33400, 33300, 33300]);
		expect(allocate(100000, { kind: 'population' }, [1, 2, 3])).toEqual([16700, 33300, 50000]);
		expect(allocate(100, { kind: 'population' }, [1, 2, 3], 'ore')).toEqual([17, 33, 50]);
		expect(allocate(600, { kind: 'population' }, [0, 5, 0])).toEqual([0, 600, 0]);
	});

	it('refuses totals and keys it cannot honour', () => {
		expect(() => allocate(10679150, { kind: 'equal' }, POP_2017, 'krona')).toThrow(AmountError);
		expect(allocate(10679150, { kind: 'equal' }, POP_2017, 'ore')).toHaveLength(8);
		expect(() => allocate(0, { kind: 'equal' }, [1])).toThrow(AmountError);
		expect(() => allocate(-100, { kind: 'equal' }, [1])).toThrow(AmountError);
		expect(() => allocate(1.5, { kind: 'equal' }, [1], 'ore')).toThrow(AmountError);
		expect(() => allocate(10000, { kind: 'population' }, [0, 0, 0])).toThrow(AmountError);
		expect(() => allocate(10000, { kind: 'mix', equalPercent: 50 }, [0, 0])).toThrow(AmountError);
		expect(() => allocate(10000, { kind: 'equal' }, [])).toThrow(AmountError);
		expect(() => allocate(10000, { kind: 'population' }, [100, null, 200])).toThrow(AmountError);
		expect(() => allocate(10000, { kind: 'mix', equalPercent: 50 }, [100, null, 200])).toThrow(AmountError);
		expect(allocate(30000, { kind: 'equal' }, [100, null, 200])).toEqual([10000, 10000, 10000]);
		expect(() => allocate(10000, { kind: 'mix', equalPercent: 101 }, [100, 200])).toThrow(AmountError);
	});
});

// ---------------------------------------------------------------------------
// Fees

describe('fees', () => {
	it('finds the rule in force in a year', () => {
		const rules = [
			{ validFromYear: 2020, rule: 'c' },
			{ validFromYear: 2014, rule: 'a' },
			{ validFromYear: 2018, rule: 'b' }
		];
		expect(ruleForYear(rules, 2013)).toBeNull();
		expect(ruleForYear(rules, 2014)?.rule).toBe('a');
		expect(ruleForYear(rules, 2017)?.rule).toBe('a');
		expect(ruleForYear(rules, 2018)?.rule).toBe('b');
		expect(ruleForYear(rules, 2019)?.rule).toBe('b');
		expect(ruleForYear(rules, 2020)?.rule).toBe('c');
		expect(ruleForYear(rules, 2030)?.rule).toBe('c');
		expect(ruleForYear([], 2020)).toBeNull();
	});

	it('dates the fee', () => {
		expect(feePopulationDate(2021)).toBe('2020-12-31');
		expect(feePopulationDate(2020)).toBe('2019-12-31');
		expect(feeDueDate(2020)).toBe('2020-03-15');
	});

	it('charges 4 kr per inhabitant in 2020', () => {
		const rule = { kind: 'per_inhabitant' as const, amount: 400 };
		const shares = feeShares(rule, POP_2019);
		expect(shares).toEqual([37842400, 36838000, 45139200, 4405600, 11430000, 6700000, 39591600, 19333200]);
		expect(sum(shares)).toBe(201280000);
		expect(feeTotal(rule, 503200)).toBe(201280000);
		expect(feeTotal(rule, sum(POP_2019))).toBe(201280000);
		expect(feeTotal({ kind: 'per_inhabitant', amount: 400 }, 488735)).toBe(195494000);
	});

	it('shares a fixed total by population in whole kronor', () => {
		const rule = { kind: 'fixed_total' as const, amount: 26000000 };
		expect(feeTotal(rule, 503200)).toBe(26000000);
		const shares = feeShares(rule, POP_2019);
		expect(shares).toEqual([4888200, 4758500, 5830800, 569100, 1476400, 865500, 5114200, 2497300]);
		expect(sum(shares)).toBe(26000000);
		for (const s of shares) expect(s % 100).toBe(0);
	});
});

// ---------------------------------------------------------------------------
// Closing

const movement = (fundId: number, opening: number, income: number, costs: number, transfersIn = 0, transfersOut = 0): FundMovement => ({
	fundId,
	opening,
	income,
	costs,
	transfersIn,
	transfersOut
});

const DRIFT = 1;
const MODELLEN = 2;
const MERGED = 3;
const DRIFT_2020 = 10;

describe('closeFund and closingTotals', () => {
	it('closes 2020', () => {
		const rows = [movement(DRIFT, 0, 201280000, 182436800), movement(MODELLEN, 52130700, 0, 145000), movement(MERGED, 5050000, 0, 0)].map(
			closeFund
		);
		expect(rows.map((r) => r.closing)).toEqual([18843200, 51985700, 5050000]);
		expect(rows[0]).toEqual({ ...movement(DRIFT, 0, 201280000, 182436800), closing: 18843200 });
		expect(closingTotals(rows)).toEqual({
			opening: 57180700,
			income: 201280000,
			costs: 182581800,
			transfersIn: 0,
			transfersOut: 0,
			closing: 75878900
		});
	});

	it('counts transfers', () => {
		expect(closeFund(movement(1, 1000, 200, 300, 50, 70)).closing).toBe(880);
		expect(closingTotals([])).toEqual({ opening: 0, income: 0, costs: 0, transfersIn: 0, transfersOut: 0, closing: 0 });
	});

	const amount = fc.integer({ min: -1_000_000_000, max: 1_000_000_000 });
	const rowArb = fc.record({
		fundId: fc.nat(50),
		opening: amount,
		income: amount,
		costs: amount,
		transfersIn: amount,
		transfersOut: amount
	});

	it('closing = opening + income − costs + in − out, and the totals add up (property)', () => {
		fc.assert(
			fc.property(fc.array(rowArb, { maxLength: 20 }), (ms) => {
				const rows = ms.map(closeFund);
				rows.forEach((r, i) => {
					const m = ms[i];
					expect(r.closing).toBe(m.opening + m.income - m.costs + m.transfersIn - m.transfersOut);
				});
				const t = closingTotals(rows);
				expect(t.closing).toBe(t.opening + t.income - t.costs + t.transfersIn - t.transfersOut);
				expect(t.closing).toBe(sum(rows.map((r) => r.closing)));
				expect(t.opening).toBe(sum(ms.map((m) => m.opening)));
			})
		);
	});

	it('transfers between funds leave the total unchanged (property)', () => {
		fc.assert(
			fc.property(
				fc.array(fc.record({ opening: amount, income: amount, costs: amount }), { minLength: 2, maxLength: 10 }),
				fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 0, max: 100_000_000 }))),
				(funds, transfers) => {
					const before = funds.map((f, i) => movement(i, f.opening, f.income, f.costs));
					const after = before.map((m) => ({ ...m }));
					for (const [a, b, x] of transfers) {
						const from = a % after.length;
						const to = b % after.length;
						after[from].transfersOut += x;
						after[to].transfersIn += x;
					}
					const t0 = closingTotals(before.map(closeFund));
					const t1 = closingTotals(after.map(closeFund));
					expect(t1.closing).toBe(t0.closing);
					expect(t1.transfersIn).toBe(t1.transfersOut);
				}
			)
		);
	});
});

describe('nextOpenings', () => {
	it('opens 2021: drift carried, merged fund handed over, zeros dropped', () => {
		const rows = [
			{ fundId: DRIFT, closing: 18843200 },
			{ fundId: MODELLEN, closing: 51985700 },
			{ fundId: MERGED, closing: 5050000 },
			{ fundId: 4, closing: 0 }
		];
		const next = nextOpenings(rows, new Map([[DRIFT, DRIFT_2020]]), new Map([[MERGED, DRIFT_2020]]));
		expect(next.get(DRIFT_2020)).toBe(23893200);
		expect(next.get(MODELLEN)).toBe(51985700);
		expect(next.has(DRIFT)).toBe(false);
		expect(next.has(MERGED)).toBe(false);
		expect(next.has(4)).toBe(false);
		expect(next.size).toBe(2);
	});

	it('follows a carried fund that is itself merged, and drops balances that cancel', () => {
		const next = nextOpenings(
			[
				{ fundId: 1, closing: 100 },
				{ fundId: 2, closing: 50 },
				{ fundId: 3, closing: -150 },
				{ fundId: 5, closing: 7 }
			],
			new Map([[1, 2]]),
			new Map([
				[2, 3],
				[3, 4]
			])
		);
		expect([...next]).toEqual([[5, 7]]);
	});

	it('refuses a merge cycle', () => {
		expect(() =>
			nextOpenings(
				[{ fundId: 1, closing: 100 }],
				new Map(),
				new Map([
					[1, 2],
					[2, 1]
				])
			)
		).toThrow();
	});

	it('the next openings sum to the closings, with no zero left (property)', () => {
		fc.assert(
			fc.property(
				fc.uniqueArray(fc.record({ fundId: fc.nat(30), closing: fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }) }), {
					selector: (r) => r.fundId,
					maxLength: 20
				}),
				fc.array(fc.tuple(fc.nat(30), fc.nat(40))),
				fc.array(fc.tuple(fc.nat(40), fc.nat(40))),
				(rows, carried, merged) => {
					// merges only point to higher ids, so there is never a cycle
					const mergedInto = new Map(merged.filter(([a, b]) => b > a));
					const next = nextOpenings(rows, new Map(carried), mergedInto);
					expect(sum([...next.values()])).toBe(sum(rows.map((r) => r.closing)));
					for (const [id, v] of next) {
						expect(v).not.toBe(0);
						expect(mergedInto.has(id)).toBe(false);
					}
				}
			)
		);
	});
});

describe('differs', () => {
	it('compares at the printed krona', () => {
		expect(differs(138113000, 138113100)).toBe(true);
		expect(differs(18843200, 18843160)).toBe(false);
		expect(differs(18843200, 18843149)).toBe(true);
		expect(differs(18843200, 18843200)).toBe(false);
		expect(differs(-145000, -145049)).toBe(false);
		expect(differs(-145000, -145050)).toBe(true);
		expect(differs(18843200, null)).toBe(true);
	});
});

// ---------------------------------------------------------------------------
// Budget against outcome

describe('budgetOutcome', () => {
	const kindOf = new Map<number, 'income' | 'cost'>([
		[1, 'income'],
		[2, 'income'],
		[3, 'income'],
		[10, 'cost'],
		[11, 'cost'],
		[12, 'cost'],
		[13, 'cost']
	]);
	const lines: BudgetLineInput[] = [
		{ id: 100, kind: 'income', label: 'Medlemsavgifter', amount: 201280000, categoryIds: [1] },
		{ id: 101, kind: 'cost', label: 'Personal och lokaler', amount: 150000000, categoryIds: [10, 11] },
		{ id: 102, kind: 'cost', label: 'Konferenser', amount: 3000000, categoryIds: [12] }
	];

	it('sums covered categories, shows uncovered outcome, signs deviations so that positive is good', () => {
		const outcome = new Map([
			[1, 201280000],
			[2, 500000],
			[10, 120000000],
			[11, 25000000],
			[12, 3600000],
			[13, 2000000]
		]);
		expect(budgetOutcome(lines, outcome, kindOf)).toEqual([
			{
				id: 100,
				kind: 'income',
				label: 'Medlemsavgifter',
				budget: 201280000,
				outcome: 201280000,
				deviation: 0,
				percent: 100
			},
			{
				id: 101,
				kind: 'cost',
				label: 'Personal och lokaler',
				budget: 150000000,
				outcome: 145000000,
				deviation: 5000000,
				percent: 96.7
			},
			{ id: 102, kind: 'cost', label: 'Konferenser', budget: 3000000, outcome: 3600000, deviation: -600000, percent: 120 },
			{ id: null, kind: 'income', label: 'Intäkter utanför budgeten', budget: null, outcome: 500000, deviation: null, percent: null },
			{ id: null, kind: 'cost', label: 'Kostnader utanför budgeten', budget: null, outcome: 2000000, deviation: null, percent: null }
		]);
	});

	it('income below budget is a negative deviation; no outcome gives zero; nothing uncovered adds no rows', () => {
		const rows = budgetOutcome(lines, new Map([[1, 200000000]]), kindOf);
		expect(rows).toHaveLength(3);
		expect(rows[0]).toMatchObject({ outcome: 200000000, deviation: -1280000, percent: 99.4 });
		expect(rows[1]).toMatchObject({ outcome: 0, deviation: 150000000, percent: 0 });
		expect(rows[2]).toMatchObject({ outcome: 0, deviation: 3000000, percent: 0 });
	});

	it('gives no percent without a budget, and ignores uncovered categories of unknown kind', () => {
		const rows = budgetOutcome(
			[{ id: 1, kind: 'cost', label: 'Ny post', amount: 0, categoryIds: [10] }],
			new Map([
				[10, 12345],
				[99, 500]
			]),
			kindOf
		);
		expect(rows).toEqual([{ id: 1, kind: 'cost', label: 'Ny post', budget: 0, outcome: 12345, deviation: -12345, percent: null }]);
	});

	it('every outcome öre of a known kind appears exactly once when lines do not overlap (property)', () => {
		fc.assert(
			fc.property(
				fc.array(fc.integer({ min: -10_000_000, max: 10_000_000 }), { minLength: 7, maxLength: 7 }),
				fc.subarray([1, 2, 3]),
				fc.subarray([10, 11, 12, 13]),
				(values, inc, cost) => {
					const ids = [1, 2, 3, 10, 11, 12, 13];
					const outcome = new Map(ids.map((id, i) => [id, values[i]]));
					const rows = budgetOutcome(
						[
							{ id: 1, kind: 'income', label: 'I', amount: 1000, categoryIds: inc },
							{ id: 2, kind: 'cost', label: 'K', amount: 1000, categoryIds: cost }
						],
						outcome,
						kindOf
					);
					const byKind = (k: 'income' | 'cost') => sum(rows.filter((r) => r.kind === k).map((r) => r.outcome));
					expect(byKind('income')).toBe(values[0] + values[1] + values[2]);
					expect(byKind('cost')).toBe(values[3] + values[4] + values[5] + values[6]);
				}
			)
		);
	});
});
