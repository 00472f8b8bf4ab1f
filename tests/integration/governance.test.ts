// Governance on a real database, over the demo data: the cooperation agreement
// with its ten paragraphs and eight parties; Nykvarn's notice to leave, the
// other registrars told through the outbox and the fees stopped after the exit;
// an amendment with its decision; the settlement a dissolution would make; the
// municipalities' comments on a draft plan (§4); the year's duties and tasks,
// introductions for newcomers, reminders and the weekly digest received by a
// real SMTP peer; the influence register and the activity targets; news; and the
// governing documents. Bad input is refused, naming the field, with nothing
// saved and nothing audited.
import { and, count, eq } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from './db.ts';
import { clearDemoAddresses } from './members.ts';
import { refused } from './refused.ts';
import { readMessage, smtpPeer } from './smtp-peer.ts';
import type { Db } from '../../src/lib/server/db/client.ts';
import {
	activity,
	agreementNotice,
	agreementNoticeMail,
	agreementVersion,
	auditLog,
	body,
	decision,
	duty,
	externalMeeting,
	governingDocumentVersion,
	influence,
	influenceActivity,
	influenceExternalMeeting,
	influencePriorityObject,
	membership,
	membershipAppointment,
	municipality,
	news,
	organisation,
	outbox,
	person,
	plan,
	planComment,
	task
} from '../../src/lib/server/db/schema/index.ts';
import { loadDemo } from '../../src/lib/server/demo/load.ts';
import {
	amendAgreement,
	answerPlanComment,
	getAgreement,
	listNotices,
	planComments,
	recordNotice,
	sendPlanForComment,
	settlementPreview
} from '../../src/lib/server/governance/agreement.ts';
import {
	INTRODUCTION_MATERIAL,
	createDuty,
	createTask,
	generateYear,
	introductionsOf,
	listDuties,
	listTasks,
	markTaskDone,
	weekView
} from '../../src/lib/server/governance/cycle.ts';
import { sendReminders, sendWeeklyDigest } from '../../src/lib/server/governance/reminders.ts';
import { addDocumentVersion, appointmentOf, listGoverningDocuments } from '../../src/lib/server/governance/documents.ts';
import {
	createInfluence,
	createNews,
	getInfluence,
	getNews,
	listInfluence,
	listNews,
	targetsOf
} from '../../src/lib/server/governance/influence.ts';
import { createPlan } from '../../src/lib/server/planning/service.ts';
import { createExternalMeeting, createProject } from '../../src/lib/server/projects/service.ts';
import { listPriorityObjects } from '../../src/lib/server/consultations/queries.ts';
import { memberships } from '../../src/lib/server/organisation/registers.ts';
import { createEntry } from '../../src/lib/server/register.ts';
import { feeBasis } from '../../src/lib/server/finance/fees.ts';
import { deliverDue } from '../../src/lib/server/mail/outbox.ts';
import { smtpSender } from '../../src/lib/server/mail/mailer.ts';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../../src/lib/server/errors.ts';
import { PUBLIC, type Actor } from '../../src/lib/server/actor.ts';
import { formatDate, todayIso } from '../../src/lib/core/format.ts';
import { SWEDISH_GENERAL_ELECTION, addDays, isElectionYear, reminderDue, weekStart } from '../../src/lib/core/governance.ts';

const editor: Actor = { accountId: null, name: 'Kansliet', role: 'editor', personId: null };
const member: Actor = { accountId: null, name: 'Ledamot', role: 'member', personId: null };

let db: Db;
const today = todayIso();
// the year the cycle generates tasks for (the server's UTC date)
const thisYear = new Date().getUTCFullYear();
const muniId = new Map<string, number>();
const bodyId = new Map<string, number>();
const personId = new Map<string, number>();
const orgId = new Map<string, number>();

const tally = async (table: PgTable) => (await db.select({ n: count() }).from(table))[0].n;

beforeAll(async () => {
	({ db } = await freshDb());
	await loadDemo(db);
	for (const m of await db.select().from(municipality)) muniId.set(m.name, m.id);
	for (const b of await db.select().from(body)) bodyId.set(b.name, b.id);
	for (const p of await db.select().from(person)) personId.set(p.name, p.id);
	for (const o of await db.select().from(organisation)) orgId.set(o.name, o.id);
	await clearDemoAddresses(db);
});

