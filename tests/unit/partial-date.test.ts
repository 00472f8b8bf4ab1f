import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	endsBeforeStart,
	firstDay,
	formatPartialDate,
	formatPartialPeriod,
	holdsInYear,
	holdsOn,
	isPartialDate,
	lastDay,
	parsePartialDate,
	periodsOverlap,
	precisionOf
} from '../../src/lib/core/partial-date.ts';

const iso = (d: Date) => d.toISOString().slice(0, 10);
/** Any day from 1990 to 2040. */
const day = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true }).map(iso);
/** A partial date of any precision around a day. */
const partial = fc
	.tuple(day, fc.constantFrom('year', 'half', 'month', 'day'))
	.map(([d, p]) =>
		p === 'year'
			? d.slice(0, 4)
			: p === 'half'
				? `${d.slice(0, 4)}-${Number(d.slice(5, 7)) <= 6 ? 'H1' : 'H2'}`
				: p === 'month'
					? d.slice(0, 7)
					: d
	);

describe('partial dates', () => {
	it('reads Swedish and ISO as the same canonical form', () => {
		expect(parsePartialDate('2021')).toBe('2021');
		expect(parsePartialDate('2021-03')).toBe('2021-03');
		expect(parsePartialDate(' 12 mars 2021 ')).toBe('2021-03-12');
		expect(parsePartialDate('Mars 2021')).toBe('2021-03');
		expect(parsePartialDate('våren 2021')).toBe('2021-H1');
		expect(parsePartialDate('hösten 2020')).toBe('2020-H2');
		expect(parsePartialDate('2021-h2')).toBe('2021-H2');
	});

	it('refuses what is not a date', () => {
		for (const bad of ['2021-13', 'hösten 20x1', '2021-02-30', '21', '2021-3', 'marsch 2021', '32 mars 2021', '', 'idag'])
			expect(parsePartialDate(bad), bad).toBeNull();
	});

	it('prints each precision as written', () => {
		expect(formatPartialDate('2021')).toBe('2021');
		expect(formatPartialDate('2021-H1')).toBe('våren 2021');
		expect(formatPartialDate('2021-03')).toBe('mars 2021');
		expect(formatPartialDate('2021-03-12')).toBe('12 mars 2021');
		expect(formatPartialPeriod({ from: '2021', to: '2021' })).toBe('2021');
		expect(formatPartialPeriod({ from: '2020', to: '2021-03-11' })).toBe('2020 – 11 mars 2021');
		expect(formatPartialPeriod({ from: '2021-03-12', to: null })).toBe('fr o m 12 mars 2021');
		expect(formatPartialPeriod({ from: null, to: '2018-06' })).toBe('t o m juni 2018');
		expect(formatPartialPeriod({ from: null, to: null })).toBe('period okänd');
	});

	it('round-trips: what it prints, it reads back', () => {
		fc.assert(fc.property(partial, (p) => parsePartialDate(formatPartialDate(p)) === p));
	});

	it('gives each partial date a first and a last day that contain it', () => {
		fc.assert(
			fc.property(partial, (p) => {
				expect(isPartialDate(p)).toBe(true);
				const [a, b] = [firstDay(p), lastDay(p)];
				expect(a <= b).toBe(true);
				expect(a.startsWith(p.slice(0, 4))).toBe(true);
				if (precisionOf(p) === 'day') expect(a).toBe(b);
			})
		);
		expect([firstDay('2024-02'), lastDay('2024-02')]).toEqual(['2024-02-01', '2024-02-29']);
		expect([firstDay('2021-H2'), lastDay('2021-H1')]).toEqual(['2021-07-01', '2021-06-30']);
	});

	it('a role held "2021" holds on every day of 2021 and on no day of 2020 or 2022', () => {
		const role = { from: '2021', to: '2021' };
		fc.assert(
			fc.property(day, (d) => {
				expect(holdsOn(role, d)).toBe(d.startsWith('2021'));
				expect(holdsInYear(role, Number(d.slice(0, 4)))).toBe(d.startsWith('2021'));
			})
		);
	});

	it('a period holds on a day exactly when the day lies between its first and last possible day', () => {
		fc.assert(
			fc.property(fc.option(partial), fc.option(partial), day, (from, to, d) => {
				const p = { from, to };
				const expected = (from !== null || to !== null) && (!from || firstDay(from) <= d) && (!to || d <= lastDay(to));
				expect(holdsOn(p, d)).toBe(expected);
			})
		);
	});

	it('a period with no known side holds on no day and overlaps nothing', () => {
		fc.assert(
			fc.property(day, partial, (d, p) => {
				expect(holdsOn({ from: null, to: null }, d)).toBe(false);
				expect(periodsOverlap({ from: null, to: null }, { from: p, to: p })).toBe(false);
			})
		);
	});

	it('detects certain overlaps, symmetrically, and not successions within a year or a handover day', () => {
		fc.assert(
			fc.property(partial, partial, partial, partial, (a1, a2, b1, b2) => {
				const a = { from: a1, to: a2 };
				const b = { from: b1, to: b2 };
				expect(periodsOverlap(a, b)).toBe(periodsOverlap(b, a));
			})
		);
		// Exact days: overlap when they share more than the day one hands over to the other.
		fc.assert(
			fc.property(day, day, day, day, (a, b, c, d) => {
				const [a1, a2] = [a, b].sort();
				const [b1, b2] = [c, d].sort();
				expect(periodsOverlap({ from: a1, to: a2 }, { from: b1, to: b2 })).toBe(a1 < b2 && b1 < a2);
			})
		);
		expect(periodsOverlap({ from: '2018', to: '2018' }, { from: '2018', to: '2018' })).toBe(false);
		expect(periodsOverlap({ from: '2020', to: '2021-03-11' }, { from: '2021-03-12', to: null })).toBe(false);
		expect(periodsOverlap({ from: '2020', to: '2021-03-12' }, { from: '2021-03-12', to: null })).toBe(false);
		expect(periodsOverlap({ from: '2020', to: '2021-03-13' }, { from: '2021-03-12', to: null })).toBe(true);
		expect(periodsOverlap({ from: '2019-05-01', to: null }, { from: '2021', to: '2021' })).toBe(false);
		// "fr o m 12 mars 2021 t o m 2021" runs to the end of 2021, so a chair from June 2021 is a second one.
		expect(periodsOverlap({ from: '2021-03-12', to: '2021' }, { from: '2021-06', to: '2021' })).toBe(true);
		expect(periodsOverlap({ from: '2018', to: '2018' }, { from: '2018-06', to: '2018' })).toBe(false);
		expect(periodsOverlap({ from: '2019-05-01', to: null }, { from: '2021-01-01', to: '2021-12-31' })).toBe(true);
	});

	it('knows when an end comes before its start', () => {
		expect(endsBeforeStart({ from: '2021-05-12', to: '2021-03' })).toBe(true);
		expect(endsBeforeStart({ from: '2021-03', to: '2021' })).toBe(false);
		expect(endsBeforeStart({ from: '2021', to: '2021-03' })).toBe(false);
		expect(endsBeforeStart({ from: '2022', to: null })).toBe(false);
	});
});
