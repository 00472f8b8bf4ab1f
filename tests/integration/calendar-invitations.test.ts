// Calendar invitations, feeds and mail headers on a real database over the
// demo data, through a real SMTP peer (the smtp-server package on a free local
// port), every calendar read back with an independent parser (ical.js):
// the notice carries an iMIP REQUEST, a move sends an update and a
// cancellation a CANCEL to the same people under the same UID with a rising
// SEQUENCE; the feeds end every line with CRLF and answer 304 to a subscriber
// whose copy is current; machine-sent mail says so (Auto-Submitted) and the
// digest says where to stop it (List-Unsubscribe).
import { and, eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from './db.ts';
import { clearDemoAddresses, seatMembers } from './members.ts';
import { decodeBody, parseMime, readMessage, smtpPeer, type Received } from './smtp-peer.ts';
import type { Db } from '../../src/lib/server/db/client.ts';
import {
	auditLog,
	body,
	digestOptOut,
	meeting,
	meetingInvitation,
	meetingInvitee,
	membership,
	outbox,
	person,
	taskDigest
} from '../../src/lib/server/db/schema/index.ts';
import { loadDemo } from '../../src/lib/server/demo/load.ts';
import { deliverDue } from '../../src/lib/server/mail/outbox.ts';
import { smtpSender } from '../../src/lib/server/mail/mailer.ts';
import { remindActionItem, sendNotice } from '../../src/lib/server/meetings/notices.ts';
import { cancelMeeting, createMeeting, updateMeeting } from '../../src/lib/server/meetings/service.ts';
import { addActionItem, addAgendaItem } from '../../src/lib/server/meetings/agenda.ts';
import { sendReminders, sendWeeklyDigest } from '../../src/lib/server/governance/reminders.ts';
import { createTask } from '../../src/lib/server/governance/cycle.ts';
import { digestSetting, setWeeklyDigest } from '../../src/lib/server/governance/digest.ts';
import { ValidationError } from '../../src/lib/server/errors.ts';
import { calendarIcs } from '../../src/lib/server/meetings/ical.ts';
import { feedToken } from '../../src/lib/server/meetings/calendar.ts';
import { createAccount } from '../../src/lib/server/auth/accounts.ts';
import { setRuntime } from '../../src/lib/server/app.ts';
import type { Runtime } from '../../src/lib/server/runtime.ts';
import { PUBLIC, type Actor } from '../../src/lib/server/actor.ts';
import { addDays } from '../../src/lib/core/governance.ts';
import { todayIso } from '../../src/lib/core/format.ts';
import { GET as bodyFeedGet } from '../../src/routes/calendar/bodies/[id].ics/+server.ts';
import { GET as personFeedGet } from '../../src/routes/calendar/[token].ics/+server.ts';

const editor: Actor = { accountId: null, name: 'Kansliet', role: 'editor', personId: null };
const FROM = 'Samverka <noreply@samverka.local>';
const YEAR = new Date().getFullYear() + 1;
const ahead = (monthDay: string) => `${YEAR}-${monthDay}`;

let db: Db;
const bodyIds = new Map<string, number>();
const personIds = new Map<string, number>();
const bodyId = (name: string) => bodyIds.get(name)!;
const personId = (name: string) => personIds.get(name)!;

beforeAll(async () => {
	({ db } = await freshDb());
	await loadDemo(db);
	for (const b of await db.select().from(body)) bodyIds.set(b.shortName ?? b.name, b.id);
	for (const p of await db.select().from(person)) personIds.set(p.name, p.id);
	await clearDemoAddresses(db);
	await seatMembers(db, bodyId('Ledningsgruppen'), ['Leif Eriksson', 'Camilla Broo', 'Mattias Jansson', 'Frida Nilsson'], String(YEAR - 1));
	await db
		.update(person)
		.set({ email: 'leif.eriksson@botkyrka.example' })
		.where(eq(person.id, personId('Leif Eriksson')));
	await db
		.update(person)
		.set({ email: 'camilla.broo@haninge.example' })
		.where(eq(person.id, personId('Camilla Broo')));
});

/** The text/calendar alternative of a received message, parsed with ical.js. */
function invitationIn(m: Received) {
	const { parts } = parseMime(m.raw);
	const part = parts.find(
		(p) => /^text\/calendar/i.test(p.headers['content-type'] ?? '') && !/attachment/i.test(p.headers['content-disposition'] ?? '')
	);
	if (!part) throw new Error('No text/calendar part');
	// The CRLF before a boundary belongs to the boundary (RFC 2046, section 5.1.1), not to the part.
	const text = decodeBody(part).toString('utf8').replace(/\r\n$/, '');
	const cal = new ICAL.Component(ICAL.parse(text));
	const ev = cal.getFirstSubcomponent('vevent')!;
	const time = (name: string) => (ev.getFirstPropertyValue(name) as ICAL.Time).toJSDate().toISOString();
	return {
		contentType: part.headers['content-type'],
		text,
		method: String(cal.getFirstPropertyValue('method')),
		uid: String(ev.getFirstPropertyValue('uid')),
		sequence: Number(ev.getFirstPropertyValue('sequence')),
		status: String(ev.getFirstPropertyValue('status')),
		start: time('dtstart'),
		end: time('dtend'),
		stamp: time('dtstamp'),
		location: String(ev.getFirstPropertyValue('location')),
		organizer: String(ev.getFirstPropertyValue('organizer')),
		attendees: ev
			.getAllProperties('attendee')
			.map((p) =>
				String(p.getFirstValue())
					.replace(/^mailto:/i, '')
					.toLowerCase()
			)
			.sort(),
		/** The attachment copy nodemailer adds for clients that read no alternative. */
		attachment: parts.some((p) => /^application\/ics/i.test(p.headers['content-type'] ?? ''))
	};
}

const RECIPIENTS = ['camilla.broo@haninge.example', 'leif.eriksson@botkyrka.example'];

async function deliver() {
	const peer = await smtpPeer();
	const result = await deliverDue(db, smtpSender(peer.url, FROM), 500);
	expect(result.failed).toBe(0);
	return peer.messages;
}

describe('calendar invitations with the notice', () => {
	let meetingId: number;
	let uid: string;
	let sequence: number;

	it('sends the notice with an iMIP REQUEST: organizer, the recipients as attendees, a stable UID, UTC times', async () => {
		const m = await createMeeting(db, editor, {
			bodyIds: [bodyId('Ledningsgruppen')],
			kind: 'ordinary',
			date: ahead('03-12'),
			start: '08:30',
			end: '11:00',
			place: 'Huddinge kommunhus',
			format: 'physical'
		});
		meetingId = m.id;
		await addAgendaItem(db, editor, m.id, { title: 'Läget i kommunerna' });
		await sendNotice(db, editor, m.id);
		const got = await deliver();
		expect(got.flatMap((x) => x.rcptTo).sort()).toEqual(RECIPIENTS);
		const invitations = got.map(invitationIn);
		for (const inv of invitations) {
			expect(inv.contentType).toMatch(/^text\/calendar;.*method=REQUEST/i);
			expect(inv.method).toBe('REQUEST');
			expect(inv.status).toBe('CONFIRMED');
			expect(inv.organizer).toBe('mailto:noreply@samverka.local');
			expect(inv.attendees).toEqual(RECIPIENTS);
			// 08.30-11.00 in Stockholm in March is 07.30-10.00 UTC.
			expect(inv.start).toBe(`${YEAR}-03-12T07:30:00.000Z`);
			expect(inv.end).toBe(`${YEAR}-03-12T10:00:00.000Z`);
			expect(inv.location).toBe('Huddinge kommunhus');
			expect(inv.attachment).toBe(true);
			expect(inv.text.endsWith('END:VCALENDAR\r\n')).toBe(true);
			expect(inv.text).not.toMatch(/[^\r]\n/);
		}
		expect(new Set(invitations.map((i) => i.uid)).size).toBe(1);
		uid = invitations[0].uid;
		sequence = invitations[0].sequence;
		expect(uid).toBe(`meeting-${m.id}@samverka.local`);
		// The feed holds the same event at the same SEQUENCE.
		const [row] = await db.select().from(meeting).where(eq(meeting.id, m.id));
		expect(sequence).toBe(row.version);
		// A notice by a person is not machine-sent.
		expect(parseMime(got[0].raw).headers['auto-submitted']).toBeUndefined();
		// Who got it and what was sent are kept.
		const invitees = await db.select().from(meetingInvitee).where(eq(meetingInvitee.meetingId, m.id));
		expect(invitees.map((i) => i.email).sort()).toEqual(RECIPIENTS);
		const [state] = await db.select().from(meetingInvitation).where(eq(meetingInvitation.meetingId, m.id));
		expect(state).toMatchObject({ uid, sequence, method: 'REQUEST' });
	});

	it('sends nothing when a noticed meeting changes in what no calendar holds (its chair note)', async () => {
		const [row] = await db.select().from(meeting).where(eq(meeting.id, meetingId));
		const before = (await db.select().from(outbox)).length;
		await updateMeeting(db, editor, meetingId, {
			version: row.version,
			bodyIds: [bodyId('Ledningsgruppen')],
			kind: 'ordinary',
			date: ahead('03-12'),
			start: '08:30',
			end: '11:00',
			place: 'Huddinge kommunhus',
			format: 'physical',
			chairNote: 'Ordföranden leder mötet på distans.'
		});
		expect((await db.select().from(outbox)).length).toBe(before);
	});

	it('sends an update to the same people when the meeting moves, even one whose address changed since: same UID, higher SEQUENCE', async () => {
		// Camilla's address changes after the notice: the update goes where the notice went.
		await db
			.update(person)
			.set({ email: 'camilla.broo@ny.example' })
			.where(eq(person.id, personId('Camilla Broo')));
		const [row] = await db.select().from(meeting).where(eq(meeting.id, meetingId));
		await updateMeeting(db, editor, meetingId, {
			version: row.version,
			bodyIds: [bodyId('Ledningsgruppen')],
			kind: 'ordinary',
			date: ahead('03-19'),
			start: '13:00',
			end: '15:00',
			place: 'Botkyrka kommunhus',
			format: 'physical'
		});
		const queued = await db
			.select()
			.from(outbox)
			.where(and(eq(outbox.meetingId, meetingId), eq(outbox.status, 'pending')));
		expect(queued.map((q) => q.subject)).toEqual([
			expect.stringMatching(/^Ändrad tid eller plats: /),
			expect.stringMatching(/^Ändrad tid eller plats: /)
		]);
		const got = await deliver();
		expect(got.flatMap((x) => x.rcptTo).sort()).toEqual(RECIPIENTS);
		for (const m of got) {
			const inv = invitationIn(m);
			expect(inv.method).toBe('REQUEST');
			expect(inv.contentType).toMatch(/method=REQUEST/i);
			expect(inv.uid).toBe(uid);
			expect(inv.sequence).toBeGreaterThan(sequence);
			expect(inv.start).toBe(`${YEAR}-03-19T12:00:00.000Z`);
			expect(inv.end).toBe(`${YEAR}-03-19T14:00:00.000Z`);
			expect(inv.location).toBe('Botkyrka kommunhus');
			expect(inv.attendees).toEqual(RECIPIENTS);
			const text = readMessage(m).text;
			expect(text).toContain('ny tid eller plats');
			expect(text).toContain('Botkyrka kommunhus');
		}
		sequence = invitationIn(got[0]).sequence;
		const [audit] = await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'send_invitation_update'), eq(auditLog.entityId, String(meetingId))));
		expect(audit.after).toMatchObject({ calendar: { uid, sequence } });
	});

	it('sends a CANCEL to the same people when the meeting is cancelled: STATUS:CANCELLED, same UID, higher SEQUENCE', async () => {
		const [row] = await db.select().from(meeting).where(eq(meeting.id, meetingId));
		await cancelMeeting(db, editor, meetingId, { version: row.version, statusNote: 'Inga ärenden' });
		const got = await deliver();
		expect(got.flatMap((x) => x.rcptTo).sort()).toEqual(RECIPIENTS);
		for (const m of got) {
			const inv = invitationIn(m);
			expect(inv.contentType).toMatch(/^text\/calendar;.*method=CANCEL/i);
			expect(inv.method).toBe('CANCEL');
			expect(inv.status).toBe('CANCELLED');
			expect(inv.uid).toBe(uid);
			expect(inv.sequence).toBeGreaterThan(sequence);
			expect(inv.attendees).toEqual(RECIPIENTS);
			const mail = readMessage(m);
			expect(mail.subject).toMatch(/^Inställt: /);
			expect(mail.text).toContain('Skäl: Inga ärenden');
		}
		const rows = await db.select().from(outbox).where(eq(outbox.meetingId, meetingId));
		expect(rows.filter((r) => r.kind === 'cancellation')).toHaveLength(2);
		const [state] = await db.select().from(meetingInvitation).where(eq(meetingInvitation.meetingId, meetingId));
		expect(state.method).toBe('CANCEL');
	});

	it('sends nothing when a meeting whose notice never went is moved or cancelled', async () => {
		const m = await createMeeting(db, editor, {
			bodyIds: [bodyId('Ledningsgruppen')],
			kind: 'ordinary',
			date: ahead('04-02'),
			start: '08:30',
			end: '11:00'
		});
		const before = (await db.select().from(outbox)).length;
		const moved = await updateMeeting(db, editor, m.id, {
			version: m.version,
			bodyIds: [bodyId('Ledningsgruppen')],
			kind: 'ordinary',
			date: ahead('04-09'),
			start: '08:30',
			end: '11:00'
		});
		await cancelMeeting(db, editor, m.id, { version: moved.version, statusNote: null });
		expect((await db.select().from(outbox)).length).toBe(before);
		expect(await db.select().from(meetingInvitation).where(eq(meetingInvitation.meetingId, m.id))).toEqual([]);
	});
});

