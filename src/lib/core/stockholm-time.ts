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
import { Temporal } from 'temporal-polyfill';

export const STOCKHOLM = 'Europe/Stockholm';

const wallClock = (date: string, time: string) =>
	Temporal.PlainDateTime.from(`${date}T${time.length === 5 ? time : time.slice(0, 5)}`, { overflow: 'reject' });

/** "2020-11-20", "08:30" in Stockholm → the UTC instant; in the autumn overlap the earlier one. */
export function stockholmToUtc(date: string, time: string): Date {
	const zoned = wallClock(date, time).toZonedDateTime(STOCKHOLM, { disambiguation: 'compatible' });
	return new Date(zoned.epochMilliseconds);
}

const instantOf = (at: Date | string) => Temporal.Instant.fromEpochMilliseconds((typeof at === 'string' ? new Date(at) : at).getTime());

const two = (n: number) => String(n).padStart(2, '0');

/** A UTC instant → Stockholm date and time ("2020-11-20", "08:30"), for forms and grouping by day. */
export function utcToStockholm(at: Date | string): { date: string; time: string } {
	const z = instantOf(at).toZonedDateTimeISO(STOCKHOLM);
	return { date: z.toPlainDate().toString(), time: `${two(z.hour)}:${two(z.minute)}` };
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
		wall.toZonedDateTime(STOCKHOLM, { disambiguation: 'reject' });
		return { kind: 'normal' };
	} catch {
		// Either a gap or an overlap: Temporal refuses both under 'reject'.
	}
	const earlier = wall.toZonedDateTime(STOCKHOLM, { disambiguation: 'earlier' });
	const later = wall.toZonedDateTime(STOCKHOLM, { disambiguation: 'later' });
	if (Temporal.PlainDateTime.compare(earlier.toPlainDateTime(), wall) === 0)
		return { kind: 'overlap', earlier: new Date(earlier.epochMilliseconds), later: new Date(later.epochMilliseconds) };
	// In a gap, 'earlier' lands before the jump (an hour back), so the jump is the next transition.
	const jump = earlier.getTimeZoneTransition('next')!;
	const skipped = Temporal.Duration.from({ nanoseconds: later.offsetNanoseconds - earlier.offsetNanoseconds });
	const to = jump.toPlainTime();
	const from = to.subtract(skipped);
	return { kind: 'gap', from: from.toString({ smallestUnit: 'minute' }), to: to.toString({ smallestUnit: 'minute' }) };
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
	const z = instantOf(at).toZonedDateTimeISO(STOCKHOLM);
	const wall = z.toPlainDateTime();
	const earlier = wall.toZonedDateTime(STOCKHOLM, { disambiguation: 'earlier' });
	const later = wall.toZonedDateTime(STOCKHOLM, { disambiguation: 'later' });
	if (earlier.epochNanoseconds === later.epochNanoseconds) return null;
	return z.offsetNanoseconds === earlier.offsetNanoseconds ? 'sommartid' : 'normaltid';
}
