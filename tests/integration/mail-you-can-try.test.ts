// Mail a newcomer can try on a fresh demo: the demo's persons and registrars
// have addresses in the reserved .invalid domain, the committee and the
// management group have members this year and a coming meeting; the notice's
// recipients are listed before it is sent; a notice nobody can receive is
// refused with the names; and mail to .invalid never reaches an SMTP server,
// even with one set up.
import { and, eq, inArray, sql } from 'drizzle-orm';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from './db.ts';
import { refused } from './refused.ts';
import { smtpPeer } from './smtp-peer.ts';
import type { Db } from '../../src/lib/server/db/client.ts';
import { auditLog, body, meeting, meetingBody, membership, municipality, outbox, person } from '../../src/lib/server/db/schema/index.ts';
import { loadDemo } from '../../src/lib/server/demo/load.ts';
import { deliverDue, getOutboxAttachment, getOutboxMessage } from '../../src/lib/server/mail/outbox.ts';
import { smtpSender } from '../../src/lib/server/mail/mailer.ts';
import { noticePreview, retryMail, sendNotice } from '../../src/lib/server/meetings/notices.ts';
import { createMeeting } from '../../src/lib/server/meetings/service.ts';
import { toCalendar } from '../../src/lib/server/meetings/calendar.ts';
import { listMeetings } from '../../src/lib/server/meetings/queries.ts';
import { calendarIcs } from '../../src/lib/server/meetings/ical.ts';
import { PUBLIC, type Actor } from '../../src/lib/server/actor.ts';
import { todayIso } from '../../src/lib/core/format.ts';
import { utcToStockholm } from '../../src/lib/core/meetings.ts';

const editor: Actor = { accountId: null, name: 'Kansliet', role: 'editor', personId: null };
const YEAR = Number(todayIso().slice(0, 4));

let db: Db;
const bodyOfKind = async (kind: string) => (await db.select().from(body).where(eq(body.kind, kind)))[0];

beforeAll(async () => {
	({ db } = await freshDb());
	await loadDemo(db);
});

/** The demo's coming meeting of the body of that kind. */
async function comingMeeting(kind: string) {
	const b = await bodyOfKind(kind);
	const rows = await db
		.select({ id: meeting.id, startsAt: meeting.startsAt, status: meeting.status })
		.from(meeting)
		.innerJoin(meetingBody, eq(meetingBody.meetingId, meeting.id))
		.where(and(eq(meetingBody.bodyId, b.id), sql`${meeting.startsAt} > now()`));
	return rows;
}

describe('the demo, loaded today', () => {
	it('gives persons and registrars addresses only in the reserved .invalid domain', async () => {
		const addresses = [
			...(await db.select({ a: person.email }).from(person)).map((r) => r.a),
			...(await db.select({ a: municipality.registrarEmail }).from(municipality)).map((r) => r.a)
		].filter((a): a is string => a !== null);
		expect(addresses.length).toBeGreaterThan(30);
		expect(addresses.every((a) => /^[a-z.]+@exempel\.invalid$/.test(a))).toBe(true);
		expect(addresses).toContain('helene.olofsson@exempel.invalid');
		expect((await db.select().from(municipality)).every((m) => m.registrarEmail?.endsWith('.invalid'))).toBe(true);
	});

	it('carries the latest roster of the committee and the management group into this year, dated to this year only', async () => {
		for (const kind of ['committee', 'management_group']) {
			const b = await bodyOfKind(kind);
			const carried = await db
				.select({ validFrom: membership.validFrom, validTo: membership.validTo, note: membership.periodNote })
				.from(membership)
				.where(and(eq(membership.bodyId, b.id), eq(membership.validFrom, String(YEAR))));
			expect(carried.length).toBeGreaterThan(0);
			// Year-dated, and saying from which year it was carried: no undated role that would count forever.
			expect(
				carried.every((c) => c.validTo === String(YEAR) && /^Demodata: .* \d{4} enligt källorna, fört fram till \d{4}/.test(c.note!))
			).toBe(true);
		}
	});

	it('plans one coming meeting each for the committee and the management group, at least two weeks ahead', async () => {
		for (const kind of ['committee', 'management_group']) {
			const coming = await comingMeeting(kind);
			expect(coming).toHaveLength(1);
			expect(coming[0].status).toBe('planned');
			expect(utcToStockholm(coming[0].startsAt).date >= new Date(Date.now() + 13 * 86_400_000).toISOString().slice(0, 10)).toBe(true);
		}
	});
});

