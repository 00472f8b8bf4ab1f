// The planning services on a real database: placement rules, follow-up rights
// and dates, adoption, carrying over, removal of sub-goals, and the overview.
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from './db.ts';
import type { Db } from '../../src/lib/server/db/client.ts';
import { activity, auditLog, followUp, plan } from '../../src/lib/server/db/schema/index.ts';
import { createEntry } from '../../src/lib/server/register.ts';
import { bodies, memberships, persons } from '../../src/lib/server/organisation/registers.ts';
import {
	addFollowUp,
	adoptPlan,
	createActivity,
	createPlan,
	planAreas,
	startNextPlan,
	updateActivity
} from '../../src/lib/server/planning/service.ts';
import { createFocusArea, createSubGoal, programmes, removeSubGoal } from '../../src/lib/server/planning/goals.ts';
import { canFollowUp, getActivity, listActivities, planOverview } from '../../src/lib/server/planning/queries.ts';
import { ForbiddenError, UnauthenticatedError, ValidationError } from '../../src/lib/server/errors.ts';
import { PUBLIC, type Actor } from '../../src/lib/server/actor.ts';

const editor: Actor = { accountId: null, name: 'Kansliet', role: 'editor', personId: null };

let db: Db;
let networkId: number;
let otherNetworkId: number;
let memberActor: Actor;
let programmeId: number;
let focusAreaId: number;
let goalA: number;
let goalB: number;
let plan2020: { id: number; version: number };
let ownActivity: number;
let otherActivity: number;

const fields = (e: unknown) => (e as ValidationError).byField();

beforeAll(async () => {
	({ db } = await freshDb());
	networkId = (await createEntry(db, editor, bodies, { kind: 'network', name: 'Klimatnätverket' })).id;
	otherNetworkId = (await createEntry(db, editor, bodies, { kind: 'network', name: 'SUP-gruppen' })).id;
	const personId = (await createEntry(db, editor, persons, { name: 'Klara Klimat' })).id;
	await createEntry(db, editor, memberships, { personId, bodyId: networkId, role: 'member', validFrom: '2019-01-01' });
	memberActor = { accountId: null, name: 'Klara Klimat', role: 'member', personId };

	programmeId = (await createEntry(db, editor, programmes, { name: 'Utvecklingsprogram 2035', shortName: 'UP 2035', validFromYear: 2019 }))
		.id;
	focusAreaId = (await createFocusArea(db, editor, { programmeId, name: 'Infrastruktur', responsibleBodyIds: [otherNetworkId] })).id;
	goalA = (await createSubGoal(db, editor, { focusAreaId, text: 'God framkomlighet', responsibleBodyIds: [String(otherNetworkId)] })).id;
	goalB = (await createSubGoal(db, editor, { focusAreaId, text: 'Robust teknisk försörjning' })).id;
	const p = await createPlan(db, editor, { year: 2020, programmeId, title: 'Verksamhetsplan 2020' });
	plan2020 = { id: p.id, version: p.version };
	ownActivity = (
		await createActivity(db, editor, {
			planId: p.id,
			subGoalId: goalA,
			title: 'Klimatstrategernas aktivitet',
			status: 'ongoing',
			timing: 'Vår',
			responsibleBodyIds: [networkId]
		})
	).id;
	otherActivity = (
		await createActivity(db, editor, {
			planId: p.id,
			subGoalId: goalB,
			title: 'Planeringschefernas aktivitet',
			status: 'not_started',
			timing: 'Löpande',
			responsibleBodyIds: [otherNetworkId],
			responsibleText: 'Trafikverket; Region Stockholm'
		})
	).id;
});

