// The meetings module on a real database, over the demo data: the demo meeting
// of 20 November 2020 in full, planning and moving and cancelling, attendance
// and quorum, decisions, open matters offered at the next meeting, minutes
// adjusted once and versioned with a reason, and refusals that save nothing.
import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from './db.ts';
import { clearDemoAddresses, seatMembers } from './members.ts';
import type { Db } from '../../src/lib/server/db/client.ts';
import { actionItem, auditLog, body, decision, meeting, minutes, municipality, person } from '../../src/lib/server/db/schema/index.ts';
import { loadDemo } from '../../src/lib/server/demo/load.ts';
import {
	cancelMeeting,
	createMeeting,
	recordAttendance,
	requestExtraMeeting,
	updateMeeting
} from '../../src/lib/server/meetings/service.ts';
import { addActionItem, addAgendaItem, addDecision, noteOpenMatter, saveMinutesText } from '../../src/lib/server/meetings/agenda.ts';
import {
	approveMinutes,
	distributeMinutes,
	openNewMinutesVersion,
	setMinutesPeople
} from '../../src/lib/server/meetings/minutes-service.ts';
import { getMeeting, listMeetings, meetingsOfActivity, minutesSnapshot } from '../../src/lib/server/meetings/queries.ts';
import { listActionItems } from '../../src/lib/server/meetings/matters.ts';
import { bodyYear } from '../../src/lib/server/meetings/statistics.ts';
import { meetingDocument } from '../../src/lib/server/meetings/document.ts';
import { ValidationError } from '../../src/lib/server/errors.ts';
import { PUBLIC, type Actor } from '../../src/lib/server/actor.ts';
import { utcToStockholm } from '../../src/lib/core/meetings.ts';

const editor: Actor = { accountId: null, name: 'Kansliet', role: 'editor', personId: null };
const fields = (e: unknown) => (e as ValidationError).byField();

let db: Db;
const bodyIds = new Map<string, number>();
const personIds = new Map<string, number>();

async function meetingOn(date: string, bodyName: string) {
	const rows = await listMeetings(db, editor, { from: date, to: date, bodyId: bodyIds.get(bodyName) });
	expect(rows).toHaveLength(1);
	return rows[0];
}

async function audits() {
	const [{ n }] = await db.select({ n: count() }).from(auditLog);
	return n;
}

beforeAll(async () => {
	({ db } = await freshDb());
	await loadDemo(db);
	for (const b of await db.select().from(body)) bodyIds.set(b.shortName ?? b.name, b.id);
	for (const p of await db.select().from(person)) personIds.set(p.name, p.id);
	await clearDemoAddresses(db);
	// Today's committee and management group, for the meetings these tests hold from 2026 on.
	await seatMembers(
		db,
		bodyIds.get('Samarbetskommittén')!,
		['Daniel Dronjak', 'Boel Godner', 'Harry Bouveng', 'Fredrik Saweståhl', 'Patrik Isestad'],
		'2026'
	);
	await seatMembers(db, bodyIds.get('Ledningsgruppen')!, ['Leif Eriksson', 'Camilla Broo', 'Magnus Gyllestad'], '2026');
});