// ---------------------------------------------------------------------------

describe('the calendar feeds over HTTP', () => {
	beforeAll(() => {
		setRuntime({ db } as unknown as Runtime);
	});

	function event(path: string, params: Record<string, string>, headers: Record<string, string> = {}, actor: Actor = PUBLIC) {
		const url = new URL(`https://samverka.example${path}`);
		return { params, url, request: new Request(url, { headers }), locals: { actor } } as never;
	}

	it('ends every line of a feed with CRLF, the last one too', () => {
		const ics = calendarIcs('Samarbetskommittén', [], 'samverka.example');
		expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
		expect(ics).not.toMatch(/[^\r]\n/);
	});

	it("answers a body feed's conditional GET with 304 while nothing changed, and 200 with the new calendar after a change", async () => {
		const ssk = String(bodyId('Samarbetskommittén'));
		const path = `/calendar/bodies/${ssk}.ics`;
		const first = await bodyFeedGet(event(path, { id: ssk }));
		expect(first.status).toBe(200);
		const text = await first.text();
		expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
		expect(text).not.toMatch(/[^\r]\n/);
		expect(() => new ICAL.Component(ICAL.parse(text))).not.toThrow();
		const etag = first.headers.get('etag')!;
		const lastModified = first.headers.get('last-modified')!;
		expect(etag).toMatch(/^"[\w-]+"$/);
		expect(new Date(lastModified).getTime()).not.toBeNaN();
		expect(first.headers.get('cache-control')).toBe('no-cache');

		const byTag = await bodyFeedGet(event(path, { id: ssk }, { 'if-none-match': etag }));
		expect(byTag.status).toBe(304);
		expect(await byTag.text()).toBe('');
		expect(byTag.headers.get('etag')).toBe(etag);
		expect((await bodyFeedGet(event(path, { id: ssk }, { 'if-none-match': `"other", W/${etag}` }))).status).toBe(304);
		const byDate = await bodyFeedGet(event(path, { id: ssk }, { 'if-modified-since': lastModified }));
		expect(byDate.status).toBe(304);
		// If-None-Match decides when both are sent.
		expect((await bodyFeedGet(event(path, { id: ssk }, { 'if-none-match': '"other"', 'if-modified-since': lastModified }))).status).toBe(
			200
		);

		// A new meeting of the committee: the same validators no longer hold.
		await new Promise((r) => setTimeout(r, 1100));
		await createMeeting(db, editor, { bodyIds: [bodyId('Samarbetskommittén')], kind: 'ordinary', date: ahead('06-04'), start: '12:00' });
		const changedByTag = await bodyFeedGet(event(path, { id: ssk }, { 'if-none-match': etag }));
		expect(changedByTag.status).toBe(200);
		expect(changedByTag.headers.get('etag')).not.toBe(etag);
		expect(await changedByTag.text()).toContain(`DTSTART:${YEAR}0604T100000Z`);
		expect((await bodyFeedGet(event(path, { id: ssk }, { 'if-modified-since': lastModified }))).status).toBe(200);
	});

	it("answers a person's own feed with 304 on its ETag, private to the subscriber", async () => {
		const account = await createAccount(
			db,
			{ accountId: null, name: 'Admin', role: 'admin', personId: null },
			{
				email: 'kansli@test.se',
				name: 'Kansliet',
				role: 'editor',
				password: 'ett-langt-losenord-123'
			}
		);
		const token = (await feedToken(db, { accountId: account.id, name: 'Kansliet', role: 'editor', personId: null }))!;
		const path = `/calendar/${token}.ics`;
		const first = await personFeedGet(event(path, { token }));
		expect(first.status).toBe(200);
		expect(first.headers.get('cache-control')).toBe('private, no-cache');
		const again = await personFeedGet(event(path, { token }, { 'if-none-match': first.headers.get('etag')! }));
		expect(again.status).toBe(304);
	});
});

