// Mail about meetings: the notice (kallelse) with its agenda and documents to
// the members of the meeting's bodies and its invited guests, and reminders of
// open action items to whoever is responsible.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import { SYSTEM, type Actor } from '../actor.ts';
import {
	actionItem,
	agendaItem,
	agendaItemFile,
	attendance,
	meeting,
	meetingInvitation,
	meetingInvitee,
	membership,
	outbox,
	person,
	storedFile
} from '../db/schema/index.ts';
import { fieldError, NotFoundError } from '../errors.ts';
import { inTransaction, requireRole, writeAudit } from '../service.ts';
import { capitalise, formatDate } from '../../core/format.ts';
import { namesInWords, undeliverableReason } from '../../core/mail.ts';
import { getCooperation, membershipHeldOn } from '../organisation/queries.ts';
import { bodyIdsOf, meetingDate, meetingForChange } from './guards.ts';
import { getMeeting } from './queries.ts';
import { documentOf } from './document.ts';
import { AUTO_SUBMITTED, enqueue, type Attachment } from '../mail/outbox.ts';
import { meetingPdf } from '../documents/meeting-pdf.ts';
import { readConfig } from '../config.ts';
import { toCalendar } from './calendar.ts';
import { invitationIcs, mailAddressOf, type MailAddress } from './ical.ts';

/**
 * Who a calendar invitation comes from and the domain of its UID: the mail's
 * sender (MAIL_FROM), and the public address's host (ORIGIN) or, without one,
 * the sender's domain. Both are the same for every message about a meeting.
 */
function invitationSender() {
	const c = readConfig();
	const organizer = mailAddressOf(c.mailFrom);
	const uidHost = c.publicUrl ? new URL(c.publicUrl).hostname : organizer.email.split('@').pop() || 'samverka.local';
	return { organizer, uidHost, origin: c.publicUrl };
}

/** The meeting's calendar invitation as it stands now, to these people. */
async function invitationOf(tx: Tx, meetingId: number, method: 'REQUEST' | 'CANCEL', attendees: MailAddress[]) {
	const { organizer, uidHost, origin } = invitationSender();
	const detail = await getMeeting(tx, SYSTEM, meetingId);
	const event = toCalendar(detail, origin);
	const content = invitationIcs({ method, meeting: event, organizer, attendees, uidHost, stamp: new Date() });
	const uid = `${event.uid}@${uidHost}`;
	await tx
		.insert(meetingInvitation)
		.values({ meetingId, uid, sequence: event.sequence, method })
		.onConflictDoUpdate({ target: meetingInvitation.meetingId, set: { uid, sequence: event.sequence, method, sentAt: sql`now()` } });
	return { detail, calendar: { method, content }, sequence: event.sequence, uid };
}

export interface NoticeRecipient {
	id: number;
	name: string;
	email: string | null;
	/** Invited to this meeting, not a member of its bodies. */
	guest: boolean;
}

/** Members of the bodies on the date, and the meeting's invited guests, with their address or none. */
async function noticeRecipients(tx: Tx, meetingId: number, bodyIds: number[], date: string) {
	const members = bodyIds.length
		? await tx
				.selectDistinct({ id: person.id, name: person.name, email: person.email })
				.from(membership)
				.innerJoin(person, eq(person.id, membership.personId))
				.where(and(inArray(membership.bodyId, bodyIds), membershipHeldOn(date)))
		: [];
	const guests = await tx
		.select({ id: person.id, name: person.name, email: person.email })
		.from(attendance)
		.innerJoin(person, eq(person.id, attendance.personId))
		.where(and(eq(attendance.meetingId, meetingId), eq(attendance.guest, true)));
	const all = new Map<number, NoticeRecipient>(guests.map((p) => [p.id, { ...p, guest: true }]));
	for (const p of members) all.set(p.id, { ...p, guest: false });
	const byName = [...all.values()].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
	return { members: new Set(members.map((m) => m.id)).size, all: byName };
}

