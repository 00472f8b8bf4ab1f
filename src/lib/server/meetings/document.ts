// A meeting's notice and minutes as the plain MeetingDocument the HTML, DOCX
// and PDF renderers share. Adjusted minutes are read from their frozen snapshot.
import type { Db, Tx } from '../db/client.ts';
import type { Actor } from '../actor.ts';
import { getCooperation } from '../organisation/queries.ts';
import { formatDate, formatDateTime } from '../../core/format.ts';
import {
	MEETING_FORMAT_LABELS,
	MEETING_KIND_LABELS,
	meetingTimeKnown,
	meetingWhen,
	type DocPerson,
	type MeetingDocument,
	type MeetingFormat,
	type MeetingKind
} from '../../core/meetings.ts';
import { frozenMinutes, getMeeting, type MeetingDetail } from './queries.ts';

/** "Södertörnskommunernas ledningsgrupp" → "möte med Södertörnskommunernas ledningsgrupp", several bodies joined. */
export function meetingName(m: Pick<MeetingDetail, 'bodies' | 'kind' | 'title'>): string {
	if (m.title) return m.title;
	const names = m.bodies.map((b) => b.name);
	const joined = names.length > 1 ? `${names.slice(0, -1).join(', ')} och ${names.at(-1)}` : (names[0] ?? '');
	const kind = m.kind === 'ordinary' ? 'möte' : MEETING_KIND_LABELS[m.kind as MeetingKind].toLowerCase();
	return `${kind} med ${joined}`;
}

function whenOf(m: Pick<MeetingDetail, 'startsAt' | 'endsAt'>): string {
	if (m.endsAt) return meetingWhen(m.startsAt, m.endsAt);
	const day = meetingWhen(m.startsAt, m.startsAt).replace(/–[\d.]+$/, '');
	// Known only to the day: no "kl 0.00".
	return meetingTimeKnown(m.startsAt) ? day : `${day.replace(/ kl [\d.]+$/, '')}, tid ej angiven`;
}

function personOf(a: MeetingDetail['attendance'][number], items: MeetingDetail['items']): DocPerson {
	const only = a.onlyItems.length
		? `endast punkt ${a.onlyItems
				.map((n) => items.find((i) => i.number === n)?.number ?? n)
				.join(', ')
				.replace(/, (\d+)$/, ' och $1')}`
		: null;
	return {
		name: a.name,
		organisation: a.employerName,
		role: a.role,
		note: only
	};
}

/** The document of a meeting as it stands now. */
export function documentOf(m: MeetingDetail, cooperationName: string, kind: 'minutes' | 'notice'): MeetingDocument {
	const name = meetingName(m);
	const current = m.minutes;
	const secretaryName = current?.secretaryName ?? null;
	const adjusterName = current?.adjusterName ?? null;
	return {
		kind,
		cooperationName,
		title: kind === 'minutes' ? `Minnesanteckningar från ${name}` : `Kallelse till ${name}`,
		when: whenOf(m),
		place: m.place ?? (m.hostMunicipalityName ? m.hostMunicipalityName : 'Plats meddelas senare'),
		format: m.format ? MEETING_FORMAT_LABELS[m.format as MeetingFormat] : null,
		statusNote:
			m.status === 'cancelled'
				? `Inställt${m.statusNote ? ` – ${m.statusNote.replace(/^\(?inställt\)?$/i, '').trim()}` : ''}`.replace(/ – $/, '')
				: m.movedFrom
					? `Flyttat från ${formatDateTime(m.movedFrom)}`
					: null,
		chairNote: m.chairNote,
		present: kind === 'minutes' ? m.attendance.filter((a) => a.status === 'present').map((a) => personOf(a, m.items)) : [],
		absent: kind === 'minutes' ? m.attendance.filter((a) => a.status === 'absent').map((a) => personOf(a, m.items)) : [],
		items: m.items.map((it) => ({
			number: it.number,
			title: it.title,
			presenter: it.presenter,
			text: kind === 'minutes' ? it.minutesText : null,
			documents: it.files.map((f) => f.name),
			decisions: kind === 'minutes' ? it.decisions.map((d) => ({ text: d.title, chairDecision: d.decidedBy === 'chair' })) : [],
			actionItems: kind === 'minutes' ? it.actionItems.map((a) => ({ text: a.text, responsible: a.responsibleName, dueOn: a.dueOn })) : [],
			openMatters:
				it.kind === 'previous_meetings'
					? m.openMatters.map((o) => ({
							text: o.text,
							from: `${o.raisedBodies.map((b) => b.shortName ?? b.name).join(', ')} ${formatDate(o.meetingStartsAt.toISOString().slice(0, 10))}`,
							note: kind === 'minutes' ? o.note : null
						}))
					: [],
			tabledTo: it.tabledTo ? `mötet ${formatDateTime(it.tabledTo.startsAt)}` : null
		})),
		signatures:
			kind === 'minutes'
				? [
						{ label: 'Vid anteckningarna', name: secretaryName ?? '' },
						{ label: 'Justerades', name: adjusterName ?? '' }
					]
				: [],
		versionNote:
			kind === 'minutes' && current && current.version > 1
				? `Version ${current.version}${current.reason ? `. Ändrad: ${current.reason}` : ''}`
				: kind === 'minutes' && (!current || current.status === 'draft')
					? 'Utkast – ej justerat'
					: null
	};
}

/**
 * The document a reader asks for: the notice, or the minutes (a given adjusted
 * version, or as they stand). Who may not see drafts (the public) gets the
 * latest adjusted version, or nothing.
 */
export async function meetingDocument(
	db: Db | Tx,
	actor: Actor,
	id: number,
	kind: 'minutes' | 'notice',
	version?: number
): Promise<MeetingDocument | null> {
	return documentFor(db, actor, await getMeeting(db, actor, id), kind, version);
}

/** The same, for a meeting already read (and so already checked as visible to the reader). */
export async function documentFor(
	db: Db | Tx,
	actor: Actor,
	m: MeetingDetail,
	kind: 'minutes' | 'notice',
	version?: number
): Promise<MeetingDocument | null> {
	if (kind === 'minutes' && version) return (await frozenMinutes(db, m.id, version)).snapshot as MeetingDocument;
	if (kind === 'minutes' && actor.role === 'public') {
		const adjusted = m.minutesVersions.filter((v) => v.status !== 'draft').at(-1);
		return adjusted ? ((await frozenMinutes(db, m.id, adjusted.version)).snapshot as MeetingDocument) : null;
	}
	const coop = await getCooperation(db);
	return documentOf(m, coop?.name ?? '', kind);
}