// ---------------------------------------------------------------------------

describe('mail headers', () => {
	it('marks reminders and the digest Auto-Submitted, and gives the digest a List-Unsubscribe to where it is turned off', async () => {
		const anna = personId('Anna Söderström');
		const [kansli] = await db
			.select({ id: membership.id })
			.from(membership)
			.innerJoin(body, eq(body.id, membership.bodyId))
			.where(and(eq(body.kind, 'secretariat'), eq(membership.personId, anna)));
		await db.update(membership).set({ validTo: null }).where(eq(membership.id, kansli.id));
		await db.update(person).set({ email: 'anna.soderstrom@kansli.test' }).where(eq(person.id, anna));
		const today = todayIso();
		await createTask(db, editor, { title: 'Skicka kallelse till kommittén', dueOn: addDays(today, 2) });
		expect(await sendReminders(db, today, 'https://samverka.example')).toBeGreaterThan(0);
		expect(await sendWeeklyDigest(db, today, 'https://samverka.example')).toBe(1);

		const got = (await deliver()).filter((m) => m.rcptTo.includes('anna.soderstrom@kansli.test'));
		const headersOf = (subject: RegExp) =>
			got.map((m) => ({ mail: readMessage(m), headers: parseMime(m.raw).headers })).find((x) => subject.test(x.mail.subject))!.headers;
		const reminder = headersOf(/^Påminnelse: Skicka kallelse till kommittén/);
		expect(reminder['auto-submitted']).toBe('auto-generated');
		expect(reminder['list-unsubscribe']).toBeUndefined();
		const digest = headersOf(/^Veckans uppgifter/);
		expect(digest['auto-submitted']).toBe('auto-generated');
		expect(digest['list-unsubscribe']).toBe('<https://samverka.example/account#digest>');
	});

	it('leaves out of the digest a person who turned it off on her account page, audited; a bad value names the field and saves nothing', async () => {
		const anna = personId('Anna Söderström');
		const acc = await createAccount(
			db,
			{ accountId: null, name: 'Admin', role: 'admin', personId: null },
			{
				email: 'anna.soderstrom@kansli.test',
				name: 'Anna Söderström',
				password: 'ett-langt-losenord-123',
				role: 'editor',
				personId: anna
			}
		);
		const annaActor: Actor = { accountId: acc.id, name: 'Anna Söderström', role: 'editor', personId: anna };
		const today = todayIso();
		expect(await digestSetting(db, annaActor, today)).toEqual({ person: true, inSecretariat: true, on: true });

		const refused = await setWeeklyDigest(db, annaActor, { weeklyDigest: 'kanske' }).catch((e) => e);
		expect(refused).toBeInstanceOf(ValidationError);
		expect((refused as ValidationError).byField().weeklyDigest).toMatch(/^Veckans uppgifter per e-post: /);
		expect(await db.select().from(digestOptOut)).toEqual([]);
		const noPerson = await setWeeklyDigest(db, editor, { weeklyDigest: 'on' }).catch((e) => e);
		expect((noPerson as ValidationError).byField().weeklyDigest).toMatch(/inte kopplat till en person/);

		// A form sends nothing for an unticked box.
		expect(await setWeeklyDigest(db, annaActor, {})).toEqual({ weeklyDigest: false });
		expect(await digestSetting(db, annaActor, today)).toMatchObject({ on: false });
		const [audit] = await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.entity, 'weekly_digest'), eq(auditLog.entityId, String(anna))));
		expect(audit).toMatchObject({ action: 'update', before: { weeklyDigest: true }, after: { weeklyDigest: false } });

		// Next week's digest (the week's claim removed, as if a week had passed) does not go to her.
		await db.delete(taskDigest);
		expect(await sendWeeklyDigest(db, today, 'https://samverka.example')).toBe(0);
		const digests = await db.select().from(outbox).where(eq(outbox.recipient, 'anna.soderstrom@kansli.test'));
		expect(digests.filter((d) => d.subject.startsWith('Veckans uppgifter'))).toHaveLength(1);

		await setWeeklyDigest(db, annaActor, { weeklyDigest: 'on' });
		await db.delete(taskDigest);
		expect(await sendWeeklyDigest(db, today, 'https://samverka.example')).toBe(1);
	});

	it('gives the digest no List-Unsubscribe without a public address to point to', async () => {
		const { digestHeaders } = await import('../../src/lib/server/governance/reminders.ts');
		expect(digestHeaders('')).toEqual({ 'Auto-Submitted': 'auto-generated' });
	});

	it('marks a reminder of an action item Auto-Submitted', async () => {
		const m = await createMeeting(db, editor, {
			bodyIds: [bodyId('Ledningsgruppen')],
			kind: 'ordinary',
			date: ahead('05-14'),
			start: '09:00',
			end: '10:00'
		});
		const item = await addAgendaItem(db, editor, m.id, { title: 'Uppföljning' });
		const action = await addActionItem(db, editor, item.id, { text: 'Ta fram underlag', responsiblePersonId: personId('Leif Eriksson') });
		await remindActionItem(db, editor, action.id);
		const got = (await deliver()).filter((x) => readMessage(x).subject.startsWith('Påminnelse: Ta fram underlag'));
		expect(got).toHaveLength(1);
		expect(parseMime(got[0].raw).headers['auto-submitted']).toBe('auto-generated');
	});
});
