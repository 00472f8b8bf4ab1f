// Meetings on the days the clocks change, on a real database through the
// service the form and the API both call: a time the spring change skips is
// refused with a message naming the field and the gap, and nothing is saved
// (no meeting, no audit row, a move leaves the meeting where it was); a time the
// autumn change repeats is stored as the earlier instant and shown as such.
import { count, desc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from './db.ts';
import type { Db } from '../../src/lib/server/db/client.ts';
import { auditLog, body, meeting } from '../../src/lib/server/db/schema/index.ts';
import { createMeeting, updateMeeting } from '../../src/lib/server/meetings/service.ts';
import { getMeeting } from '../../src/lib/server/meetings/queries.ts';
import { meetingDocument } from '../../src/lib/server/meetings/document.ts';
import { ValidationError } from '../../src/lib/server/errors.ts';
import type { Actor } from '../../src/lib/server/actor.ts';
import { meetingInputOf, utcToStockholm } from '../../src/lib/core/meetings.ts';

const editor: Actor = { accountId: null, name: 'Kansliet', role: 'editor', personId: null };
const GAP_START =
	'Starttid: 02:30 finns inte den 28 mars 2027 – klockan ställs fram från 02:00 till 03:00 när sommartiden börjar. Välj en tid före 02:00 eller från 03:00.';

let db: Db;
let bodyId: number;

const counts = async () => {
	const [{ meetings }] = await db.select({ meetings: count() }).from(meeting);
	const [{ audits }] = await db.select({ audits: count() }).from(auditLog);
	return { meetings, audits };
};
const refusal = async (p: Promise<unknown>) => {
	const e = await p.then(
		() => null,
		(x: unknown) => x
	);
	expect(e).toBeInstanceOf(ValidationError);
	return (e as ValidationError).byField();
};

beforeAll(async () => {
	({ db } = await freshDb());
	[{ id: bodyId }] = await db.insert(body).values({ kind: 'management_group', name: 'Ledningsgruppen' }).returning({ id: body.id });
});

describe('a meeting on the days the clocks change', () => {
	it('refuses 02:30–03:30 on 28 March 2027 naming Starttid and the gap, and saves nothing', async () => {
		const before = await counts();
		const errors = await refusal(
			createMeeting(db, editor, { bodyIds: [bodyId], kind: 'ordinary', date: '2027-03-28', start: '02:30', end: '03:30' })
		);
		expect(errors).toEqual({ start: GAP_START });
		expect(await counts()).toEqual(before);
	});

	it('refuses an end in the gap naming Sluttid, also on a later end date', async () => {
		const before = await counts();
		const errors = await refusal(
			createMeeting(db, editor, {
				bodyIds: [bodyId],
				kind: 'ordinary',
				date: '2027-03-27',
				start: '20:00',
				endDate: '2027-03-28',
				end: '02:15'
			})
		);
		expect(Object.keys(errors)).toEqual(['end']);
		expect(errors.end).toMatch(/^Sluttid: 02:15 finns inte den 28 mars 2027 – klockan ställs fram från 02:00 till 03:00/);
		expect(await counts()).toEqual(before);
	});

	it('accepts a meeting across the spring change, one hour long, and refuses a move into the gap, leaving it where it was', async () => {
		const made = await createMeeting(db, editor, { bodyIds: [bodyId], kind: 'ordinary', date: '2027-03-28', start: '01:30', end: '03:30' });
		expect(made.startsAt.toISOString()).toBe('2027-03-28T00:30:00.000Z');
		expect(made.endsAt!.toISOString()).toBe('2027-03-28T01:30:00.000Z');
		const before = await counts();
		const errors = await refusal(
			updateMeeting(db, editor, made.id, {
				version: made.version,
				bodyIds: [bodyId],
				kind: 'ordinary',
				date: '2027-03-28',
				start: '02:00',
				end: '04:00'
			})
		);
		expect(errors.start).toMatch(/^Starttid: 02:00 finns inte den 28 mars 2027/);
		expect(await counts()).toEqual(before);
		const [stored] = await db.select().from(meeting).where(eq(meeting.id, made.id));
		expect(stored.startsAt.toISOString()).toBe('2027-03-28T00:30:00.000Z');
		expect(stored.version).toBe(made.version);
		expect(stored.movedFrom).toBeNull();
	});

	it('stores a repeated autumn time as the earlier instant (summer time) and shows and edits it as such', async () => {
		const made = await createMeeting(db, editor, { bodyIds: [bodyId], kind: 'ordinary', date: '2027-10-31', start: '02:30', end: '03:30' });
		// 02:30 summer time (+02:00) to 03:30 winter time (+01:00): two hours.
		expect(made.startsAt.toISOString()).toBe('2027-10-31T00:30:00.000Z');
		expect(made.endsAt!.toISOString()).toBe('2027-10-31T02:30:00.000Z');
		const m = await getMeeting(db, editor, made.id);
		// The form shows what was typed, and saving it again changes nothing: not a move.
		const input = meetingInputOf(m as unknown as Parameters<typeof meetingInputOf>[0]);
		expect(input).toMatchObject({ date: '2027-10-31', start: '02:30', end: '03:30', endDate: null });
		await updateMeeting(db, editor, made.id, { ...input, version: m.version });
		const [again] = await db.select().from(meeting).where(eq(meeting.id, made.id));
		expect(again.startsAt.toISOString()).toBe('2027-10-31T00:30:00.000Z');
		expect(again.movedFrom).toBeNull();
		const [last] = await db.select({ action: auditLog.action }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
		expect(last.action).toBe('update');
		// The notice says which 02:30 it is.
		const doc = await meetingDocument(db, editor, made.id, 'notice');
		expect(doc!.when).toBe('Söndagen den 31 oktober 2027 kl 2.30 (sommartid)–3.30');
		expect(utcToStockholm(again.endsAt!)).toEqual({ date: '2027-10-31', time: '03:30' });
	});
});
