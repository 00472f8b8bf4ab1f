// Meetings: their kinds and states, the bodies' rules (quorum, extra meetings),
// attendance figures, Stockholm wall-clock times, and the plain shapes the
// generated documents and calendars are made from. Pure.
import { formatDateTime } from './format.ts';
import { addDays } from './days.ts';
import { repeatedWallClock, utcToStockholm } from './stockholm-time.ts';

export const MEETING_KINDS = ['ordinary', 'extra', 'planning_conference', 'joint_network'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
export const MEETING_KIND_LABELS: Record<MeetingKind, string> = {
	ordinary: 'Ordinarie möte',
	extra: 'Extra möte',
	planning_conference: 'Planeringskonferens',
	joint_network: 'Gemensamt nätverksmöte'
};

export const MEETING_FORMATS = ['physical', 'digital', 'hybrid'] as const;
export type MeetingFormat = (typeof MEETING_FORMATS)[number];
export const MEETING_FORMAT_LABELS: Record<MeetingFormat, string> = {
	physical: 'Fysiskt',
	digital: 'Digitalt',
	hybrid: 'Delvis digitalt'
};

/** Meetings of one kind and format in a year: recorded ones counted, or a count a source gives. Format null: not known. */
export interface KindCount {
	kind: MeetingKind;
	format: MeetingFormat | null;
	count: number;
}

/**
 * A body's meetings of a year as a document may state them: for each kind, the
 * records when they are all there, the count a source gives when the records
 * fall short of it. Never a partial list presented as the year's total.
 */
export function meetingsOfYear(held: KindCount[], counted: KindCount[]): { rows: KindCount[]; fromCounts: MeetingKind[] } {
	const total = (rows: KindCount[], k: MeetingKind) => rows.filter((r) => r.kind === k).reduce((s, r) => s + r.count, 0);
	const rows: KindCount[] = [];
	const fromCounts: MeetingKind[] = [];
	for (const k of MEETING_KINDS) {
		const useCounts = total(counted, k) > total(held, k);
		if (useCounts) fromCounts.push(k);
		rows.push(...(useCounts ? counted : held).filter((r) => r.kind === k && r.count > 0));
	}
	return { rows, fromCounts };
}

export const MEETING_STATUSES = ['planned', 'held', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
	planned: 'Planerat',
	held: 'Genomfört',
	cancelled: 'Inställt'
};

export const ATTENDANCE = ['present', 'absent'] as const;
export type Attendance = (typeof ATTENDANCE)[number];
export const ATTENDANCE_LABELS: Record<Attendance, string> = { present: 'Närvarande', absent: 'Frånvarande' };

export const MINUTES_STATUSES = ['draft', 'adjusted', 'distributed'] as const;
export type MinutesStatus = (typeof MINUTES_STATUSES)[number];
export const MINUTES_STATUS_LABELS: Record<MinutesStatus, string> = {
	draft: 'Utkast',
	adjusted: 'Justerade',
	distributed: 'Delgivna kommunerna'
};

// ---------------------------------------------------------------------------
// The bodies' rules (the committee's come from the agreement, §3–§4).

export interface BodyRules {
	/** Seats on the body, the basis of the quorum. */
	seats: number | null;
	/** Share of the members that must be present, in percent; 50 = at least half. Null: no quorum rule. */
	quorumPercent: number | null;
	/** How decisions are made, e.g. "konsensus". */
	decisionRule: string | null;
	/** Members who must ask before an extra meeting is due. Null: no such rule. */
	extraMeetingThreshold: number | null;
	/** The minutes are delivered to every member municipality (the agreement's §3). */
	minutesToMunicipalities: boolean;
	/** About how many meetings a year. */
	meetingsPerYear: number | null;
	/** The chair (and vice chair) are chosen each year from among the members. */
	chairChosenYearly: boolean;
	/** Decisions may be taken by telephone or video. */
	remoteAllowed: boolean;
}

export interface Quorum {
	members: number;
	present: number;
	needed: number;
	quorate: boolean;
}

/** At least quorumPercent of the members present; someone present only for some items counts as present. */
export function quorum(members: number, present: number, quorumPercent: number | null): Quorum | null {
	if (quorumPercent == null || members === 0) return null;
	const needed = Math.ceil((members * quorumPercent) / 100);
	return { members, present, needed, quorate: present >= needed };
}

/** An extra meeting is due when at least the threshold of distinct members ask. */
export function extraMeetingDue(distinctRequesters: number, threshold: number | null): boolean {
	return threshold != null && distinctRequesters >= threshold;
}

/** Describes the rules in a sentence each, for the body's page and the meeting. */
export function describeRules(r: BodyRules): string[] {
	const out: string[] = [];
	if (r.quorumPercent != null)
		out.push(
			r.quorumPercent === 50
				? 'Beslutsför när minst hälften av ledamöterna är närvarande.'
				: `Beslutsför när minst ${r.quorumPercent} procent av ledamöterna är närvarande.`
		);
	if (r.decisionRule) out.push(`Beslut fattas i ${r.decisionRule}.`);
	if (r.remoteAllowed) out.push('Beslut kan fattas vid telefon- eller videomöte.');
	if (r.meetingsPerYear != null) out.push(`Sammanträder ca ${r.meetingsPerYear} gånger per år.`);
	if (r.extraMeetingThreshold != null)
		out.push(`Extra möte kan kallas av ordföranden eller när minst ${r.extraMeetingThreshold} ledamöter begär det.`);
	if (r.chairChosenYearly) out.push('Ordförande (och vice ordförande) utses årligen inom gruppen.');
	if (r.minutesToMunicipalities) out.push('Minnesanteckningarna delges varje kommun.');
	return out;
}

// ---------------------------------------------------------------------------
// Figures per body and year.

export interface AttendanceRow {
	status: Attendance;
}

/** Present / (present + absent) over the meetings with attendance recorded; null when none is. */
export function attendanceRate(rows: AttendanceRow[]): number | null {
	if (rows.length === 0) return null;
	return rows.filter((r) => r.status === 'present').length / rows.length;
}

export interface RepresentationPeriod {
	municipalityId: number | null;
	personId: number;
	validFrom: string | null;
	validTo: string | null;
}

/** An ISO date moved by whole days (Temporal.PlainDate's arithmetic). */
export const shiftDay = addDays;
const covers = (p: RepresentationPeriod, day: string) =>
	(p.validFrom == null || p.validFrom <= day) && (p.validTo == null || p.validTo >= day);

/**
 * Municipalities whose representatives changed during the year ("Fyra kommuner
 * har bytt representanter under året"): someone began or stopped representing
 * one within it. A new role for the same person (member to chair) is no change,
 * and unknown dates count for nothing.
 */
export function turnover(periods: RepresentationPeriod[], year: number): number[] {
	const from = `${year}-01-01`;
	const to = `${year}-12-31`;
	const changed = new Set<number>();
	const continues = (p: RepresentationPeriod, day: string) =>
		periods.some((q) => q !== p && q.personId === p.personId && q.municipalityId === p.municipalityId && covers(q, day));
	for (const p of periods) {
		if (p.municipalityId == null) continue;
		const starts = p.validFrom != null && p.validFrom > from && p.validFrom <= to && !continues(p, shiftDay(p.validFrom, -1));
		const ends = p.validTo != null && p.validTo >= from && p.validTo < to && !continues(p, shiftDay(p.validTo, 1));
		if (starts || ends) changed.add(p.municipalityId);
	}
	return [...changed].sort((a, b) => a - b);
}

// ---------------------------------------------------------------------------
// Stockholm wall-clock time ↔ UTC: Temporal's, in stockholm-time.ts (with the
// daylight-saving rule); re-exported here where the meetings' callers look.

export { stockholmToUtc, utcToStockholm } from './stockholm-time.ts';

/**
 * A stored meeting as the fields it is edited by (the form's and the API's):
 * its instants as Stockholm dates and times, its bodies as ids.
 */
export function meetingInputOf(m: {
	startsAt: Date | string;
	endsAt: Date | string | null;
	bodies: { id: number }[];
	kind: string;
	title: string | null;
	place: string | null;
	hostMunicipalityId: number | null;
	format: string | null;
	chairPersonId: number | null;
	chairNote: string | null;
	source: string | null;
}) {
	const start = utcToStockholm(m.startsAt);
	const end = m.endsAt ? utcToStockholm(m.endsAt) : null;
	return {
		bodyIds: m.bodies.map((b) => b.id),
		kind: m.kind,
		title: m.title,
		date: start.date,
		start: start.time,
		endDate: end && end.date !== start.date ? end.date : null,
		end: end?.time ?? null,
		place: m.place,
		hostMunicipalityId: m.hostMunicipalityId,
		format: m.format,
		chairPersonId: m.chairPersonId,
		chairNote: m.chairNote,
		source: m.source
	};
}

const TZ = 'Europe/Stockholm';
const weekdayFmt = new Intl.DateTimeFormat('sv-SE', { weekday: 'long', timeZone: TZ });
const longDateFmt = new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: TZ });

