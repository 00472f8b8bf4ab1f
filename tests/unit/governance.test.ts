import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	SWEDISH_GENERAL_ELECTION,
	dutiesOf,
	dutyDate,
	electionDay,
	isElectionYear,
	noticePeriod,
	nthWeekday,
	ruleProblem,
	weekdayOf,
	type DutyRule
} from '../../src/lib/core/governance.ts';

const isoDay = fc
	.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true })
	.map((d) => d.toISOString().slice(0, 10));
const monthIndex = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;

describe('notice to leave (agreement §2, §9)', () => {
	it('starts the period on the first of the month after receipt, and takes effect twelve months later', () => {
		expect(noticePeriod('2023-05-17')).toEqual({ received: '2023-05-17', periodStarts: '2023-06-01', effective: '2024-06-01' });
		expect(noticePeriod('2023-12-31')).toEqual({ received: '2023-12-31', periodStarts: '2024-01-01', effective: '2025-01-01' });
		expect(noticePeriod('2024-02-01').periodStarts).toBe('2024-03-01');
	});
	it('for any day: the period starts on a first, after receipt and at most 31 days later, and runs exactly twelve months', () => {
		fc.assert(
			fc.property(isoDay, (received) => {
				const { periodStarts, effective } = noticePeriod(received);
				expect(periodStarts.endsWith('-01')).toBe(true);
				expect(effective.endsWith('-01')).toBe(true);
				expect(periodStarts > received).toBe(true);
				const days = (Date.parse(periodStarts) - Date.parse(received)) / 86_400_000;
				expect(days).toBeGreaterThanOrEqual(1);
				expect(days).toBeLessThanOrEqual(31);
				expect(monthIndex(periodStarts)).toBe(monthIndex(received) + 1);
				expect(monthIndex(effective)).toBe(monthIndex(periodStarts) + 12);
			})
		);
	});
});

describe('the election-year rule', () => {
	it('holds the Swedish general elections of 2018, 2022 and 2026 on the second Sunday of September', () => {
		expect(electionDay(SWEDISH_GENERAL_ELECTION, 2018)).toBe('2018-09-09');
		expect(electionDay(SWEDISH_GENERAL_ELECTION, 2022)).toBe('2022-09-11');
		expect(electionDay(SWEDISH_GENERAL_ELECTION, 2026)).toBe('2026-09-13');
		expect(electionDay(SWEDISH_GENERAL_ELECTION, 2020)).toBeNull();
		expect(isElectionYear(SWEDISH_GENERAL_ELECTION, 2014)).toBe(true);
	});
	it('across a century: every fourth year, always a Sunday between 8 and 14 September', () => {
		const years = Array.from({ length: 100 }, (_, i) => 2000 + i);
		const elections = years.filter((y) => isElectionYear(SWEDISH_GENERAL_ELECTION, y));
		expect(elections).toHaveLength(25);
		elections.slice(1).forEach((y, i) => expect(y - elections[i]).toBe(4));
		for (const y of elections) {
			const day = electionDay(SWEDISH_GENERAL_ELECTION, y)!;
			const [yy, mm, dd] = day.split('-').map(Number);
			expect(weekdayOf(yy, mm, dd)).toBe(0);
			expect(mm).toBe(9);
			expect(dd).toBeGreaterThanOrEqual(8);
			expect(dd).toBeLessThanOrEqual(14);
		}
	});
	it('is data: another cycle, another day', () => {
		const everyFifth = { firstYear: 2021, everyYears: 5, month: 5, weekday: 1, nth: -1 };
		expect(isElectionYear(everyFifth, 2026)).toBe(true);
		expect(electionDay(everyFifth, 2026)).toBe('2026-05-25'); // the last Monday of May
		expect(isElectionYear(everyFifth, 2022)).toBe(false);
	});
});

describe('nth weekday', () => {
	it('finds the nth and the last weekday of any month, or says there is none', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1900, max: 2199 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 6 }), (y, m, wd) => {
				const first = nthWeekday(y, m, wd, 1)!;
				const last = nthWeekday(y, m, wd, -1)!;
				for (const date of [first, last]) {
					const [yy, mm, dd] = date.split('-').map(Number);
					expect([yy, mm, weekdayOf(yy, mm, dd)]).toEqual([y, m, wd]);
				}
				expect(Number(first.slice(8))).toBeLessThanOrEqual(7);
				expect(nthWeekday(y, m, wd, 6)).toBeNull();
			})
		);
	});
});

describe('the duties of a year', () => {
	const duties: { name: string; rule: DutyRule }[] = [
		{ name: 'Avgiftsfakturor förfaller', rule: { kind: 'day', month: 3, day: 15 } },
		{ name: 'Södertörnskonferensen', rule: { kind: 'month', month: 4, electionYear: 'skip' } },
		{ name: 'Planeringskonferens, ledningsgruppen', rule: { kind: 'month', month: 9, electionYear: { month: 1 } } }
	];
	it('dates each duty, skips the conference in an election year and moves what moves', () => {
		expect(dutyDate(duties[0].rule, 2021)).toEqual({ date: '2021-03-15' });
		expect(dutyDate(duties[1].rule, 2021)).toEqual({ date: '2021-04-30' });
		expect(dutyDate(duties[1].rule, 2018)).toEqual({ skipped: 'election' });
		expect(dutyDate(duties[2].rule, 2022)).toEqual({ date: '2022-01-31' });
		const dated = dutiesOf(duties, [2021, 2022]);
		expect(dated.map((d) => `${d.date} ${d.name}`)).toEqual([
			'2021-03-15 Avgiftsfakturor förfaller',
			'2021-04-30 Södertörnskonferensen',
			'2021-09-30 Planeringskonferens, ledningsgruppen',
			'2022-01-31 Planeringskonferens, ledningsgruppen',
			'2022-03-15 Avgiftsfakturor förfaller'
		]);
	});
	it('refuses a rule that yields no date, up front', () => {
		expect(ruleProblem({ kind: 'day', month: 2, day: 30 }, 2026)).toMatch(/ingen 30:e/);
		expect(ruleProblem({ kind: 'day', month: 2, day: 29 }, 2026)).toMatch(/ingen 29:e/);
		expect(ruleProblem({ kind: 'weekday', month: 2, weekday: 1, nth: 5 }, 2026)).toMatch(/ingen sådan/);
		expect(ruleProblem({ kind: 'day', month: 13, day: 1 }, 2026)).toMatch(/månad 13/);
		expect(ruleProblem({ kind: 'weekday', month: 9, weekday: 4, nth: 2 }, 2026)).toBeNull();
	});
});