describe('the demo agreement', () => {
	it('holds the signed agreement of 2010 with its ten paragraphs and eight parties', async () => {
		const a = await getAgreement(db);
		expect(a.title).toBe('Samarbetsavtal om Södertörnskommunernas samarbetskommitté');
		expect(a.signedOn).toBe('2010-08-18');
		expect(a.validFrom).toBe('2010-01-01');
		expect(a.version.number).toBe(1);
		expect(a.version.current).toBe(true);
		expect(a.versions.map((v) => v.number)).toEqual([1]);
		expect(a.version.paragraphs.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
		expect(a.version.paragraphs[1].title).toBe('Avtalstid');
		expect(a.version.paragraphs[1].text).toContain('12 månader');
		expect(a.version.parties).toHaveLength(8);
		expect(a.version.parties.map((p) => p.name)).toEqual([
			'Botkyrka',
			'Haninge',
			'Huddinge',
			'Nykvarn',
			'Nynäshamn',
			'Salem',
			'Södertälje',
			'Tyresö'
		]);
		await expect(getAgreement(db, 2)).rejects.toBeInstanceOf(NotFoundError);
	});
});

describe('a notice to leave', () => {
	async function rowCounts() {
		return {
			notices: await tally(agreementNotice),
			mails: await tally(agreementNoticeMail),
			outbox: await tally(outbox),
			audit: await tally(auditLog)
		};
	}

	it('starts the period the month after, stops Nykvarn’s membership and fees, and tells the other registrars', async () => {
		// Five municipalities have a registrar address, Nykvarn among them.
		const withAddress = ['Botkyrka', 'Haninge', 'Nykvarn', 'Salem', 'Tyresö'];
		for (const name of withAddress)
			await db
				.update(municipality)
				.set({ registrarEmail: `registrator@${name.toLowerCase()}.kommun.test` })
				.where(eq(municipality.id, muniId.get(name)!));
		const before = await rowCounts();
		const nykvarn = muniId.get('Nykvarn')!;
		const notice = await recordNotice(db, editor, {
			municipalityId: nykvarn,
			councilDecidedOn: '2023-04-24',
			councilReference: 'KF § 45, KS/2023:112',
			receivedOn: '2023-05-17'
		});
		expect(notice).toMatchObject({
			municipalityId: nykvarn,
			receivedOn: '2023-05-17',
			periodStarts: '2023-06-01',
			effective: '2024-06-01',
			memberTo: '2024-05-31',
			notified: 4,
			createdBy: 'Kansliet'
		});
		const [m] = await db.select().from(municipality).where(eq(municipality.id, nykvarn));
		expect(m.memberTo).toBe('2024-05-31');

		const mails = await db
			.select({
				municipalityId: agreementNoticeMail.municipalityId,
				kind: outbox.kind,
				recipient: outbox.recipient,
				subject: outbox.subject,
				body: outbox.body,
				status: outbox.status
			})
			.from(agreementNoticeMail)
			.innerJoin(outbox, eq(outbox.id, agreementNoticeMail.outboxId))
			.where(eq(agreementNoticeMail.noticeId, notice.id));
		expect(mails).toHaveLength(4);
		expect(mails.map((x) => x.municipalityId).sort()).toEqual(['Botkyrka', 'Haninge', 'Salem', 'Tyresö'].map((n) => muniId.get(n)!).sort());
		expect(mails.some((x) => x.municipalityId === nykvarn || x.recipient.includes('nykvarn'))).toBe(false);
		expect(mails.every((x) => x.kind === 'agreement' && x.status === 'pending')).toBe(true);
		expect(mails[0].subject).toBe('Uppsägning av samarbetsavtalet: Nykvarn');
		expect(mails[0].body).toContain(`Utträdet gäller från: ${formatDate('2024-06-01')}`);
		expect(mails[0].body).toContain('(KF § 45, KS/2023:112)');
		expect(await rowCounts()).toEqual({
			notices: before.notices + 1,
			mails: before.mails + 4,
			outbox: before.outbox + 4,
			audit: before.audit + 1
		});
		const audit = await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'notice'), eq(auditLog.entity, 'agreement')));
		expect(audit).toHaveLength(1);
		expect(audit[0].actor).toBe('Kansliet');

		const [listed] = await listNotices(db);
		expect(listed).toMatchObject({ municipality: 'Nykvarn', councilDecidedOn: '2023-04-24', effective: '2024-06-01' });
		expect(listed.mails.map((x) => x.municipality).sort()).toEqual(['Botkyrka', 'Haninge', 'Salem', 'Tyresö']);

		// Nykvarn is a party until 31 May 2024: its fee for 2024 is raised, none for 2025.
		expect((await feeBasis(db, 2024)).municipalities.map((x) => x.name)).toContain('Nykvarn');
		const in2025 = (await feeBasis(db, 2025)).municipalities.map((x) => x.name);
		expect(in2025).not.toContain('Nykvarn');
		expect(in2025).toHaveLength(7);
	});

	it('refuses a second notice, a date before the agreement or the council’s decision, a bad date and a member', async () => {
		const before = await rowCounts();
		const salem = muniId.get('Salem')!;
		const twice = await refused(() =>
			recordNotice(db, editor, { municipalityId: muniId.get('Nykvarn'), councilDecidedOn: '2023-09-01', receivedOn: '2023-09-10' })
		);
		expect(twice.municipalityId).toBe(`Nykvarn har redan sagt upp avtalet (mottaget ${formatDate('2023-05-17')}).`);
		const early = await refused(() =>
			recordNotice(db, editor, { municipalityId: salem, councilDecidedOn: '2009-11-20', receivedOn: '2009-12-01' })
		);
		expect(early.receivedOn).toBe(`Avtalet gäller från ${formatDate('2010-01-01')}: en uppsägning kan inte ha kommit in före det.`);
		const backwards = await refused(() =>
			recordNotice(db, editor, { municipalityId: salem, councilDecidedOn: '2024-03-20', receivedOn: '2024-03-01' })
		);
		expect(backwards.receivedOn).toBe('Ordföranden kan inte ha mottagit uppsägningen före fullmäktiges beslut.');
		const bad = await refused(() =>
			recordNotice(db, editor, { municipalityId: salem, councilDecidedOn: '2024-03-20', receivedOn: '2024-02-30' })
		);
		expect(bad.receivedOn).toBe('Ordföranden mottog uppsägningen måste vara ett datum som ÅÅÅÅ-MM-DD.');
		await expect(
			recordNotice(db, member, { municipalityId: salem, councilDecidedOn: '2024-03-20', receivedOn: '2024-04-02' })
		).rejects.toBeInstanceOf(ForbiddenError);
		expect(await rowCounts()).toEqual(before);
		const [s] = await db.select().from(municipality).where(eq(municipality.id, salem));
		expect(s.memberTo).toBeNull();
	});
});

