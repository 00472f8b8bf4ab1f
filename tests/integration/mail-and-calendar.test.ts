// Mail and calendars on a real database, over the demo data. Mail: the notice
// and the distributed minutes go through the outbox to a real SMTP peer (the
// smtp-server package on a free local port), PDF attached; a refused recipient
// is retried with growing pauses until the message is marked failed; two
// deliverers at once send each message exactly once; without SMTP the messages
// wait; a cancelled meeting cannot be noticed. Calendars: the feeds are parsed
// back with an independent iCalendar parser (ical.js).
import { count, eq, inArray, sql } from 'drizzle-orm';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from './db.ts';
import { clearDemoAddresses, seatMembers } from './members.ts';
import { readMessage, smtpPeer } from './smtp-peer.ts';
import type { Db } from '../../src/lib/server/db/client.ts';
import {
	body,
	meeting,
	membership,
	municipality,
	outbox,
	outboxAttachment,
	person,
	storedFile
} from '../../src/lib/server/db/schema/index.ts';
import { loadDemo } from '../../src/lib/server/demo/load.ts';
import { deliverDue, enqueue, listOutbox, RETRY_MINUTES, type Send } from '../../src/lib/server/mail/outbox.ts';
import { smtpSender, startMailer } from '../../src/lib/server/mail/mailer.ts';
import { retryMail, sendNotice } from '../../src/lib/server/meetings/notices.ts';
import { approveMinutes, distributeMinutes, setMinutesPeople } from '../../src/lib/server/meetings/minutes-service.ts';
import { cancelMeeting, createMeeting, recordAttendance, updateMeeting } from '../../src/lib/server/meetings/service.ts';
import { addAgendaItem } from '../../src/lib/server/meetings/agenda.ts';
import { listMeetings } from '../../src/lib/server/meetings/queries.ts';
import { bodyFeed, feedToken, personFeed, toCalendar } from '../../src/lib/server/meetings/calendar.ts';
import { calendarIcs } from '../../src/lib/server/meetings/ical.ts';
import { createAccount, setAccountDisabled } from '../../src/lib/server/auth/accounts.ts';
import { NotFoundError, ValidationError } from '../../src/lib/server/errors.ts';
import { PUBLIC, type Actor } from '../../src/lib/server/actor.ts';
import { utcToStockholm } from '../../src/lib/core/meetings.ts';

const editor: Actor = { accountId: null, name: 'Kansliet', role: 'editor', personId: null };
const admin: Actor = { accountId: null, name: 'Administratören', role: 'admin', personId: null };
const FROM = 'Samverka <noreply@samverka.local>';
const ORIGIN = 'https://samverka.example';
const fields = (e: unknown) => (e as ValidationError).byField();

/** Dates ahead of today, so the feeds (the last year and everything ahead) hold them. */
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
	// Today's management group, for the notices of the coming meetings.
	await seatMembers(
		db,
		bodyIds.get('Ledningsgruppen')!,
		['Leif Eriksson', 'Camilla Broo', 'Mattias Jansson', 'Frida Nilsson'],
		String(YEAR - 1)
	);
});

// ---------------------------------------------------------------------------
// Helpers over the outbox.

async function outboxRows(meetingId: number) {
	return db.select().from(outbox).where(eq(outbox.meetingId, meetingId)).orderBy(outbox.id);
}

async function pendingCount() {
	const [{ n }] = await db.select({ n: count() }).from(outbox).where(eq(outbox.status, 'pending'));
	return n;
}

async function outboxCount() {
	const [{ n }] = await db.select({ n: count() }).from(outbox);
	return n;
}

/** The stored content of each row's attachments. */
async function attachmentsOf(outboxId: number) {
	return db
		.select({ name: storedFile.name, mediaType: storedFile.mediaType, content: storedFile.content, fileId: storedFile.id })
		.from(outboxAttachment)
		.innerJoin(storedFile, eq(storedFile.id, outboxAttachment.fileId))
		.where(eq(outboxAttachment.outboxId, outboxId));
}

