// "Min översikt": a network member's start page shows exactly the follow-ups
// their network (or they themselves) answer for in this year's plan, and none of
// another network's, of a role held only in another year, or of a role whose
// period is not known; read in one round trip.
import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from './db.ts';
import type { Db } from '../../src/lib/server/db/client.ts';
import {
	actionItem,
	activity,
	activityResponsible,
	body,
	consultation,
	consultationDrafter,
	meeting,
	meetingBody,
	membership,
	minutes,
	outbox,
	person,
	plan,
	planArea,
	task
} from '../../src/lib/server/db/schema/index.ts';
import { loadDemo } from '../../src/lib/server/demo/load.ts';
import { createAccount } from '../../src/lib/server/auth/accounts.ts';
import { actorOfAccount } from '../../src/lib/server/auth/sessions.ts';
import { generateTasks } from '../../src/lib/server/governance/cycle.ts';
import { addFollowUp } from '../../src/lib/server/planning/service.ts';
import { canFollowUp } from '../../src/lib/server/planning/queries.ts';
import { personalOverview } from '../../src/lib/server/overview/queries.ts';
import { countingRoundTrips, installRoundTripCounter } from '../../src/lib/server/db/round-trips.ts';
import { addDays } from '../../src/lib/core/governance.ts';
import { stockholmToUtc } from '../../src/lib/core/meetings.ts';
import { todayIso } from '../../src/lib/core/format.ts';
import type { Actor } from '../../src/lib/server/actor.ts';

const admin: Actor = { accountId: null, name: 'Administratören', role: 'admin', personId: null };

let db: Db;
const today = todayIso();
const year = Number(today.slice(0, 4));
let networks: { id: number; name: string; shortName: string | null }[];
let people: { id: number; name: string }[];
const ids: Record<string, number> = {};
let annaActor: Actor;

/** A member's account, linked to a person, as the administrator creates it; the actor as a session would give it. */
async function memberOf(p: { id: number; name: string }, email: string): Promise<Actor> {
	const row = await createAccount(db, admin, { email, name: p.name, role: 'member', personId: p.id, password: 'ett-langt-losenord-123' });
	const actor = await actorOfAccount(db, row.id);
	if (!actor) throw new Error('no actor');
	return actor;
}

async function addActivity(key: string, planId: number, areaId: number, responsible: { bodyId?: number; personId?: number }, more = {}) {
	const [a] = await db
		.insert(activity)
		.values({ planId, planAreaId: areaId, title: `Aktivitet ${key}`, timing: 'mars', status: 'ongoing', ...more })
		.returning();
	await db.insert(activityResponsible).values({ activityId: a.id, ...responsible });
	ids[key] = a.id;
}

beforeAll(async () => {
	({ db } = await freshDb());
	await loadDemo(db);
	networks = await db
		.select({ id: body.id, name: body.name, shortName: body.shortName })
		.from(body)
		.where(eq(body.kind, 'network'))
		.limit(4);
	// People of their own: whatever roles the demo gives its people this year, these two hold only the test's.
	people = await db
		.insert(person)
		.values([{ name: 'Anna Nätverksson' }, { name: 'Bo Nätverksson' }])
		.returning({ id: person.id, name: person.name });
	const [n1, n2, n3, n4] = networks;
	const [anna, bo] = people;
	// Anna: a role in n1 this year; one in n3 whose period is not known; one in n4 that ended in 2021.
	await db.insert(membership).values([
		{ personId: anna.id, bodyId: n1.id, role: 'member', validFrom: String(year) },
		{ personId: anna.id, bodyId: n3.id, role: 'member' },
		{ personId: anna.id, bodyId: n4.id, role: 'member', validFrom: '2020', validTo: '2021' },
		{ personId: bo.id, bodyId: n2.id, role: 'member', validFrom: `${year - 1}` }
	]);

	// This year's plan: the demo's, should it hold one, else a new one.
	const [p] = (await db.select().from(plan).where(eq(plan.year, year))).concat(
		await db
			.insert(plan)
			.values({ year, title: `Verksamhetsplan ${year}` })
			.onConflictDoNothing()
			.returning()
	);
	const [area] = await db.insert(planArea).values({ planId: p.id, name: 'Verksamhetsfrågor' }).returning();
	const [last] = await db
		.insert(plan)
		.values({ year: year - 1, title: `Verksamhetsplan ${year - 1}` })
		.onConflictDoNothing()
		.returning();
	const [lastArea] = last ? await db.insert(planArea).values({ planId: last.id, name: 'Verksamhetsfrågor' }).returning() : [];

	await addActivity('n1-spring', p.id, area.id, { bodyId: n1.id }, { timing: 'Vår' });
	await addActivity('n1-ongoing', p.id, area.id, { bodyId: n1.id }, { timing: 'Löpande' });
	await addActivity('n1-done', p.id, area.id, { bodyId: n1.id }, { status: 'done' });
	await addActivity('n1-cancelled', p.id, area.id, { bodyId: n1.id }, { status: 'cancelled' });
	await addActivity('anna-herself', p.id, area.id, { personId: anna.id }, { timing: 'mars' });
	await addActivity('n2', p.id, area.id, { bodyId: n2.id });
	await addActivity('n3-undated-role', p.id, area.id, { bodyId: n3.id });
	await addActivity('n4-old-role', p.id, area.id, { bodyId: n4.id });
	if (last) await addActivity('n1-last-year', last.id, lastArea.id, { bodyId: n1.id });
}, 120_000);