describe('an amendment of the agreement', () => {
	async function rowCounts() {
		return { versions: await tally(agreementVersion), decisions: await tally(decision), audit: await tally(auditLog) };
	}
	const remaining = ['Botkyrka', 'Haninge', 'Huddinge', 'Nynäshamn', 'Salem', 'Södertälje', 'Tyresö'];

	async function amendment() {
		const v1 = await getAgreement(db, 1);
		return {
			validFrom: '2024-06-01',
			partyIds: remaining.map((n) => muniId.get(n)),
			note: 'Nykvarn utträder; avgiften fördelas mellan sju kommuner.',
			paragraphs: v1.version.paragraphs.map((p) =>
				p.number === 8 ? { ...p, text: `${p.text}\n\nFrån och med 1 juni 2024 fördelas avgiften mellan sju kommuner.` } : p
			)
		};
	}

	it('refuses an amendment without a decision, or one that does not start after the version before', async () => {
		const before = await rowCounts();
		const errors = await refused(async () => amendAgreement(db, editor, await amendment()));
		expect(errors.decidedOn).toBe('Beslutsdatum: en ändring av avtalet måste ha ett beslut. Ange beslutsdatum eller välj ett beslut.');
		const early = await refused(async () =>
			amendAgreement(db, editor, { ...(await amendment()), validFrom: '2010-01-01', decidedOn: '2009-12-01' })
		);
		expect(early.validFrom).toBe(`Gäller från måste vara efter den förra versionens startdag (${formatDate('2010-01-01')}).`);
		await expect(amendAgreement(db, member, { ...(await amendment()), decidedOn: '2024-04-15' })).rejects.toBeInstanceOf(ForbiddenError);
		expect(await rowCounts()).toEqual(before);
	});

	it('makes version 2 with seven parties and a new decision, keeping version 1 as it was', async () => {
		const before = await rowCounts();
		const version = await amendAgreement(db, editor, {
			...(await amendment()),
			decidedOn: '2024-04-15',
			decisionTitle: 'Ändring av samarbetsavtalet efter Nykvarns utträde'
		});
		expect(version.number).toBe(2);
		expect(await rowCounts()).toEqual({ versions: before.versions + 1, decisions: before.decisions + 1, audit: before.audit + 1 });
		const [d] = await db.select().from(decision).where(eq(decision.id, version.decisionId!));
		expect(d).toMatchObject({ decidedOn: '2024-04-15', title: 'Ändring av samarbetsavtalet efter Nykvarns utträde' });

		const latest = await getAgreement(db);
		expect(latest.version).toMatchObject({
			number: 2,
			validFrom: '2024-06-01',
			decidedOn: '2024-04-15',
			decision: 'Ändring av samarbetsavtalet efter Nykvarns utträde',
			current: true
		});
		expect(latest.version.parties.map((p) => p.name)).toEqual(remaining);
		expect(latest.version.paragraphs).toHaveLength(10);
		expect(latest.version.paragraphs[7].text).toContain('sju kommuner');
		expect(latest.versions.map((v) => v.number)).toEqual([2, 1]);

		const first = await getAgreement(db, 1);
		expect(first.version.current).toBe(false);
		expect(first.version.parties).toHaveLength(8);
		expect(first.version.paragraphs[7].text).not.toContain('sju kommuner');

		// version 2 is now the one to follow: a version 3 from the same day is refused
		const same = await refused(async () => amendAgreement(db, editor, { ...(await amendment()), decidedOn: '2024-05-01' }));
		expect(same.validFrom).toBe(`Gäller från måste vara efter den förra versionens startdag (${formatDate('2024-06-01')}).`);
		expect((await rowCounts()).versions).toBe(before.versions + 1);
	});
});

describe('the settlement a dissolution would make (§10)', () => {
	it('names the municipalities whose population is missing on a date', async () => {
		const preview = await settlementPreview(db, '2021-12-31');
		expect(preview.shares).toBeNull();
		expect(preview.missing.sort()).toEqual(['Botkyrka', 'Haninge', 'Huddinge', 'Nynäshamn', 'Södertälje', 'Tyresö']);
	});

	it('splits every balance and commitment among the eight parties, each row summing exactly', async () => {
		// an ongoing project with a budget: its remainder is a commitment, a negative row
		await createProject(db, editor, { name: 'Avvecklingsutredning', status: 'ongoing', startYear: 2019, budget: '100 000,01' });
		const preview = await settlementPreview(db, '2019-12-31');
		expect(preview.missing).toEqual([]);
		expect(preview.parties).toHaveLength(8);
		const populations: number[] = preview.populations;
		expect(populations).toHaveLength(8);
		expect(populations.every((p) => p > 0)).toBe(true);
		const shares = preview.shares!;
		const totals = preview.totals!;
		expect(preview.rows.length).toBeGreaterThan(1);
		expect(shares).toHaveLength(preview.rows.length);
		expect(preview.rows).toContainEqual({ what: 'Åtagande: Avvecklingsutredning (återstående budget)', amount: -10_000_001 });
		for (const [i, row] of preview.rows.entries()) {
			expect(shares[i]).toHaveLength(8);
			expect(shares[i].reduce((s, x) => s + x, 0)).toBe(row.amount);
			if (row.amount < 0) expect(shares[i].every((x) => x <= 0)).toBe(true);
			if (row.amount > 0) expect(shares[i].every((x) => x >= 0)).toBe(true);
		}
		expect(preview.rows.some((r) => r.amount < 0)).toBe(true);
		for (let p = 0; p < 8; p++) expect(totals[p]).toBe(shares.reduce((s, row) => s + row[p], 0));
		expect(totals.reduce((s, x) => s + x, 0)).toBe(preview.rows.reduce((s, r) => s + r.amount, 0));
		// the largest municipality bears the largest share of the commitment
		const commitment = shares[preview.rows.findIndex((r) => r.what.startsWith('Åtagande: Avvecklingsutredning'))];
		const largest = populations.indexOf(Math.max(...populations));
		expect(Math.min(...commitment)).toBe(commitment[largest]);
	});
});