/** Seconds from the database's now() to the row's next attempt. */
async function secondsToNextAttempt(id: number) {
	const [row] = await db
		.select({ s: sql<number>`extract(epoch from (${outbox.nextAttemptAt} - now()))::float8` })
		.from(outbox)
		.where(eq(outbox.id, id));
	return Number(row.s);
}

const makeDue = (ids: number[]) =>
	db
		.update(outbox)
		.set({ nextAttemptAt: sql`now()` })
		.where(inArray(outbox.id, ids));

async function enqueueTest(recipients: string[], subject = 'Test') {
	return db.transaction((tx) =>
		enqueue(
			tx,
			'Testet',
			recipients.map((r) => ({ kind: 'reminder' as const, recipient: r, recipientName: null, subject, body: `Hej ${r}` }))
		)
	);
}

// ---------------------------------------------------------------------------

describe('mail through a real SMTP peer', () => {
	let noticeMeetingId: number;

	it('delivers the notice with its PDF to the two members with an address, and marks it sent', async () => {
		const date = ahead('03-12');
		const m = await createMeeting(db, editor, {
			bodyIds: [bodyId('Ledningsgruppen')],
			kind: 'ordinary',
			date,
			start: '08:30',
			end: '11:00',
			place: 'Huddinge',
			format: 'physical'
		});
		noticeMeetingId = m.id;
		await addAgendaItem(db, editor, m.id, { title: 'Läget i kommunerna', presenter: 'Leif Eriksson' });
		await db
			.update(person)
			.set({ email: 'leif.eriksson@botkyrka.example' })
			.where(eq(person.id, personId('Leif Eriksson')));
		await db
			.update(person)
			.set({ email: 'camilla.broo@haninge.example' })
			.where(eq(person.id, personId('Camilla Broo')));

		const result = await sendNotice(db, editor, m.id);
		expect([...result.sentTo].sort()).toEqual(['Camilla Broo', 'Leif Eriksson']);
		expect(result.withoutAddress).toContain('Mattias Jansson');
		// The guests of the 20 November 2020 meeting are not members on this date.
		expect(result.withoutAddress).not.toContain('Gustav Fridlund');

		const queued = await outboxRows(m.id);
		expect(queued).toHaveLength(2);
		expect(queued.every((r) => r.status === 'pending' && r.attempts === 0 && r.sentAt === null && r.kind === 'notice')).toBe(true);
		const files = await Promise.all(queued.map((r) => attachmentsOf(r.id)));
		expect(files.map((f) => f.map((a) => a.name))).toEqual([[`kallelse-${date}.pdf`], [`kallelse-${date}.pdf`]]);
		// The one PDF is stored once and attached to both.
		expect(files[0][0].fileId).toBe(files[1][0].fileId);
		const [row] = await db.select().from(meeting).where(eq(meeting.id, m.id));
		expect(row.noticeSentAt).toBeInstanceOf(Date);

		const peer = await smtpPeer();
		expect(await deliverDue(db, smtpSender(peer.url, FROM))).toEqual({ sent: 2, failed: 0 });
		expect(peer.messages).toHaveLength(2);
		expect(peer.messages.flatMap((x) => x.rcptTo).sort()).toEqual(['camilla.broo@haninge.example', 'leif.eriksson@botkyrka.example']);
		const pdf = files[0][0].content;
		expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
		for (const q of queued) {
			const got = peer.messages.find((x) => x.rcptTo.includes(q.recipient))!;
			expect(got.mailFrom).toBe('noreply@samverka.local');
			const mail = readMessage(got);
			expect(mail.subject).toBe(q.subject);
			expect(mail.subject).toMatch(/^Kallelse: möte med Södertörnskommunernas ledningsgrupp/);
			expect(mail.to).toContain(q.recipientName!);
			expect(mail.to).toContain(q.recipient);
			expect(mail.from).toContain('noreply@samverka.local');
			expect(mail.text.trimEnd()).toBe(q.body.trimEnd());
			expect(mail.text).toContain('1. Läget i kommunerna (Leif Eriksson)');
			// The PDF, and the calendar invitation's copy for mail programs that read no text/calendar alternative.
			expect(mail.attachments.map((a) => a.contentType)).toEqual(['application/pdf', 'application/ics']);
			expect(mail.attachments[0].contentType).toBe('application/pdf');
			expect(mail.attachments[0].filename).toBe(`kallelse-${date}.pdf`);
			expect(Buffer.compare(mail.attachments[0].content, Buffer.from(pdf))).toBe(0);
		}

		const after = await outboxRows(m.id);
		expect(after.map((r) => r.status)).toEqual(['sent', 'sent']);
		expect(after.every((r) => r.sentAt instanceof Date && r.attempts === 1 && r.lastError === null)).toBe(true);
		const listed = await listOutbox(db, { meetingId: m.id });
		expect(listed.map((r) => r.status)).toEqual(['sent', 'sent']);
		// Nothing is left, and nothing goes twice.
		expect(await deliverDue(db, smtpSender(peer.url, FROM))).toEqual({ sent: 0, failed: 0 });
		expect(peer.messages).toHaveLength(2);
	});

	it('sends an updated notice the second time', async () => {
		const again = await sendNotice(db, editor, noticeMeetingId);
		expect(again.sentTo).toHaveLength(2);
		const rows = await outboxRows(noticeMeetingId);
		expect(rows.filter((r) => r.status === 'pending').every((r) => r.subject.startsWith('Uppdaterad kallelse: '))).toBe(true);
		const peer = await smtpPeer();
		expect(await deliverDue(db, smtpSender(peer.url, FROM))).toEqual({ sent: 2, failed: 0 });
		expect(peer.messages.map((x) => readMessage(x).subject.split(':')[0])).toEqual(['Uppdaterad kallelse', 'Uppdaterad kallelse']);
	});

	it('delivers the adjusted minutes as PDF to the registrar of each municipality with an address', async () => {
		const date = ahead('02-06');
		const m = await createMeeting(db, editor, {
			bodyIds: [bodyId('Ledningsgruppen')],
			kind: 'ordinary',
			date,
			start: '08:30',
			end: '11:00'
		});
		await addAgendaItem(db, editor, m.id, { title: 'Regional utvecklingsplan' });
		await setMinutesPeople(db, editor, m.id, {
			secretaryPersonId: personId('Anna Söderström'),
			adjusterPersonId: personId('Leif Eriksson')
		});
		await approveMinutes(db, editor, m.id, 'secretary');
		const adjuster: Actor = { accountId: null, name: 'Leif Eriksson', role: 'member', personId: personId('Leif Eriksson') };
		await approveMinutes(db, adjuster, m.id, 'adjuster');
		await db.update(municipality).set({ registrarEmail: 'registrator@botkyrka.example' }).where(eq(municipality.code, '0127'));
		await db.update(municipality).set({ registrarEmail: 'kommunstyrelsen@haninge.example' }).where(eq(municipality.code, '0136'));
		// A municipality that has left the cooperation is not sent the minutes, address or not.
		await db
			.update(municipality)
			.set({ registrarEmail: 'registrator@nykvarn.example', memberTo: '2020-12-31' })
			.where(eq(municipality.code, '0140'));

		const result = await distributeMinutes(db, editor, m.id);
		expect(result.sentTo).toEqual(['Botkyrka', 'Haninge']);
		expect(result.missing).toHaveLength(5);
		expect(result.missing).not.toContain('Nykvarn');
		const queued = await outboxRows(m.id);
		expect(queued.map((r) => [r.kind, r.recipient, r.status])).toEqual([
			['minutes', 'registrator@botkyrka.example', 'pending'],
			['minutes', 'kommunstyrelsen@haninge.example', 'pending']
		]);
		const [stored] = await attachmentsOf(queued[0].id);

		const peer = await smtpPeer();
		expect(await deliverDue(db, smtpSender(peer.url, FROM))).toEqual({ sent: 2, failed: 0 });
		expect(peer.messages.flatMap((x) => x.rcptTo).sort()).toEqual(['kommunstyrelsen@haninge.example', 'registrator@botkyrka.example']);
		for (const got of peer.messages) {
			const mail = readMessage(got);
			expect(mail.subject).toBe('Minnesanteckningar från möte med Södertörnskommunernas ledningsgrupp');
			expect(mail.to).toMatch(/Registrator, (Botkyrka|Haninge)/);
			expect(mail.text).toContain('för diarieföring');
			expect(mail.attachments.map((a) => [a.contentType, a.filename])).toEqual([['application/pdf', `minnesanteckningar-${date}-v1.pdf`]]);
			expect(mail.attachments[0].content.subarray(0, 5).toString('latin1')).toBe('%PDF-');
			expect(Buffer.compare(mail.attachments[0].content, Buffer.from(stored.content))).toBe(0);
		}
		const after = await outboxRows(m.id);
		expect(after.every((r) => r.status === 'sent' && r.sentAt !== null)).toBe(true);
	});

	it('retries a refused recipient after growing pauses, then marks the message failed', async () => {
		expect(await pendingCount()).toBe(0);
		const peer = await smtpPeer({ reject: (a) => a === 'finns.inte@nykvarn.example' });
		const send = smtpSender(peer.url, FROM);
		const [id] = await enqueueTest(['finns.inte@nykvarn.example'], 'Påminnelse: underlag');

		expect(await deliverDue(db, send)).toEqual({ sent: 0, failed: 1 });
		let [row] = await db.select().from(outbox).where(eq(outbox.id, id));
		expect(row.status).toBe('pending');
		expect(row.attempts).toBe(1);
		expect(row.lastError).toMatch(/550/);
		expect(row.sentAt).toBeNull();
		const wait = await secondsToNextAttempt(id);
		expect(wait).toBeGreaterThan(RETRY_MINUTES[0] * 60 - 10);
		expect(wait).toBeLessThanOrEqual(RETRY_MINUTES[0] * 60);
		// Not due yet: a second round leaves it alone.
		expect(await deliverDue(db, send)).toEqual({ sent: 0, failed: 0 });
		expect(peer.rcptAttempts).toHaveLength(1);

		for (let attempt = 2; attempt <= RETRY_MINUTES.length; attempt++) {
			await makeDue([id]);
			expect(await deliverDue(db, send)).toEqual({ sent: 0, failed: 1 });
			[row] = await db.select().from(outbox).where(eq(outbox.id, id));
			expect(row.attempts).toBe(attempt);
			expect(row.status).toBe('pending');
			const pause = await secondsToNextAttempt(id);
			expect(pause).toBeGreaterThan(RETRY_MINUTES[attempt - 1] * 60 - 10);
			expect(pause).toBeLessThanOrEqual(RETRY_MINUTES[attempt - 1] * 60);
		}
		await makeDue([id]);
		expect(await deliverDue(db, send)).toEqual({ sent: 0, failed: 1 });
		[row] = await db.select().from(outbox).where(eq(outbox.id, id));
		expect(row.status).toBe('failed');
		expect(row.attempts).toBe(RETRY_MINUTES.length + 1);
		expect(row.lastError).toMatch(/550/);
		expect(peer.rcptAttempts).toHaveLength(RETRY_MINUTES.length + 1);
		expect(peer.messages).toHaveLength(0);

		// A failed message is not picked up again by itself …
		await makeDue([id]);
		expect(await deliverDue(db, send)).toEqual({ sent: 0, failed: 0 });
		// … only when someone asks for it; then it goes to a server that takes it.
		await retryMail(db, editor, id);
		[row] = await db.select().from(outbox).where(eq(outbox.id, id));
		expect([row.status, row.attempts]).toEqual(['pending', 0]);
		const good = await smtpPeer();
		expect(await deliverDue(db, smtpSender(good.url, FROM))).toEqual({ sent: 1, failed: 0 });
		expect(good.messages.map((x) => x.rcptTo)).toEqual([['finns.inte@nykvarn.example']]);
		expect(readMessage(good.messages[0]).subject).toBe('Påminnelse: underlag');
		const twice = await retryMail(db, editor, id).catch((e) => e);
		expect(fields(twice)._).toBe('Utskicket är redan skickat.');
	});

	it('sends each message exactly once when two deliverers run at the same time', async () => {
		expect(await pendingCount()).toBe(0);
		const recipients = Array.from({ length: 8 }, (_, i) => `mottagare${i + 1}@tyreso.example`);
		const ids = await enqueueTest(recipients, 'Samtidigt');
		const peer = await smtpPeer();
		const smtp = smtpSender(peer.url, FROM);
		const slow: Send = async (m) => {
			await new Promise((r) => setTimeout(r, 50));
			await smtp(m);
		};
		const [a, b] = await Promise.all([deliverDue(db, slow), deliverDue(db, slow)]);
		expect(a.sent + b.sent).toBe(recipients.length);
		expect(a.failed + b.failed).toBe(0);
		// Both took part: the second skipped the row the first held, rather than waiting for it.
		expect(a.sent).toBeGreaterThan(0);
		expect(b.sent).toBeGreaterThan(0);
		expect(peer.messages).toHaveLength(recipients.length);
		expect(peer.messages.flatMap((x) => x.rcptTo).sort()).toEqual([...recipients].sort());
		const rows = await db.select().from(outbox).where(inArray(outbox.id, ids));
		expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
	});

	it('lets a second deliverer send the other messages while the first is still on one (SKIP LOCKED, no waiting)', async () => {
		expect(await pendingCount()).toBe(0);
		const recipients = Array.from({ length: 5 }, (_, i) => `registrator${i + 1}@sodertalje.example`);
		await enqueueTest(recipients, 'Spärr');
		const peer = await smtpPeer();
		const smtp = smtpSender(peer.url, FROM);
		let others = 0;
		let othersWhileHeld = -1;
		const gated: Send = async (m) => {
			if (m.to === recipients[0]) {
				// Hold the first message (and its row lock) until the others are gone, or give up after 3 s.
				const start = Date.now();
				while (others < recipients.length - 1 && Date.now() - start < 3000) await new Promise((r) => setTimeout(r, 10));
				othersWhileHeld = others;
			}
			await smtp(m);
			if (m.to !== recipients[0]) others++;
		};
		const [a, b] = await Promise.all([deliverDue(db, gated), deliverDue(db, gated)]);
		expect(othersWhileHeld).toBe(recipients.length - 1);
		expect([a.sent, b.sent].sort()).toEqual([1, recipients.length - 1]);
		expect(peer.messages.flatMap((x) => x.rcptTo).sort()).toEqual([...recipients].sort());
	});

	it('keeps the messages waiting, unsent, when no mail server is set up', async () => {
		const m = await createMeeting(db, editor, {
			bodyIds: [bodyId('Ledningsgruppen')],
			kind: 'ordinary',
			date: ahead('04-16'),
			start: '08:30',
			end: '11:00'
		});
		await sendNotice(db, editor, m.id);
		// No deliverer runs: a while later the messages still wait, untouched.
		await new Promise((r) => setTimeout(r, 200));
		const listed = await listOutbox(db, { meetingId: m.id });
		expect(listed).toHaveLength(2);
		expect(listed.every((r) => r.status === 'pending' && r.attempts === 0 && r.sentAt === null && r.lastError === null)).toBe(true);
		const [row] = await db.select().from(meeting).where(eq(meeting.id, m.id));
		expect(row.noticeSentAt).toBeInstanceOf(Date);
		// Delivered later, once a server is there and the mailer runs.
		const peer = await smtpPeer();
		const errors: string[] = [];
		const mailer = startMailer(db, smtpSender(peer.url, FROM), (e) => errors.push(e), 60_000);
		try {
			await mailer.kick();
		} finally {
			mailer.stop();
		}
		expect(errors).toEqual([]);
		expect(peer.messages).toHaveLength(2);
		expect((await listOutbox(db, { meetingId: m.id })).map((r) => r.status)).toEqual(['sent', 'sent']);
	});

	it('refuses to notice a cancelled meeting, queueing nothing', async () => {
		const m = await createMeeting(db, editor, {
			bodyIds: [bodyId('Ledningsgruppen')],
			kind: 'ordinary',
			date: ahead('05-07'),
			start: '08:30',
			end: '11:00'
		});
		await cancelMeeting(db, editor, m.id, { version: m.version, statusNote: 'Inga ärenden' });
		const before = await outboxCount();
		const refused = await sendNotice(db, editor, m.id).catch((e) => e);
		expect(refused).toBeInstanceOf(ValidationError);
		expect(fields(refused)._).toBe('Mötet är inställt; det går inte att kalla till det.');
		expect(await outboxCount()).toBe(before);
		const [row] = await db.select().from(meeting).where(eq(meeting.id, m.id));
		expect(row.noticeSentAt).toBeNull();
	});
});

