import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDate } from '../../src/lib/core/format.ts';
import {
	ACTIVITY_STATUSES,
	DECISION_MAKER_LABELS,
	DECISION_MAKERS,
	PLAN_STATUS_LABELS,
	PLAN_STATUSES,
	STATUS_LABELS,
	carriesOver,
	countStatuses,
	dueDate,
	goalStructureOn,
	isActivityStatus,
	isLate,
	parseTiming,
	structureDateForYear,
	subGoalInForce,
	timingLabel,
	withinYear,
	type ActivityStatus,
	type Timing
} from '../../src/lib/core/planning.ts';

describe('vocabulary', () => {
	it('labels every status, plan status and decision maker in Swedish', () => {
		expect(ACTIVITY_STATUSES.map((s) => STATUS_LABELS[s])).toEqual(['Ej påbörjad', 'Pågår', 'Klar', 'Uppskjuten', 'Inställd']);
		expect(PLAN_STATUSES.map((s) => PLAN_STATUS_LABELS[s])).toEqual(['Utkast', 'På remiss hos kommunerna', 'Antagen']);
		expect(DECISION_MAKERS.map((s) => DECISION_MAKER_LABELS[s])).toEqual([
			'Organ',
			'Ordförandebeslut',
			'Kommunstyrelse eller kommunfullmäktige',
			'Annan'
		]);
		expect(Object.keys(STATUS_LABELS)).toHaveLength(ACTIVITY_STATUSES.length);
		expect(isActivityStatus('done')).toBe(true);
		expect(isActivityStatus('Klar')).toBe(false);
	});
});