describe('the draft plan to the municipalities for comment (§4)', () => {
	it('sends a draft to every member once, records the answers and shows who answered', async () => {
		const draft = await createPlan(db, editor, { year: 2024, title: 'Verksamhetsplan 2024' });
		expect(draft.status).toBe('draft');
		const sent = await sendPlanForComment(db, editor, draft.id, { sentOn: '2023-11-15', deadline: '2023-12-15' });
		expect(sent).toHaveLength(8);
		expect(sent.every((r) => r.sentOn === '2023-11-15' && r.deadline === '2023-12-15' && r.answeredOn === null)).toBe(true);

		const before = { comments: await tally(planComment), audit: await tally(auditLog) };
		const again = await refused(() => sendPlanForComment(db, editor, draft.id, { sentOn: '2023-11-20', deadline: '2023-12-20' }));
		expect(again.municipalityIds).toBe('Planen är redan skickad till de valda kommunerna.');

		const rows = await planComments(db, draft.id);
		const haninge = rows.find((r) => r.municipality === 'Haninge')!;
		const early = await refused(() =>
			answerPlanComment(db, editor, haninge.id, { version: haninge.version, answeredOn: '2023-11-01', answer: 'Inga synpunkter.' })
		);
		expect(early.answeredOn).toBe('Svarsdatum kan inte vara före dagen planen skickades.');
		expect({ comments: await tally(planComment), audit: await tally(auditLog) }).toEqual(before);

		const answered = await answerPlanComment(db, editor, haninge.id, {
			version: haninge.version,
			answeredOn: '2023-12-11',
			answer: 'Haninge tillstyrker förslaget och vill lyfta Ostlänken.'
		});
		expect(answered).toMatchObject({ answeredOn: '2023-12-11', version: haninge.version + 1 });
		const after = await planComments(db, draft.id);
		expect(after.filter((r) => r.answeredOn).map((r) => r.municipality)).toEqual(['Haninge']);
		expect(after.find((r) => r.municipality === 'Haninge')!.answer).toBe('Haninge tillstyrker förslaget och vill lyfta Ostlänken.');
		expect(after.filter((r) => !r.answeredOn)).toHaveLength(7);
	});

	it('refuses to send an adopted plan', async () => {
		const [adopted] = await db.select().from(plan).where(eq(plan.year, 2020));
		expect(adopted.status).toBe('adopted');
		const before = await tally(planComment);
		const errors = await refused(() => sendPlanForComment(db, editor, adopted.id, { sentOn: '2020-01-10', deadline: '2020-02-10' }));
		expect(errors.sentOn).toMatch(/^Planen är redan (antagen|fastställd)/);
		expect(await tally(planComment)).toBe(before);
	});
});