describe('activities', () => {
	it('records responsible bodies and free-text names in order, and audits the change', async () => {
		const a = await getActivity(db, otherActivity);
		expect(a.responsible.map((r) => [r.kind, r.label])).toEqual([
			['body', 'SUP-gruppen'],
			['text', 'Trafikverket'],
			['text', 'Region Stockholm']
		]);
		const audit = await db
			.select()
			.from(auditLog)
			.where(eq(auditLog.entityId, String(otherActivity)));
		expect(audit.map((r) => [r.entity, r.action])).toContainEqual(['activity', 'create']);
	});

	it('refuses an activity with neither a sub-goal nor an area of the plan, and saves nothing', async () => {
		const before = await db.select().from(activity);
		const err = await createActivity(db, editor, { planId: plan2020.id, title: 'Utan plats', status: 'not_started' }).catch((e) => e);
		expect(err).toBeInstanceOf(ValidationError);
		expect(fields(err).subGoalId).toMatch(/^Delmål: välj ett delmål/);
		expect(await db.select().from(activity)).toHaveLength(before.length);
	});

	it('refuses a sub-goal of another programme, and an area of another plan', async () => {
		const otherProgramme = (await createEntry(db, editor, programmes, { name: 'Annat program', shortName: 'AP' })).id;
		const otherFocus = (await createFocusArea(db, editor, { programmeId: otherProgramme, name: 'Annat' })).id;
		const foreignGoal = (await createSubGoal(db, editor, { focusAreaId: otherFocus, text: 'Främmande delmål' })).id;
		const err = await createActivity(db, editor, { planId: plan2020.id, subGoalId: foreignGoal, title: 'X', status: 'done' }).catch(
			(e) => e
		);
		expect(fields(err).subGoalId).toBe('Delmål: välj ett delmål i planens utvecklingsprogram.');

		const otherPlan = await createPlan(db, editor, { year: 2015, title: 'Verksamhetsplan 2015' });
		const area = await createEntry(db, editor, planAreas, { planId: otherPlan.id, name: 'Verksamhetsfrågor' });
		const err2 = await createActivity(db, editor, { planId: plan2020.id, planAreaId: area.id, title: 'Y', status: 'done' }).catch((e) => e);
		expect(fields(err2).planAreaId).toMatch(/^Planens område: välj ett av den här planens egna områden/);
	});

	it('takes an area of the plan instead of a sub-goal (Verksamhetsfrågor)', async () => {
		const area = await createEntry(db, editor, planAreas, { planId: plan2020.id, name: 'Verksamhetsfrågor' });
		const row = await createActivity(db, editor, {
			planId: plan2020.id,
			planAreaId: area.id,
			title: 'Budget',
			status: 'done',
			timing: 'Klart (feb)'
		});
		expect(row).toMatchObject({ subGoalId: null, planAreaId: area.id });
	});

	it('lets only the secretariat create and edit activities', async () => {
		await expect(
			createActivity(db, memberActor, { planId: plan2020.id, subGoalId: goalA, title: 'Z', status: 'done' })
		).rejects.toBeInstanceOf(ForbiddenError);
		await expect(createActivity(db, PUBLIC, { planId: plan2020.id, subGoalId: goalA, title: 'Z', status: 'done' })).rejects.toBeInstanceOf(
			UnauthenticatedError
		);
	});
});

