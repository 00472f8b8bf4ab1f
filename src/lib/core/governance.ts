// The agreement's clock and the year's cycle: when a municipality's notice to
// leave takes effect (§2, §9), which years hold a general election (a rule that
// is data: every fourth year from 2018, on the second Sunday of September), and
// the dated duties a recurring rule yields in a year.
import { daysInMonth } from './planning.ts';
import { addDays as addPlainDays, isoWeekNumber, mondayOf, weekdayOfFields } from './days.ts';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const iso = (year: number, month: number, day: number) => `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
const parts = (date: string) => date.split('-').map(Number) as [number, number, number];

/** The month after (year, month), and twelve months after that. */
function addMonths(year: number, month: number, months: number): [number, number] {
	const index = year * 12 + (month - 1) + months;
	return [Math.floor(index / 12), (index % 12) + 1];
}

export interface NoticePeriod {
	received: string;
	/** the first day of the month after the chair received the notice */
	periodStarts: string;
	/** twelve months later: the municipality is no longer a party from this day */
	effective: string;
}

/** Received 2023-05-17 → the period starts 2023-06-01 and the exit takes effect 2024-06-01. */
export function noticePeriod(received: string, months = 12): NoticePeriod {
	const [y, m] = parts(received);
	const [sy, sm] = addMonths(y, m, 1);
	const [ey, em] = addMonths(sy, sm, months);
	return { received, periodStarts: iso(sy, sm, 1), effective: iso(ey, em, 1) };
}

/** A recurring election: every `everyYears` years from `firstYear`, on the `nth` `weekday` (0 Sunday) of `month`. */
export interface ElectionRule {
	firstYear: number;
	everyYears: number;
	month: number;
	weekday: number;
	nth: number;
}

/** Swedish general elections: 2018, 2022, 2026 …, on the second Sunday of September. */
export const SWEDISH_GENERAL_ELECTION: ElectionRule = { firstYear: 2018, everyYears: 4, month: 9, weekday: 0, nth: 2 };

export function isElectionYear(rule: ElectionRule, year: number): boolean {
	return (((year - rule.firstYear) % rule.everyYears) + rule.everyYears) % rule.everyYears === 0;
}

/** The weekday (0 Sunday … 6 Saturday) of a calendar date. */
export function weekdayOf(year: number, month: number, day: number): number {
	return weekdayOfFields(year, month, day);
}

/** The nth given weekday of a month (nth 1–5; -1 the last), or null when the month has no such day. */
export function nthWeekday(year: number, month: number, weekday: number, nth: number): string | null {
	const days = daysInMonth(year, month);
	if (nth === -1) {
		const last = days - ((weekdayOf(year, month, days) - weekday + 7) % 7);
		return iso(year, month, last);
	}
	const first = 1 + ((weekday - weekdayOf(year, month, 1) + 7) % 7);
	const day = first + (nth - 1) * 7;
	return nth >= 1 && day <= days ? iso(year, month, day) : null;
}

/** Election day in the year, or null when the year holds no election. */
export function electionDay(rule: ElectionRule, year: number): string | null {
	return isElectionYear(rule, year) ? nthWeekday(year, rule.month, rule.weekday, rule.nth) : null;
}

/**
 * When a recurring duty falls in a year: a fixed day ("fee invoices due 15
 * March"), the nth weekday of a month, or the end of a month ("in January": due
 * by its last day). In an election year it can be skipped (no
 * Södertörnskonferens in an election year) or moved to another month.
 *
 * Not RFC 5545 RRULEs (the `rrule` package): the three kinds alone would be
 * FREQ=YEARLY with BYMONTH and BYMONTHDAY=d, BYDAY=+2SU or BYMONTHDAY=-1, but
 * the election year is not expressible in one RRULE (skipping every fourth
 * year needs an EXRULE, deprecated by RFC 5545; moving it needs a second rule
 * for the election years and an exclusion from the first), the election rule
 * is itself data, and an RRULE silently yields nothing in a year without the
 * day (a 30 February, a fifth Monday) where ruleProblem refuses the rule when
 * it is saved. One date per rule and year is a lookup, not an iteration.
 */
export type DutyRule = (
	| { kind: 'day'; month: number; day: number }
	| { kind: 'weekday'; month: number; weekday: number; nth: number }
	| { kind: 'month'; month: number }
) & { electionYear?: 'keep' | 'skip' | { month: number } };

export type DutyDate = { date: string } | { skipped: 'election' } | { invalid: string };

export function dutyDate(rule: DutyRule, year: number, election: ElectionRule = SWEDISH_GENERAL_ELECTION): DutyDate {
	const electionYear = isElectionYear(election, year);
	if (electionYear && rule.electionYear === 'skip') return { skipped: 'election' };
	const month = electionYear && typeof rule.electionYear === 'object' ? rule.electionYear.month : rule.month;
	if (!Number.isInteger(month) || month < 1 || month > 12) return { invalid: `månad ${month} finns inte` };
	if (rule.kind === 'month') return { date: iso(year, month, daysInMonth(year, month)) };
	if (rule.kind === 'day') {
		if (!Number.isInteger(rule.day) || rule.day < 1 || rule.day > daysInMonth(year, month))
			return { invalid: `${year} har ingen ${rule.day}:e i månad ${month}` };
		return { date: iso(year, month, rule.day) };
	}
	if (!Number.isInteger(rule.weekday) || rule.weekday < 0 || rule.weekday > 6) return { invalid: `veckodag ${rule.weekday} finns inte` };
	const date = nthWeekday(year, month, rule.weekday, rule.nth);
	return date ? { date } : { invalid: `månad ${month} ${year} har ingen sådan ${rule.nth}:e veckodag` };
}

/**
 * A rule is usable when it yields a date in every year it does not skip, over
 * a whole leap and election cycle: a 30 February or a fifth Monday of February
 * is refused up front, not discovered in some later year.
 */
export function ruleProblem(rule: DutyRule, fromYear: number, election: ElectionRule = SWEDISH_GENERAL_ELECTION): string | null {
	const cycle = Math.max(4, election.everyYears) * 7;
	for (let year = fromYear; year < fromYear + cycle; year++) {
		const d = dutyDate(rule, year, election);
		if ('invalid' in d) return d.invalid;
	}
	return null;
}

/** The dated duties of some years, in date order; skipped years are left out. */
export function dutiesOf<T extends { rule: DutyRule }>(duties: T[], years: number[], election: ElectionRule = SWEDISH_GENERAL_ELECTION) {
	const out: (T & { year: number; date: string })[] = [];
	for (const year of years)
		for (const duty of duties) {
			const d = dutyDate(duty.rule, year, election);
			if ('date' in d) out.push({ ...duty, year, date: d.date });
		}
	return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** An ISO date moved by whole days (Temporal.PlainDate, core/days.ts). */
export const addDays = addPlainDays;

/** The day before an ISO date: the last day a leaving municipality is a party. */
export const dayBefore = (date: string) => addDays(date, -1);

/** The Monday of the ISO week the date falls in. */
export const weekStart = mondayOf;

/** The ISO week number (1–53), as Swedish calendars print it. */
export const isoWeek = isoWeekNumber;

export type TaskState = 'done' | 'unrecorded' | 'late' | 'this_week' | 'soon' | 'later';

/** A task due this long ago and never marked done is history the system was not told, not a late task to chase. */
export const LATE_DAYS = 90;

export const TASK_STATE_LABELS: Record<TaskState, string> = {
	done: 'Klar',
	unrecorded: 'Inte registrerad',
	late: 'Försenad',
	this_week: 'Denna vecka',
	soon: 'Inom 30 dagar',
	later: 'Senare'
};

/**
 * Where a task stands on a day: done; late (due before today, within the last
 * 90 days); not recorded (due longer ago, never marked done); due this week,
 * within 30 days, or later.
 */
export function taskState(t: { dueOn: string; doneOn: string | null; doneUndated?: boolean }, today: string): TaskState {
	if (t.doneOn || t.doneUndated) return 'done';
	const b = stateBounds(today);
	if (t.dueOn < b.lateFrom) return 'unrecorded';
	if (t.dueOn < today) return 'late';
	if (t.dueOn <= b.weekEnds) return 'this_week';
	if (t.dueOn <= b.soonEnds) return 'soon';
	return 'later';
}

// The day's bounds, kept for the last day asked: a list states every task against the same today.
let bounds: { today: string; lateFrom: string; weekEnds: string; soonEnds: string } | null = null;
function stateBounds(today: string) {
	if (bounds?.today !== today)
		bounds = { today, lateFrom: addDays(today, -LATE_DAYS), weekEnds: addDays(weekStart(today), 6), soonEnds: addDays(today, 30) };
	return bounds;
}

/** Whether a reminder is due: the task is open and today is within its reminder window. */
export function reminderDue(
	t: { dueOn: string; doneOn: string | null; doneUndated?: boolean; remindedAt: unknown },
	remindDaysBefore: number,
	today: string
) {
	return !t.doneOn && !t.doneUndated && !t.remindedAt && today >= addDays(t.dueOn, -remindDaysBefore) && today <= t.dueOn;
}

const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];
const WEEKDAYS = ['söndag', 'måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag'];
const ORDINALS: Record<number, string> = { 1: 'första', 2: 'andra', 3: 'tredje', 4: 'fjärde', 5: 'femte', [-1]: 'sista' };

export const monthName = (month: number) => MONTHS[month - 1] ?? String(month);
export const WEEKDAY_NAMES = WEEKDAYS;
export const ORDINAL_NAMES = ORDINALS;

/** "15 mars", "andra söndagen i september", "i januari"; and what an election year does to it. */
export function describeRule(rule: DutyRule): string {
	const base =
		rule.kind === 'day'
			? `${rule.day} ${monthName(rule.month)}`
			: rule.kind === 'weekday'
				? `${ORDINALS[rule.nth] ?? rule.nth + ':e'} ${WEEKDAYS[rule.weekday]}en i ${monthName(rule.month)}`
				: `i ${monthName(rule.month)}`;
	if (rule.electionYear === 'skip') return `${base}, inte valår`;
	if (rule.electionYear && typeof rule.electionYear === 'object') return `${base}; valår i ${monthName(rule.electionYear.month)}`;
	return base;
}

/** A share of an amount that may be negative (a debt): the magnitude is split, the sign kept. */
export function splitSigned(amount: number, weights: bigint[], split: (units: number, weights: bigint[]) => number[]): number[] {
	if (amount === 0) return weights.map(() => 0);
	const shares = split(Math.abs(amount), weights);
	return amount < 0 ? shares.map((s) => (s === 0 ? 0 : -s)) : shares;
}

/** An activity target against the external meetings held: met when the count reaches it. */
export function targetState(count: number, target: number): { met: boolean; missing: number } {
	return { met: count >= target, missing: Math.max(0, target - count) };
}
