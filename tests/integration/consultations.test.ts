// Consultations on a real database, over the demo data: the year overview
// counts of the seeds (a response counts in the year it was written and the
// year it was sent), the E4/E20 chair's target that is not a deadline, the
// priority objects with their decision; the whole flow of a new remiss to the
// registrars' notice received by a real SMTP peer; and bad input refused with
// the field named, nothing saved and nothing audited.
import { and, count, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from './db.ts';
import { refused } from './refused.ts';
import { readMessage, smtpPeer } from './smtp-peer.ts';
import type { Db } from '../../src/lib/server/db/client.ts';
import {
	auditLog,
	consultation,
	consultationNotice,
	consultationNoticeMail,
	municipality,
	organisation,
	outbox,
	storedFile
} from '../../src/lib/server/db/schema/index.ts';
import { loadDemo } from '../../src/lib/server/demo/load.ts';
import {
	deadlineBeforeNextMeeting,
	deadlineView,
	dueSoon,
	getConsultation,
	getPriorityObject,
	listConsultations,
	listPriorityObjects,
	yearOverview
} from '../../src/lib/server/consultations/queries.ts';
import {
	addChairDecision,
	createConsultation,
	linkMeeting,
	notifyRegistrars,
	submitResponse,
	updateConsultation,
	uploadResponse
} from '../../src/lib/server/consultations/service.ts';
import { deliverDue } from '../../src/lib/server/mail/outbox.ts';
import { smtpSender } from '../../src/lib/server/mail/mailer.ts';
import { ForbiddenError } from '../../src/lib/server/errors.ts';
import { PUBLIC, type Actor } from '../../src/lib/server/actor.ts';
import { todayIso } from '../../src/lib/core/format.ts';
import { daysBetween } from '../../src/lib/core/consultations.ts';

const editor: Actor = { accountId: null, name: 'Kansliet', role: 'editor', personId: null };
const member: Actor = { accountId: null, name: 'Ledamot', role: 'member', personId: null };
const all = { limit: 500, offset: 0 };

let db: Db;
let trafikverket: number;

async function rowCounts() {
	const [[c], [a], [o]] = await Promise.all([
		db.select({ n: count() }).from(consultation),
		db.select({ n: count() }).from(auditLog),
		db.select({ n: count() }).from(outbox)
	]);
	return { consultations: c.n, audit: a.n, outbox: o.n };
}

const plusDays = (days: number) => new Date(Date.parse(`${todayIso()}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
	({ db } = await freshDb());
	await loadDemo(db);
	[{ id: trafikverket }] = await db.select({ id: organisation.id }).from(organisation).where(eq(organisation.name, 'Trafikverket'));
});

describe('the demo register', () => {
	it('counts the joint responses per year as the annual reports do', async () => {
		const years = new Map((await yearOverview(db, member)).map((y) => [y.year, y]));
		expect(years.get(2018)?.joint).toBe(4);
		expect(years.get(2020)?.joint).toBe(3);
		// seven sent in 2021 and two written in 2021 and sent in February 2022 (seed 001, chapter 4)
		expect(years.get(2021)?.joint).toBe(9);
		expect(years.get(2022)?.joint).toBe(2);
		const inriktning = (y: number) => years.get(y)!.items.some((c) => c.title.startsWith('Inriktningsunderlag'));
		expect(inriktning(2020) && inriktning(2021)).toBe(true);
	});

	it('filters the register by year and status, the year as the overview counts it', async () => {
		const in2021 = await listConsultations(db, member, { year: 2021 }, all);
		expect(in2021.total).toBe(9);
		expect(in2021.items.every((c) => c.years.includes(2021))).toBe(true);
		const inriktning = in2021.items.find((c) => c.title.startsWith('Inriktningsunderlag'))!;
		expect(inriktning.submittedOn).toBe('2021-01-29');
		expect(inriktning.years).toEqual([2020, 2021]);
		expect((await listConsultations(db, member, { status: 'drafting' }, all)).total).toBe(0);
		const paged = await listConsultations(db, member, {}, { limit: 5, offset: 5 });
		expect(paged.items).toHaveLength(5);
		expect(paged.total).toBe(15);
	});

	it('keeps the chair’s target for E4/E20 apart from a deadline, and does not call it late', async () => {
		const [row] = (await listConsultations(db, member, { q: 'Södertäljebroarna' }, all)).items;
		const e4 = await getConsultation(db, member, row.id);
		expect(e4.targetOn).toBe('2020-12-12');
		expect(e4.deadline).toBeNull();
		expect(e4.submittedOn).toBe('2020-12-14');
		expect(new Date('2020-12-14T12:00:00Z').getUTCDay()).toBe(1); // a Monday
		expect(e4.decisions.some((d) => d.decidedBy === 'chair')).toBe(true);
		expect(e4.meetings.length).toBeGreaterThan(0);
		expect((await deadlineView(db, member, '2020-12-13')).some((c) => c.id === e4.id)).toBe(false);
	});

	it('holds the five priority objects of 14 January 2021, each with the responses that raised it', async () => {
		const objects = await listPriorityObjects(db);
		expect(objects.map((o) => o.name)).toEqual([
			'Tvärförbindelse Södertörn',
			'Ny passage Södertälje kanal',
			'Ny bytespunkt Flemingsberg',
			'Nya spår på sträckan Järna–Flemingsberg via Södertälje Syd',
			'Spår till Tyresö'
		]);
		expect(objects.every((o) => o.decidedOn === '2021-01-14')).toBe(true);
		const tvf = await getPriorityObject(db, member, objects[0].id);
		expect(tvf.consultations.length).toBe(tvf.responses);
		expect(tvf.responses).toBeGreaterThan(3);
	});

	it('shows the public only the joint responses that were sent, without internal notes', async () => {
		const created = await createConsultation(db, editor, { title: 'Bevakad remiss', issuerId: trafikverket, notes: 'internt' });
		const seen = await listConsultations(db, PUBLIC, {}, all);
		expect(seen.items.some((c) => c.id === created.id)).toBe(false);
		expect(seen.items.every((c) => c.status === 'answered' && c.answerJointly === 'yes')).toBe(true);
		await expect(getConsultation(db, PUBLIC, created.id)).rejects.toThrow();
		expect((await getConsultation(db, member, created.id)).notes).toBe('internt');
	});
});

describe('a remiss from registration to the registrars', () => {
	it('registers, answers jointly, uploads, submits and tells every registrar through a real SMTP peer', async () => {
		const munis = await db.select().from(municipality).orderBy(municipality.id);
		for (const m of munis)
			await db
				.update(municipality)
				.set({ registrarEmail: `registrator@${m.code}.kommun.test` })
				.where(eq(municipality.id, m.id));
		const deadline = plusDays(20);
		const created = await createConsultation(db, editor, {
			title: 'Regional cykelplan, remissversion',
			issuerId: trafikverket,
			reference: 'TRV 2026/123',
			receivedOn: todayIso(),
			deadline
		});
		expect(created.status).toBe('watched');

		// the deadline view warns: due within 30 days
		const soon = await dueSoon(db, member, todayIso());
		expect(soon.items.map((c) => c.id)).toContain(created.id);
		expect(soon.total).toBe(soon.items.length);
		expect((await dueSoon(db, member, plusDays(-11))).items.map((c) => c.id)).not.toContain(created.id); // 31 days ahead then
		const due = (await deadlineView(db, member, todayIso())).find((c) => c.id === created.id)!;
		expect(due.due).toMatchObject({ state: 'due-soon', date: deadline, isTarget: false, days: daysBetween(todayIso(), deadline) });

		const coming = await notifyRegistrars(db, editor, created.id, { stage: 'coming', message: 'Vi återkommer med tidplan.' });
		expect(coming.sentTo).toHaveLength(munis.length);

		const read = await getConsultation(db, editor, created.id);
		const decided = await updateConsultation(db, editor, created.id, { ...read, answerJointly: 'yes', status: 'drafting' });
		const content = new TextEncoder().encode('%PDF-1.7 svar');
		const uploaded = await uploadResponse(db, editor, created.id, {
			version: decided.version,
			file: { name: 'remissvar.pdf', mediaType: 'application/pdf', content }
		});
		const [file] = await db
			.select()
			.from(storedFile)
			.where(eq(storedFile.id, uploaded.responseFileId as number));
		expect(file.size).toBe(content.byteLength);

		const { consultation: sent } = await submitResponse(db, editor, created.id, {
			version: uploaded.version,
			submittedOn: todayIso(),
			submittedTo: 'Trafikverket',
			notifyRegistrars: true
		});
		expect(sent).toMatchObject({ status: 'answered', answerJointly: 'yes', submittedYear: Number(todayIso().slice(0, 4)) });

		const detail = await getConsultation(db, editor, created.id);
		expect(detail.notices.map((n) => n.stage)).toEqual(['coming', 'final']);
		expect(detail.notices[1].mails.map((m) => m.municipality).sort()).toEqual(munis.map((m) => m.name).sort());
		expect(detail.notices[1].mails.every((m) => m.status === 'pending')).toBe(true);

		const peer = await smtpPeer();
		const result = await deliverDue(db, smtpSender(peer.url, 'Samverka <noreply@samverka.local>'), 100);
		expect(result).toEqual({ sent: 2 * munis.length, failed: 0 });
		const finals = peer.messages.map(readMessage).filter((m) => m.subject.startsWith('Slutligt remissvar'));
		expect(finals).toHaveLength(munis.length);
		expect(finals[0].subject).toBe('Slutligt remissvar: Regional cykelplan, remissversion');
		expect(finals[0].text).toContain('Diarienummer: TRV 2026/123');
		expect(finals[0].attachments).toHaveLength(1);
		expect(finals[0].attachments[0]).toMatchObject({ filename: 'remissvar.pdf', contentType: 'application/pdf' });
		expect(finals[0].attachments[0].content.equals(Buffer.from(content))).toBe(true);
		expect(new Set(peer.messages.flatMap((m) => m.rcptTo))).toEqual(new Set(munis.map((m) => `registrator@${m.code}.kommun.test`)));

		const after = await getConsultation(db, editor, created.id);
		expect(after.notices.every((n) => n.mails.every((m) => m.status === 'sent' && m.sentAt))).toBe(true);
		const audit = await db
			.select({ action: auditLog.action })
			.from(auditLog)
			.where(and(eq(auditLog.entity, 'consultation'), eq(auditLog.entityId, String(created.id))));
		expect(audit.map((a) => a.action)).toEqual(
			expect.arrayContaining(['create', 'notify_registrars', 'update', 'upload_response', 'submit'])
		);
	});

	it('links the meetings that discussed it and a chair’s decision when the deadline comes first', async () => {
		const c = await createConsultation(db, editor, { title: 'Vägplan, granskning', issuerId: trafikverket, deadline: plusDays(10) });
		// the demo plans the committee's next meeting at least two weeks ahead: the deadline comes first, the chair decides
		const [planned] = (
			await db.execute<{ id: number; day: string }>(
				"select m.id, (m.starts_at at time zone 'Europe/Stockholm')::date::text as day from meeting m join meeting_body mb on mb.meeting_id = m.id join body b on b.id = mb.body_id where b.kind = 'committee' and m.status = 'planned' and m.starts_at > now()"
			)
		).rows;
		expect(planned.day >= plusDays(14)).toBe(true);
		expect(await deadlineBeforeNextMeeting(db, c as never, todayIso())).toEqual(
			expect.objectContaining({ nextMeetingId: planned.id, nextMeetingOn: planned.day })
		);
		expect(await deadlineBeforeNextMeeting(db, { status: 'answered', deadline: plusDays(10) }, todayIso())).toBeNull();
		const [ssk] = await db
			.execute<{ id: number; day: string }>(
				"select m.id, (m.starts_at at time zone 'Europe/Stockholm')::date::text as day from meeting m join meeting_body mb on mb.meeting_id = m.id join body b on b.id = mb.body_id where b.kind = 'committee' and m.status <> 'cancelled' order by m.starts_at limit 1"
			)
			.then((r) => r.rows);
		// the committee's first meeting comes before a deadline far ahead: no chair's decision needed
		expect(await deadlineBeforeNextMeeting(db, { status: 'drafting', deadline: '2100-01-01' }, ssk.day)).toBeNull();
		// a deadline the day before it: the chair decides, and the page names the meeting
		const dayBefore = new Date(Date.parse(`${ssk.day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
		expect(await deadlineBeforeNextMeeting(db, { status: 'drafting', deadline: dayBefore }, dayBefore)).toEqual(
			expect.objectContaining({ nextMeetingId: ssk.id, nextMeetingOn: ssk.day })
		);
		const [m] = (await db.execute<{ id: number }>('select id from meeting order by starts_at desc limit 1')).rows;
		await linkMeeting(db, editor, c.id, { meetingId: m.id, role: 'discussed', note: 'Föredrogs' });
		const d = await addChairDecision(db, editor, c.id, { decidedOn: todayIso(), title: 'Ordförandebeslut: svaret lämnas' });
		const detail = await getConsultation(db, member, c.id);
		expect(detail.meetings).toEqual([expect.objectContaining({ id: m.id, role: 'discussed', note: 'Föredrogs' })]);
		expect(detail.decisions).toEqual([expect.objectContaining({ id: d.id, decidedBy: 'chair' })]);
	});
});

