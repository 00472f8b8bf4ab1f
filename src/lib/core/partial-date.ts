// A date known only as precisely as its source knows it: a year ("2021"), a
// half-year ("våren 2021"), a month ("mars 2021") or a day. One type for the
// schema, the API, the forms and the documents. Pure: no I/O.
//
// Stored canonically as "2021", "2021-H1" (spring, January–June), "2021-H2"
// (autumn, July–December), "2021-03" or "2021-03-12"; the database derives
// each one's first and last day with the same rules (migration 0009).

export type PartialDate = string;

const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];
const CANONICAL = /^(\d{4})(?:-(H[12])|-(\d{2})(?:-(\d{2}))?)?$/;

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const pad = (n: number) => String(n).padStart(2, '0');

function parts(p: string) {
	const m = CANONICAL.exec(p);
	if (!m) return null;
	const year = Number(m[1]);
	const half = m[2] as 'H1' | 'H2' | undefined;
	const month = m[3] ? Number(m[3]) : null;
	const day = m[4] ? Number(m[4]) : null;
	if (year < 1000) return null;
	if (month !== null && (month < 1 || month > 12)) return null;
	if (day !== null && (day < 1 || day > daysIn(year, month!))) return null;
	return { year, half, month, day };
}

export const isPartialDate = (p: string): boolean => parts(p) !== null;

/** How precisely a partial date is known. */
export function precisionOf(p: PartialDate): 'year' | 'half' | 'month' | 'day' {
	const x = parts(p);
	if (!x) throw new RangeError(`Inte ett datum: ${p}`);
	return x.day !== null ? 'day' : x.month !== null ? 'month' : x.half ? 'half' : 'year';
}

/** The first day a partial date can mean, as an ISO date. */
export function firstDay(p: PartialDate): string {
	const x = parts(p);
	if (!x) throw new RangeError(`Inte ett datum: ${p}`);
	const month = x.month ?? (x.half === 'H2' ? 7 : 1);
	return `${x.year}-${pad(month)}-${pad(x.day ?? 1)}`;
}

/** The last day a partial date can mean, as an ISO date. */
export function lastDay(p: PartialDate): string {
	const x = parts(p);
	if (!x) throw new RangeError(`Inte ett datum: ${p}`);
	const month = x.month ?? (x.half === 'H1' ? 6 : 12);
	return `${x.year}-${pad(month)}-${pad(x.day ?? daysIn(x.year, month))}`;
}

/**
 * Reads what a person writes, in Swedish or ISO: "2021", "2021-03",
 * "2021-03-12", "mars 2021", "12 mars 2021", "våren 2021", "hösten 2021".
 * Returns the canonical form, or null when the text is not a date.
 */
export function parsePartialDate(text: string): PartialDate | null {
	const s = text.trim().toLowerCase().replace(/\s+/g, ' ');
	if (CANONICAL.test(s.toUpperCase())) {
		const c = s.toUpperCase();
		return isPartialDate(c) ? c : null;
	}
	const season = /^(?:under )?(vår|våren|höst|hösten) (\d{4})$/.exec(s);
	if (season) return `${season[2]}-${season[1].startsWith('v') ? 'H1' : 'H2'}`;
	const named = /^(?:(\d{1,2}) )?([a-zåäö]+) (\d{4})$/.exec(s);
	if (named) {
		const month = MONTHS.indexOf(named[2]) + 1;
		if (!month) return null;
		const p = `${named[3]}-${pad(month)}${named[1] ? `-${pad(Number(named[1]))}` : ''}`;
		return isPartialDate(p) ? p : null;
	}
	return null;
}

/** As written: "2021", "våren 2021", "mars 2021", "12 mars 2021". */
export function formatPartialDate(p: PartialDate): string {
	const x = parts(p);
	if (!x) return p;
	if (x.half) return `${x.half === 'H1' ? 'våren' : 'hösten'} ${x.year}`;
	if (x.month === null) return String(x.year);
	return `${x.day !== null ? `${x.day} ` : ''}${MONTHS[x.month - 1]} ${x.year}`;
}

/** A period of partial dates; null on a side is not known. */
export interface PartialPeriod {
	from: PartialDate | null;
	to: PartialDate | null;
}

/**
 * "2021" when a period is known only as one year (or half-year, month, day),
 * "2020 – t o m 11 mars 2021", "fr o m 12 mars 2021", "t o m juni 2018",
 * "period okänd".
 */
export function formatPartialPeriod(p: PartialPeriod): string {
	if (p.from && p.to) {
		if (p.from === p.to) return formatPartialDate(p.from);
		return `${formatPartialDate(p.from)} – ${formatPartialDate(p.to)}`;
	}
	if (p.from) return `fr o m ${formatPartialDate(p.from)}`;
	if (p.to) return `t o m ${formatPartialDate(p.to)}`;
	return 'period okänd';
}

/** The days a period certainly may cover: [first, last], open (null) on a side not known. */
export function periodBounds(p: PartialPeriod): { first: string | null; last: string | null } {
	return { first: p.from ? firstDay(p.from) : null, last: p.to ? lastDay(p.to) : null };
}

/** Whether its end comes before its start: "fr o m 12 mars 2021 t o m 2020" is no period. */
export function endsBeforeStart(p: PartialPeriod): boolean {
	const b = periodBounds(p);
	return b.first !== null && b.last !== null && b.last < b.first;
}

/**
 * Whether a period holds on a day. A period with neither side known holds on
 * no day: something whose time nobody knows is never counted as current.
 */
export function holdsOn(p: PartialPeriod, day: string): boolean {
	if (!p.from && !p.to) return false;
	const b = periodBounds(p);
	return (b.first === null || b.first <= day) && (b.last === null || day <= b.last);
}

/** Whether a period holds on some day of a year (a role of 2021 counts in 2021's report, not in 2020's). */
export function holdsInYear(p: PartialPeriod, year: number): boolean {
	if (!p.from && !p.to) return false;
	const b = periodBounds(p);
	return (b.first === null || b.first <= `${year}-12-31`) && (b.last === null || `${year}-01-01` <= b.last);
}

/**
 * The days a period certainly covers, whatever its imprecise sides turn out to
 * be: from the last day its start can mean to the first day its end can mean.
 * A start and an end inside one coarser unit read as that unit's edge: "fr o m
 * 12 mars 2021 t o m 2021" runs to the end of 2021. Null when no day is
 * certain: a chair "2018" and another "2018" may have followed each other
 * within the year. An unknown start is certain only from its end; an unknown
 * end is open.
 */
export function certainDays(p: PartialPeriod): { first: string; last: string } | null {
	if (!p.from && !p.to) return null;
	let last = p.to ? firstDay(p.to) : '9999-12-31';
	let first = p.from ? lastDay(p.from) : last;
	if (first > last && p.from && p.to) {
		if (p.from === p.to) return null;
		// The coarser side gives way: the longer span between its first and last day.
		const span = (d: string) => Date.parse(lastDay(d)) - Date.parse(firstDay(d));
		if (span(p.to) >= span(p.from)) last = lastDay(p.to);
		else first = firstDay(p.from);
	}
	return first <= last ? { first, last } : null;
}

/**
 * Whether two periods certainly share more than a handover day: two chairs of
 * one body at once. "t o m 12 mars" and "fr o m 12 mars" is a handover.
 */
export function periodsOverlap(a: PartialPeriod, b: PartialPeriod): boolean {
	const x = certainDays(a);
	const y = certainDays(b);
	return x !== null && y !== null && x.first < y.last && y.first < x.last;
}