describe('the notice, before and after it is sent', () => {
	it('lists who will get the committee’s notice and who cannot, then says exactly who got it', async () => {
		const [next] = await comingMeeting('committee');
		// One member loses the address: the preview says so before anything is sent.
		const before = await noticePreview(db, editor, next.id);
		expect(before.refusal).toBeNull();
		expect(before.members).toBeGreaterThan(0);
		const [gone, ...rest] = before.reachable;
		await db.update(person).set({ email: null }).where(eq(person.id, gone.id));
		const preview = await noticePreview(db, editor, next.id);
		expect(preview.withoutAddress.map((r) => r.name)).toEqual([gone.name]);
		expect(preview.reachable.map((r) => r.name)).toEqual(rest.map((r) => r.name));
		expect(await db.select().from(outbox).where(eq(outbox.meetingId, next.id))).toEqual([]);

		const sent = await sendNotice(db, editor, next.id);
		expect(sent.sentTo).toEqual(rest.map((r) => r.name));
		expect(sent.withoutAddress).toEqual([gone.name]);
		const queued = await db.select().from(outbox).where(eq(outbox.meetingId, next.id));
		expect(queued.map((q) => q.recipient).sort()).toEqual(rest.map((r) => r.email).sort());
		const [audit] = await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.entity, 'meeting'), eq(auditLog.entityId, String(next.id)), eq(auditLog.action, 'send_notice')));
		expect(audit.after).toEqual({
			to: sent.sentTo,
			withoutAddress: [gone.name],
			calendar: { uid: `meeting-${next.id}@samverka.local`, sequence: expect.any(Number) }
		});

		// The viewer holds the message as queued, with its PDF.
		const message = (await getOutboxMessage(db, queued[0].id))!;
		expect(message.body).toContain('Dagordning');
		expect(message.attachments.map((a) => a.mediaType)).toEqual(['application/pdf']);
		const pdf = (await getOutboxAttachment(db, queued[0].id, message.attachments[0].id))!;
		expect(Buffer.from(pdf.content.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
		// An attachment is reached only through a message it belongs to.
		const other = await db
			.select()
			.from(outbox)
			.where(sql`${outbox.id} <> ${queued[0].id} and ${outbox.meetingId} is null`)
			.limit(1);
		if (other[0]) expect(await getOutboxAttachment(db, other[0].id, message.attachments[0].id)).toBeNull();
	});

	it('refuses a notice whose recipients all lack an address, naming them, and queues nothing', async () => {
		const [next] = await comingMeeting('management_group');
		const { reachable } = await noticePreview(db, editor, next.id);
		expect(reachable.length).toBeGreaterThan(1);
		await db
			.update(person)
			.set({ email: null })
			.where(
				inArray(
					person.id,
					reachable.map((r) => r.id)
				)
			);
		const preview = await noticePreview(db, editor, next.id);
		expect(preview.refusal).toMatch(/^Ingen av mottagarna har en e-postadress: /);
		const errors = await refused(() => sendNotice(db, editor, next.id));
		expect(errors._).toBe(preview.refusal);
		for (const r of reachable) expect(errors._).toContain(r.name);
		expect(await db.select().from(outbox).where(eq(outbox.meetingId, next.id))).toEqual([]);
		expect((await db.select().from(meeting).where(eq(meeting.id, next.id)))[0].noticeSentAt).toBeNull();
	});

	it('says there are no members that year, not that nobody has an address, when the body has none', async () => {
		const b = await bodyOfKind('committee');
		const m = await createMeeting(db, editor, {
			bodyIds: [b.id],
			kind: 'ordinary',
			date: `${YEAR + 2}-02-04`,
			start: '12:00',
			end: '15:00'
		});
		const errors = await refused(() => sendNotice(db, editor, m.id));
		expect(errors.members).toMatch(
			new RegExp(`^Mötets organ har inga kända ledamöter den 4 februari ${YEAR + 2} \\(inga uppdrag som gäller ${YEAR + 2}\\)`)
		);
		expect(errors.members).not.toMatch(/e-postadress/);
	});
});

describe('mail to the reserved .invalid domain', () => {
	it('is never handed to the SMTP server, even with one set up, and is marked not delivered with the reason', async () => {
		const [next] = await comingMeeting('committee');
		await db.update(person).set({ email: 'boel.godner@sodertalje.example' }).where(eq(person.name, 'Boel Godner'));
		await sendNotice(db, editor, next.id);
		const peer = await smtpPeer();
		await deliverDue(db, smtpSender(peer.url, 'Samverka <noreply@samverka.local>'));
		const rows = await db.select().from(outbox).where(eq(outbox.meetingId, next.id));
		const invalid = rows.filter((r) => r.recipient.endsWith('.invalid'));
		expect(invalid.length).toBeGreaterThan(0);
		// Only the one real address reached the peer; nothing in .invalid did.
		expect(peer.messages.flatMap((m) => m.rcptTo)).toEqual(['boel.godner@sodertalje.example']);
		for (const r of invalid) {
			expect(r.status).toBe('failed');
			expect(r.sentAt).toBeNull();
			expect(r.lastError).toMatch(/reserverade domänen \.invalid \(RFC 6761\).*lämnades inte till e-postservern/);
		}
		// Trying again is refused with the reason, and changes nothing.
		const errors = await refused(() => retryMail(db, editor, invalid[0].id));
		expect(errors._).toMatch(/\.invalid/);
		expect((await db.select().from(outbox).where(eq(outbox.id, invalid[0].id)))[0].status).toBe('failed');
		expect(peer.messages).toHaveLength(1);
	});
});

describe('a meeting known only to the day', () => {
	it('is a whole-day event in the calendar file, not one at midnight; a timed one keeps its time', async () => {
		const ssk = await bodyOfKind('committee');
		const rows = await listMeetings(db, PUBLIC, { bodyId: ssk.id, from: '2020-12-01', to: '2021-01-31' });
		const ics = calendarIcs(
			'Kommittén',
			rows.map((m) => toCalendar(m, 'https://samverka.example')),
			'samverka.example'
		);
		const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
		const byDay = new Map(events.map((e) => [e.startDate.toString().slice(0, 10), e]));
		// 14 January 2021: the sources give the day only.
		expect(byDay.get('2021-01-14')!.startDate.isDate).toBe(true);
		expect(byDay.get('2021-01-14')!.startDate.toString()).toBe('2021-01-14');
		// 10 December 2020 at 12:00 in Stockholm.
		expect(byDay.get('2020-12-10')!.startDate.isDate).toBe(false);
		expect(byDay.get('2020-12-10')!.startDate.toJSDate().toISOString()).toBe('2020-12-10T11:00:00.000Z');
	});
});