describe('follow-up', () => {
	it('a network member follows up their network’s activity and may move its status', async () => {
		expect(await canFollowUp(db, memberActor, ownActivity)).toBe(true);
		const row = await addFollowUp(db, memberActor, ownActivity, { date: '2020-05-12', text: 'Workshop hållen.', status: 'done' });
		expect(row).toMatchObject({ activityId: ownActivity, author: 'Klara Klimat', date: '2020-05-12' });
		const a = await getActivity(db, ownActivity);
		expect(a.status).toBe('done');
		expect(a.followUps.map((f) => f.text)).toEqual(['Workshop hållen.']);
	});

	it('refuses a member follow-up on another network’s activity', async () => {
		expect(await canFollowUp(db, memberActor, otherActivity)).toBe(false);
		const before = await db.select().from(followUp);
		await expect(addFollowUp(db, memberActor, otherActivity, { date: '2020-05-12', text: 'Inte min' })).rejects.toBeInstanceOf(
			ForbiddenError
		);
		expect(await db.select().from(followUp)).toHaveLength(before.length);
	});

	it('refuses a follow-up dated outside the plan’s year, naming the field', async () => {
		const err = await addFollowUp(db, editor, otherActivity, { date: '2021-01-02', text: 'För sent' }).catch((e) => e);
		expect(err).toBeInstanceOf(ValidationError);
		expect(fields(err).date).toBe('Datum: uppföljningen ska vara daterad inom planens år (2020).');
	});

	it('a membership that has ended no longer gives the right to follow up', async () => {
		const personId = (await createEntry(db, editor, persons, { name: 'Före Detta' })).id;
		await createEntry(db, editor, memberships, {
			personId,
			bodyId: networkId,
			role: 'member',
			validFrom: '2018-01-01',
			validTo: '2019-12-31'
		});
		expect(await canFollowUp(db, { accountId: null, name: 'Före Detta', role: 'member', personId }, ownActivity)).toBe(false);
	});
});

describe('plans', () => {
	it('adopts a plan once by a dated decision; a second adoption is refused', async () => {
		const bodyId = (await createEntry(db, editor, bodies, { kind: 'committee', name: 'Samarbetskommittén' })).id;
		const decision = { decidedOn: '2019-12-12', decidedBy: 'body', bodyId, title: 'Verksamhetsplan 2020 antagen' };
		const adopted = await adoptPlan(db, editor, plan2020.id, { ...decision, version: plan2020.version });
		expect(adopted).toMatchObject({ status: 'adopted' });
		const again = await adoptPlan(db, editor, plan2020.id, { ...decision, version: adopted.version }).catch((e) => e);
		expect(again).toBeInstanceOf(ValidationError);
		expect(fields(again).decidedOn).toBe('Planen är redan antagen (beslut den 12 december 2019); den kan inte antas en gång till.');
	});

	it('refuses an adoption decided by a body without naming the body', async () => {
		const p = await createPlan(db, editor, { year: 2016, title: 'Verksamhetsplan 2016' });
		const err = await adoptPlan(db, editor, p.id, {
			decidedOn: '2015-12-01',
			decidedBy: 'body',
			title: 'Antagen',
			version: p.version
		}).catch((e) => e);
		expect(fields(err).bodyId).toMatch(/^Beslutande organ måste väljas/);
		const [still] = await db.select().from(plan).where(eq(plan.id, p.id));
		expect(still.status).toBe('draft');
	});

	it('refuses a second plan for the same year', async () => {
		const err = await createPlan(db, editor, { year: 2020, title: 'Dubblett' }).catch((e) => e);
		expect(fields(err).year).toBe('År: det finns redan en verksamhetsplan för det året.');
	});

	it('starts next year’s plan with the unfinished activities, linked to where they came from', async () => {
		const { plan: next, carried } = await startNextPlan(db, editor, plan2020.id);
		expect(next).toMatchObject({ year: 2021, programmeId, previousPlanId: plan2020.id, title: 'Verksamhetsplan 2021' });
		const rows = await db.select().from(activity).where(eq(activity.planId, next.id));
		// Done activities stay behind; the open one comes along with its responsible parties.
		expect(rows.map((r) => r.title)).toEqual(['Planeringschefernas aktivitet']);
		expect(carried).toBe(1);
		const copy = await getActivity(db, rows[0].id);
		expect(copy.carriedFrom).toMatchObject({ id: otherActivity, year: 2020 });
		expect(copy.responsible.map((r) => r.label)).toEqual(['SUP-gruppen', 'Trafikverket', 'Region Stockholm']);
		expect((await getActivity(db, otherActivity)).carriedTo.map((c) => c.year)).toEqual([2021]);
		await expect(startNextPlan(db, editor, plan2020.id)).rejects.toBeInstanceOf(ValidationError);
	});
});

