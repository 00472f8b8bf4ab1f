// The organisation register's vocabulary and rules of time: who was a member,
// and who chaired, on a given date. Pure: no I/O.
import { firstDay, formatPartialDate, holdsInYear, holdsOn, lastDay, precisionOf, type PartialPeriod } from './partial-date.ts';

export const BODY_KINDS = {
	committee: 'Kommitté',
	management_group: 'Ledningsgrupp',
	secretariat: 'Kansli',
	network: 'Nätverk',
	working_group: 'Arbetsgrupp',
	steering_group: 'Styrgrupp',
	reference_group: 'Referensgrupp'
} as const;
export type BodyKind = keyof typeof BODY_KINDS;

export const ROLES = {
	chair: 'Ordförande',
	vice_chair: 'Vice ordförande',
	member: 'Ledamot',
	secretary: 'Sekreterare',
	adjunct: 'Adjungerad',
	substitute: 'Ersättare',
	strategist: 'Strateg',
	administrator: 'Administratör',
	development_lead: 'Utvecklingsledare',
	project_employee: 'Projektanställd',
	guest: 'Gäst'
} as const;
export type Role = keyof typeof ROLES;

export const ORGANISATION_KINDS = {
	authority: 'Myndighet',
	region: 'Region',
	municipality: 'Kommun utanför samarbetet',
	company: 'Företag',
	university: 'Lärosäte',
	other: 'Övrig'
} as const;
export type OrganisationKind = keyof typeof ORGANISATION_KINDS;

export const keysOf = <T extends object>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

/** A record's period as partial dates (core/partial-date): "2021", "2021-03", "2021-03-12". */
export interface Period {
	validFrom: string | null;
	validTo: string | null;
}

const asPartial = (p: Period): PartialPeriod => ({ from: p.validFrom, to: p.validTo });

/**
 * Whether a period covers a date. An unknown start or end (null) is open on
 * that side; a period with neither is not known to cover any date, because the
 * seeds leave some periods unknown and we never guess them. A side known only
 * as a year or a month covers all of it: a role of "2021" holds all 2021.
 */
export const coversDate = (p: Period, date: string): boolean => holdsOn(asPartial(p), date);

/** Whether a period touches a year: the roles a year's report names. */
export const coversYear = (p: Period, year: number): boolean => holdsInYear(asPartial(p), year);

/**
 * What a year's document adds to a role's name: when it began or ended within
 * the year, as precisely as known ("fr o m 12 mars", "t o m juni"); null when,
 * as far as is known, it held the whole year.
 */
export function changeWithinYear(p: Period, year: number): string | null {
	const inYear = (d: string | null, edge: (x: string) => string, bound: string) =>
		d !== null && precisionOf(d) !== 'year' && d.startsWith(String(year)) && edge(d) !== bound;
	const short = (d: string) => formatPartialDate(d).replace(` ${year}`, '');
	const parts = [
		inYear(p.validFrom, firstDay, `${year}-01-01`) ? `fr o m ${short(p.validFrom!)}` : null,
		inYear(p.validTo, lastDay, `${year}-12-31`) ? `t o m ${short(p.validTo!)}` : null
	].filter((x): x is string => x !== null);
	return parts.length ? parts.join(' ') : null;
}

/** A period with no known dates: shown apart, with its note, not as current. */
export const isUndated = (p: Period) => p.validFrom === null && p.validTo === null;

export const CHAIR_ROLES: readonly Role[] = ['chair', 'vice_chair'];

/** Chairs and vice chairs in order of time, undated ones last. */
export function chairHistory<T extends Period & { role: string }>(memberships: T[]): T[] {
	return memberships
		.filter((m) => CHAIR_ROLES.includes(m.role as Role))
		.sort((a, b) => {
			const ka = a.validFrom ?? a.validTo ?? '9999';
			const kb = b.validFrom ?? b.validTo ?? '9999';
			return ka.localeCompare(kb) || CHAIR_ROLES.indexOf(a.role as Role) - CHAIR_ROLES.indexOf(b.role as Role);
		});
}

/** Who chaired on a date: a query over memberships, never a stored copy. On a handover day, the one who takes over. */
export function chairOn<T extends Period & { role: string }>(memberships: T[], date: string): T | undefined {
	const start = (m: T) => (m.validFrom ? firstDay(m.validFrom) : '');
	return memberships
		.filter((m) => m.role === 'chair' && coversDate(m, date))
		.sort((a, b) => start(b).localeCompare(start(a)))
		.at(0);
}

const ROLE_ORDER = Object.keys(ROLES);
const collator = new Intl.Collator('sv-SE');

/** Members on a date, chair first, then by role and name. */
export function membersOn<T extends Period & { role: string; personName: string }>(memberships: T[], date: string): T[] {
	return memberships
		.filter((m) => coversDate(m, date))
		.sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || collator.compare(a.personName, b.personName));
}

export function sortByName<T extends { name: string }>(rows: T[]): T[] {
	return [...rows].sort((a, b) => collator.compare(a.name, b.name));
}

export interface PopulationFigure {
	municipalityId: number | null;
	date: string;
	population: number | null;
}

/**
 * The cooperation's population on a date: the sum of the municipal figures when
 * every member's figure is known, else the recorded total (if any), and which
 * municipal figures are missing. Never a guess.
 */
export function populationOn(figures: PopulationFigure[], memberIds: number[], date: string) {
	const onDate = figures.filter((f) => f.date === date);
	const byMunicipality = new Map(onDate.filter((f) => f.municipalityId !== null).map((f) => [f.municipalityId!, f.population]));
	const missing = memberIds.filter((id) => byMunicipality.get(id) == null);
	const recordedTotal = onDate.find((f) => f.municipalityId === null)?.population ?? null;
	const sum = missing.length === 0 ? memberIds.reduce((s, id) => s + byMunicipality.get(id)!, 0) : null;
	return {
		total: sum ?? recordedTotal,
		sumOfMunicipalities: sum,
		recordedTotal,
		missing,
		/** a recorded total that the municipal figures contradict: shown, not hidden */
		difference: sum !== null && recordedTotal !== null ? sum - recordedTotal : null
	};
}