describe('Min översikt', () => {
	it('shows a network member exactly their network’s and their own open follow-ups of this year, in the order they are due', async () => {
		const anna = (annaActor = await memberOf(people[0], 'anna@exempel.invalid'));
		expect(anna).toMatchObject({ role: 'member', personId: people[0].id });
		const o = await personalOverview(db, anna, today);
		expect(o.followUps.map((a) => a.id)).toEqual([ids['anna-herself'], ids['n1-spring'], ids['n1-ongoing']]);
		const spring = o.followUps.find((a) => a.id === ids['n1-spring'])!;
		expect(spring.dueOn).toBe(`${year}-06-30`);
		expect(spring.late).toBe(today > `${year}-06-30`);
		expect(spring.bodies).toEqual([networks[0].shortName ?? networks[0].name]);
		expect(o.followUps.find((a) => a.id === ids['n1-ongoing'])).toMatchObject({ dueOn: null, timing: 'Löpande', late: false });
		expect(o.followUps.find((a) => a.id === ids['anna-herself'])!.bodies).toEqual([]);
		// Only the body of this year: not the role without a period, not the one that ended in 2021.
		expect(o.bodies.map((b) => b.id)).toEqual([networks[0].id]);
		// Whatever the page offers, the service lets her follow up; and the rest it would refuse.
		for (const a of o.followUps) expect(await canFollowUp(db, anna, a.id, today)).toBe(true);
		for (const key of ['n2', 'n3-undated-role', 'n4-old-role']) expect(await canFollowUp(db, anna, ids[key], today)).toBe(false);
	});

	it('shows the other network’s member only theirs, and the date of a follow-up once it is recorded', async () => {
		const bo = await memberOf(people[1], 'bo@exempel.invalid');
		expect((await personalOverview(db, bo, today)).followUps.map((a) => a.id)).toEqual([ids['n2']]);
		await addFollowUp(db, bo, ids['n2'], { date: today, text: 'Nätverket har träffats och planerat hösten.' });
		const after = await personalOverview(db, bo, today);
		expect(after.followUps).toHaveLength(1);
		expect(after.followUps[0].lastFollowUp).toBe(today);
	});

	it('is one round trip', async () => {
		installRoundTripCounter();
		const r = await countingRoundTrips(() => personalOverview(db, annaActor, today));
		expect(r.roundTrips).toBe(1);
		const secretariat = await countingRoundTrips(() => personalOverview(db, admin, today));
		expect(secretariat.roundTrips).toBe(1);
	});

	it('lists the coming meetings of the member’s bodies, the minutes waiting for their approval and the remisser due within 30 days', async () => {
		const [n1, n2] = networks;
		const [anna] = people;
		const actor = annaActor;
		const at = (days: number, time = '10:00') => stockholmToUtc(addDays(today, days), time);
		const [mine] = await db
			.insert(meeting)
			.values({ kind: 'ordinary', startsAt: at(7), endsAt: at(7, '12:00') })
			.returning();
		const [other] = await db
			.insert(meeting)
			.values({ kind: 'ordinary', startsAt: at(8), endsAt: at(8, '12:00') })
			.returning();
		const [held] = await db
			.insert(meeting)
			.values({ kind: 'ordinary', startsAt: at(-7), endsAt: at(-7, '12:00'), status: 'held' })
			.returning();
		await db.insert(meetingBody).values([
			{ meetingId: mine.id, bodyId: n1.id },
			{ meetingId: other.id, bodyId: n2.id },
			{ meetingId: held.id, bodyId: n1.id }
		]);
		await db.insert(minutes).values({ meetingId: held.id, version: 1, adjusterPersonId: anna.id, secretaryPersonId: people[1].id });
		const [soon] = await db
			.insert(consultation)
			.values({ title: 'Remiss med snar svarsdag', deadline: addDays(today, 20), status: 'drafting' })
			.returning();
		const [late] = await db
			.insert(consultation)
			.values({ title: 'Remiss långt fram', deadline: addDays(today, 45), status: 'drafting' })
			.returning();
		const [group] = await db
			.insert(consultation)
			.values({ title: 'Nätverkets remiss', deadline: addDays(today, 3), workingGroupId: n1.id })
			.returning();
		await db.insert(consultationDrafter).values([
			{ consultationId: soon.id, personId: anna.id },
			{ consultationId: late.id, personId: anna.id }
		]);

		const o = await personalOverview(db, actor, today);
		expect(o.meetings.map((m) => m.id)).toEqual([mine.id]);
		expect(o.meetings[0].noticeSentAt).toBeNull();
		expect(o.minutes).toEqual([{ meetingId: held.id, title: n1.name, startsAt: expect.any(String), as: ['adjuster'] }]);
		expect(o.consultations.map((c) => [c.id, c.drafter, c.body])).toEqual([
			[group.id, false, n1.shortName ?? n1.name],
			[soon.id, true, null]
		]);
		// Once she has approved, the minutes leave her page.
		await db
			.update(minutes)
			.set({ adjusterApprovedAt: new Date() })
			.where(and(eq(minutes.meetingId, held.id), eq(minutes.version, 1)));
		expect((await personalOverview(db, actor, today)).minutes).toEqual([]);
	});

	it('lists the open action items assigned to the member by name or to a body of theirs as a whole, the late marked', async () => {
		const [n1, n2] = networks;
		const [anna, bo] = people;
		const at = (days: number, time: string) => stockholmToUtc(addDays(today, days), time);
		const meetingOf = async (bodyId: number) => {
			const [m] = await db
				.insert(meeting)
				.values({ kind: 'ordinary', startsAt: at(-30, '10:00'), endsAt: at(-30, '12:00'), status: 'held' })
				.returning();
			await db.insert(meetingBody).values({ meetingId: m.id, bodyId });
			return m.id;
		};
		const ofN1 = await meetingOf(n1.id);
		const ofN2 = await meetingOf(n2.id);
		const item = async (meetingId: number, text: string, more: Partial<typeof actionItem.$inferInsert> = {}) =>
			(
				await db
					.insert(actionItem)
					.values({ meetingId, text, ...more })
					.returning()
			)[0].id;
		const hers = await item(ofN2, 'Anna tar fram underlag', { responsiblePersonId: anna.id, dueOn: addDays(today, -1) });
		const network = await item(ofN1, 'Nätverket svarar', { dueOn: addDays(today, 10) });
		const byName = await item(ofN1, 'Nätverket bjuder in', { responsibleText: n1.name });
		await item(ofN1, 'Bo ringer', { responsiblePersonId: bo.id });
		await item(ofN1, 'Kansliet skriver', { responsibleText: 'Kansliet' });
		await item(ofN2, 'Det andra nätverket svarar');
		await item(ofN1, 'Redan gjort', { responsiblePersonId: anna.id, closedOn: today });
		const o = await personalOverview(db, annaActor, today);
		expect(o.actionItems.map((i) => [i.id, i.personal, i.late])).toEqual([
			[hers, true, true],
			[network, false, false],
			[byName, false, false]
		]);
	});

	it('gives the secretariat the unsent mail and the year’s duties, and an account without a person nothing of anyone’s', async () => {
		const o = await personalOverview(db, admin, today);
		expect(o.person).toBeNull();
		expect(o.bodies).toEqual([]);
		expect(o.followUps).toEqual([]);
		expect(o.meetings).toEqual([]);
		const waiting = (
			await db
				.select({ id: outbox.id })
				.from(outbox)
				.where(inArray(outbox.status, ['pending', 'failed']))
		).length;
		expect(o.mail?.total).toBe(waiting);
		const [mail] = await db
			.insert(outbox)
			.values({
				kind: 'notice',
				recipient: 'helene.olofsson@exempel.invalid',
				recipientName: 'Helene Olofsson',
				subject: 'Kallelse',
				body: 'Välkommen.'
			})
			.returning();
		const withMail = (await personalOverview(db, admin, today)).mail!;
		expect(withMail.total).toBe(waiting + 1);
		expect(withMail.items.map((m) => m.id)).toContain(mail.id);
		await db.update(outbox).set({ status: 'sent', sentAt: new Date() }).where(eq(outbox.id, mail.id));
		expect((await personalOverview(db, admin, today)).mail!.items.map((m) => m.id)).not.toContain(mail.id);

		await generateTasks(db, [year]);
		const tasks = await db
			.select({ id: task.id })
			.from(task)
			.where(and(eq(task.kind, 'duty'), eq(task.year, year)));
		expect(tasks.length).toBeGreaterThan(0);
		expect((await personalOverview(db, admin, today)).duties).toMatchObject({ total: tasks.length });
		const member = await personalOverview(db, { accountId: 1, name: 'Medlem', role: 'member', personId: null }, today);
		expect(member.mail).toBeNull();
		expect(member.duties).toBeNull();
	});
});
