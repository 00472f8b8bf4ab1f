import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gapMessage, repeatedWallClock, stockholmToUtc, utcToStockholm, wallClockKind } from '../../src/lib/core/stockholm-time.ts';
import { meetingStartText, meetingWhen } from '../../src/lib/core/meetings.ts';
import { meetingInput } from '../../src/lib/schemas/meetings.ts';
import {
	addDays,
	addMonths,
	dayOfYear,
	daysBetween,
	daysInMonthOf,
	daysInYear,
	isoWeekNumber,
	isoWeekday,
	mondayOf,
	weekdayOfFields
} from '../../src/lib/core/days.ts';

const iso = (d: Date) => d.toISOString();

describe('Stockholm wall-clock time ↔ UTC', () => {
	it('converts ordinary winter and summer times with their offsets', () => {
		expect(iso(stockholmToUtc('2027-01-15', '09:00'))).toBe('2027-01-15T08:00:00.000Z');
		expect(iso(stockholmToUtc('2027-07-15', '09:00'))).toBe('2027-07-15T07:00:00.000Z');
		expect(utcToStockholm('2027-01-15T08:00:00Z')).toEqual({ date: '2027-01-15', time: '09:00' });
		expect(utcToStockholm(new Date('2027-07-15T07:00:00Z'))).toEqual({ date: '2027-07-15', time: '09:00' });
		// Midnight in Stockholm is the previous day in UTC.
		expect(iso(stockholmToUtc('2027-01-01', '00:00'))).toBe('2026-12-31T23:00:00.000Z');
	});

	it('knows the spring gap: 02:00–02:59 on 28 March 2027 does not exist, 01:59 and 03:00 do', () => {
		expect(wallClockKind('2027-03-28', '02:00')).toEqual({ kind: 'gap', from: '02:00', to: '03:00' });
		expect(wallClockKind('2027-03-28', '02:30')).toEqual({ kind: 'gap', from: '02:00', to: '03:00' });
		expect(wallClockKind('2027-03-28', '02:59')).toEqual({ kind: 'gap', from: '02:00', to: '03:00' });
		expect(wallClockKind('2027-03-28', '01:59')).toEqual({ kind: 'normal' });
		expect(wallClockKind('2027-03-28', '03:00')).toEqual({ kind: 'normal' });
		// The same clock time a week earlier, or in 2026 (29 March), is ordinary.
		expect(wallClockKind('2027-03-21', '02:30')).toEqual({ kind: 'normal' });
		expect(wallClockKind('2026-03-29', '02:30').kind).toBe('gap');
		expect(wallClockKind('2026-03-28', '02:30').kind).toBe('normal');
		// The two edges of the gap are one instant apart by a minute.
		expect(iso(stockholmToUtc('2027-03-28', '01:59'))).toBe('2027-03-28T00:59:00.000Z');
		expect(iso(stockholmToUtc('2027-03-28', '03:00'))).toBe('2027-03-28T01:00:00.000Z');
	});

	it('names the field and the gap in the message, and has none for a time that exists', () => {
		expect(gapMessage('Starttid', '2027-03-28', '02:30')).toBe(
			'Starttid: 02:30 finns inte den 28 mars 2027 – klockan ställs fram från 02:00 till 03:00 när sommartiden börjar. Välj en tid före 02:00 eller från 03:00.'
		);
		expect(gapMessage('Sluttid', '2027-03-28', '02:00')).toMatch(/^Sluttid: 02:00 finns inte den 28 mars 2027/);
		expect(gapMessage('Starttid', '2027-03-28', '03:00')).toBeNull();
		expect(gapMessage('Starttid', '2027-10-31', '02:30')).toBeNull();
		// Not a date at all: the date field's own check speaks, not this one.
		expect(gapMessage('Starttid', '2027-02-30', '02:30')).toBeNull();
	});

	it('reads a repeated autumn time as the earlier instant (summer time, +02:00) and says so on screen', () => {
		const k = wallClockKind('2027-10-31', '02:30');
		expect(k.kind).toBe('overlap');
		if (k.kind !== 'overlap') return;
		expect(iso(k.earlier)).toBe('2027-10-31T00:30:00.000Z');
		expect(iso(k.later)).toBe('2027-10-31T01:30:00.000Z');
		expect(iso(stockholmToUtc('2027-10-31', '02:30'))).toBe('2027-10-31T00:30:00.000Z');
		// Both instants show as 02:30; the screen tells them apart.
		expect(utcToStockholm(k.earlier)).toEqual({ date: '2027-10-31', time: '02:30' });
		expect(utcToStockholm(k.later)).toEqual({ date: '2027-10-31', time: '02:30' });
		expect(repeatedWallClock(k.earlier)).toBe('sommartid');
		expect(repeatedWallClock(k.later)).toBe('normaltid');
		expect(repeatedWallClock(stockholmToUtc('2027-10-31', '03:00'))).toBeNull();
		expect(repeatedWallClock(stockholmToUtc('2027-10-31', '01:59'))).toBeNull();
		expect(meetingStartText(k.earlier)).toBe('31 oktober 2027 kl. 02:30 (sommartid)');
		expect(meetingWhen(k.earlier, stockholmToUtc('2027-10-31', '04:00'))).toBe('Söndagen den 31 oktober 2027 kl 2.30 (sommartid)–4.00');
		expect(meetingStartText(stockholmToUtc('2027-10-30', '02:30'))).toBe('30 oktober 2027 kl. 02:30');
	});

	it('gives a meeting across the change its real length', () => {
		const hours = (a: Date, b: Date) => (b.getTime() - a.getTime()) / 3_600_000;
		// 01:30–03:30 in spring lasts one hour; 01:30–03:30 in autumn lasts three.
		expect(hours(stockholmToUtc('2027-03-28', '01:30'), stockholmToUtc('2027-03-28', '03:30'))).toBe(1);
		expect(hours(stockholmToUtc('2027-10-31', '01:30'), stockholmToUtc('2027-10-31', '03:30'))).toBe(3);
		// Across midnight and the change: Saturday 22:00 to Sunday 04:00 in spring is five hours.
		expect(hours(stockholmToUtc('2027-03-27', '22:00'), stockholmToUtc('2027-03-28', '04:00'))).toBe(5);
		expect(meetingWhen(stockholmToUtc('2027-03-28', '01:30'), stockholmToUtc('2027-03-28', '03:30'))).toBe(
			'Söndagen den 28 mars 2027 kl 1.30–3.30'
		);
	});

	it('round-trips every minute: UTC → Stockholm → UTC is the same instant, except the repeated hour’s second pass', () => {
		const from = Date.parse('2026-01-01T00:00:00Z');
		const to = Date.parse('2031-01-01T00:00:00Z');
		fc.assert(
			fc.property(fc.integer({ min: from / 60_000, max: to / 60_000 }), (minute) => {
				const at = new Date(minute * 60_000);
				const { date, time } = utcToStockholm(at);
				expect(wallClockKind(date, time).kind).not.toBe('gap');
				const back = stockholmToUtc(date, time);
				if (repeatedWallClock(at) === 'normaltid') expect(back.getTime()).toBe(at.getTime() - 3_600_000);
				else expect(back.getTime()).toBe(at.getTime());
			}),
			{ numRuns: 2000 }
		);
		// And around both changes, minute by minute.
		for (const start of ['2027-03-27T23:00:00Z', '2027-10-30T23:00:00Z'])
			for (let m = 0; m < 240; m++) {
				const at = new Date(Date.parse(start) + m * 60_000);
				const { date, time } = utcToStockholm(at);
				const back = stockholmToUtc(date, time).getTime();
				expect(back === at.getTime() || (repeatedWallClock(at) === 'normaltid' && back === at.getTime() - 3_600_000)).toBe(true);
			}
	});
});

