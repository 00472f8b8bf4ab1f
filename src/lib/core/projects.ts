// Projects, events and external meetings: their kinds and labels, and the
// arithmetic of an event's participants and cost.

import { formatDate } from './format.ts';
import { formatPartialDate } from './partial-date.ts';

export const PROJECT_STATUSES = ['planned', 'ongoing', 'completed', 'cancelled'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
export const PROJECT_STATUS_LABELS: Record<ProjectStatus, string> = {
	planned: 'Planerat',
	ongoing: 'Pågår',
	completed: 'Avslutat',
	cancelled: 'Avbrutet'
};
export const isProjectStatus = (s: unknown): s is ProjectStatus => (PROJECT_STATUSES as readonly unknown[]).includes(s);

export const EVENT_KINDS = ['conference', 'radslag', 'theme_day', 'seminar', 'webinar', 'workshop', 'other'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export const EVENT_KIND_LABELS: Record<EventKind, string> = {
	conference: 'Konferens',
	radslag: 'Rådslag',
	theme_day: 'Temadag',
	seminar: 'Seminarium',
	webinar: 'Webbinarium',
	workshop: 'Workshop',
	other: 'Annat'
};

export const EVENT_STATUSES = ['planned', 'held', 'cancelled'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];
export const EVENT_STATUS_LABELS: Record<EventStatus, string> = { planned: 'Planerat', held: 'Genomfört', cancelled: 'Inställt' };

export const EVENT_FORMATS = ['physical', 'digital', 'hybrid'] as const;
export type EventFormat = (typeof EVENT_FORMATS)[number];
export const EVENT_FORMAT_LABELS: Record<EventFormat, string> = { physical: 'Fysiskt', digital: 'Digitalt', hybrid: 'Hybrid' };

export const EXTERNAL_FORMATS = ['physical', 'digital', 'phone'] as const;
export type ExternalFormat = (typeof EXTERNAL_FORMATS)[number];
export const EXTERNAL_FORMAT_LABELS: Record<ExternalFormat, string> = { physical: 'Fysiskt', digital: 'Digitalt', phone: 'Telefon' };

export const EXTERNAL_STATUSES = ['held', 'planned', 'cancelled'] as const;
export type ExternalStatus = (typeof EXTERNAL_STATUSES)[number];
export const EXTERNAL_STATUS_LABELS: Record<ExternalStatus, string> = {
	held: 'Genomfört',
	planned: 'Planerat (inte bekräftat)',
	cancelled: 'Inställt'
};

/** Participants from outside the own municipalities (2021: 171 − 124 = 47); null when either count is unknown. */
export function externalParticipants(total: number | null, internal: number | null): number | null {
	if (total === null || internal === null) return null;
	return total - internal;
}

/** Cost per participant in whole öre, rounded half up; null without participants. */
export function costPerParticipant(costOre: number, participants: number | null): number | null {
	if (!participants) return null;
	return Math.round(costOre / participants);
}

/** "2020", "2020–2021", "från 2021", "" */
export function yearSpan(start: number | null, end: number | null): string {
	if (start && end) return start === end ? String(start) : `${start}–${end}`;
	if (start) return `från ${start}`;
	if (end) return `till ${end}`;
	return '';
}

/**
 * When an event or an external meeting was held, as precisely as known: its
 * day, else its month, half-year or year ("juni 2018"), with any note ("2018,
 * vid flera tillfällen"); "" when nothing is known.
 */
export function formatHeld(m: { heldOn: string | null; heldIn?: string | null; heldText?: string | null }): string {
	if (m.heldOn) return formatDate(m.heldOn);
	const when = m.heldIn ? formatPartialDate(m.heldIn) : '';
	return [when, m.heldText ?? ''].filter(Boolean).join(', ');
}
