// The planning module's vocabulary and rules: activity statuses, the timing
// printed in action plans, what is late, and the goal structure on a date.
// Pure: no I/O. Dates are ISO 'YYYY-MM-DD' strings, compared as strings.
import { capitalise } from './format.ts';

export const ACTIVITY_STATUSES = ['not_started', 'ongoing', 'done', 'postponed', 'cancelled'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];
export const STATUS_LABELS: Record<ActivityStatus, string> = {
	not_started: 'Ej påbörjad',
	ongoing: 'Pågår',
	done: 'Klar',
	postponed: 'Uppskjuten',
	cancelled: 'Inställd'
};
export const isActivityStatus = (s: unknown): s is ActivityStatus => (ACTIVITY_STATUSES as readonly unknown[]).includes(s);

export const PLAN_STATUSES = ['draft', 'consultation', 'adopted'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = {
	draft: 'Utkast',
	consultation: 'På remiss hos kommunerna',
	adopted: 'Antagen'
};
export const isPlanStatus = (s: unknown): s is PlanStatus => (PLAN_STATUSES as readonly unknown[]).includes(s);

export const DECISION_MAKERS = ['body', 'chair', 'municipal', 'other'] as const;
export type DecisionMaker = (typeof DECISION_MAKERS)[number];
export const DECISION_MAKER_LABELS: Record<DecisionMaker, string> = {
	body: 'Organ',
	chair: 'Ordförandebeslut',
	municipal: 'Kommunstyrelse eller kommunfullmäktige',
	other: 'Annan'
};
export const isDecisionMaker = (s: unknown): s is DecisionMaker => (DECISION_MAKERS as readonly unknown[]).includes(s);

// ---------------------------------------------------------------------------
// Timing

export type Season = 'spring' | 'autumn';

/**
 * Timing of an activity, as printed in action plans: 'Löpande', 'Vår', 'Höst',
 * 'Vår + Höst', a Swedish month ('mars', 'Mars', 'feb', 'sept'), a date
 * '2020-03-15', a frequency ('1 ggr/år', '2 ggr per år', 'Varje månad'), or free
 * text ('Klart (feb)').
 */
export type Timing =
	| { kind: 'continuous' }
	| { kind: 'season'; seasons: Season[] }
	| { kind: 'month'; month: number }
	| { kind: 'date'; date: string }
	| { kind: 'frequency'; times: number; per: 'year' | 'month' }
	| { kind: 'text'; text: string }
	| { kind: 'none' };

export const MONTH_NAMES = [
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
] as const;

/** Full names and the abbreviations action plans use, lower case, to month 1–12. */
const MONTHS = new Map<string, number>([
	...MONTH_NAMES.map((name, i) => [name, i + 1] as const),
	['jan', 1],
	['feb', 2],
	['febr', 2],
	['mar', 3],
	['apr', 4],
	['jun', 6],
	['jul', 7],
	['aug', 8],
	['sep', 9],
	['sept', 9],
	['okt', 10],
	['nov', 11],
	['dec', 12]
]);

const SEASONS = new Map<string, Season>([
	['vår', 'spring'],
	['våren', 'spring'],
	['höst', 'autumn'],
	['hösten', 'autumn']
]);

const NUMBER_WORDS = new Map<string, number>([
	['en', 1],
	['ett', 1],
	['två', 2],
	['tre', 3],
	['fyra', 4],
	['fem', 5],
	['sex', 6]
]);

const PERIODS = new Map<string, 'year' | 'month'>([
	['år', 'year'],
	['året', 'year'],
	['månad', 'month'],
	['månaden', 'month'],
	['mån', 'month']
]);

const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

export function daysInMonth(year: number, month: number): number {
	if (month === 2) return isLeapYear(year) ? 29 : 28;
	return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const isoDate = (year: number, month: number, day: number) => `${pad(year, 4)}-${pad(month)}-${pad(day)}`;

/** A real calendar date 'YYYY-MM-DD' (not 2021-02-29), else null. */
function validIsoDate(year: number, month: number, day: number): string | null {
	if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
	return isoDate(year, month, day);
}

function parseFrequency(s: string): Timing | null {
	if (s === 'varje månad' || s === 'månadsvis' || s === 'en gång i månaden') return { kind: 'frequency', times: 1, per: 'month' };
	if (s === 'varje år' || s === 'årligen' || s === 'en gång om året') return { kind: 'frequency', times: 1, per: 'year' };
	const m = /^(\d+|[a-zåäö]+)\s*(?:ggr|gg|gånger|gång)\.?\s*(?:\/|per|i|om)\s*([a-zåäö]+)$/.exec(s);
	if (!m) return null;
	const times = /^\d+$/.test(m[1]) ? Number(m[1]) : NUMBER_WORDS.get(m[1]);
	const per = PERIODS.get(m[2]);
	if (times === undefined || times < 1 || !Number.isSafeInteger(times) || per === undefined) return null;
	return { kind: 'frequency', times, per };
}

function parseSeasons(s: string): Season[] | null {
	const parts = s.replace(/\s+och\s+/g, '+').split(/\s*[+&/,]\s*/);
	const seasons = parts.map((p) => SEASONS.get(p));
	if (seasons.some((x) => x === undefined)) return null;
	const set = new Set(seasons);
	return (['spring', 'autumn'] as const).filter((x) => set.has(x));
}

/** Reads the timing column of an action plan. What it does not recognise is kept as text, never dropped. */
export function parseTiming(text: string | null | undefined): Timing {
	const raw = (text ?? '').normalize('NFC').trim();
	if (raw === '') return { kind: 'none' };
	const s = raw.toLowerCase().replace(/\s+/g, ' ').replace(/\.$/, '');

	if (/^löpande( under (hela )?året)?$/.test(s)) return { kind: 'continuous' };

	const seasons = parseSeasons(s);
	if (seasons) return { kind: 'season', seasons };

	const month = MONTHS.get(s);
	if (month !== undefined) return { kind: 'month', month };

	const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
	if (iso) {
		const date = validIsoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
		if (date) return { kind: 'date', date };
	}
	// '15 mars 2020', as timingLabel writes a date
	const long = /^(\d{1,2}) ([a-zåäö]+)\.? (\d{4})$/.exec(s);
	if (long && MONTHS.has(long[2])) {
		const date = validIsoDate(Number(long[3]), MONTHS.get(long[2])!, Number(long[1]));
		if (date) return { kind: 'date', date };
	}

	const frequency = parseFrequency(s);
	if (frequency) return frequency;

	return { kind: 'text', text: raw };
}

/** '15 mars 2020', as formatDate writes it, without going through a Date. */
function longDate(iso: string): string {
	const [y, m, d] = iso.split('-').map(Number);
	return `${d} ${MONTH_NAMES[m - 1]} ${y}`;
}

/** The timing in Swedish for the screen and the documents. */
export function timingLabel(t: Timing): string {
	switch (t.kind) {
		case 'continuous':
			return 'Löpande';
		case 'season': {
			const spring = t.seasons.includes('spring');
			const autumn = t.seasons.includes('autumn');
			return spring && autumn ? 'Vår och höst' : spring ? 'Vår' : autumn ? 'Höst' : '';
		}
		case 'month':
			return capitalise(MONTH_NAMES[t.month - 1] ?? '');
		case 'date':
			return longDate(t.date);
		case 'frequency':
			return `${t.times} ${t.times === 1 ? 'gång' : 'gånger'} per ${t.per === 'year' ? 'år' : 'månad'}`;
		case 'text':
			return t.text;
		case 'none':
			return '';
	}
}

/**
 * The last day an activity of plan year `year` should be done by, from its
 * timing, or null when the timing gives none (continuous, frequency, text,
 * none). Spring ends YYYY-06-30, autumn YYYY-12-31 (for 'Vår + Höst' the later),
 * a month its last day, a date itself.
 */
export function dueDate(t: Timing, year: number): string | null {
	switch (t.kind) {
		case 'season':
			if (t.seasons.includes('autumn')) return isoDate(year, 12, 31);
			if (t.seasons.includes('spring')) return isoDate(year, 6, 30);
			return null;
		case 'month':
			return t.month >= 1 && t.month <= 12 ? isoDate(year, t.month, daysInMonth(year, t.month)) : null;
		case 'date':
			return t.date;
		default:
			return null;
	}
}

const FINISHED: readonly ActivityStatus[] = ['done', 'cancelled'];

/** Late: not done or cancelled, and its due date is before `today`. */
export function isLate(a: { status: ActivityStatus; timing: string | null }, year: number, today: string): boolean {
	if (FINISHED.includes(a.status)) return false;
	const due = dueDate(parseTiming(a.timing), year);
	return due !== null && due < today;
}

export interface StatusCounts {
	total: number;
	not_started: number;
	ongoing: number;
	done: number;
	postponed: number;
	cancelled: number;
	late: number;
}

/** How many activities have each status, and how many are late (late ones also count under their status). */
export function countStatuses(activities: { status: ActivityStatus; timing: string | null }[], year: number, today: string): StatusCounts {
	const counts: StatusCounts = { total: 0, not_started: 0, ongoing: 0, done: 0, postponed: 0, cancelled: 0, late: 0 };
	for (const a of activities) {
		counts.total++;
		counts[a.status]++;
		if (isLate(a, year, today)) counts.late++;
	}
	return counts;
}

// ---------------------------------------------------------------------------
// Goal structure on a date

/** Sub-goals carry the dates of the decisions that added/removed them (null added = from the programme's start; null removed = still in force). */
export interface SubGoalLike {
	id: number;
	focusAreaId: number;
	addedOn: string | null;
	removedOn: string | null;
	position: number;
}

/** In force on `date`: added on or before it (or no added date), and not removed on or before it. */
export function subGoalInForce(s: SubGoalLike, date: string): boolean {
	return (s.addedOn === null || s.addedOn <= date) && (s.removedOn === null || date < s.removedOn);
}

export interface FocusAreaLike {
	id: number;
	position: number;
}

const byPosition = (a: { position: number; id: number }, b: { position: number; id: number }) => a.position - b.position || a.id - b.id;

/** The focus areas in position order, each with its sub-goals in force on the date (position order). Generic so callers keep their own fields. */
export function goalStructureOn<F extends FocusAreaLike, S extends SubGoalLike>(
	focusAreas: F[],
	subGoals: S[],
	date: string
): { focusArea: F; subGoals: S[] }[] {
	const inForce = subGoals.filter((s) => subGoalInForce(s, date)).sort(byPosition);
	return [...focusAreas].sort(byPosition).map((focusArea) => ({
		focusArea,
		subGoals: inForce.filter((s) => s.focusAreaId === focusArea.id)
	}));
}

/**
 * The date a plan year's structure is read on: the end of the year, or `today`
 * when earlier (the current year as it stands now). A year not yet begun is read
 * on its first day, so a structure decided in advance for it is the one shown.
 */
export function structureDateForYear(year: number, today: string): string {
	const start = isoDate(year, 1, 1);
	const end = isoDate(year, 12, 31);
	if (today < start) return start;
	return today < end ? today : end;
}

/** Activities that carry over to next year's plan: status not_started, ongoing or postponed. */
export function carriesOver(status: ActivityStatus): boolean {
	return status === 'not_started' || status === 'ongoing' || status === 'postponed';
}

/** Is the follow-up date within the plan's year? */
export function withinYear(date: string, year: number): boolean {
	const d = date.slice(0, 10);
	return isoDate(year, 1, 1) <= d && d <= isoDate(year, 12, 31);
}