describe('the meeting form and API refuse a time the clocks skip', () => {
	const base = { bodyIds: [1], kind: 'ordinary' };
	const issues = (input: object) => {
		const r = meetingInput.safeParse({ ...base, ...input });
		return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
	};

	it('names Starttid for a start in the gap, not "kan inte sluta innan det börjar"', () => {
		expect(issues({ date: '2027-03-28', start: '02:30', end: '03:30' })).toEqual({
			start:
				'Starttid: 02:30 finns inte den 28 mars 2027 – klockan ställs fram från 02:00 till 03:00 när sommartiden börjar. Välj en tid före 02:00 eller från 03:00.'
		});
	});

	it('names Sluttid for an end in the gap, also on a later end date', () => {
		expect(Object.keys(issues({ date: '2027-03-28', start: '01:00', end: '02:15' }))).toEqual(['end']);
		expect(issues({ date: '2027-03-27', start: '20:00', endDate: '2027-03-28', end: '02:15' }).end).toMatch(
			/^Sluttid: 02:15 finns inte den 28 mars 2027/
		);
	});

	it('accepts the times around the gap and the repeated autumn hour', () => {
		expect(issues({ date: '2027-03-28', start: '01:30', end: '03:30' })).toEqual({});
		expect(issues({ date: '2027-03-28', start: '03:00', end: '04:00' })).toEqual({});
		expect(issues({ date: '2027-10-31', start: '02:30', end: '02:45' })).toEqual({});
		expect(issues({ date: '2027-10-31', start: '02:30', end: '02:15' }).end).toBe('Sluttid: mötet kan inte sluta innan det börjar.');
	});
});