describe('the year’s duties and tasks', () => {
	const dutyTasks = async (title: string) => {
		const [d] = (await listDuties(db)).filter((x) => x.title === title);
		return db.select().from(task).where(eq(task.dutyId, d.id)).orderBy(task.year);
	};

	it('generates the demo duties’ tasks, skipping the conference in election years', async () => {
		const duties = await listDuties(db);
		expect(duties).toHaveLength(12);
		const conference = duties.find((d) => d.title.includes('Södertörnskonferens'))!;
		expect(conference.ruleText).toBe('i april, inte valår');
		const years = (await dutyTasks(conference.title)).map((t) => t.year);
		expect(years).toContain(2020);
		expect(years).toContain(2021);
		expect(years).not.toContain(2018);
		expect(years).not.toContain(2022);
		const t2021 = (await listTasks(db, { year: 2021 })).find((t) => t.dutyId === conference.id)!;
		expect(t2021).toMatchObject({ dueOn: '2021-04-30', doneOn: '2021-04-21' });
		const fee = duties.find((d) => d.title.startsWith('Årsavgiften'))!;
		expect((await listTasks(db, { year: 2019 })).find((t) => t.dutyId === fee.id)!.dueOn).toBe('2019-03-15');
	});

	it('moves a duty to its other month in election years', async () => {
		const created = await createDuty(db, editor, {
			title: 'Höstträff för nätverken',
			ownerBodyId: bodyId.get('Södertörns kansli'),
			rule: { kind: 'day', month: 9, day: 20, electionYear: { month: 10 } },
			remindDaysBefore: 21
		});
		expect((await listDuties(db)).find((d) => d.id === created.id)!.ruleText).toBe('20 september; valår i oktober');
		expect(await generateYear(db, editor, 2018)).toEqual({ year: 2018, added: 1 });
		await generateYear(db, editor, 2021);
		await generateYear(db, editor, 2022);
		const due = new Map((await dutyTasks('Höstträff för nätverken')).map((t) => [t.year, t.dueOn]));
		expect(due.get(2018)).toBe('2018-10-20');
		expect(due.get(2021)).toBe('2021-09-20');
		expect(due.get(2022)).toBe('2022-10-20');
		// created this year: the year's task is there too, in the month the election decides
		expect(due.get(thisYear)).toBe(isElectionYear(SWEDISH_GENERAL_ELECTION, thisYear) ? `${thisYear}-10-20` : `${thisYear}-09-20`);
	});

	it('refuses a duty without an owner or with a rule that yields no date, saving nothing', async () => {
		const before = { duties: await tally(duty), tasks: await tally(task), audit: await tally(auditLog) };
		const noOwner = await refused(() => createDuty(db, editor, { title: 'Utan ansvarig', rule: { kind: 'month', month: 5 } }));
		expect(noOwner.ownerBodyId).toBe('Ansvarig: en uppgift måste ha en ansvarig (ett organ, en person eller en annan).');
		const feb30 = await refused(() =>
			createDuty(db, editor, { title: 'Trettionde februari', ownerText: 'Kansliet', rule: { kind: 'day', month: 2, day: 30 } })
		);
		expect(feb30.day).toMatch(/^Regeln ger inget datum: \d{4} har ingen 30:e i månad 2\.$/);
		await expect(
			createDuty(db, member, { title: 'Ledamotens', ownerText: 'Kansliet', rule: { kind: 'month', month: 5 } })
		).rejects.toBeInstanceOf(ForbiddenError);
		expect({ duties: await tally(duty), tasks: await tally(task), audit: await tally(auditLog) }).toEqual(before);
	});

	it('creates a valid duty with its task for this year', async () => {
		const created = await createDuty(db, editor, {
			title: 'Uppföljning av nätverkens verksamhet',
			ownerText: 'Nätverkens sammankallande',
			rule: { kind: 'weekday', month: 6, weekday: 4, nth: 2 },
			remindDaysBefore: 10
		});
		const tasks = await db.select().from(task).where(eq(task.dutyId, created.id));
		expect(tasks.map((t) => t.year)).toContain(thisYear);
		const mine = tasks.find((t) => t.year === thisYear)!;
		expect(mine.title).toBe('Uppföljning av nätverkens verksamhet');
		expect(new Date(`${mine.dueOn}T12:00:00Z`).getUTCDay()).toBe(4);
		expect(mine.dueOn.slice(0, 7)).toBe(`${thisYear}-06`);
		expect(Number(mine.dueOn.slice(8))).toBeGreaterThanOrEqual(8);
		expect(Number(mine.dueOn.slice(8))).toBeLessThanOrEqual(14);
		const audit = await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.entity, 'duty'), eq(auditLog.entityId, String(created.id))));
		expect(audit.map((a) => a.action)).toEqual(['create']);
	});

	it('shows the week, and a task done moves out of it', async () => {
		const view = await weekView(db, today);
		expect(view.monday).toBe(weekStart(today));
		expect(view.sunday).toBe(addDays(weekStart(today), 6));
		expect(Array.isArray(view.late) && Array.isArray(view.thisWeek) && Array.isArray(view.soon)).toBe(true);
		expect(view.late.every((t) => t.dueOn < today)).toBe(true);
		expect(view.soon.every((t) => t.dueOn > view.sunday && t.dueOn <= addDays(today, 30))).toBe(true);
		expect(view.yearTasks.length).toBeGreaterThan(0);

		const t = await createTask(db, editor, {
			title: 'Boka lokal till samarbetskommitténs möte',
			dueOn: today,
			material: 'Kommunhuset i Huddinge'
		});
		expect(t).toMatchObject({ kind: 'other', year: Number(today.slice(0, 4)), dutyId: null });
		const seen = await weekView(db, today);
		expect(seen.thisWeek.map((x) => x.id)).toContain(t.id);
		expect(seen.thisWeek.find((x) => x.id === t.id)!.state).toBe('this_week');

		const done = await markTaskDone(db, editor, t.id, { version: t.version, doneOn: today, doneNote: 'Bokad' });
		expect(done).toMatchObject({ doneOn: today, doneBy: 'Kansliet', doneNote: 'Bokad' });
		const after = await weekView(db, today);
		expect(after.thisWeek.map((x) => x.id)).not.toContain(t.id);
		expect(after.doneThisWeek.map((x) => x.id)).toContain(t.id);
		expect(after.yearTasks.find((x) => x.id === t.id)!.state).toBe('done');

		const audit = await tally(auditLog);
		const twice = await refused(() => markTaskDone(db, editor, t.id, { version: done.version, doneOn: today }));
		expect(twice.doneOn).toBe(`Uppgiften är redan klar (${formatDate(today)}).`);
		expect(await tally(auditLog)).toBe(audit);
		const [row] = await db.select().from(task).where(eq(task.id, t.id));
		expect(row.version).toBe(done.version);
	});
});

