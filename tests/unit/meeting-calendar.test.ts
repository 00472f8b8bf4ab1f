import { describe, expect, it } from 'vitest';
import { meetingStartText, meetingTimeKnown, monthGrid, stockholmToUtc } from '../../src/lib/core/meetings.ts';
import { namesInWords, undeliverableReason } from '../../src/lib/core/mail.ts';

describe('a meeting known only to the day', () => {
	it('says the time is not given instead of midnight, and prints a known time', () => {
		const dayOnly = stockholmToUtc('2021-01-14', '00:00');
		expect(meetingTimeKnown(dayOnly)).toBe(false);
		expect(meetingStartText(dayOnly)).toBe('14 januari 2021, tid ej angiven');
		expect(meetingStartText(dayOnly)).not.toMatch(/00:00/);
		const timed = stockholmToUtc('2020-12-10', '12:00');
		expect(meetingTimeKnown(timed)).toBe(true);
		expect(meetingStartText(timed)).toMatch(/^10 december 2020.*12:00$/);
	});
});

describe('the month grid', () => {
	it('starts the weeks on Monday and fills the month', () => {
		const g = monthGrid(2026, 12);
		expect(g.label).toBe('december 2026');
		// 1 December 2026 is a Tuesday.
		expect(g.weeks[0]).toEqual([null, '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06']);
		expect(g.weeks.flat().filter(Boolean)).toHaveLength(31);
		expect(g.weeks.every((w) => w.length === 7)).toBe(true);
		expect(g.weeks.at(-1)).toEqual(['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', null, null, null]);
		// February 2021 begins on a Monday and fills four weeks exactly.
		expect(monthGrid(2021, 2).weeks).toHaveLength(4);
	});
});

describe('mail addresses', () => {
	it('never lets mail to the reserved .invalid domain through, whatever the case', () => {
		expect(undeliverableReason('helene.olofsson@exempel.invalid')).toMatch(/\.invalid \(RFC 6761\)/);
		expect(undeliverableReason('A@B.INVALID ')).not.toBeNull();
		expect(undeliverableReason('anna@kommun.se')).toBeNull();
		expect(undeliverableReason('anna@invalid.se')).toBeNull();
	});

	it('names people in a Swedish sentence', () => {
		expect(namesInWords([])).toBe('');
		expect(namesInWords(['Anna'])).toBe('Anna');
		expect(namesInWords(['Anna', 'Bo', 'Cecilia'])).toBe('Anna, Bo och Cecilia');
	});
});
