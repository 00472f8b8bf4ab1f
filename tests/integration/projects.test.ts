// Projects, events and external meetings on a real database, over the demo
// data: costs come from the ledger, the 2021 conference splits its 171
// participants into 124 from the municipalities and 47 others, the 2020
// conference was cancelled; bad input (too few participants, a cost on a
// closed year, a meeting without a counterpart) is refused, naming the field,
// with nothing saved and nothing audited.
import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from './db.ts';
import { refused } from './refused.ts';
import type { Db } from '../../src/lib/server/db/client.ts';
import {
	auditLog,
	event,
	externalMeeting,
	fund,
	ledgerCategory,
	ledgerEntry,
	organisation,
	project
} from '../../src/lib/server/db/schema/index.ts';
import { loadDemo } from '../../src/lib/server/demo/load.ts';
import {
	getEvent,
	getExternalMeeting,
	getProject,
	listEvents,
	listExternalMeetings,
	listProjects
} from '../../src/lib/server/projects/queries.ts';
import {
	addFunding,
	bookOnProject,
	createEvent,
	createExternalMeeting,
	createProject,
	removeFunding,
	updateEvent,
	updateProject
} from '../../src/lib/server/projects/service.ts';
import { listPriorityObjects } from '../../src/lib/server/consultations/queries.ts';
import { ForbiddenError } from '../../src/lib/server/errors.ts';
import type { Actor } from '../../src/lib/server/actor.ts';

const editor: Actor = { accountId: null, name: 'Kansliet', role: 'editor', personId: null };
const member: Actor = { accountId: null, name: 'Ledamot', role: 'member', personId: null };
const all = { limit: 500, offset: 0 };

let db: Db;
const orgId = new Map<string, number>();

async function rowCounts() {
	const [[p], [e], [m], [l], [a]] = await Promise.all([
		db.select({ n: count() }).from(project),
		db.select({ n: count() }).from(event),
		db.select({ n: count() }).from(externalMeeting),
		db.select({ n: count() }).from(ledgerEntry),
		db.select({ n: count() }).from(auditLog)
	]);
	return { projects: p.n, events: e.n, meetings: m.n, ledger: l.n, audit: a.n };
}

beforeAll(async () => {
	({ db } = await freshDb());
	await loadDemo(db);
	for (const o of await db.select().from(organisation)) orgId.set(o.name, o.id);
});

describe('the demo projects, events and external meetings', () => {
	it('takes each project’s costs from the ledger', async () => {
		const projects = await listProjects(db);
		const great = projects.find((p) => p.name === 'Näringslivsanalyser Great')!;
		const [{ sum }] = await db
			.select({ sum: ledgerEntry.amount })
			.from(ledgerEntry)
			.innerJoin(ledgerCategory, eq(ledgerCategory.id, ledgerEntry.categoryId))
			.where(eq(ledgerEntry.projectId, great.id));
		expect(great.costs).toBe(sum);
		expect(great.costs).toBe(242_800_00);
		expect(great.supplier).toBe('Great AB');
		const detail = await getProject(db, great.id);
		expect(detail.byYear).toEqual([{ year: 2020, costs: 242_800_00, income: 0 }]);
		const systemanalys = await getProject(db, projects.find((p) => p.name === 'Systemanalys Södertörn')!.id);
		expect(systemanalys.fundingRows.some((f) => f.funder === 'Tillväxtverket' && f.sharePercent === 50)).toBe(true);
		expect((await listProjects(db, { year: 2021 })).every((p) => (p.startYear ?? 0) <= 2021 && (p.endYear ?? 9999) >= 2021)).toBe(true);
	});

	it('splits the 2021 conference’s participants and divides its cost among them', async () => {
		const events = await listEvents(db, { year: 2021 });
		const conf = events.find((e) => e.name === 'Södertörnskonferensen 2021')!;
		expect(conf).toMatchObject({ participants: 171, participantsInternal: 124, participantsExternal: 47, status: 'held' });
		expect(conf.costs).toBeGreaterThan(0);
		expect(conf.costPerParticipant).toBe(Math.round(conf.costs / 171));
		const cancelled = (await listEvents(db, { year: 2020 })).find((e) => e.name.startsWith('Södertörnskonferensen 2020'))!;
		expect(cancelled.status).toBe('cancelled');
		expect(cancelled.cancelledReason).toMatch(/pandemi|corona|covid/i);
	});

	it('lists the external meetings of a year and those with an organisation', async () => {
		const y2021 = await listExternalMeetings(db, { year: 2021 }, all);
		expect(y2021.total).toBeGreaterThanOrEqual(9);
		// Those known only by their month ("juni 2021") count in their year too.
		expect(y2021.items.every((m) => (m.heldOn ?? m.heldIn ?? '').startsWith('2021'))).toBe(true);
		expect(y2021.items.some((m) => m.heldOn === null && m.heldIn === '2021-06')).toBe(true);
		const trv = await listExternalMeetings(db, { organisationId: orgId.get('Trafikverket') }, all);
		expect(trv.total).toBeGreaterThan(3);
		expect(trv.items.every((m) => m.organisations.some((o) => o.name === 'Trafikverket'))).toBe(true);
		const page = await listExternalMeetings(db, {}, { limit: 5, offset: 0 });
		expect(page.items).toHaveLength(5);
		const one = await getExternalMeeting(db, page.items[0].id);
		expect(one).toEqual(page.items[0]);
		const [tvf] = await listPriorityObjects(db);
		expect(tvf.externalMeetings).toBeGreaterThan(0);
	});
});