describe('introductions for newcomers', () => {
	const introductionsFor = (membershipId: number) =>
		db
			.select()
			.from(task)
			.where(and(eq(task.kind, 'introduction'), eq(task.membershipId, membershipId)));

	it('gives a new network member one introduction task, with the directive they were appointed under', async () => {
		const directive = (await listGoverningDocuments(db)).find((d) => d.kind === 'directive')!;
		const latest = directive.versions.find((v) => v.label === '2021')!;
		const created = await createEntry(db, editor, memberships, {
			personId: personId.get('Vahid Fararos'),
			bodyId: bodyId.get('Nätverket för klimatstrategier'),
			role: 'member',
			validFrom: '2026-01-01',
			appointedByPersonId: personId.get('Magnus Gyllestad'),
			directiveVersionId: latest.id
		});
		const tasks = await introductionsFor(created.id);
		expect(tasks).toHaveLength(1);
		expect(tasks[0].title).toBe('Introduktionsmöte: Vahid Fararos, Nätverket för klimatstrategier');
		expect(tasks[0].title.startsWith('Introduktionsmöte')).toBe(true);
		expect(tasks[0].material).toBe(INTRODUCTION_MATERIAL);
		expect(tasks[0].doneOn).toBeNull();
		expect(tasks[0].dueOn).toBe(addDays(new Date().toISOString().slice(0, 10), 14));

		const [row] = await db.select().from(membershipAppointment).where(eq(membershipAppointment.membershipId, created.id));
		expect(row).toMatchObject({ appointedByPersonId: personId.get('Magnus Gyllestad'), directiveVersionId: latest.id });
		expect(await appointmentOf(db, created.id)).toEqual({
			appointedByPersonId: personId.get('Magnus Gyllestad'),
			appointedBy: 'Magnus Gyllestad',
			directiveVersionId: latest.id,
			directive: '2021',
			appointedOn: '2026-01-01'
		});
	});

	it('gives none for a working group or a staff role', async () => {
		const before = await tally(task);
		const group = await createEntry(db, editor, memberships, {
			personId: personId.get('Vahid Fararos'),
			bodyId: bodyId.get('Arbetsgrupp besöksnäring'),
			role: 'member'
		});
		const staff = await createEntry(db, editor, memberships, {
			personId: personId.get('Karin Hassler'),
			bodyId: bodyId.get('Nätverket för kommunikationschefer'),
			role: 'administrator'
		});
		expect(await introductionsFor(group.id)).toEqual([]);
		expect(await introductionsFor(staff.id)).toEqual([]);
		expect(await tally(task)).toBe(before);
		expect(await appointmentOf(db, group.id)).toBeNull();
	});

	it('counts the demo’s introductions of 2021 as held', async () => {
		const rows = await introductionsOf(db, 2021);
		const held = rows.reduce((s, r) => s + r.held, 0);
		expect(held).toBe(6);
		expect(rows.every((r) => r.open === 0)).toBe(true);
		expect(rows.map((r) => r.body).sort()).toEqual(
			[
				'Nätverket för klimatstrategier',
				'Nätverket för kommunikationschefer',
				'Nätverket för näringslivschefer',
				'Nätverket för planeringschefer',
				'Södertörnskommunernas ledningsgrupp',
				'Södertörnskommunernas samarbetskommitté'
			].sort()
		);
	});
});

describe('reminders and the weekly digest', () => {
	it('reminds the secretariat once per task and sends the digest once per week, through a real SMTP peer', async () => {
		const anna = personId.get('Anna Söderström')!;
		const [kansli] = await db
			.select({ id: membership.id })
			.from(membership)
			.innerJoin(body, eq(body.id, membership.bodyId))
			.where(and(eq(body.kind, 'secretariat'), eq(membership.personId, anna)));
		expect(kansli).toBeDefined();
		// The demo knows her post through 2021; here she holds it still.
		await db.update(membership).set({ validTo: null }).where(eq(membership.id, kansli.id));
		await db.update(person).set({ email: 'anna.soderstrom@kansli.test' }).where(eq(person.id, anna));

		const dueOn = addDays(today, 3);
		const t = await createTask(db, editor, { title: 'Skicka kallelse till ledningsgruppen', dueOn });
		const open = await listTasks(db, { open: true, from: today, to: addDays(today, 366) });
		const expected = open.filter((x) => reminderDue(x, x.remindDaysBefore, today));
		expect(expected.map((x) => x.id)).toContain(t.id);

		const reminderRows = () => db.select().from(outbox).where(eq(outbox.kind, 'reminder'));
		const before = (await reminderRows()).length;
		expect(await sendReminders(db, today, 'https://samverka.test')).toBe(expected.length);
		const queued = (await reminderRows()).slice(before);
		expect(queued).toHaveLength(expected.length);
		expect(queued.every((r) => r.recipient === 'anna.soderstrom@kansli.test' && r.recipientName === 'Anna Söderström')).toBe(true);
		const mine = queued.filter((r) => r.subject.includes('Skicka kallelse till ledningsgruppen'));
		expect(mine).toHaveLength(1);
		expect(mine[0].subject).toBe(`Påminnelse: Skicka kallelse till ledningsgruppen senast ${formatDate(dueOn)}`);
		expect(mine[0].body).toContain('https://samverka.test/governance/week');
		const [reminded] = await db.select().from(task).where(eq(task.id, t.id));
		expect(reminded.remindedAt).toBeInstanceOf(Date);

		const outboxCount = await tally(outbox);
		expect(await sendReminders(db, today)).toBe(0);
		expect(await tally(outbox)).toBe(outboxCount);

		expect(await sendWeeklyDigest(db, today)).toBe(1);
		expect(await sendWeeklyDigest(db, today)).toBe(0);
		const digest = (await reminderRows()).filter((r) => r.subject.startsWith('Veckans uppgifter'));
		expect(digest).toHaveLength(1);
		expect(digest[0].subject).toBe(`Veckans uppgifter, vecka från ${formatDate(weekStart(today))}`);
		expect(digest[0].body).toContain(`${formatDate(dueOn)}: Skicka kallelse till ledningsgruppen`);

		const peer = await smtpPeer();
		const pending = (await db.select().from(outbox).where(eq(outbox.status, 'pending'))).length;
		const result = await deliverDue(db, smtpSender(peer.url, 'Samverka <noreply@test>'), 500);
		expect(result).toEqual({ sent: pending, failed: 0 });
		const toAnna = peer.messages.filter((m) => m.rcptTo.includes('anna.soderstrom@kansli.test')).map(readMessage);
		const subjects = toAnna.map((m) => m.subject);
		expect(subjects).toContain(`Påminnelse: Skicka kallelse till ledningsgruppen senast ${formatDate(dueOn)}`);
		expect(subjects).toContain(`Veckans uppgifter, vecka från ${formatDate(weekStart(today))}`);
		expect(toAnna).toHaveLength(expected.length + 1);
		const digestMail = toAnna.find((m) => m.subject.startsWith('Veckans uppgifter'))!;
		expect(digestMail.text).toContain('Skicka kallelse till ledningsgruppen');
		expect(digestMail.from).toContain('noreply@test');
		// the notice of Nykvarn's exit went to the registrars too
		const registrars = peer.messages.map(readMessage).filter((m) => m.subject === 'Uppsägning av samarbetsavtalet: Nykvarn');
		expect(registrars).toHaveLength(4);
	});
});