/**
 * Who a notice would reach now, before it is sent: the members on the
 * meeting's date and the invited guests, those with an address and those
 * without; and why it would be refused, if it would.
 */
export async function noticePreview(db: Db, actor: Actor, meetingId: number) {
	requireRole(actor, 'editor');
	return db.transaction(async (tx) => {
		const [m] = await tx.select().from(meeting).where(eq(meeting.id, meetingId));
		if (!m) throw new NotFoundError('Mötet');
		const date = meetingDate(m);
		const r = await noticeRecipients(tx, meetingId, await bodyIdsOf(tx, meetingId), date);
		return {
			date,
			status: m.status,
			noticeSentAt: m.noticeSentAt,
			members: r.members,
			reachable: r.all.filter((x) => x.email),
			withoutAddress: r.all.filter((x) => !x.email),
			refusal: noticeRefusal(m.status, date, r.members, r.all)
		};
	});
}

/** Why a notice cannot go, in Swedish, or null. */
function noticeRefusal(status: string, date: string, members: number, all: NoticeRecipient[]): string | null {
	if (status === 'cancelled') return 'Mötet är inställt; det går inte att kalla till det.';
	if (status === 'held') return 'Mötet är redan genomfört.';
	// Members are those of the meeting's date, never an undated or another year's role.
	if (members === 0)
		return `Mötets organ har inga kända ledamöter den ${formatDate(date)} (inga uppdrag som gäller ${date.slice(0, 4)}). Lägg till ledamöter med uppdrag som gäller det datumet på organets sida; kallelsen skickades inte.`;
	if (!all.some((x) => x.email))
		return `Ingen av mottagarna har en e-postadress: ${namesInWords(all.map((x) => x.name))}. Fyll i adresserna under Organisation → Personer; kallelsen skickades inte.`;
	return null;
}

async function itemFiles(tx: Tx, meetingId: number): Promise<Attachment[]> {
	return tx
		.select({ name: storedFile.name, mediaType: storedFile.mediaType, content: storedFile.content })
		.from(agendaItemFile)
		.innerJoin(storedFile, eq(storedFile.id, agendaItemFile.fileId))
		.innerJoin(agendaItem, eq(agendaItem.id, agendaItemFile.agendaItemId))
		.where(eq(agendaItem.meetingId, meetingId));
}