describe('bad input is refused, naming the field, with nothing saved', () => {
	it('refuses a deadline before the received date', async () => {
		const before = await rowCounts();
		const errors = await refused(() =>
			createConsultation(db, editor, { title: 'Fel datum', receivedOn: '2026-03-10', deadline: '2026-03-01' })
		);
		expect(errors.deadline).toBe('Sista svarsdag kan inte vara före datumet då remissen kom in.');
		expect(await rowCounts()).toEqual(before);
	});

	it('refuses a submitted date without a response document', async () => {
		const before = await rowCounts();
		const errors = await refused(() =>
			createConsultation(db, editor, { title: 'Utan svar', submittedOn: '2026-03-01', status: 'answered' })
		);
		expect(errors.submittedOn).toMatch(/utan ett svarsdokument/);
		expect(await rowCounts()).toEqual(before);

		const c = await createConsultation(db, editor, { title: 'Svar saknas' });
		const mid = await rowCounts();
		const submitErrors = await refused(() => submitResponse(db, editor, c.id, { version: c.version, submittedOn: todayIso() }));
		expect(submitErrors.submittedOn).toMatch(/utan ett svarsdokument/);
		const final = await refused(() => notifyRegistrars(db, editor, c.id, { stage: 'final' }));
		expect(final.stage).toMatch(/inget svar att skicka/);
		expect(await rowCounts()).toEqual(mid);
		expect((await getConsultation(db, editor, c.id)).submittedOn).toBeNull();
	});

	it('refuses "not jointly" without a reason, and an unknown status', async () => {
		const before = await rowCounts();
		expect((await refused(() => createConsultation(db, editor, { title: 'X', answerJointly: 'no' }))).notJointReason).toBe(
			'Skriv varför samarbetet inte svarar gemensamt.'
		);
		expect((await refused(() => createConsultation(db, editor, { title: 'X', status: 'klar' }))).status).toBe(
			'Status: välj ett av alternativen.'
		);
		expect((await refused(() => createConsultation(db, editor, { title: '' }))).title).toBe('Titel måste fyllas i.');
		expect(await rowCounts()).toEqual(before);
	});

	it('refuses an empty upload and a member who is not an editor', async () => {
		const c = await createConsultation(db, editor, { title: 'Uppladdning' });
		const before = await rowCounts();
		const errors = await refused(() =>
			uploadResponse(db, editor, c.id, {
				version: c.version,
				file: { name: 'tom.pdf', mediaType: 'application/pdf', content: new Uint8Array() }
			})
		);
		expect(errors.file).toBe('Svarsdokument: välj en fil att ladda upp.');
		await expect(createConsultation(db, member, { title: 'Ledamot' })).rejects.toBeInstanceOf(ForbiddenError);
		expect(await rowCounts()).toEqual(before);
	});

	it('refuses a notice when no member municipality has a registrar address', async () => {
		const c = await createConsultation(db, editor, { title: 'Utan registratorer' });
		const saved = await db.select({ id: municipality.id, email: municipality.registrarEmail }).from(municipality);
		await db.update(municipality).set({ registrarEmail: null });
		try {
			const before = await rowCounts();
			const errors = await refused(() => notifyRegistrars(db, editor, c.id, { stage: 'coming' }));
			expect(errors.stage).toMatch(/registratorsadress/);
			expect(await rowCounts()).toEqual(before);
			const notices = await db.select().from(consultationNotice).where(eq(consultationNotice.consultationId, c.id));
			expect(notices).toEqual([]);
		} finally {
			for (const m of saved) await db.update(municipality).set({ registrarEmail: m.email }).where(eq(municipality.id, m.id));
		}
		expect(
			await db
				.select()
				.from(consultationNoticeMail)
				.where(inArray(consultationNoticeMail.noticeId, [-1]))
		).toEqual([]);
	});
});
