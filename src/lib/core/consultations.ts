// Remisser: their statuses, the years a response counts in, and how close a
// deadline is. A chair's or working group's own target is never a deadline:
// missing it is not being late to the issuer.
import { daysBetween } from './days.ts';

export const CONSULTATION_STATUSES = ['watched', 'drafting', 'answered', 'declined'] as const;
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];
export const CONSULTATION_STATUS_LABELS: Record<ConsultationStatus, string> = {
	watched: 'Bevakas',
	drafting: 'Svar skrivs',
	answered: 'Besvarad',
	declined: 'Avstår'
};
export const isConsultationStatus = (s: unknown): s is ConsultationStatus => (CONSULTATION_STATUSES as readonly unknown[]).includes(s);

export const JOINT_ANSWERS = ['yes', 'no', 'undecided'] as const;
export type JointAnswer = (typeof JOINT_ANSWERS)[number];
export const JOINT_ANSWER_LABELS: Record<JointAnswer, string> = {
	yes: 'Ja, gemensamt svar',
	no: 'Nej',
	undecided: 'Inte bestämt'
};

export const NOTICE_STAGES = ['coming', 'timeline', 'final'] as const;
export type NoticeStage = (typeof NOTICE_STAGES)[number];
export const NOTICE_STAGE_LABELS: Record<NoticeStage, string> = {
	coming: 'Kommande remiss',
	timeline: 'Tidplan',
	final: 'Slutligt svar'
};

export const MEETING_ROLES = ['discussed', 'decided'] as const;
export type MeetingRole = (typeof MEETING_ROLES)[number];
export const MEETING_ROLE_LABELS: Record<MeetingRole, string> = { discussed: 'Diskuterades', decided: 'Beslutades' };

/** Days ahead the deadline view warns about. */
export const DUE_SOON_DAYS = 30;

export interface Dated {
	receivedOn: string | null;
	writtenYear: number | null;
	submittedYear: number | null;
}

/**
 * The years a remiss belongs to: the year it was written and the year it was
 * submitted (Inriktningsunderlaget: written 2020, sent 29 January 2021, in both
 * reports); with neither known, the year it was received.
 */
export function consultationYears(c: Dated): number[] {
	const years = new Set<number>();
	if (c.writtenYear !== null) years.add(c.writtenYear);
	if (c.submittedYear !== null) years.add(c.submittedYear);
	if (years.size === 0 && c.receivedOn) years.add(Number(c.receivedOn.slice(0, 4)));
	return [...years].sort((a, b) => a - b);
}

export const isOpen = (status: ConsultationStatus) => status === 'watched' || status === 'drafting';

/** Whole days from one ISO date to another (negative when `to` is earlier); Temporal.PlainDate's, in core/days.ts. */
export { daysBetween };

export type DueState = 'done' | 'late' | 'due-soon' | 'later' | 'none';

export interface Due {
	state: DueState;
	/** the issuer's deadline, or the own target when there is no deadline */
	date: string | null;
	/** whether `date` is the own target rather than the issuer's deadline */
	isTarget: boolean;
	/** days left (negative: days past); null without a date */
	days: number | null;
}

/**
 * How close a remiss is to its date. Only the issuer's deadline can make a
 * remiss late; an own target past is shown as a target, not as late.
 */
export function dueState(
	c: { status: ConsultationStatus; deadline: string | null; targetOn: string | null },
	today: string,
	soonDays = DUE_SOON_DAYS
): Due {
	const date = c.deadline ?? c.targetOn;
	const isTarget = !c.deadline && !!c.targetOn;
	const days = date ? daysBetween(today, date) : null;
	if (!isOpen(c.status)) return { state: 'done', date, isTarget, days };
	if (days === null) return { state: 'none', date, isTarget, days };
	if (days < 0) return { state: isTarget ? 'later' : 'late', date, isTarget, days };
	return { state: days <= soonDays ? 'due-soon' : 'later', date, isTarget, days };
}

/** "om 3 dagar", "i dag", "i morgon", "för 2 dagar sedan" */
export function daysLabel(days: number): string {
	if (days === 0) return 'i dag';
	if (days === 1) return 'i morgon';
	if (days === -1) return 'i går';
	return days > 0 ? `om ${days} dagar` : `för ${-days} dagar sedan`;
}
