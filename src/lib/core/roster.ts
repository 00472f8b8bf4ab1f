// A body's latest known roster, for carrying it into a later year. Roles are
// year-dated: a role of 2021 holds in 2021 and in no other year, so a demo
// loaded in a later year has bodies without members. The demo loader carries
// the latest roster into the current year, saying so, so a notice can be tried.
// Pure: no I/O.
import { lastDay } from './partial-date.ts';

export interface RosterRole {
	personKey: string;
	role: string;
	validFrom: string | null;
	validTo: string | null;
}

export interface CarriedRole<T extends RosterRole> {
	/** The role as the data knows it. */
	from: T;
	/** The year it was last known to hold. */
	year: number;
}

/** Roles that are no seat in the body: an invited guest of one meeting. */
const NOT_A_SEAT = new Set(['guest']);

/**
 * For each role, the people who held it on the last day of the latest year the
 * data knows that role; one role per person, the most recent (a member of 2020
 * who chaired in 2021 is carried as chair). Roles with an open end are already
 * current and are not carried, nor are their holders; roles with no known end
 * are not known to hold on any day and are never carried.
 */
export function latestRoster<T extends RosterRole>(roles: readonly T[]): CarriedRole<T>[] {
	const seats = roles.filter((r) => !NOT_A_SEAT.has(r.role));
	const current = new Set(seats.filter((r) => r.validFrom !== null && r.validTo === null).map((r) => r.personKey));
	const ended = seats.filter((r) => r.validTo !== null && !current.has(r.personKey));
	const latestEndOfRole = new Map<string, string>();
	for (const r of ended) {
		const y = lastDay(r.validTo!).slice(0, 4);
		if ((latestEndOfRole.get(r.role) ?? '') < y) latestEndOfRole.set(r.role, y);
	}
	const byPerson = new Map<string, CarriedRole<T>>();
	for (const r of ended) {
		const year = latestEndOfRole.get(r.role)!;
		// Held on the last day of that year: a chair handed over in March is not carried.
		if (lastDay(r.validTo!) !== `${year}-12-31`) continue;
		const had = byPerson.get(r.personKey);
		if (!had || had.year < Number(year)) byPerson.set(r.personKey, { from: r, year: Number(year) });
	}
	return [...byPerson.values()];
}
