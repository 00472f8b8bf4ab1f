import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatKronor, formatNumber, formatPeriod, todayIso } from '../../src/lib/core/format.ts';

/** The no-break spaces Intl sv-SE writes (U+00A0, U+202F) as plain spaces, and U+2212 as '-'. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ').replace(/\u2212/g, '-');

/** Reads "−1 234 567,89 kr" back to integer öre. */
function parseKronor(s: string): number {
	const m = /^(\u2212?)(\d{1,3}(?:\u00a0\d{3})*)(?:,(\d{2}))? kr$/.exec(s);
	if (!m) throw new Error(`not a sv-SE amount: ${JSON.stringify(s)}`);
	const kr = Number(m[2].replaceAll('\u00a0', ''));
	const ore = m[3] ? Number(m[3]) : 0;
	return (m[1] ? -1 : 1) * (kr * 100 + ore);
}

describe('formatKronor', () => {
	it('prints whole kronor with sv-SE digit groups and no öre', () => {
		expect(plain(formatKronor(138_113_000))).toBe('1 381 130 kr');
		// the exact characters: no-break spaces between the digit groups
		expect(formatKronor(138_113_000)).toBe('1\u00a0381\u00a0130 kr');
		expect(plain(formatKronor(201_280_000))).toBe('2 012 800 kr');
		expect(formatKronor(100)).toBe('1 kr');
		expect(formatKronor(0)).toBe('0 kr');
		expect(plain(formatKronor(99_900))).toBe('999 kr');
		expect(plain(formatKronor(100_000))).toBe('1 000 kr');
	});

	it('prints öre with a decimal comma and two digits when there are any', () => {
		expect(formatKronor(5)).toBe('0,05 kr');
		expect(formatKronor(50)).toBe('0,50 kr');
		expect(formatKronor(199)).toBe('1,99 kr');
		expect(plain(formatKronor(123_456_789))).toBe('1 234 567,89 kr');
	});

	it('prints negative amounts with a minus sign', () => {
		expect(plain(formatKronor(-138_113_000))).toBe('-1 381 130 kr');
		expect(formatKronor(-5)).toBe('\u22120,05 kr');
		expect(formatKronor(-0)).toBe('0 kr');
	});

	it('refuses anything but whole öre', () => {
		expect(() => formatKronor(1.5)).toThrow(TypeError);
		expect(() => formatKronor(0.1 + 0.2)).toThrow(/hela ören/);
		expect(() => formatKronor(Number.NaN)).toThrow(TypeError);
		expect(() => formatKronor(Number.POSITIVE_INFINITY)).toThrow(TypeError);
	});

	it('reads back to the same öre for every safe integer (property)', () => {
		fc.assert(
			fc.property(fc.maxSafeInteger(), (ore) => {
				const s = formatKronor(ore);
				expect(s).toMatch(/^\u2212?\d{1,3}(\u00a0\d{3})*(,\d{2})? kr$/);
				expect(parseKronor(s)).toBe(ore === 0 ? 0 : ore); // -0 prints as 0
			}),
			{ numRuns: 2000 }
		);
	});

	it('keeps every digit of the kronor part, in order (property)', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 1_000_000_000_000 }), (ore) => {
				const digits = formatKronor(ore)
					.replace(/,\d{2} kr$| kr$/, '')
					.replace(/\D/g, '');
				expect(digits).toBe(String(Math.trunc(ore / 100)));
			})
		);
	});
});

describe('formatNumber', () => {
	it('groups thousands the sv-SE way', () => {
		expect(plain(formatNumber(507_552))).toBe('507 552');
		expect(plain(formatNumber(1_381_130))).toBe('1 381 130');
	});
});