describe('parseTiming', () => {
	it("reads the seeds' action plans", () => {
		expect(parseTiming('Löpande')).toEqual({ kind: 'continuous' });
		expect(parseTiming('Löpande ')).toEqual({ kind: 'continuous' });
		expect(parseTiming('Vår')).toEqual({ kind: 'season', seasons: ['spring'] });
		expect(parseTiming('Våren')).toEqual({ kind: 'season', seasons: ['spring'] });
		expect(parseTiming('Höst')).toEqual({ kind: 'season', seasons: ['autumn'] });
		expect(parseTiming('Hösten')).toEqual({ kind: 'season', seasons: ['autumn'] });
		expect(parseTiming('Vår + Höst')).toEqual({ kind: 'season', seasons: ['spring', 'autumn'] });
		expect(parseTiming('Vår+Höst')).toEqual({ kind: 'season', seasons: ['spring', 'autumn'] });
		expect(parseTiming('1 ggr/år')).toEqual({ kind: 'frequency', times: 1, per: 'year' });
		expect(parseTiming('Klart (feb)')).toEqual({ kind: 'text', text: 'Klart (feb)' });
		expect(parseTiming('Mars')).toEqual({ kind: 'month', month: 3 });
		expect(parseTiming('feb')).toEqual({ kind: 'month', month: 2 });
		expect(parseTiming('2020-03-15')).toEqual({ kind: 'date', date: '2020-03-15' });
		expect(parseTiming(null)).toEqual({ kind: 'none' });
	});

	it('treats empty and blank as none', () => {
		expect(parseTiming(undefined)).toEqual({ kind: 'none' });
		expect(parseTiming('')).toEqual({ kind: 'none' });
		expect(parseTiming('  \t ')).toEqual({ kind: 'none' });
	});

	it('reads continuous timing in its longer forms, case-insensitively', () => {
		expect(parseTiming('löpande')).toEqual({ kind: 'continuous' });
		expect(parseTiming('LÖPANDE')).toEqual({ kind: 'continuous' });
		expect(parseTiming('Löpande under året')).toEqual({ kind: 'continuous' });
		expect(parseTiming('Löpande.')).toEqual({ kind: 'continuous' });
	});

	it('reads seasons joined in any of the printed ways, in a fixed order', () => {
		for (const s of ['Vår och höst', 'vår och höst', 'Vår & Höst', 'Vår/Höst', 'Vår, Höst', 'Höst + Vår', 'Våren + hösten', 'VÅR + HÖST']) {
			expect(parseTiming(s), s).toEqual({ kind: 'season', seasons: ['spring', 'autumn'] });
		}
		expect(parseTiming('Vår + Vår')).toEqual({ kind: 'season', seasons: ['spring'] });
	});

	it('reads month names and abbreviations', () => {
		const cases: [string, number][] = [
			['januari', 1],
			['Jan', 1],
			['februari', 2],
			['febr', 2],
			['mars', 3],
			['mar', 3],
			['April', 4],
			['apr', 4],
			['maj', 5],
			['Juni', 6],
			['jun', 6],
			['juli', 7],
			['jul', 7],
			['augusti', 8],
			['aug', 8],
			['september', 9],
			['sep', 9],
			['sept', 9],
			['Sept.', 9],
			['oktober', 10],
			['okt', 10],
			['november', 11],
			['nov', 11],
			['December', 12],
			['dec', 12]
		];
		for (const [s, month] of cases) expect(parseTiming(s), s).toEqual({ kind: 'month', month });
	});

	it('reads dates, and keeps impossible ones as text', () => {
		expect(parseTiming(' 2021-12-31 ')).toEqual({ kind: 'date', date: '2021-12-31' });
		expect(parseTiming('2020-02-29')).toEqual({ kind: 'date', date: '2020-02-29' });
		expect(parseTiming('15 mars 2020')).toEqual({ kind: 'date', date: '2020-03-15' });
		expect(parseTiming('2021-02-29')).toEqual({ kind: 'text', text: '2021-02-29' });
		expect(parseTiming('2020-13-01')).toEqual({ kind: 'text', text: '2020-13-01' });
		expect(parseTiming('31 april 2020')).toEqual({ kind: 'text', text: '31 april 2020' });
	});

	it('reads frequencies', () => {
		expect(parseTiming('2 ggr per år')).toEqual({ kind: 'frequency', times: 2, per: 'year' });
		expect(parseTiming('1ggr/år')).toEqual({ kind: 'frequency', times: 1, per: 'year' });
		expect(parseTiming('4 gånger per år')).toEqual({ kind: 'frequency', times: 4, per: 'year' });
		expect(parseTiming('1 gång per år')).toEqual({ kind: 'frequency', times: 1, per: 'year' });
		expect(parseTiming('Två gånger om året')).toEqual({ kind: 'frequency', times: 2, per: 'year' });
		expect(parseTiming('Varje månad')).toEqual({ kind: 'frequency', times: 1, per: 'month' });
		expect(parseTiming('2 ggr/månad')).toEqual({ kind: 'frequency', times: 2, per: 'month' });
		expect(parseTiming('Årligen')).toEqual({ kind: 'frequency', times: 1, per: 'year' });
		expect(parseTiming('0 ggr/år')).toEqual({ kind: 'text', text: '0 ggr/år' });
	});

	it('keeps anything else as the text it was, never dropping it', () => {
		for (const s of ['Klart (feb)', 'Trafikverket minst 2 ggr per år', 'Gäller från år 2021 och framåt', 'Vår 2021', 'Efter sommaren']) {
			expect(parseTiming(s)).toEqual({ kind: 'text', text: s });
		}
		expect(parseTiming('  Klart (feb) ')).toEqual({ kind: 'text', text: 'Klart (feb)' });
	});

	it('reads decomposed Swedish letters as composed ones', () => {
		expect(parseTiming('Lo\u0308pande')).toEqual({ kind: 'continuous' });
		expect(parseTiming('Va\u030Ar')).toEqual({ kind: 'season', seasons: ['spring'] });
	});
});

describe('timingLabel', () => {
	it('writes each kind in Swedish', () => {
		expect(timingLabel({ kind: 'continuous' })).toBe('Löpande');
		expect(timingLabel({ kind: 'season', seasons: ['spring'] })).toBe('Vår');
		expect(timingLabel({ kind: 'season', seasons: ['autumn'] })).toBe('Höst');
		expect(timingLabel({ kind: 'season', seasons: ['spring', 'autumn'] })).toBe('Vår och höst');
		expect(timingLabel({ kind: 'month', month: 3 })).toBe('Mars');
		expect(timingLabel({ kind: 'month', month: 9 })).toBe('September');
		expect(timingLabel({ kind: 'date', date: '2020-03-15' })).toBe('15 mars 2020');
		expect(timingLabel({ kind: 'frequency', times: 1, per: 'year' })).toBe('1 gång per år');
		expect(timingLabel({ kind: 'frequency', times: 2, per: 'year' })).toBe('2 gånger per år');
		expect(timingLabel({ kind: 'frequency', times: 1, per: 'month' })).toBe('1 gång per månad');
		expect(timingLabel({ kind: 'text', text: 'Klart (feb)' })).toBe('Klart (feb)');
		expect(timingLabel({ kind: 'none' })).toBe('');
	});

	it('labels the seeds as printed or normalised', () => {
		const labels = ['Löpande', 'Vår', 'Höst', 'Vår + Höst', '1 ggr/år', 'Klart (feb)', 'Mars', 'feb', '2020-03-15', null].map((s) =>
			timingLabel(parseTiming(s))
		);
		expect(labels).toEqual([
			'Löpande',
			'Vår',
			'Höst',
			'Vår och höst',
			'1 gång per år',
			'Klart (feb)',
			'Mars',
			'Februari',
			'15 mars 2020',
			''
		]);
	});

	it('writes dates as formatDate does', () => {
		fc.assert(
			fc.property(fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
				const iso = d.toISOString().slice(0, 10);
				expect(timingLabel({ kind: 'date', date: iso })).toBe(formatDate(iso));
			})
		);
	});
});