describe('calendar-date arithmetic', () => {
	it('moves dates by days and months through leap days, year ends and both clock changes', () => {
		expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
		expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
		expect(addDays('2027-03-27', 1)).toBe('2027-03-28');
		expect(addDays('2027-03-28', 1)).toBe('2027-03-29');
		expect(addDays('2027-10-31', -1)).toBe('2027-10-30');
		expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
		expect(addDays('2026-12-07', -366)).toBe('2025-12-06');
		expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
		expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
	});

	it('counts days between dates, across a clock change as whole days', () => {
		expect(daysBetween('2027-03-27', '2027-03-29')).toBe(2);
		expect(daysBetween('2027-10-30', '2027-11-01')).toBe(2);
		expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
		expect(daysBetween('2025-01-01', '2024-12-25')).toBe(-7);
	});

	it('knows ISO weeks, Mondays, days of the year and of months', () => {
		expect(isoWeekNumber('2021-01-03')).toBe(53);
		expect(isoWeekNumber('2021-01-04')).toBe(1);
		expect(isoWeekNumber('2026-12-31')).toBe(53);
		expect(isoWeekNumber('2024-12-30')).toBe(1);
		expect(mondayOf('2027-03-28')).toBe('2027-03-22');
		expect(mondayOf('2027-03-29')).toBe('2027-03-29');
		expect(dayOfYear('2024-12-31')).toBe(366);
		expect(dayOfYear('2027-01-01')).toBe(1);
		expect(daysInYear(2024)).toBe(366);
		expect(daysInYear(2100)).toBe(365);
		expect(daysInMonthOf(2024, 2)).toBe(29);
		expect(daysInMonthOf(2100, 2)).toBe(28);
		expect(isoWeekday('2027-03-28')).toBe(7);
		expect(weekdayOfFields(2027, 3, 28)).toBe(0);
		expect(weekdayOfFields(2027, 3, 29)).toBe(1);
	});

	it('refuses a date that does not exist instead of rolling it over', () => {
		expect(() => addDays('2021-02-30', 1)).toThrow(RangeError);
		expect(() => daysBetween('2021-02-29', '2021-03-01')).toThrow(RangeError);
		expect(() => addDays('inte ett datum', 1)).toThrow(RangeError);
	});
});
