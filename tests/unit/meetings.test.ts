// The meetings module's pure rules: quorum, extra meetings, turnover,
// attendance rate, Stockholm times across the clock changes, and the minutes' date line.
import { describe, expect, it } from 'vitest';
import {
	attendanceRate,
	describeRules,
	extraMeetingDue,
	meetingWhen,
	quorum,
	stockholmToUtc,
	turnover,
	utcToStockholm
} from '../../src/lib/core/meetings.ts';
import { textBlocks } from '../../src/lib/core/meeting-text.ts';

describe('quorum', () => {
	it('needs at least half of the seats, rounded up', () => {
		expect(quorum(8, 4, 50)).toEqual({ members: 8, present: 4, needed: 4, quorate: true });
		expect(quorum(8, 3, 50)!.quorate).toBe(false);
		expect(quorum(7, 3, 50)).toMatchObject({ needed: 4, quorate: false });
		expect(quorum(7, 4, 50)!.quorate).toBe(true);
	});
	it('has no answer without a rule or seats', () => {
		expect(quorum(8, 8, null)).toBeNull();
		expect(quorum(0, 0, 50)).toBeNull();
	});
});

describe('extra meetings', () => {
	it('are due when five members have asked (the agreement’s §4)', () => {
		expect(extraMeetingDue(4, 5)).toBe(false);
		expect(extraMeetingDue(5, 5)).toBe(true);
		expect(extraMeetingDue(9, null)).toBe(false);
	});
});

describe('rules in words', () => {
	it('say the committee’s rules in Swedish', () => {
		const lines = describeRules({
			seats: 8,
			quorumPercent: 50,
			decisionRule: 'konsensus',
			extraMeetingThreshold: 5,
			minutesToMunicipalities: true,
			meetingsPerYear: 6,
			chairChosenYearly: true,
			remoteAllowed: true
		});
		expect(lines).toContain('Beslutsför när minst hälften av ledamöterna är närvarande.');
		expect(lines).toContain('Beslut fattas i konsensus.');
		expect(lines).toContain('Minnesanteckningarna delges varje kommun.');
		expect(lines.some((l) => l.includes('minst 5 ledamöter'))).toBe(true);
	});
});

describe('turnover of representatives', () => {
	const p = (municipalityId: number, personId: number, validFrom: string | null, validTo: string | null) => ({
		municipalityId,
		personId,
		validFrom,
		validTo
	});
	it('counts a municipality whose representative changed within the year', () => {
		expect(turnover([p(1, 10, null, '2021-05-31'), p(1, 11, '2021-06-01', null), p(2, 20, null, null)], 2021)).toEqual([1]);
	});
	it('does not count a new role of the same person, nor changes at the year’s edges or in other years', () => {
		expect(turnover([p(3, 30, null, '2021-03-11'), p(3, 30, '2021-03-12', null)], 2021)).toEqual([]);
		expect(turnover([p(4, 40, '2021-01-01', null)], 2021)).toEqual([]);
		expect(turnover([p(5, 50, null, '2020-06-30')], 2021)).toEqual([]);
		expect(turnover([p(6, 60, null, null)], 2021)).toEqual([]);
	});
});

describe('attendance rate', () => {
	it('is present over recorded, or unknown', () => {
		expect(attendanceRate([{ status: 'present' }, { status: 'present' }, { status: 'absent' }, { status: 'present' }])).toBe(0.75);
		expect(attendanceRate([])).toBeNull();
	});
});

describe('Stockholm time', () => {
	it('converts wall-clock times in winter and summer, and back', () => {
		expect(stockholmToUtc('2020-11-20', '08:30').toISOString()).toBe('2020-11-20T07:30:00.000Z');
		expect(stockholmToUtc('2020-04-02', '12:00').toISOString()).toBe('2020-04-02T10:00:00.000Z');
		expect(utcToStockholm(new Date('2020-04-02T10:00:00Z'))).toEqual({ date: '2020-04-02', time: '12:00' });
	});
	it('holds on the days the clocks change', () => {
		expect(stockholmToUtc('2021-03-28', '12:00').toISOString()).toBe('2021-03-28T10:00:00.000Z');
		expect(stockholmToUtc('2021-10-31', '12:00').toISOString()).toBe('2021-10-31T11:00:00.000Z');
	});
	it('writes the date line as the minutes do', () => {
		expect(meetingWhen(stockholmToUtc('2020-11-20', '08:30'), stockholmToUtc('2020-11-20', '11:00'))).toBe(
			'Fredagen den 20 november 2020 kl 8.30–11.00'
		);
		expect(meetingWhen(stockholmToUtc('2020-09-10', '12:00'), stockholmToUtc('2020-09-11', '12:00'))).toBe(
			'Torsdagen den 10 september 2020 kl 12.00 – 11 september 2020 kl 12.00'
		);
	});
});

describe('minutes text', () => {
	it('splits paragraphs and nested lists', () => {
		expect(textBlocks('Första stycket\nfortsätter.\n\n- Ärende\n  - Pågår\n- Nästa')).toEqual([
			{ kind: 'paragraph', lines: ['Första stycket', 'fortsätter.'] },
			{
				kind: 'list',
				entries: [
					{ level: 0, text: 'Ärende' },
					{ level: 1, text: 'Pågår' },
					{ level: 0, text: 'Nästa' }
				]
			}
		]);
	});
});