// ---------------------------------------------------------------------------

function events(ics: string) {
	const cal = new ICAL.Component(ICAL.parse(ics));
	return cal.getAllSubcomponents('vevent').map((v) => ({
		uid: String(v.getFirstPropertyValue('uid')),
		sequence: Number(v.getFirstPropertyValue('sequence')),
		summary: String(v.getFirstPropertyValue('summary')),
		status: String(v.getFirstPropertyValue('status')),
		start: (v.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().toISOString(),
		end: (v.getFirstPropertyValue('dtend') as ICAL.Time).toJSDate().toISOString(),
		url: String(v.getFirstPropertyValue('url'))
	}));
}

const HOST = 'samverka.example';

describe('iCalendar', () => {
	async function committee2020() {
		const rows = await listMeetings(db, editor, { bodyId: bodyId('Samarbetskommittén'), from: '2020-01-01', to: '2020-12-31' });
		return {
			rows,
			ics: calendarIcs(
				'Samarbetskommittén',
				rows.map((m) => toCalendar(m, ORIGIN)),
				HOST
			)
		};
	}

	it("holds the committee's 2020 meetings, the cancelled one as cancelled, in UTC", async () => {
		const { rows, ics } = await committee2020();
		const cal = new ICAL.Component(ICAL.parse(ics));
		expect(cal.getFirstPropertyValue('method')).toBe('PUBLISH');
		const ev = events(ics);
		expect(ev).toHaveLength(rows.length);
		expect(ev.length).toBeGreaterThanOrEqual(7);
		const byDate = (d: string) => ev.filter((e) => utcToStockholm(new Date(e.start)).date === d);
		const february = byDate('2020-02-06');
		expect(february).toHaveLength(1);
		expect(february[0].status).toBe('CANCELLED');
		expect(february[0].summary).toMatch(/^INSTÄLLT: /);
		expect(ev.filter((e) => e.status === 'CANCELLED')).toHaveLength(1);
		const april = byDate('2020-04-02');
		expect(april).toHaveLength(1);
		expect(april[0].status).toBe('CONFIRMED');
		expect(april[0].start).toBe('2020-04-02T10:00:00.000Z');
		expect(april[0].end).toBe('2020-04-02T13:30:00.000Z');
		expect(april[0].summary).toBe('Möte med Södertörnskommunernas samarbetskommitté');
		const aprilRow = rows.find((r) => utcToStockholm(r.startsAt).date === '2020-04-02')!;
		expect(april[0].uid).toBe(`meeting-${aprilRow.id}@${HOST}`);
		expect(april[0].url).toBe(`${ORIGIN}/meetings/${aprilRow.id}`);
		// January is winter time: 12.00 in Stockholm is 11.00 UTC.
		expect(byDate('2020-01-16')[0].start).toBe('2020-01-16T11:00:00.000Z');
	});

	it('gives every meeting a unique UID that stays the same from one fetch to the next', async () => {
		const first = events((await committee2020()).ics).map((e) => e.uid);
		const second = events((await committee2020()).ics).map((e) => e.uid);
		expect(new Set(first).size).toBe(first.length);
		expect(second).toEqual(first);
	});

	let movedId: number;

	it("holds a body's meetings ahead, not those older than a year; a move keeps the UID with a higher SEQUENCE", async () => {
		const ssk = bodyId('Samarbetskommittén');
		const m = await createMeeting(db, editor, { bodyIds: [ssk], kind: 'ordinary', date: ahead('09-03'), start: '12:00', end: '15:30' });
		movedId = m.id;
		const feed = await bodyFeed(db, PUBLIC, ssk, ORIGIN);
		expect(feed.map((f) => f.id)).toContain(m.id);
		expect(feed.every((f) => f.startsAt.getFullYear() > 2020)).toBe(true);
		const before = events(calendarIcs('Samarbetskommittén', feed, HOST)).find((e) => e.uid === `meeting-${m.id}@${HOST}`)!;
		expect(before.start).toBe(`${YEAR}-09-03T10:00:00.000Z`);

		await updateMeeting(db, editor, m.id, {
			version: m.version,
			bodyIds: [ssk],
			kind: 'ordinary',
			date: ahead('09-10'),
			start: '13:00',
			end: '16:00'
		});
		const moved = events(calendarIcs('Samarbetskommittén', await bodyFeed(db, PUBLIC, ssk, ORIGIN), HOST));
		const after = moved.filter((e) => e.uid === before.uid);
		expect(after).toHaveLength(1);
		expect(after[0].sequence).toBeGreaterThan(before.sequence);
		expect(after[0].start).toBe(`${YEAR}-09-10T11:00:00.000Z`);
		expect(after[0].end).toBe(`${YEAR}-09-10T14:00:00.000Z`);
	});

	it('keeps a cancelled meeting in the body feed as CANCELLED under its UID, with a higher SEQUENCE', async () => {
		const ssk = bodyId('Samarbetskommittén');
		const uid = `meeting-${movedId}@${HOST}`;
		const before = events(calendarIcs('x', await bodyFeed(db, PUBLIC, ssk, ORIGIN), HOST)).find((e) => e.uid === uid)!;
		const [current] = await db.select().from(meeting).where(eq(meeting.id, movedId));
		await cancelMeeting(db, editor, movedId, { version: current.version, statusNote: 'Flyttas till nästa år' });
		const after = events(calendarIcs('x', await bodyFeed(db, PUBLIC, ssk, ORIGIN), HOST)).find((e) => e.uid === uid)!;
		expect(after.status).toBe('CANCELLED');
		expect(after.sequence).toBeGreaterThan(before.sequence);
	});

	it("does not show the public a network's meetings in its body feed", async () => {
		const snug = bodyId('SNUG');
		const m = await createMeeting(db, editor, { bodyIds: [snug], kind: 'ordinary', date: ahead('10-01'), start: '09:00', end: '10:00' });
		expect((await bodyFeed(db, PUBLIC, snug, ORIGIN)).map((f) => f.id)).not.toContain(m.id);
		expect((await bodyFeed(db, editor, snug, ORIGIN)).map((f) => f.id)).toContain(m.id);
	});

	describe("a person's own feed", () => {
		let networker: Actor;
		let token: string;
		const made = new Map<string, number>();

		beforeAll(async () => {
			const [p] = await db.insert(person).values({ name: 'Nora Nätverk', email: 'nora@salem.example' }).returning();
			await db.insert(membership).values({ personId: p.id, bodyId: bodyId('SNUG'), role: 'member', validFrom: '2020' });
			const acc = await createAccount(db, admin, {
				email: 'nora@salem.example',
				name: 'Nora Nätverk',
				password: 'ett-långt-lösenord-1',
				role: 'member',
				personId: p.id
			});
			networker = { accountId: acc.id, name: acc.name, role: 'member', personId: p.id };
			const plan = async (key: string, bodies: string[], monthDay: string) => {
				const m = await createMeeting(db, editor, {
					bodyIds: bodies.map(bodyId),
					kind: 'ordinary',
					date: ahead(monthDay),
					start: '09:00',
					end: '11:00'
				});
				made.set(key, m.id);
			};
			await plan('snug', ['SNUG'], '10-15');
			await plan('lg+snug', ['Ledningsgruppen', 'SNUG'], '10-22');
			await plan('klimat', ['Klimatnätverket'], '10-29');
			await plan('ssk', ['Samarbetskommittén'], '11-05');
			await plan('lg', ['Ledningsgruppen'], '11-12');
		});

		it('holds the meetings of her network and the joint ones, not those of bodies she is not in', async () => {
			token = (await feedToken(db, networker))!;
			expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
			expect(await feedToken(db, networker)).toBe(token);
			const feed = await personFeed(db, token, ORIGIN);
			expect(feed.actor.accountId).toBe(networker.accountId);
			const ids = feed.meetings.map((f) => f.id);
			expect(ids).toContain(made.get('snug'));
			expect(ids).toContain(made.get('lg+snug'));
			expect(ids).not.toContain(made.get('klimat'));
			// Public, but not her bodies: not in her own calendar.
			expect(ids).not.toContain(made.get('ssk'));
			expect(ids).not.toContain(made.get('lg'));
			const ev = events(calendarIcs('Mina möten', feed.meetings, HOST));
			expect(ev.map((e) => e.uid)).toEqual(feed.meetings.map((f) => `meeting-${f.id}@${HOST}`));
			expect(new Set(ev.map((e) => e.uid)).size).toBe(ev.length);
		});

		it('refuses an unknown token, a renewed-away token and the token of a disabled account', async () => {
			await expect(personFeed(db, 'ingen-sadan-kalender', ORIGIN)).rejects.toBeInstanceOf(NotFoundError);
			await expect(personFeed(db, '', ORIGIN)).rejects.toBeInstanceOf(NotFoundError);
			const renewed = (await feedToken(db, networker, true))!;
			expect(renewed).not.toBe(token);
			await expect(personFeed(db, token, ORIGIN)).rejects.toBeInstanceOf(NotFoundError);
			expect((await personFeed(db, renewed, ORIGIN)).meetings.length).toBeGreaterThan(0);
			await setAccountDisabled(db, admin, networker.accountId!, true);
			await expect(personFeed(db, renewed, ORIGIN)).rejects.toBeInstanceOf(NotFoundError);
			await setAccountDisabled(db, admin, networker.accountId!, false);
		});

		it('gives no token to an actor without an account', async () => {
			expect(await feedToken(db, editor)).toBeNull();
		});

		it('holds a meeting of a public body she is invited to as a guest', async () => {
			const ssk = made.get('ssk')!;
			await recordAttendance(db, editor, ssk, { personId: networker.personId, status: 'present', guest: 'on' });
			const feed = await personFeed(db, (await feedToken(db, networker))!, ORIGIN);
			const ids = feed.meetings.map((f) => f.id);
			expect(ids).toContain(ssk);
			expect(ids).not.toContain(made.get('lg'));
		});

		let formerFeed: number[] = [];

		it('gives a former member of the network a feed of her own', async () => {
			const [p] = await db.insert(person).values({ name: 'Frans Före Detta' }).returning();
			await db.insert(membership).values({ personId: p.id, bodyId: bodyId('SNUG'), role: 'member', validTo: '2021-12-31' });
			const acc = await createAccount(db, admin, {
				email: 'frans@example.se',
				name: p.name,
				password: 'ett-långt-lösenord-2',
				role: 'member',
				personId: p.id
			});
			const former: Actor = { accountId: acc.id, name: acc.name, role: 'member', personId: p.id };
			const feed = await personFeed(db, (await feedToken(db, former))!, ORIGIN);
			formerFeed = feed.meetings.map((f) => f.id);
			expect(formerFeed).not.toContain(made.get('klimat'));
			expect(formerFeed).not.toContain(made.get('ssk'));
		});

		// BUG (reported): personFeed takes every membership the person ever held, ignoring validFrom/validTo, so
		// whoever has left a body (or was its guest for one day in 2020) keeps getting all its future meetings,
		// while the notice goes only to the members on the meeting's date. Turn `it.fails` into `it` once fixed.
		it('does not hold the future meetings of a body she has left', () => {
			expect(formerFeed).not.toContain(made.get('snug'));
			expect(formerFeed).not.toContain(made.get('lg+snug'));
		});
	});
});