describe('the influence register and the activity targets', () => {
	it('holds the demo’s 54 entries, seats among them', async () => {
		const all = await listInfluence(db);
		expect(all).toHaveLength(54);
		const seats = await listInfluence(db, { kind: 'seat' });
		expect(seats.length).toBeGreaterThan(0);
		expect(seats.every((s) => s.kind === 'seat' && s.organisationId !== null)).toBe(true);
		expect(seats.some((s) => s.organisation === 'Trafikverket')).toBe(true);
	});

	it('refuses a seat without an organisation, saving nothing', async () => {
		const before = { influence: await tally(influence), audit: await tally(auditLog) };
		const errors = await refused(() => createInfluence(db, editor, { kind: 'seat', title: 'Styrgruppen för Ostlänken' }));
		expect(errors.organisationId).toBe('Organisation: en plats i en extern grupp måste höra till en organisation.');
		await expect(createInfluence(db, member, { kind: 'statement', title: 'Ledamotens inspel' })).rejects.toBeInstanceOf(ForbiddenError);
		expect({ influence: await tally(influence), audit: await tally(auditLog) }).toEqual(before);
	});

	it('links a statement to priority objects, activities and external meetings', async () => {
		const objects = (await listPriorityObjects(db)).slice(0, 2);
		const [act] = await db.select({ id: activity.id }).from(activity).limit(1);
		const meetings = await db.select({ id: externalMeeting.id }).from(externalMeeting).orderBy(externalMeeting.id).limit(2);
		const created = await createInfluence(db, editor, {
			kind: 'statement',
			title: 'Inspel till länsplanen 2026–2037',
			organisationId: orgId.get('Trafikverket'),
			fromOn: '2025-03-14',
			priorityObjectIds: objects.map((o) => o.id),
			activityIds: [act.id],
			externalMeetingIds: meetings.map((m) => m.id)
		});
		const read = await getInfluence(db, created.id);
		expect(read).toMatchObject({ kind: 'statement', organisation: 'Trafikverket', fromOn: '2025-03-14' });
		expect(read.priorityObjectIds.sort()).toEqual(objects.map((o) => o.id).sort());
		expect(read.activityIds).toEqual([act.id]);
		expect(read.externalMeetingIds.sort()).toEqual(meetings.map((m) => m.id).sort());
		const links = await Promise.all([
			db.select().from(influencePriorityObject).where(eq(influencePriorityObject.influenceId, created.id)),
			db.select().from(influenceActivity).where(eq(influenceActivity.influenceId, created.id)),
			db.select().from(influenceExternalMeeting).where(eq(influenceExternalMeeting.influenceId, created.id))
		]);
		expect(links.map((l) => l.length)).toEqual([2, 1, 2]);
		expect((await listInfluence(db, { year: 2025 })).map((x) => x.id)).toContain(created.id);
	});

	it('counts only the held meetings with Trafikverket against the 2020 target', async () => {
		const trafikverket = async () => (await targetsOf(db, { year: 2020 })).find((t) => t.organisation === 'Trafikverket')!;
		const target = await trafikverket();
		expect(target).toMatchObject({ year: 2020, count: 2, held: 2, met: true, missing: 0 });
		const yh = (await targetsOf(db, { year: 2020 })).find((t) => t.organisation === 'Yrkeshögskolorna')!;
		expect(yh).toMatchObject({ count: 1, held: 0, met: false, missing: 1 });

		await createExternalMeeting(db, editor, {
			heldOn: '2020-12-03',
			organisationIds: [orgId.get('Trafikverket')],
			topic: 'Planerat möte om Tvärförbindelse Södertörn',
			status: 'planned'
		});
		expect((await trafikverket()).held).toBe(2);
		await createExternalMeeting(db, editor, {
			heldOn: '2020-12-04',
			organisationIds: [orgId.get('Trafikverket')],
			topic: 'Avstämning om E4/E20 Södertäljebroarna',
			status: 'held'
		});
		expect(await trafikverket()).toMatchObject({ held: 3, met: true, missing: 0 });
		// a meeting held in another year does not count for 2020
		await createExternalMeeting(db, editor, {
			heldOn: '2021-01-12',
			organisationIds: [orgId.get('Trafikverket')],
			topic: 'Uppföljning i januari',
			status: 'held'
		});
		expect((await trafikverket()).held).toBe(3);
	});
});