describe('the demo meetings', () => {
	it('holds the 2020 calendar with its cancelled meetings and the committee hosts', async () => {
		const lg = await listMeetings(db, editor, { bodyId: bodyIds.get('Ledningsgruppen'), from: '2020-01-01', to: '2020-12-31' });
		const ssk = await listMeetings(db, editor, { bodyId: bodyIds.get('Samarbetskommittén'), from: '2020-01-01', to: '2020-12-31' });
		expect(lg.map((m) => utcToStockholm(m.startsAt).date)).toEqual(
			expect.arrayContaining(['2020-01-24', '2020-03-13', '2020-05-08', '2020-08-14', '2020-09-10', '2020-10-09', '2020-11-20'])
		);
		expect(lg.find((m) => utcToStockholm(m.startsAt).date === '2020-01-24')!.status).toBe('cancelled');
		expect(ssk.find((m) => utcToStockholm(m.startsAt).date === '2020-02-06')!.status).toBe('cancelled');
		expect(ssk.filter((m) => m.kind === 'ordinary' && m.status === 'held')).toHaveLength(5);
		const april = ssk.find((m) => utcToStockholm(m.startsAt).date === '2020-04-02')!;
		expect(april.hostMunicipalityName).toBe('Salem');
		expect(utcToStockholm(april.startsAt).time).toBe('12:00');
		const conference = lg.find((m) => m.kind === 'planning_conference')!;
		expect(utcToStockholm(conference.endsAt!).date).toBe('2020-09-11');
	});

	it('holds the management group meeting of 20 November 2020 complete', async () => {
		const row = await meetingOn('2020-11-20', 'Ledningsgruppen');
		const m = await getMeeting(db, editor, row.id);
		expect(m.bodies.map((b) => b.shortName)).toEqual(expect.arrayContaining(['Ledningsgruppen', 'SNUG']));
		expect(m.attendance).toHaveLength(19);
		expect(m.attendance.filter((a) => a.status === 'absent').map((a) => a.name)).toEqual(
			expect.arrayContaining(['Carolina Pettersson', 'Rebecka Grunditz', 'Jonas Karlsson', 'Gunilla Berg'])
		);
		expect(m.attendance.find((a) => a.name === 'Gustav Fridlund')!.onlyItems).toEqual([2]);
		expect(m.items.map((i) => i.title)).toEqual([
			'Välkommen',
			'Näringslivscheferna gästar',
			'Uppdatering av läget kring Covid-19',
			'Föregående möten',
			'Kommande möten',
			'Verksamhetsplan och budget'
		]);
		expect(m.items[4].decisions.map((d) => d.title).join(' ')).toContain('planeringskonferens digitalt den 14 januari');
		// Item 4 lists the open matters of the management group of 9 October and the committee of 29 October.
		expect(m.openMatters.length).toBe(6);
		expect(m.openMatters.filter((o) => o.note === 'Pågår' || o.note === 'Pågår.').length).toBeGreaterThanOrEqual(2);
		expect(m.locked).toBe(true);
		expect(m.minutes!.adjusterName).toBe('Helene Olofsson');
		expect(m.items[5].activities.length).toBeGreaterThan(0);
		// The thread runs both ways: the activity knows the meeting that discussed it.
		const discussed = await meetingsOfActivity(db, editor, m.items[5].activities[0].id);
		expect(discussed.map((d) => d.meetingId)).toContain(row.id);
	});

	it('shows the public only the adjusted minutes, frozen', async () => {
		const row = await meetingOn('2020-11-20', 'Ledningsgruppen');
		const doc = await meetingDocument(db, PUBLIC, row.id, 'minutes');
		expect(doc!.title).toBe('Minnesanteckningar från möte med Södertörnskommunernas ledningsgrupp och Nätverket för näringslivschefer');
		expect(doc!.when).toBe('Fredagen den 20 november 2020 kl 8.30–11.00');
		expect(doc!.signatures.map((s) => s.name)).toEqual(['Anna Söderström', 'Helene Olofsson']);
		expect(doc!.present.find((p) => p.name === 'Pia Forsberg')!.note).toBe('endast punkt 2');
	});

	it('computes a body year: meetings by format, attendance rate', async () => {
		const y = await bodyYear(db, editor, bodyIds.get('Samarbetskommittén')!, 2020);
		expect(y.formats.digital).toBe(5);
		expect(y.formats.physical).toBe(1);
		expect(y.cancelled).toBe(1);
		const lg = await bodyYear(db, editor, bodyIds.get('Ledningsgruppen')!, 2020);
		// 20 November: of the members (non-guests), eight present and one absent.
		expect(lg.attendanceRate).toBeCloseTo(9 / 10, 5);
	});
});

