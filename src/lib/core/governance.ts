// The agreement's clock and the year's cycle: when a municipality's notice to
// leave takes effect (§2, §9), which years hold a general election (a rule that
// is data: every fourth year from 2018, on the second Sunday of September), and
// the dated duties a recurring rule yields in a year.
import { daysInMonth } from './planning.ts';

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
	return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
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