/** Sends the notice to everyone it concerns; sending again sends the current agenda. */
export async function sendNotice(db: Db, actor: Actor, meetingId: number) {
	requireRole(actor, 'editor');
	return inTransaction(db, async (tx) => {
		const m = await meetingForChange(tx, meetingId);
		const bodyIds = await bodyIdsOf(tx, meetingId);
		const recipients = await noticeRecipients(tx, meetingId, bodyIds, meetingDate(m));
		const refusal = noticeRefusal(m.status, meetingDate(m), recipients.members, recipients.all);
		if (refusal) throw fieldError(recipients.members === 0 && m.status === 'planned' ? 'members' : '_', refusal);
		const reachable = recipients.all.filter((r) => r.email);
		const detail = await getMeeting(tx, SYSTEM, meetingId);
		const coop = await getCooperation(tx);
		const doc = documentOf(detail, coop?.name ?? '', 'notice');
		const pdf = await meetingPdf(doc);
		const attachments = [
			{ name: `kallelse-${meetingDate(m)}.pdf`, mediaType: 'application/pdf', content: pdf },
			...(await itemFiles(tx, meetingId))
		];
		const agenda = doc.items.map((i) => `${i.number}. ${i.title}${i.presenter ? ` (${i.presenter})` : ''}`).join('\n');
		const again = m.noticeSentAt != null;
		await tx
			.update(meeting)
			.set({ noticeSentAt: new Date(), version: sql`${meeting.version} + 1` })
			.where(eq(meeting.id, meetingId));
		// Everyone who gets the notice is an attendee of its calendar invitation, and gets its updates and cancellation later.
		const attendees = dedupedAddresses(reachable.map((r) => ({ name: r.name, email: r.email! })));
		const invitation = await invitationOf(tx, meetingId, 'REQUEST', attendees);
		await tx
			.insert(meetingInvitee)
			.values(reachable.map((r) => ({ meetingId, email: r.email!, name: r.name, personId: r.id })))
			.onConflictDoNothing();
		await enqueue(
			tx,
			actor.name,
			reachable.map((r) => ({
				kind: 'notice' as const,
				recipient: r.email!,
				recipientName: r.name,
				subject: `${again ? 'Uppdaterad kallelse' : 'Kallelse'}: ${doc.title.replace(/^Kallelse till /, '')}, ${formatDate(meetingDate(m))}`,
				body: `Hej ${r.name},\n\nVälkommen till ${doc.title.replace(/^Kallelse till /, '')}.\n\nTid: ${doc.when}\nPlats: ${doc.place}${doc.format ? ` (${doc.format.toLowerCase()})` : ''}\n\nDagordning\n${agenda || '(dagordningen kommer)'}\n\nKallelsen och handlingarna finns bifogade.\n\nMed vänliga hälsningar\n${doc.cooperationName}`,
				meetingId,
				attachments,
				calendar: invitation.calendar
			}))
		);
		await writeAudit(tx, actor, {
			action: again ? 'resend_notice' : 'send_notice',
			entity: 'meeting',
			entityId: meetingId,
			after: {
				to: reachable.map((r) => r.name),
				withoutAddress: recipients.all.filter((r) => !r.email).map((r) => r.name),
				calendar: { uid: invitation.uid, sequence: invitation.sequence }
			}
		});
		return { sentTo: reachable.map((r) => r.name), withoutAddress: recipients.all.filter((r) => !r.email).map((r) => r.name) };
	});
}

/** One attendee per address, whatever its case. */
function dedupedAddresses(xs: MailAddress[]): MailAddress[] {
	const seen = new Map<string, MailAddress>();
	for (const x of xs) if (!seen.has(x.email.toLowerCase())) seen.set(x.email.toLowerCase(), x);
	return [...seen.values()];
}

/**
 * After a meeting whose notice went out is moved (time or place) or cancelled:
 * an update (REQUEST) or a CANCEL under the same UID with a higher SEQUENCE, to
 * everyone who got the notice, in the change's own transaction. Returns their
 * names; nothing is sent, and nothing returned, before a notice.
 */
export async function sendInvitationChange(tx: Tx, actor: Actor, meetingId: number, method: 'REQUEST' | 'CANCEL') {
	const invitees = await tx.select().from(meetingInvitee).where(eq(meetingInvitee.meetingId, meetingId)).orderBy(meetingInvitee.email);
	if (!invitees.length) return [];
	const attendees = dedupedAddresses(invitees.map((i) => ({ name: i.name, email: i.email })));
	const { detail, calendar, sequence, uid } = await invitationOf(tx, meetingId, method, attendees);
	const coop = await getCooperation(tx);
	const doc = documentOf(detail, coop?.name ?? '', 'notice');
	const name = doc.title.replace(/^Kallelse till /, '');
	const date = formatDate(meetingDate(detail));
	const place = `${doc.place}${doc.format ? ` (${doc.format.toLowerCase()})` : ''}`;
	const cancelled = method === 'CANCEL';
	const reason = cancelled && detail.statusNote ? `\n\nSkäl: ${detail.statusNote}` : '';
	await enqueue(
		tx,
		actor.name,
		attendees.map((a) => ({
			kind: cancelled ? ('cancellation' as const) : ('notice' as const),
			recipient: a.email,
			recipientName: a.name,
			subject: `${cancelled ? 'Inställt' : 'Ändrad tid eller plats'}: ${name}, ${date}`,
			body: cancelled
				? `Hej${a.name ? ` ${a.name}` : ''},\n\n${capitalise(name)} den ${date} är inställt.${reason}\n\nMötet tas bort ur din kalender om du lade in det från kallelsen.\n\nMed vänliga hälsningar\n${doc.cooperationName}`
				: `Hej${a.name ? ` ${a.name}` : ''},\n\n${capitalise(name)} har fått ny tid eller plats.\n\nTid: ${doc.when}\nPlats: ${place}\n\nMötet uppdateras i din kalender om du lade in det från kallelsen.\n\nMed vänliga hälsningar\n${doc.cooperationName}`,
			meetingId,
			calendar
		}))
	);
	await writeAudit(tx, actor, {
		action: cancelled ? 'send_cancellation' : 'send_invitation_update',
		entity: 'meeting',
		entityId: meetingId,
		after: { to: attendees.map((a) => a.name ?? a.email), calendar: { uid, sequence } }
	});
	return attendees.map((a) => a.name ?? a.email);
}