const clock = (t: string) => t.replace(/^0/, '').replace(':', '.');
/** " (sommartid)" after a time the autumn change repeats, so the hour meant is plain. */
const offsetNote = (at: Date) => {
	const r = repeatedWallClock(at);
	return r ? ` (${r})` : '';
};

/** "Fredagen den 20 november 2020 kl 8.30–11.00", the minutes' way; across days both dates. */
export function meetingWhen(startsAt: Date | string, endsAt: Date | string): string {
	const s = typeof startsAt === 'string' ? new Date(startsAt) : startsAt;
	const e = typeof endsAt === 'string' ? new Date(endsAt) : endsAt;
	const sp = utcToStockholm(s);
	const ep = utcToStockholm(e);
	const day = weekdayFmt.format(s);
	const head = `${day[0].toUpperCase()}${day.slice(1)}en den ${longDateFmt.format(s)}`;
	const st = `${clock(sp.time)}${offsetNote(s)}`;
	const et = `${clock(ep.time)}${offsetNote(e)}`;
	if (sp.date === ep.date) return `${head} kl ${st}–${et}`;
	return `${head} kl ${st} – ${longDateFmt.format(e)} kl ${et}`;
}

// ---------------------------------------------------------------------------
// What the generated documents and calendars are made from.

export interface DocPerson {
	name: string;
	/** Municipality or organisation. */
	organisation: string | null;
	/** "ordförande", "sekreterare", "inbjuden gäst" … */
	role: string | null;
	/** "endast punkt 2" */
	note: string | null;
}

