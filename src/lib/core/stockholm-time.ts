// Stockholm wall-clock time ↔ UTC through Temporal's time-zone rules (the IANA
// database the runtime's Intl carries), instead of guessing the offset by hand.
// Meetings are stored as UTC instants and entered and shown as Stockholm times.
//
// Daylight saving, documented rule:
// - Spring forward (last Sunday of March, 02:00 → 03:00): 02:00–02:59 does not
//   exist that day. Forms and the API refuse such a time with a message naming
//   the field and the gap (gapMessage); stockholmToUtc alone would move it an
//   hour later, as Temporal's 'compatible' does.
// - Fall back (last Sunday of October, 03:00 → 02:00): 02:00–02:59 happens
//   twice. Such a time means the earlier instant, summer time (+02:00), as
//   Temporal's 'compatible' does; screens then say "sommartid" beside it.
// Pure.
// The polyfill's functional API (temporal-polyfill/fns), tree-shaken: about
// 8 kB gzip in a browser bundle against 19 kB for the Temporal classes.
import * as Instant from 'temporal-polyfill/fns/Instant';
import * as PlainDateTime from 'temporal-polyfill/fns/PlainDateTime';
import * as ZonedDateTime from 'temporal-polyfill/fns/ZonedDateTime';

export const STOCKHOLM = 'Europe/Stockholm';

const WALL = /^(\d{4})-(\d{2})-(\d{2})$/;
const CLOCK = /^(\d{2}):(\d{2})/;
/** "2027-03-28", "02:30" → a PlainDateTime; create refuses a date or time that is none. */
function wallClock(date: string, time: string) {
	const d = WALL.exec(date);
	const t = CLOCK.exec(time);
	if (!d || !t) throw new RangeError(`Inte en tidpunkt: ${date} ${time}`);
	return PlainDateTime.create(Number(d[1]), Number(d[2]), Number(d[3]), Number(t[1]), Number(t[2]));
}

/** "2020-11-20", "08:30" in Stockholm → the UTC instant; in the autumn overlap the earlier one. */
export function stockholmToUtc(date: string, time: string): Date {
	return new Date(PlainDateTime.toZonedDateTime(wallClock(date, time), STOCKHOLM, { disambiguation: 'compatible' }).epochMilliseconds);
}

const two = (n: number) => String(n).padStart(2, '0');

// Instant → wall clock is unambiguous, and pages show many of them: one cached
// Intl formatter does it in a few µs, where Temporal's zoned date took 11–30 µs
// (the meetings' lists and the calendar format hundreds per page).
const partsFmt = new Intl.DateTimeFormat('en-GB', {
	timeZone: STOCKHOLM,
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	hourCycle: 'h23'
});

function wallOf(ms: number): { date: string; time: string } {
	let y = '',
		mo = '',
		d = '',
		h = '',
		mi = '';
	for (const p of partsFmt.formatToParts(ms)) {
		if (p.type === 'year') y = p.value;
		else if (p.type === 'month') mo = p.value;
		else if (p.type === 'day') d = p.value;
		else if (p.type === 'hour') h = p.value;
		else if (p.type === 'minute') mi = p.value;
	}
	return { date: `${y}-${mo}-${d}`, time: `${h}:${mi}` };
}

const msOf = (at: Date | string) => (typeof at === 'string' ? new Date(at) : at).getTime();

/** A UTC instant → Stockholm date and time ("2020-11-20", "08:30"), for forms and grouping by day. */
export function utcToStockholm(at: Date | string): { date: string; time: string } {
	return wallOf(msOf(at));
}

export type WallClock =
	| { kind: 'normal' }
	/** The clocks jump over this time: `from` (e.g. "02:00") is followed by `to` ("03:00"). */
	| { kind: 'gap'; from: string; to: string }
	/** The time happens twice; `earlier` (summer time) is the one meant. */
	| { kind: 'overlap'; earlier: Date; later: Date };

/** Whether a Stockholm wall-clock time exists once, not at all (spring) or twice (autumn) on the date. */
export function wallClockKind(date: string, time: string): WallClock {
	const wall = wallClock(date, time);
	try {
		PlainDateTime.toZonedDateTime(wall, STOCKHOLM, { disambiguation: 'reject' });
		return { kind: 'normal' };
	} catch {
		// Either a gap or an overlap: Temporal refuses both under 'reject'.
	}
	const earlier = PlainDateTime.toZonedDateTime(wall, STOCKHOLM, { disambiguation: 'earlier' });
	const later = PlainDateTime.toZonedDateTime(wall, STOCKHOLM, { disambiguation: 'later' });
	if (PlainDateTime.compare(ZonedDateTime.toPlainDateTime(earlier), wall) === 0)
		return { kind: 'overlap', earlier: new Date(earlier.epochMilliseconds), later: new Date(later.epochMilliseconds) };
	// In a gap, 'earlier' lands before the jump (an hour back), so the jump is the next transition.
	const jump = ZonedDateTime.getTimeZoneTransition(earlier, 'next')!;
	const skippedMinutes = (ZonedDateTime.offsetNanoseconds(later) - ZonedDateTime.offsetNanoseconds(earlier)) / 60e9;
	const toMinutes = jump.hour * 60 + jump.minute;
	const fromMinutes = toMinutes - skippedMinutes;
	const hhmm = (m: number) => `${two(Math.floor(m / 60))}:${two(m % 60)}`;
	return { kind: 'gap', from: hhmm(fromMinutes), to: hhmm(toMinutes) };
}

const longDate = new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/**
 * The message for a wall-clock time the clocks skip, naming the field:
 * "Starttid: 02:30 finns inte den 28 mars 2027 – klockan ställs fram från 02:00
 * till 03:00 när sommartiden börjar. Välj en tid före 02:00 eller från 03:00."
 * Null when the time exists, or when the date or time is not one at all (the
 * fields' own checks say so).
 */
export function gapMessage(label: string, date: string, time: string): string | null {
	let k: WallClock;
	try {
		k = wallClockKind(date, time);
	} catch {
		return null;
	}
	if (k.kind !== 'gap') return null;
	const day = longDate.format(new Date(`${date}T00:00:00Z`));
	return (
		`${label}: ${time} finns inte den ${day} – klockan ställs fram från ${k.from} till ${k.to} när sommartiden börjar. ` +
		`Välj en tid före ${k.from} eller från ${k.to}.`
	);
}

/**
 * Whether the instant's Stockholm wall-clock time is one the autumn change
 * repeats; then screens name the offset ("sommartid" or "normaltid").
 */
export function repeatedWallClock(at: Date | string): 'sommartid' | 'normaltid' | null {
	const ms = msOf(at);
	const wall = wallOf(ms);
	const same = (other: number) => {
		const w = wallOf(other);
		return w.date === wall.date && w.time === wall.time;
	};
	// The autumn change sets the clocks back one hour: the same wall-clock time an hour later
	// means this is the first of the two (summer time), an hour earlier the second.
	if (same(ms + HOUR)) return 'sommartid';
	if (same(ms - HOUR)) return 'normaltid';
	return null;
}

const HOUR = 3_600_000;