describe('news', () => {
	it('hides an item until its day comes', async () => {
		const demo = await listNews(db, { today });
		expect(demo).toHaveLength(10);
		expect(demo[0].title).toBe('Årsredovisning och bokslut 2021 beslutad');
		const coming = await createNews(db, editor, {
			title: 'Södertörnskonferensen 2027',
			publishedOn: addDays(today, 10),
			summary: 'Välkommen till Södertörnskonferensen i april.'
		});
		const shown = await listNews(db, { today });
		expect(shown.map((n) => n.id)).not.toContain(coming.id);
		expect(shown.every((n) => n.publishedOn <= today)).toBe(true);
		expect((await listNews(db, { today: addDays(today, 10) }))[0].id).toBe(coming.id);
		expect((await listNews(db, { today, all: true })).map((n) => n.id)).toContain(coming.id);
		await expect(getNews(db, coming.id, today)).rejects.toBeInstanceOf(NotFoundError);
		expect((await getNews(db, coming.id, today, true)).title).toBe('Södertörnskonferensen 2027');
	});

	it('refuses news without a title, from the public and from a member', async () => {
		const before = { news: await tally(news), audit: await tally(auditLog) };
		const errors = await refused(() => createNews(db, editor, { title: '  ', publishedOn: today, summary: 'Ingress' }));
		expect(errors.title).toBe('Rubrik måste fyllas i.');
		await expect(createNews(db, PUBLIC, { title: 'Allmänheten', publishedOn: today, summary: 'Ingress' })).rejects.toBeInstanceOf(
			UnauthenticatedError
		);
		await expect(createNews(db, member, { title: 'Ledamoten', publishedOn: today, summary: 'Ingress' })).rejects.toBeInstanceOf(
			ForbiddenError
		);
		expect({ news: await tally(news), audit: await tally(auditLog) }).toEqual(before);
	});
});

describe('the governing documents', () => {
	it('holds the agreement, the platform and the directive with its two versions', async () => {
		const docs = await listGoverningDocuments(db);
		expect(docs).toHaveLength(3);
		expect(docs.map((d) => d.kind).sort()).toEqual(['agreement', 'directive', 'platform']);
		const directive = docs.find((d) => d.kind === 'directive')!;
		expect(directive.title).toBe('Direktiv för medverkan i nätverk Södertörnskommunerna');
		expect(directive.versions.map((v) => v.label).sort()).toEqual(['2019', '2021']);
		expect(directive.versions.find((v) => v.label === '2019')).toMatchObject({ adoptedOn: '2019-04-26', validFrom: '2019-04-26' });
	});

	it('closes the version in force the day before a new one starts, and refuses a label twice', async () => {
		const platform = (await listGoverningDocuments(db)).find((d) => d.kind === 'platform')!;
		expect(platform.current).toMatchObject({ label: '2018', validFrom: '2018-03-21', validTo: null });
		const added = await addDocumentVersion(
			db,
			editor,
			platform.id,
			{ label: '2024', adoptedOn: '2024-08-20', validFrom: '2024-09-01', summary: 'Reviderad efter Nykvarns utträde.' },
			{ name: 'kommunikationsplattform-2024.pdf', mediaType: 'application/pdf', content: new TextEncoder().encode('%PDF-1.7 plattform') }
		);
		const after = (await listGoverningDocuments(db)).find((d) => d.id === platform.id)!;
		expect(after.versions.find((v) => v.label === '2018')!.validTo).toBe('2024-08-31');
		expect(after.current).toMatchObject({ id: added.id, label: '2024', validTo: null, fileName: 'kommunikationsplattform-2024.pdf' });
		expect(after.versions.filter((v) => v.validTo === null)).toHaveLength(1);

		const before = { versions: await tally(governingDocumentVersion), audit: await tally(auditLog) };
		const errors = await refused(() => addDocumentVersion(db, editor, platform.id, { label: '2024', validFrom: '2025-01-01' }));
		expect(errors.label).toBe('Dokumentet har redan en version med den beteckningen.');
		expect({ versions: await tally(governingDocumentVersion), audit: await tally(auditLog) }).toEqual(before);
		// the refused version closed nothing
		expect((await listGoverningDocuments(db)).find((d) => d.id === platform.id)!.current!.id).toBe(added.id);
	});

	it('makes a new dated version of the directive the one in force, leaving no older version open', async () => {
		const directive = (await listGoverningDocuments(db)).find((d) => d.kind === 'directive')!;
		const added = await addDocumentVersion(db, editor, directive.id, {
			label: '2025',
			adoptedOn: '2024-12-10',
			validFrom: '2025-01-01',
			summary: 'Reviderat direktiv efter Nykvarns utträde.'
		});
		const after = (await listGoverningDocuments(db)).find((d) => d.id === directive.id)!;
		expect(after.versions.filter((v) => v.validTo === null).map((v) => v.label)).toEqual(['2025']);
		expect(after.current!.id).toBe(added.id);
	});
});
