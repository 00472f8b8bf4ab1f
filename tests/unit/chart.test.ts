import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byYear, describeChart, layoutChart, niceStep, niceTicks, yearsBetween } from '../../src/lib/core/chart.ts';
import { feeHistory, withCurrentYear } from '../../src/lib/core/finance.ts';

describe('chart scales', () => {
	it('steps by 1, 2, 2.5 or 5 times a power of ten', () => {
		expect(niceStep(100, 5)).toBe(20);
		expect(niceStep(9, 5)).toBe(2);
		expect(niceStep(1_180_000, 5)).toBe(250_000);
		expect(niceStep(0)).toBe(1);
	});

	it('always include zero and cover every figure', () => {
		expect(niceTicks(12, 87)).toEqual([0, 20, 40, 60, 80, 100]);
		expect(niceTicks(-30, 70)[0]).toBe(-40);
		expect(niceTicks(0, 0)).toEqual([0, 1]);
		expect(niceTicks(0, 2)).toEqual([0, 0.5, 1, 1.5, 2]);
		expect(niceTicks(0, 2, 5, true)).toEqual([0, 1, 2]);
		fc.assert(
			fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: -1e9, max: 1e9 }), (a, b) => {
				const [min, max] = a < b ? [a, b] : [b, a];
				const t = niceTicks(min, max);
				return t.includes(0) && t[0] <= min && t[t.length - 1] >= max && t.length <= 12;
			})
		);
	});
});

describe('chart layout', () => {
	const input = {
		categories: ['2019', '2020', '2021'],
		series: [
			{ label: 'Huddinge', values: [10, null, 30] },
			{ label: 'Botkyrka', values: [5, 15, -5] }
		]
	};

	it('draws bars from the zero line, up for positive figures and down for negative, none for a missing one', () => {
		const l = layoutChart({ ...input, kind: 'bar' });
		expect(l.bars).toHaveLength(5);
		for (const b of l.bars) {
			if (b.value >= 0) expect(b.y + b.height).toBeCloseTo(l.zeroY, 0);
			else expect(b.y).toBeCloseTo(l.zeroY, 0);
		}
		expect(l.bars.find((b) => b.series === 0 && b.category === 1)).toBeUndefined();
		// the bar of 30 twice the height of the bar of 15
		const h = (s: number, c: number) => l.bars.find((b) => b.series === s && b.category === c)!.height;
		expect(h(0, 2)).toBeCloseTo(2 * h(1, 1), 0);
		// every bar inside the plot
		for (const b of l.bars) expect(b.x + b.width).toBeLessThanOrEqual(l.plot.right + 0.1);
	});

	it('breaks a line at a missing figure instead of drawing across it', () => {
		const l = layoutChart({ ...input, kind: 'line' });
		expect(l.lines[0].points.map((p) => p.category)).toEqual([0, 2]);
		expect(l.lines[0].d.match(/M/g)).toHaveLength(2);
		expect(l.lines[1].d.match(/M/g)).toHaveLength(1);
		expect(l.lines[1].d.match(/L/g)).toHaveLength(2);
	});

	it('says every figure in words, a missing one as missing', () => {
		expect(describeChart({ ...input, kind: 'bar', format: (v) => `${v} kr` })).toBe(
			'Huddinge: 2019 10 kr, 2020 uppgift saknas, 2021 30 kr. Botkyrka: 2019 5 kr, 2020 15 kr, 2021 -5 kr.'
		);
	});
});

describe('the finance year switcher', () => {
	it('always offers the current year, newest first, and leaves a list holding it alone', () => {
		const years = [
			{ year: 2022, status: 'open' as const, hasFigures: true },
			{ year: 2021, status: 'closed' as const, hasFigures: true }
		];
		expect(withCurrentYear(years, 2026).map((y) => y.year)).toEqual([2026, 2022, 2021]);
		expect(withCurrentYear(years, 2026)[0]).toEqual({ year: 2026, status: 'open', hasFigures: false });
		expect(withCurrentYear(years, 2022)).toBe(years);
		expect(withCurrentYear([], 2026)).toEqual([{ year: 2026, status: 'open', hasFigures: false }]);
	});
});

describe('figures by year', () => {
	it('spans every year between the first and the last, sums the rows of one series and year, and fills the rest', () => {
		const rows = [
			{ year: 2021, series: 'Huddinge', value: 3 },
			{ year: 2019, series: 'Botkyrka', value: 1 },
			{ year: 2021, series: 'Huddinge', value: 2 }
		];
		expect(byYear(rows, 0)).toEqual({
			categories: ['2019', '2020', '2021'],
			series: [
				{ label: 'Huddinge', values: [0, 0, 5] },
				{ label: 'Botkyrka', values: [1, 0, 0] }
			]
		});
		expect(byYear(rows).series[1].values).toEqual([1, null, null]);
		expect(byYear([])).toEqual({ categories: [], series: [] });
		expect(yearsBetween([2023, 2020])).toEqual([2020, 2021, 2022, 2023]);
	});
});

describe('the fee per municipality over the years', () => {
	const municipalities = [
		{ id: 1, name: 'Botkyrka', memberFrom: null, memberTo: null },
		{ id: 2, name: 'Nykvarn', memberFrom: '2018-01-01', memberTo: null }
	];
	const rules = [
		{ kind: 'fixed_total' as const, amount: 26_000_000, validFromYear: 2010 },
		{ kind: 'per_inhabitant' as const, amount: 400, validFromYear: 2017 }
	];
	const pops: Record<string, number> = { '1:2016': 90_000, '1:2017': 91_000, '1:2018': 92_000, '2:2018': 11_000 };

	it('computes each year by the rule in force, members only, an invoice where one was sent, null where a figure is missing', () => {
		const rows = feeHistory(
			[2018, 2016, 2017, 2019],
			rules,
			municipalities,
			(m, y) => pops[`${m}:${y}`] ?? null,
			(m, y) => (m === 1 && y === 2018 ? 36_000_000 : null)
		);
		expect(rows).toEqual([
			// 2016: the fixed total, Botkyrka the only member
			{ year: 2016, municipality: 'Botkyrka', amount: 26_000_000 },
			{ year: 2017, municipality: 'Botkyrka', amount: 400 * 91_000 },
			// 2018: Nykvarn joins; Botkyrka's invoice wins over the computed amount
			{ year: 2018, municipality: 'Botkyrka', amount: 36_000_000 },
			{ year: 2018, municipality: 'Nykvarn', amount: 400 * 11_000 },
			{ year: 2019, municipality: 'Botkyrka', amount: null },
			{ year: 2019, municipality: 'Nykvarn', amount: null }
		]);
	});
});