/** Reminds the responsible person of an open action item. */
export async function remindActionItem(db: Db, actor: Actor, actionItemId: number) {
	requireRole(actor, 'editor');
	return inTransaction(db, async (tx) => {
		const [row] = await tx
			.select({ item: actionItem, name: person.name, email: person.email, startsAt: meeting.startsAt })
			.from(actionItem)
			.innerJoin(meeting, eq(meeting.id, actionItem.meetingId))
			.leftJoin(person, eq(person.id, actionItem.responsiblePersonId))
			.where(eq(actionItem.id, actionItemId));
		if (!row) throw new NotFoundError('Ärendet');
		if (row.item.closedAtMeetingId) throw fieldError('_', 'Ärendet är redan avslutat.');
		if (!row.email) throw fieldError('_', 'Ärendet har ingen ansvarig person med e-postadress.');
		const coop = await getCooperation(tx);
		await enqueue(tx, actor.name, [
			{
				kind: 'reminder',
				recipient: row.email,
				recipientName: row.name,
				subject: `Påminnelse: ${row.item.text.slice(0, 80)}`,
				body: `Hej ${row.name},\n\nEn påminnelse om ett öppet ärende från mötet ${formatDate(row.startsAt.toISOString().slice(0, 10))}:\n\n${row.item.text}${row.item.dueOn ? `\n\nKlart senast: ${formatDate(row.item.dueOn)}` : ''}\n\nMed vänliga hälsningar\n${coop?.name ?? ''}`,
				meetingId: row.item.meetingId,
				actionItemId,
				headers: { ...AUTO_SUBMITTED }
			}
		]);
		await writeAudit(tx, actor, { action: 'remind', entity: 'action_item', entityId: actionItemId, after: { to: row.name } });
	});
}

/** Sends a waiting or failed message again at once. */
export async function retryMail(db: Db, actor: Actor, outboxId: number) {
	requireRole(actor, 'editor');
	return inTransaction(db, async (tx) => {
		const [row] = await tx.select().from(outbox).where(eq(outbox.id, outboxId)).for('update');
		if (!row) throw new NotFoundError('Utskicket');
		if (row.status === 'sent') throw fieldError('_', 'Utskicket är redan skickat.');
		const undeliverable = undeliverableReason(row.recipient);
		if (undeliverable)
			throw fieldError('_', `${undeliverable} Ändra mottagarens adress och skicka på nytt; att försöka igen ändrar inget.`);
		await tx
			.update(outbox)
			.set({ status: 'pending', nextAttemptAt: sql`now()`, attempts: 0 })
			.where(eq(outbox.id, outboxId));
		await writeAudit(tx, actor, {
			action: 'retry',
			entity: 'outbox',
			entityId: outboxId,
			before: { status: row.status, attempts: row.attempts }
		});
		return outboxId;
	});
}