const seasonsArb = fc.subarray(['spring', 'autumn'] as const, { minLength: 1 }).map((s) => [...s]);
const isoDateArb = (minYear: number, maxYear: number) =>
	fc
		.date({ min: new Date(`${minYear}-01-01T00:00:00Z`), max: new Date(`${maxYear}-12-31T00:00:00Z`), noInvalidDate: true })
		.map((d) => d.toISOString().slice(0, 10));

/** Timings as parseTiming produces them (text that reads as another kind is left out). */
const timingArb: fc.Arbitrary<Timing> = fc.oneof(
	fc.constant<Timing>({ kind: 'continuous' }),
	seasonsArb.map<Timing>((seasons) => ({ kind: 'season', seasons })),
	fc.integer({ min: 1, max: 12 }).map<Timing>((month) => ({ kind: 'month', month })),
	isoDateArb(1900, 2200).map<Timing>((date) => ({ kind: 'date', date })),
	fc.record({ times: fc.integer({ min: 1, max: 1000 }), per: fc.constantFrom('year' as const, 'month' as const) }).map<Timing>((f) => ({
		kind: 'frequency',
		...f
	})),
	fc.constant<Timing>({ kind: 'none' })
);

describe('timing round trip', () => {
	it('parses every label back to the timing it came from', () => {
		fc.assert(
			fc.property(timingArb, (t) => {
				expect(parseTiming(timingLabel(t))).toEqual(t);
			})
		);
	});

	it('keeps any text that parses as text unchanged through its label', () => {
		fc.assert(
			fc.property(fc.string(), (s) => {
				const t = parseTiming(s);
				if (t.kind === 'text') expect(timingLabel(t)).toBe(s.trim().normalize('NFC'));
				else expect(parseTiming(timingLabel(t))).toEqual(t);
			})
		);
	});
});

describe('dueDate', () => {
	it('ends spring in June and autumn in December, the later for both', () => {
		expect(dueDate(parseTiming('Vår'), 2020)).toBe('2020-06-30');
		expect(dueDate(parseTiming('Höst'), 2020)).toBe('2020-12-31');
		expect(dueDate(parseTiming('Vår + Höst'), 2020)).toBe('2020-12-31');
	});

	it('ends a month on its last day, February by leap year', () => {
		expect(dueDate(parseTiming('Mars'), 2020)).toBe('2020-03-31');
		expect(dueDate(parseTiming('april'), 2021)).toBe('2021-04-30');
		expect(dueDate(parseTiming('feb'), 2020)).toBe('2020-02-29');
		expect(dueDate(parseTiming('feb'), 2021)).toBe('2021-02-28');
		expect(dueDate(parseTiming('februari'), 2000)).toBe('2000-02-29');
		expect(dueDate(parseTiming('februari'), 1900)).toBe('1900-02-28');
		expect(dueDate(parseTiming('februari'), 2100)).toBe('2100-02-28');
		expect(dueDate(parseTiming('februari'), 2024)).toBe('2024-02-29');
		expect(dueDate(parseTiming('dec'), 2021)).toBe('2021-12-31');
	});

	it('takes a date as itself', () => {
		expect(dueDate(parseTiming('2020-03-15'), 2020)).toBe('2020-03-15');
	});

	it('gives none for continuous, frequency, text and none', () => {
		for (const s of ['Löpande', '1 ggr/år', 'Varje månad', 'Klart (feb)', null])
			expect(dueDate(parseTiming(s), 2020), String(s)).toBeNull();
	});

	it('is always within the plan year when not null (a date timing within the year)', () => {
		const inYear = fc.integer({ min: 1900, max: 2200 }).chain((year) =>
			fc.tuple(
				fc.constant(year),
				fc.oneof(
					timingArb.filter((t) => t.kind !== 'date'),
					isoDateArb(year, year).map<Timing>((date) => ({ kind: 'date', date }))
				)
			)
		);
		fc.assert(
			fc.property(inYear, ([year, t]) => {
				const due = dueDate(t, year);
				if (due !== null) {
					expect(withinYear(due, year)).toBe(true);
					expect(due).toMatch(/^\d{4}-\d{2}-\d{2}$/);
					expect(parseTiming(due)).toEqual({ kind: 'date', date: due }); // a real calendar date
				}
			})
		);
	});
});