describe('changes', () => {
	it('creates and updates a project with its funding and participants, audited', async () => {
		const created = await createProject(db, editor, {
			name: 'Testprojekt',
			status: 'planned',
			startYear: 2026,
			budget: '250 000',
			funding: [{ description: 'Bidrag', funderId: orgId.get('Vinnova'), sharePercent: 50 }]
		});
		expect(created.budget).toBe(250_000_00);
		const p = await getProject(db, created.id as number);
		expect(p.fundingRows).toEqual([expect.objectContaining({ funder: 'Vinnova', sharePercent: 50 })]);
		// a form post leaves the funding out: it stays
		const updated = await updateProject(db, editor, p.id, { ...p, funding: undefined, status: 'ongoing', version: p.version });
		expect(updated.status).toBe('ongoing');
		expect((await getProject(db, p.id)).fundingRows).toHaveLength(1);
		const row = await addFunding(db, editor, p.id, { description: 'Egen insats', amount: '10 000' });
		expect(row.amount).toBe(10_000_00);
		await removeFunding(db, editor, p.id, row.id);
		expect((await getProject(db, p.id)).fundingRows).toHaveLength(1);
		const audit = await db
			.select({ action: auditLog.action })
			.from(auditLog)
			.where(eq(auditLog.entityId, String(p.id)));
		expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['create', 'update', 'add_funding', 'remove_funding']));
	});

	it('books a cost on a project in an open year', async () => {
		const p = (await listProjects(db)).find((x) => x.name === 'Testprojekt')!;
		const [f] = await db.select().from(fund).where(eq(fund.kind, 'operations')).limit(1);
		const [c] = await db.select().from(ledgerCategory).where(eq(ledgerCategory.kind, 'cost')).limit(1);
		await bookOnProject(db, editor, p.id, {
			date: '2026-02-01',
			fundId: f.id,
			categoryId: c.id,
			amount: '12 500',
			counterparty: 'Konsult AB'
		});
		expect((await getProject(db, p.id)).costs).toBe(12_500_00);
	});
});

describe('bad input is refused, naming the field, with nothing saved', () => {
	it('refuses fewer participants in all than from the municipalities', async () => {
		const before = await rowCounts();
		const errors = await refused(() => createEvent(db, editor, { name: 'Temadag', participants: 40, participantsInternal: 55 }));
		expect(errors.participants).toBe('Deltagare totalt (40) kan inte vara färre än deltagarna från kommunerna (55).');
		const conf = (await listEvents(db, { year: 2021 })).find((e) => e.name === 'Södertörnskonferensen 2021')!;
		const detail = await getEvent(db, conf.id);
		const update = await refused(() => updateEvent(db, editor, conf.id, { ...detail, participants: 100, version: detail.version }));
		expect(update.participants).toMatch(/kan inte vara färre/);
		expect(await rowCounts()).toEqual(before);
		expect((await getEvent(db, conf.id)).participants).toBe(171);
	});

	it('refuses a project cost on a closed year', async () => {
		const p = (await listProjects(db)).find((x) => x.name === 'Näringslivsanalyser Great')!;
		const [f] = await db.select().from(fund).where(eq(fund.kind, 'operations')).limit(1);
		const [c] = await db.select().from(ledgerCategory).where(eq(ledgerCategory.kind, 'cost')).limit(1);
		const before = await rowCounts();
		const errors = await refused(() =>
			bookOnProject(db, editor, p.id, { date: '2020-06-30', fundId: f.id, categoryId: c.id, amount: '1 000' })
		);
		expect(errors.date).toMatch(/^Året 2020 är stängt/);
		expect(await rowCounts()).toEqual(before);
	});

	it('refuses an external meeting without a date or counterpart, a cancelled event without a reason, and a member', async () => {
		const before = await rowCounts();
		const errors = await refused(() => createExternalMeeting(db, editor, { topic: 'Samtal' }));
		expect(errors.heldOn).toBe('Datum måste fyllas i, eller månad, halvår eller år (när dagen inte är känd).');
		expect(errors.organisationIds).toBe('Välj minst en extern organisation som mötet var med.');
		expect((await refused(() => createEvent(db, editor, { name: 'Inställt', status: 'cancelled' }))).cancelledReason).toBe(
			'Skriv varför evenemanget ställdes in.'
		);
		expect((await refused(() => createProject(db, editor, { name: 'Baklänges', startYear: 2022, endYear: 2021 }))).endYear).toBe(
			'Slutår kan inte vara före startår.'
		);
		expect((await refused(() => createProject(db, editor, { name: 'Testprojekt' }))).name).toBe(
			'Det finns redan ett projekt med det namnet.'
		);
		await expect(createEvent(db, member, { name: 'Ledamotens' })).rejects.toBeInstanceOf(ForbiddenError);
		expect(await rowCounts()).toEqual(before);
	});
});