describe('formatDate', () => {
	it('prints an ISO date as a Swedish calendar date', () => {
		expect(formatDate('2020-11-20')).toBe('20 november 2020');
		expect(formatDate('2021-03-12')).toBe('12 mars 2021');
		expect(formatDate('2019-01-01')).toBe('1 januari 2019');
		expect(formatDate('2020-12-31')).toBe('31 december 2020');
	});

	it('never shifts the day through a time zone', () => {
		// the first and last day of summer time, and a timestamp string with a time part
		expect(formatDate('2021-03-28')).toBe('28 mars 2021');
		expect(formatDate('2021-10-31')).toBe('31 oktober 2021');
		expect(formatDate('2020-11-20T23:30:00Z')).toBe('20 november 2020');
	});

	it('prints nothing for a missing date', () => {
		expect(formatDate(null)).toBe('');
		expect(formatDate(undefined)).toBe('');
		expect(formatDate('')).toBe('');
	});

	it('prints the same calendar day for every date (property)', () => {
		const months = [
			'januari',
			'februari',
			'mars',
			'april',
			'maj',
			'juni',
			'juli',
			'augusti',
			'september',
			'oktober',
			'november',
			'december'
		];
		fc.assert(
			fc.property(
				fc.date({
					min: new Date('1900-01-01T00:00:00Z'),
					max: new Date('2200-12-31T00:00:00Z'),
					noInvalidDate: true
				}),
				(d) => {
					const iso = d.toISOString().slice(0, 10);
					const [y, m, day] = iso.split('-').map(Number);
					expect(formatDate(iso)).toBe(`${day} ${months[m - 1]} ${y}`);
				}
			)
		);
	});
});

describe('formatDateTime', () => {
	it('shows a UTC instant in Stockholm winter time (UTC+1)', () => {
		const s = formatDateTime(new Date('2020-11-20T07:30:00Z'));
		expect(s).toMatch(/^20 november 2020\D+08:30$/);
		expect(formatDateTime('2020-11-20T07:30:00Z')).toBe(s);
	});

	it('shows a UTC instant in Stockholm summer time (UTC+2), across midnight', () => {
		expect(formatDateTime('2021-06-15T08:05:00Z')).toMatch(/^15 juni 2021\D+10:05$/);
		expect(formatDateTime(new Date('2021-06-15T22:30:00Z'))).toMatch(/^16 juni 2021\D+00:30$/);
	});

	it('follows the change to and from summer time', () => {
		// 28 March 2021: clocks go from 02:00 to 03:00; 31 October 2021: from 03:00 back to 02:00
		expect(formatDateTime('2021-03-28T00:59:00Z')).toMatch(/^28 mars 2021\D+01:59$/);
		expect(formatDateTime('2021-03-28T01:00:00Z')).toMatch(/^28 mars 2021\D+03:00$/);
		expect(formatDateTime('2021-10-31T00:30:00Z')).toMatch(/^31 oktober 2021\D+02:30$/);
		expect(formatDateTime('2021-10-31T01:30:00Z')).toMatch(/^31 oktober 2021\D+02:30$/);
	});

	it('prints nothing for a missing time', () => {
		expect(formatDateTime(null)).toBe('');
		expect(formatDateTime(undefined)).toBe('');
	});
});

describe('todayIso', () => {
	it("gives Stockholm's date, not UTC's", () => {
		expect(todayIso(new Date('2021-12-31T23:30:00Z'))).toBe('2022-01-01');
		expect(todayIso(new Date('2021-06-30T22:00:00Z'))).toBe('2021-07-01');
		expect(todayIso(new Date('2021-06-30T21:59:59Z'))).toBe('2021-06-30');
		expect(todayIso(new Date('2021-01-01T00:30:00Z'))).toBe('2021-01-01');
	});

	it('defaults to now, as an ISO date', () => {
		const today = todayIso();
		expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		expect(Math.abs(Date.parse(`${today}T12:00:00Z`) - Date.now())).toBeLessThan(2 * 86400_000);
	});
});

describe('formatPeriod', () => {
	it('prints both ends, an open end, or an unknown period', () => {
		expect(formatPeriod('2020-01-01', '2021-03-11')).toBe('1 januari 2020 – 11 mars 2021');
		expect(formatPeriod('2021-03-12', null)).toBe('fr o m 12 mars 2021');
		expect(formatPeriod(null, '2021-03-11')).toBe('t o m 11 mars 2021');
		expect(formatPeriod(null, null)).toBe('period okänd');
		expect(formatPeriod('2021', '2021')).toBe('2021');
		expect(formatPeriod('2020', '2021-03-12')).toBe('2020 – 12 mars 2021');
	});
});