describe('sub-goals', () => {
	it('refuses removing a sub-goal while activities of that year or later still point to it', async () => {
		const err = await removeSubGoal(db, editor, goalB, {
			decidedOn: '2021-03-01',
			decidedBy: 'body',
			bodyId: networkId,
			title: 'Delmålet utgår'
		}).catch((e) => e);
		expect(err).toBeInstanceOf(ValidationError);
		expect(fields(err).decidedOn).toMatch(/^Delmålet kan inte tas bort från 1 mars 2021: aktiviteter i planen för 2021/);
	});

	it('removes a sub-goal by decision; the structure of earlier years keeps it, later plans cannot use it', async () => {
		const goalC = (await createSubGoal(db, editor, { focusAreaId, text: 'Kortlivat delmål' })).id;
		await removeSubGoal(db, editor, goalC, { decidedOn: '2021-06-01', decidedBy: 'chair', title: 'Delmålet utgår' });
		const o2020 = await planOverview(db, 2020, {}, '2022-01-01');
		expect(o2020.focusAreas[0].subGoals.map((g) => g.text)).toContain('Kortlivat delmål');
		const plan2022 = await createPlan(db, editor, { year: 2022, programmeId, title: 'Verksamhetsplan 2022' });
		const err = await createActivity(db, editor, { planId: plan2022.id, subGoalId: goalC, title: 'För sent', status: 'not_started' }).catch(
			(e) => e
		);
		expect(fields(err).subGoalId).toBe('Delmål: delmålet togs bort 1 juni 2021 och gäller inte 2022.');
	});
});

describe('overview and API lists', () => {
	it('counts statuses per focus area, marks late activities, and filters by body and status', async () => {
		// On 2020-08-01 the spring activity is done and the running one is not late.
		const o = await planOverview(db, 2020, {}, '2020-08-01');
		expect(o.totals).toMatchObject({ total: 3, done: 2, not_started: 1, late: 0 });
		const infra = o.focusAreas[0];
		expect(infra.counts).toMatchObject({ total: 2, done: 1, not_started: 1 });
		expect(infra.subGoals.find((g) => g.id === goalA)!.activities[0]).toMatchObject({ followUps: 1, lastFollowUp: '2020-05-12' });

		const mine = await planOverview(db, 2020, { bodyId: networkId }, '2020-08-01');
		expect(mine.activities.map((a) => a.title)).toEqual(['Klimatstrategernas aktivitet']);
		const open = await planOverview(db, 2020, { status: 'not_started' }, '2020-08-01');
		expect(open.activities.map((a) => a.title)).toEqual(['Planeringschefernas aktivitet']);
	});

	it('marks an unfinished activity late once its timing has passed', async () => {
		const late = await createActivity(db, editor, {
			planId: plan2020.id,
			subGoalId: goalA,
			title: 'Vårens seminarium',
			status: 'ongoing',
			timing: 'Vår'
		});
		const o = await planOverview(db, 2020, {}, '2020-08-01');
		expect(o.activities.find((a) => a.id === late.id)!.late).toBe(true);
		await updateActivity(db, editor, late.id, {
			planId: plan2020.id,
			subGoalId: goalA,
			title: 'Vårens seminarium',
			status: 'done',
			timing: 'Vår',
			version: late.version
		});
		const after = await planOverview(db, 2020, {}, '2020-08-01');
		expect(after.activities.find((a) => a.id === late.id)!.late).toBe(false);
	});

	it('lists activities by year, body and status, each with its follow-ups', async () => {
		const page = await listActivities(db, { year: 2020, bodyId: networkId }, { limit: 10, offset: 0 });
		expect(page.total).toBe(1);
		expect(page.items[0]).toMatchObject({ year: 2020, title: 'Klimatstrategernas aktivitet' });
		expect(page.items[0].followUps.map((f) => f.text)).toEqual(['Workshop hållen.']);
		expect((await listActivities(db, { year: 2021 }, { limit: 10, offset: 0 })).total).toBe(1);
	});
});
