import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	LATE_DAYS,
	SWEDISH_GENERAL_ELECTION,
	addDays,
	dayBefore,
	describeRule,
	isoWeek,
	reminderDue,
	splitSigned,
	taskState,
	weekStart,
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
import { largestRemainder } from '../../src/lib/core/finance.ts';
import { atomFeed } from '../../src/lib/core/atom.ts';

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

describe('days and weeks', () => {
	it('steps back over month and year ends, and round-trips with addDays', () => {
		expect(dayBefore('2024-06-01')).toBe('2024-05-31');
		expect(dayBefore('2024-03-01')).toBe('2024-02-29');
		expect(dayBefore('2025-01-01')).toBe('2024-12-31');
		fc.assert(fc.property(isoDay, fc.integer({ min: -800, max: 800 }), (d, n) => addDays(addDays(d, n), -n) === d));
		fc.assert(fc.property(isoDay, (d) => addDays(dayBefore(d), 1) === d));
	});

	it('starts a week on its Monday and numbers it as Swedish calendars do (ISO 8601)', () => {
		expect(weekStart('2026-12-06')).toBe('2026-11-30');
		expect(weekStart('2026-11-30')).toBe('2026-11-30');
		expect(isoWeek('2026-12-06')).toBe(49);
		expect(isoWeek('2021-01-03')).toBe(53);
		expect(isoWeek('2024-12-30')).toBe(1);
		fc.assert(
			fc.property(isoDay, (d) => {
				const m = weekStart(d);
				const [y, mo, da] = m.split('-').map(Number);
				return weekdayOf(y, mo, da) === 1 && m <= d && addDays(m, 6) >= d && isoWeek(d) >= 1 && isoWeek(d) <= 53;
			})
		);
	});
});

describe('where a task stands', () => {
	const today = '2026-12-06';
	it('is done, late, this week, soon or later; long past and never marked is not recorded, not late', () => {
		expect(taskState({ dueOn: '2026-01-31', doneOn: '2026-01-20' }, today)).toBe('done');
		expect(taskState({ dueOn: '2019-01-31', doneOn: null, doneUndated: true }, today)).toBe('done');
		expect(taskState({ dueOn: '2026-11-30', doneOn: null }, today)).toBe('late');
		expect(taskState({ dueOn: addDays(today, -LATE_DAYS), doneOn: null }, today)).toBe('late');
		expect(taskState({ dueOn: addDays(today, -LATE_DAYS - 1), doneOn: null }, today)).toBe('unrecorded');
		expect(taskState({ dueOn: today, doneOn: null }, today)).toBe('this_week');
		expect(taskState({ dueOn: '2026-12-07', doneOn: null }, '2026-12-06')).toBe('soon');
		expect(taskState({ dueOn: '2026-12-31', doneOn: null }, today)).toBe('soon');
		expect(taskState({ dueOn: '2027-03-15', doneOn: null }, today)).toBe('later');
	});

	it('reminds once, inside the window before the due date, and never for a done task', () => {
		const t = { dueOn: '2026-12-20', doneOn: null, remindedAt: null };
		expect(reminderDue(t, 14, '2026-12-05')).toBe(false);
		expect(reminderDue(t, 14, '2026-12-06')).toBe(true);
		expect(reminderDue(t, 14, '2026-12-20')).toBe(true);
		expect(reminderDue(t, 14, '2026-12-21')).toBe(false);
		expect(reminderDue({ ...t, remindedAt: new Date() }, 14, '2026-12-10')).toBe(false);
		expect(reminderDue({ ...t, doneOn: '2026-12-01' }, 14, '2026-12-10')).toBe(false);
	});
});

describe('a rule in words', () => {
	it('says the day, the weekday or the month, and what an election year does', () => {
		expect(describeRule({ kind: 'day', month: 3, day: 15 })).toBe('15 mars');
		expect(describeRule({ kind: 'weekday', month: 9, weekday: 0, nth: 2 })).toBe('andra söndagen i september');
		expect(describeRule({ kind: 'weekday', month: 1, weekday: 4, nth: -1 })).toBe('sista torsdagen i januari');
		expect(describeRule({ kind: 'month', month: 4, electionYear: 'skip' })).toBe('i april, inte valår');
		expect(describeRule({ kind: 'month', month: 2, electionYear: { month: 1 } })).toBe('i februari; valår i januari');
	});
});

describe('the settlement split (§10)', () => {
	const populations = fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 12 });
	it('splits any balance or debt so that the shares sum exactly and keep its sign', () => {
		fc.assert(
			fc.property(fc.integer({ min: -1e11, max: 1e11 }), populations, (amount, pops) => {
				const shares = splitSigned(amount, pops.map(BigInt), largestRemainder);
				return (
					shares.length === pops.length &&
					shares.reduce((a, b) => a + b, 0) === amount &&
					shares.every((s) => (amount >= 0 ? s >= 0 : s <= 0) && Number.isInteger(s))
				);
			})
		);
	});
});

describe('the Atom feed', () => {
	it('escapes text and gives each entry an id, a date and a link', () => {
		const xml = atomFeed({
			id: 'https://x.se/news',
			title: 'Södertörn & co',
			selfUrl: 'https://x.se/news/feed.atom',
			siteUrl: 'https://x.se/news',
			updated: '2022-02-09',
			entries: [
				{
					id: 'https://x.se/news/1',
					title: 'Årsredovisning <2021>',
					updated: '2022-02-09',
					summary: 'Beslutad "9 februari"',
					link: 'https://x.se/news/1'
				}
			]
		});
		expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="sv">');
		expect(xml).toContain('<title>Södertörn &amp; co</title>');
		// Entry text is written as type="html": escaped as HTML, so a reader shows it as typed.
		expect(xml).toContain('<title type="html"><![CDATA[Årsredovisning &lt;2021&gt;]]></title>');
		expect(xml).toContain('<updated>2022-02-09T00:00:00.000Z</updated>');
		expect(xml).toContain('<summary type="html"><![CDATA[Beslutad &quot;9 februari&quot;]]></summary>');
		expect(xml).toContain('<link rel="self" href="https://x.se/news/feed.atom"/>');
		expect(xml).toContain('<id>https://x.se/news/1</id>');
		expect(xml.match(/<entry>/g)).toHaveLength(1);
	});
});