describe('isLate', () => {
	const a = (status: ActivityStatus, timing: string | null) => ({ status, timing });

	it('is late when unfinished and past its due date', () => {
		expect(isLate(a('not_started', 'Vår'), 2020, '2020-07-01')).toBe(true);
		expect(isLate(a('ongoing', 'Vår'), 2020, '2020-06-30')).toBe(false);
		expect(isLate(a('postponed', 'Mars'), 2020, '2020-04-01')).toBe(true);
		expect(isLate(a('ongoing', 'feb'), 2020, '2020-02-29')).toBe(false);
		expect(isLate(a('ongoing', 'feb'), 2020, '2020-03-01')).toBe(true);
		expect(isLate(a('ongoing', '2020-03-15'), 2020, '2020-03-16')).toBe(true);
		expect(isLate(a('ongoing', 'Vår + Höst'), 2020, '2020-07-01')).toBe(false);
		expect(isLate(a('ongoing', 'Höst'), 2020, '2021-01-01')).toBe(true);
	});

	it('is never late when done or cancelled', () => {
		for (const status of ['done', 'cancelled'] as const) {
			expect(isLate(a(status, 'Vår'), 2020, '2021-01-01')).toBe(false);
			expect(isLate(a(status, '2020-03-15'), 2020, '2021-01-01')).toBe(false);
		}
	});

	it('is never late without a due date', () => {
		for (const timing of ['Löpande', '1 ggr/år', 'Klart (feb)', null])
			expect(isLate(a('not_started', timing), 2020, '2030-01-01')).toBe(false);
	});
});

describe('countStatuses', () => {
	it('counts each status and the late ones', () => {
		const activities = [
			{ status: 'done' as const, timing: 'Vår' },
			{ status: 'ongoing' as const, timing: 'Vår' },
			{ status: 'ongoing' as const, timing: 'Löpande' },
			{ status: 'not_started' as const, timing: 'Höst' },
			{ status: 'postponed' as const, timing: 'Mars' },
			{ status: 'cancelled' as const, timing: 'feb' }
		];
		expect(countStatuses(activities, 2020, '2020-09-01')).toEqual({
			total: 6,
			not_started: 1,
			ongoing: 2,
			done: 1,
			postponed: 1,
			cancelled: 1,
			late: 2
		});
		expect(countStatuses([], 2020, '2020-09-01')).toEqual({
			total: 0,
			not_started: 0,
			ongoing: 0,
			done: 0,
			postponed: 0,
			cancelled: 0,
			late: 0
		});
	});

	it('has status counts summing to the total, and late ones among the unfinished', () => {
		const activity = fc.record({
			status: fc.constantFrom(...ACTIVITY_STATUSES),
			timing: fc.oneof(
				fc.constantFrom('Löpande', 'Vår', 'Höst', 'Vår + Höst', '1 ggr/år', 'Klart (feb)', 'Mars', 'feb', '2020-03-15', null),
				fc.string()
			)
		});
		fc.assert(
			fc.property(fc.array(activity), isoDateArb(2019, 2022), (activities, today) => {
				const c = countStatuses(activities, 2020, today);
				expect(c.total).toBe(activities.length);
				expect(ACTIVITY_STATUSES.reduce((s, k) => s + c[k], 0)).toBe(c.total);
				expect(c.late).toBeLessThanOrEqual(c.not_started + c.ongoing + c.postponed);
				expect(c.late).toBe(activities.filter((x) => isLate(x, 2020, today)).length);
			})
		);
	});
});