export interface DocItem {
	number: number;
	title: string;
	presenter: string | null;
	/** Paragraphs separated by blank lines; lines starting with "- " are list items, "  - " nested. */
	text: string | null;
	documents: string[];
	decisions: { text: string; chairDecision: boolean }[];
	actionItems: { text: string; responsible: string | null; dueOn: string | null }[];
	/** On a "Föregående möten" item: each open matter and its status note at this meeting. */
	openMatters: { text: string; from: string; note: string | null }[];
	/** "Bordläggs till …" */
	tabledTo: string | null;
}

export interface MeetingDocument {
	kind: 'minutes' | 'notice';
	cooperationName: string;
	/** "Minnesanteckningar från möte med Södertörnskommunernas ledningsgrupp" / "Kallelse till …" */
	title: string;
	/** "Fredagen den 20 november 2020 kl 8.30–11.00" */
	when: string;
	place: string;
	/** "Digitalt", "Fysiskt" … or null */
	format: string | null;
	/** "Inställt" etc. when not an ordinary planned/held meeting */
	statusNote: string | null;
	/** "Boel Godner leder mötet i Daniel Dronjaks frånvaro." */
	chairNote: string | null;
	present: DocPerson[];
	absent: DocPerson[];
	items: DocItem[];
	/** Minutes only: "Vid anteckningarna" and "Justerades". */
	signatures: { label: string; name: string }[];
	/** Minutes only: "Version 2, justerad 2020-11-27. Ändrad: …" */
	versionNote: string | null;
}

export interface CalendarMeeting {
	id: number;
	/** Stable across moves: the event's UID. */
	uid: string;
	/** Bumps on every change, so calendars replace the old copy. */
	sequence: number;
	title: string;
	startsAt: Date;
	/** Null: not known. */
	endsAt: Date | null;
	place: string | null;
	description: string | null;
	cancelled: boolean;
	url: string | null;
	updatedAt: Date;
}

/**
 * Whether a meeting's time of day is known. A meeting known only to the day
 * (the sources date it without a time) is stored at midnight in Stockholm,
 * which no meeting of a cooperation starts at; the forms require a time.
 */
export const meetingTimeKnown = (startsAt: Date | string): boolean => utcToStockholm(startsAt).time !== '00:00';

/** "14 januari 2021 kl. 12:00", or "14 januari 2021, tid ej angiven" when only the day is known. */
export function meetingStartText(startsAt: Date | string): string {
	const at = typeof startsAt === 'string' ? new Date(startsAt) : startsAt;
	return meetingTimeKnown(at) ? `${formatDateTime(at)}${offsetNote(at)}` : `${longDateFmt.format(at)}, tid ej angiven`;
}

export interface MonthGrid {
	year: number;
	month: number;
	/** "december 2026" */
	label: string;
	/** Monday-first weeks, each day as an ISO date, or null outside the month. */
	weeks: (string | null)[][];
}

const monthLabelFmt = new Intl.DateTimeFormat('sv-SE', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** The month as a calendar grid, weeks starting on Monday as in Sweden. */
export function monthGrid(year: number, month: number): MonthGrid {
	const first = new Date(Date.UTC(year, month - 1, 1));
	const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
	const lead = (first.getUTCDay() + 6) % 7;
	const cells: (string | null)[] = [...Array(lead).fill(null)];
	for (let d = 1; d <= days; d++) cells.push(`${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
	while (cells.length % 7) cells.push(null);
	const weeks: (string | null)[][] = [];
	for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
	return { year, month, label: monthLabelFmt.format(first), weeks };
}