describe('a meeting from plan to distributed minutes', () => {
	let meetingId: number;
	let nextId: number;
	let itemId: number;
	const lgMember = () => personIds.get('Leif Eriksson')!;

	it('plans a meeting and refuses an end before the start, saving nothing', async () => {
		const before = await audits();
		const bad = await createMeeting(db, editor, {
			bodyIds: [bodyIds.get('Ledningsgruppen')],
			kind: 'ordinary',
			date: '2026-12-04',
			start: '11:00',
			end: '08:30'
		}).catch((e) => e);
		expect(fields(bad).end).toBe('Sluttid: mötet kan inte sluta innan det börjar.');
		expect(await audits()).toBe(before);
		const made = await createMeeting(db, editor, {
			bodyIds: [bodyIds.get('Ledningsgruppen')],
			kind: 'ordinary',
			date: '2026-12-04',
			start: '08:30',
			end: '11:00',
			place: 'Huddinge',
			format: 'hybrid'
		});
		meetingId = made.id;
		expect(utcToStockholm(made.startsAt)).toEqual({ date: '2026-12-04', time: '08:30' });
		expect(await audits()).toBe(before + 1);
	});

	it('moves a meeting and keeps where it was first planned', async () => {
		const m = await getMeeting(db, editor, meetingId);
		const moved = await updateMeeting(db, editor, meetingId, {
			version: m.version,
			bodyIds: [bodyIds.get('Ledningsgruppen')],
			kind: 'ordinary',
			date: '2026-12-11',
			start: '08:30',
			end: '11:00',
			place: 'Huddinge',
			format: 'hybrid'
		});
		expect(utcToStockholm(moved.movedFrom as Date).date).toBe('2026-12-04');
		const later = await createMeeting(db, editor, {
			bodyIds: [bodyIds.get('Ledningsgruppen')],
			kind: 'ordinary',
			date: '2027-01-22',
			start: '08:30',
			end: '11:00'
		});
		nextId = later.id;
	});

	it('brings the standing items of the body’s latest meeting to a new one', async () => {
		const sskId = bodyIds.get('Samarbetskommittén')!;
		const first = await createMeeting(db, editor, { bodyIds: [sskId], kind: 'ordinary', date: '2031-03-06', start: '12:00', end: '15:30' });
		await addAgendaItem(db, editor, first.id, { title: 'Föregående möten', kind: 'previous_meetings', standing: 'on' });
		await addAgendaItem(db, editor, first.id, { title: 'Remiss om länsplanen' });
		const second = await createMeeting(db, editor, {
			bodyIds: [sskId],
			kind: 'ordinary',
			date: '2031-04-03',
			start: '12:00',
			end: '15:30'
		});
		const m = await getMeeting(db, editor, second.id);
		expect(m.items.map((i) => [i.number, i.title, i.kind, i.standing])).toEqual([[1, 'Föregående möten', 'previous_meetings', true]]);
	});

	it('records attendance: a non-member only as an invited guest', async () => {
		const before = await audits();
		const stranger = personIds.get('Lena Erixon')!;
		const refused = await recordAttendance(db, editor, meetingId, { personId: stranger, status: 'present' }).catch((e) => e);
		expect(fields(refused).personId).toContain('är inte ledamot');
		expect(await audits()).toBe(before);
		await recordAttendance(db, editor, meetingId, { personId: stranger, status: 'present', guest: 'on' });
		await recordAttendance(db, editor, meetingId, { personId: lgMember(), status: 'present' });
		const m = await getMeeting(db, editor, meetingId);
		expect(m.attendance.map((a) => a.name)).toEqual(['Lena Erixon', 'Leif Eriksson']);
	});

	it('records a decision and an action item under an item', async () => {
		const item = await addAgendaItem(db, editor, meetingId, { title: 'Transportinfrastrukturplaneringen', presenter: 'Helene Olofsson' });
		itemId = item.id;
		await saveMinutesText(db, editor, itemId, { version: item.version, minutesText: 'Läget redovisas.' });
		const d = await addDecision(db, editor, itemId, { title: 'Att godkänna redovisningen', chairDecision: 'on' });
		expect(d.decidedBy).toBe('chair');
		await addActionItem(db, editor, itemId, { text: 'Sammanställ underlag', responsiblePersonId: String(lgMember()), dueOn: '2027-01-15' });
		const open = await listActionItems(db, editor, { open: true });
		expect(open.some((a) => a.text === 'Sammanställ underlag')).toBe(true);
	});

	it('offers the open matter at the next meeting of the body and closes it there', async () => {
		const next = await getMeeting(db, editor, nextId);
		const matter = next.openMatters.find((o) => o.text === 'Sammanställ underlag')!;
		expect(matter).toBeTruthy();
		// The committee's open matters come up at the management group, which prepares its meetings.
		expect(next.openMatters.some((o) => o.raisedBodies.some((b) => b.shortName === 'Samarbetskommittén'))).toBe(true);
		await noteOpenMatter(db, editor, nextId, { actionItemId: matter.id, note: 'Klart, utskickat.', close: 'on' });
		const [row] = await db.select().from(actionItem).where(eq(actionItem.id, matter.id));
		expect(row.closedAtMeetingId).toBe(nextId);
		expect((await listActionItems(db, editor, { open: true })).some((a) => a.id === matter.id)).toBe(false);
	});

	it('adjusts the minutes once, locks them, and versions a later change with its reason', async () => {
		await setMinutesPeople(db, editor, meetingId, { secretaryPersonId: personIds.get('Anna Söderström'), adjusterPersonId: lgMember() });
		await approveMinutes(db, editor, meetingId, 'secretary');
		const adjuster: Actor = { accountId: null, name: 'Leif Eriksson', role: 'member', personId: lgMember() };
		await approveMinutes(db, adjuster, meetingId, 'adjuster');
		const m = await getMeeting(db, editor, meetingId);
		expect(m.locked).toBe(true);
		expect(m.status).toBe('held');

		const before = await audits();
		const twice = await approveMinutes(db, adjuster, meetingId, 'adjuster').catch((e) => e);
		expect(fields(twice)._).toContain('redan justerade');
		const item = m.items[0];
		const locked = await saveMinutesText(db, editor, item.id, { version: item.version, minutesText: 'Ändrat i efterhand.' }).catch(
			(e) => e
		);
		expect(fields(locked)._).toContain('låsta');
		const noReason = await openNewMinutesVersion(db, editor, meetingId, { reason: '' }).catch((e) => e);
		expect(fields(noReason).reason).toBe('Anledning till ändringen måste fyllas i.');
		expect(await audits()).toBe(before);

		await openNewMinutesVersion(db, editor, meetingId, { reason: 'Stavfel i punkt 1' });
		await saveMinutesText(db, editor, item.id, { version: item.version, minutesText: 'Läget redovisas utförligt.' });
		await approveMinutes(db, editor, meetingId, 'secretary');
		await approveMinutes(db, editor, meetingId, 'adjuster');
		const v1 = await minutesSnapshot(db, editor, meetingId, 1);
		const v2 = await minutesSnapshot(db, editor, meetingId, 2);
		expect((v1.snapshot as { items: { text: string }[] }).items[0].text).toBe('Läget redovisas.');
		expect((v2.snapshot as { items: { text: string }[] }).items[0].text).toBe('Läget redovisas utförligt.');
		expect((v2.snapshot as { versionNote: string }).versionNote).toContain('Stavfel i punkt 1');
	});

	it('distributes the adjusted minutes to every municipality with a registrar address, once', async () => {
		const none = await distributeMinutes(db, editor, meetingId).catch((e) => e);
		expect(fields(none)._).toContain('registratorsadress');
		await db.update(municipality).set({ registrarEmail: 'registrator@botkyrka.example' }).where(eq(municipality.code, '0127'));
		const result = await distributeMinutes(db, editor, meetingId);
		expect(result.sentTo).toEqual(['Botkyrka']);
		expect(result.missing).toHaveLength(7);
		const twice = await distributeMinutes(db, editor, meetingId).catch((e) => e);
		expect(fields(twice)._).toContain('redan delgiven');
		const [row] = await db
			.select()
			.from(minutes)
			.where(and(eq(minutes.meetingId, meetingId), eq(minutes.version, 2)));
		expect(row.status).toBe('distributed');
	});

	it('refuses a decision on an item of a cancelled meeting, saving nothing', async () => {
		const m = await createMeeting(db, editor, {
			bodyIds: [bodyIds.get('Samarbetskommittén')],
			kind: 'ordinary',
			date: '2027-02-04',
			start: '12:00',
			end: '15:30'
		});
		const item = await addAgendaItem(db, editor, m.id, { title: 'Verksamhetsplan 2027' });
		await cancelMeeting(db, editor, m.id, { version: m.version, statusNote: 'Inga ärenden' });
		const [{ n: decisionsBefore }] = await db.select({ n: count() }).from(decision);
		const refused = await addDecision(db, editor, item.id, { title: 'Att anta planen' }).catch((e) => e);
		expect(fields(refused).title).toContain('inställt');
		const [{ n: decisionsAfter }] = await db.select({ n: count() }).from(decision);
		expect(decisionsAfter).toBe(decisionsBefore);
		const [row] = await db.select().from(meeting).where(eq(meeting.id, m.id));
		expect(row.status).toBe('cancelled');
	});

	it('counts requests for an extra meeting until five members ask', async () => {
		const sskId = bodyIds.get('Samarbetskommittén')!;
		const chairs = ['Daniel Dronjak', 'Boel Godner', 'Harry Bouveng', 'Fredrik Saweståhl', 'Patrik Isestad'];
		for (const [i, name] of chairs.entries()) {
			await requestExtraMeeting(db, editor, sskId, {
				personId: personIds.get(name),
				requestedOn: '2026-11-20',
				subject: 'Remiss om nationell plan'
			});
			const y = await bodyYear(db, editor, sskId, 2026);
			expect(y.extraMeetingDue).toBe(i === 4);
		}
		const again = await requestExtraMeeting(db, editor, sskId, {
			personId: personIds.get('Boel Godner'),
			requestedOn: '2026-11-21',
			subject: 'Igen'
		}).catch((e) => e);
		expect(fields(again).personId).toContain('redan en öppen begäran');
		await createMeeting(db, editor, { bodyIds: [sskId], kind: 'extra', date: '2026-12-03', start: '12:00', end: '13:00' });
		expect((await bodyYear(db, editor, sskId, 2026)).extraRequests).toHaveLength(0);
	});

	it('hides network meetings from the public and shows committee meetings', async () => {
		const publicRows = await listMeetings(db, PUBLIC, { from: '2020-01-01', to: '2020-12-31' });
		expect(publicRows.length).toBeGreaterThan(10);
		expect(publicRows.every((m) => m.bodies.some((b) => b.shortName === 'Samarbetskommittén' || b.shortName === 'Ledningsgruppen'))).toBe(
			true
		);
		const all = await listMeetings(db, editor, { from: '2020-01-01', to: '2020-12-31' });
		expect(all.length).toBeGreaterThan(publicRows.length);
	});
});