describe('goal structure on a date', () => {
	const sg = (id: number, focusAreaId: number, addedOn: string | null, removedOn: string | null, position = id) => ({
		id,
		focusAreaId,
		addedOn,
		removedOn,
		position
	});

	it('puts a sub-goal in force from the day it is added', () => {
		const added = sg(1, 1, '2021-01-14', null);
		expect(subGoalInForce(added, '2020-12-31')).toBe(false);
		expect(subGoalInForce(added, '2021-01-13')).toBe(false);
		expect(subGoalInForce(added, '2021-01-14')).toBe(true);
		expect(subGoalInForce(added, '2021-12-31')).toBe(true);
	});

	it('takes a sub-goal out of force on the day it is removed', () => {
		const removed = sg(2, 1, null, '2021-06-01');
		expect(subGoalInForce(removed, '2019-05-01')).toBe(true);
		expect(subGoalInForce(removed, '2021-05-31')).toBe(true);
		expect(subGoalInForce(removed, '2021-06-01')).toBe(false);
		expect(subGoalInForce(removed, '2022-01-01')).toBe(false);
	});

	it('holds a sub-goal with neither date in force always, and one added and removed between the dates', () => {
		expect(subGoalInForce(sg(3, 1, null, null), '2019-05-01')).toBe(true);
		const both = sg(4, 1, '2020-03-01', '2021-03-01');
		expect(subGoalInForce(both, '2020-02-29')).toBe(false);
		expect(subGoalInForce(both, '2020-03-01')).toBe(true);
		expect(subGoalInForce(both, '2021-02-28')).toBe(true);
		expect(subGoalInForce(both, '2021-03-01')).toBe(false);
	});

	it('reproduces the structure of any year, in position order, keeping the callers fields', () => {
		const focusAreas = [
			{ id: 10, position: 2, name: 'Utbildning' },
			{ id: 20, position: 1, name: 'Infrastruktur' },
			{ id: 30, position: 3, name: 'Klimat' }
		];
		const subGoals = [
			{ ...sg(1, 10, null, null, 2), text: 'Utbildning 2' },
			{ ...sg(2, 10, null, null, 1), text: 'Utbildning 1' },
			{ ...sg(3, 10, '2021-01-14', null, 3), text: 'Tillagt 2021' },
			{ ...sg(4, 20, null, '2021-06-01', 1), text: 'Borttaget 2021' },
			{ ...sg(5, 20, null, null, 2), text: 'Infrastruktur 2' },
			{ ...sg(6, 99, null, null, 1), text: 'Utan fokusområde' }
		];
		const view = (date: string) =>
			goalStructureOn(focusAreas, subGoals, date).map((g) => [g.focusArea.name, g.subGoals.map((s) => s.text)]);
		expect(view('2020-12-31')).toEqual([
			['Infrastruktur', ['Borttaget 2021', 'Infrastruktur 2']],
			['Utbildning', ['Utbildning 1', 'Utbildning 2']],
			['Klimat', []]
		]);
		expect(view('2021-12-31')).toEqual([
			['Infrastruktur', ['Infrastruktur 2']],
			['Utbildning', ['Utbildning 1', 'Utbildning 2', 'Tillagt 2021']],
			['Klimat', []]
		]);
		// inputs untouched
		expect(focusAreas.map((f) => f.id)).toEqual([10, 20, 30]);
		expect(subGoals.map((s) => s.id)).toEqual([1, 2, 3, 4, 5, 6]);
	});

	it('reads a year on its last day, the current year on today, and a coming year on its first day', () => {
		expect(structureDateForYear(2020, '2021-03-01')).toBe('2020-12-31');
		expect(structureDateForYear(2021, '2021-03-01')).toBe('2021-03-01');
		expect(structureDateForYear(2021, '2021-12-31')).toBe('2021-12-31');
		expect(structureDateForYear(2022, '2021-11-20')).toBe('2022-01-01');
		fc.assert(
			fc.property(fc.integer({ min: 1900, max: 2200 }), isoDateArb(1900, 2200), (year, today) => {
				const d = structureDateForYear(year, today);
				expect(withinYear(d, year)).toBe(true);
				expect(d <= today || d === `${year}-01-01`).toBe(true);
			})
		);
	});
});

describe('carry-over and follow-up dates', () => {
	it('carries unfinished activities to next year', () => {
		expect(ACTIVITY_STATUSES.filter(carriesOver)).toEqual(['not_started', 'ongoing', 'postponed']);
	});

	it('knows whether a date lies within the plan year', () => {
		expect(withinYear('2020-01-01', 2020)).toBe(true);
		expect(withinYear('2020-12-31', 2020)).toBe(true);
		expect(withinYear('2019-12-31', 2020)).toBe(false);
		expect(withinYear('2021-01-01', 2020)).toBe(false);
		expect(withinYear('2020-06-15T10:00:00Z', 2020)).toBe(true);
	});
});
