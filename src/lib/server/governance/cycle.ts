// The year's cycle (årshjul): recurring duties with a rule and an owner, the
// dated tasks they yield per year, introduction meetings for new members, and
// the reminders and weekly digest that go through the mail outbox.
import { and, asc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import type { Actor } from '../actor.ts';
import { SYSTEM } from '../actor.ts';
import { body, cooperation, duty, membership, person, task } from '../db/schema/index.ts';
import { NotFoundError, fieldError } from '../errors.ts';
import { inTransaction, requireRole, updateVersioned, validate, writeAudit, type ConstraintFields } from '../service.ts';
import { versionField } from '../../schemas/fields.ts';
import { dutyInput, taskDoneInput, taskInput } from '../../schemas/governance.ts';
import {
	LATE_DAYS,
	SWEDISH_GENERAL_ELECTION,
	addDays,
	describeRule,
	dutyDate,
	ruleProblem,
	taskState,
	weekStart,
	type DutyRule,
	type ElectionRule
} from '../../core/governance.ts';
import { formatDate, todayIso } from '../../core/format.ts';
import { z } from 'zod';

type Reader = Db | Tx;

const constraints: ConstraintFields = {
	duty_title_unique: ['title', 'Det finns redan en uppgift med den rubriken.'],
	duty_owner: ['ownerBodyId', 'Ansvarig: en uppgift måste ha en ansvarig.'],
	duty_owner_body_id_body_id_fk: ['ownerBodyId', 'Det valda organet finns inte.'],
	duty_owner_person_id_person_id_fk: ['ownerPersonId', 'Den valda personen finns inte.']
};

/** The cooperation's election rule (data); the Swedish general elections when none is stored. */
export async function electionRule(db: Reader): Promise<ElectionRule> {
	const [row] = await db.select({ rule: cooperation.electionRule }).from(cooperation).limit(1);
	return (row?.rule as ElectionRule | null) ?? SWEDISH_GENERAL_ELECTION;
}

export async function listDuties(db: Reader, id?: number) {
	const rows = await db
		.select({
			id: duty.id,
			title: duty.title,
			description: duty.description,
			ownerBodyId: duty.ownerBodyId,
			ownerPersonId: duty.ownerPersonId,
			ownerText: duty.ownerText,
			ownerBody: body.name,
			ownerPerson: person.name,
			rule: duty.rule,
			remindDaysBefore: duty.remindDaysBefore,
			active: duty.active,
			source: duty.source,
			version: duty.version
		})
		.from(duty)
		.leftJoin(body, eq(body.id, duty.ownerBodyId))
		.leftJoin(person, eq(person.id, duty.ownerPersonId))
		.where(id === undefined ? undefined : eq(duty.id, id))
		.orderBy(asc(duty.title));
	return rows.map((r) => ({
		...r,
		rule: r.rule as DutyRule,
		owner: r.ownerBody ?? r.ownerPerson ?? r.ownerText ?? '',
		ruleText: describeRule(r.rule as DutyRule)
	}));
}

export async function getDuty(db: Reader, id: number) {
	const [d] = await listDuties(db, id);
	if (!d) throw new NotFoundError('Uppgiften');
	return d;
}

/** A stored rule as the fields it is edited by (the form's and the API's). */
export function dutyRuleFields(r: DutyRule) {
	const e = r.electionYear;
	return {
		ruleKind: r.kind,
		month: r.month,
		day: r.kind === 'day' ? r.day : '',
		weekday: r.kind === 'weekday' ? r.weekday : '',
		nth: r.kind === 'weekday' ? r.nth : '',
		electionYear: typeof e === 'object' ? 'move' : (e ?? 'keep'),
		electionMonth: typeof e === 'object' ? e.month : ''
	};
}

/** The form's fields of a stored duty. */
export function dutyFormValues(d: Awaited<ReturnType<typeof getDuty>>) {
	return { ...d, ...dutyRuleFields(d.rule) };
}

async function checkRule(tx: Tx, rule: DutyRule) {
	const problem = ruleProblem(rule, new Date().getUTCFullYear(), await electionRule(tx));
	if (problem) throw fieldError('day', `Regeln ger inget datum: ${problem}.`);
}

export async function createDuty(db: Db, actor: Actor, input: unknown) {
	requireRole(actor, 'editor');
	const v = validate(dutyInput, input);
	return inTransaction(
		db,
		async (tx) => {
			await checkRule(tx, v.rule);
			const [row] = await tx.insert(duty).values(v).returning();
			await generateComingYears(tx);
			await writeAudit(tx, actor, { action: 'create', entity: 'duty', entityId: row.id, after: row });
			return row;
		},
		constraints
	);
}

export async function updateDuty(db: Db, actor: Actor, id: number, input: unknown) {
	requireRole(actor, 'editor');
	const { version } = validate(z.object({ version: versionField }), input);
	const v = validate(dutyInput, input);
	return inTransaction(
		db,
		async (tx) => {
			await checkRule(tx, v.rule);
			const { before, after } = await updateVersioned(tx, duty, id, version, v, 'Uppgiften');
			// Open tasks of coming years follow the new rule; done ones keep their date.
			await tx.delete(task).where(and(eq(task.dutyId, id), isNull(task.doneOn), eq(task.doneUndated, false), gte(task.dueOn, todayIso())));
			await generateComingYears(tx);
			await writeAudit(tx, actor, { action: 'update', entity: 'duty', entityId: id, before, after });
			return after;
		},
		constraints
	);
}

/**
 * Generates the year's tasks from the active duties, once per duty and year:
 * a duty skipped in an election year yields none. Returns how many were added.
 */
export async function generateTasks(tx: Tx | Db, years: number[]): Promise<number> {
	const duties = await tx.select().from(duty).where(eq(duty.active, 'yes'));
	const election = await electionRule(tx);
	const rows: (typeof task.$inferInsert)[] = [];
	for (const year of years)
		for (const d of duties) {
			const date = dutyDate(d.rule as DutyRule, year, election);
			if ('date' in date) rows.push({ kind: 'duty', dutyId: d.id, year, title: d.title, dueOn: date.date });
		}
	if (!rows.length) return 0;
	const added = await tx.insert(task).values(rows).onConflictDoNothing().returning({ id: task.id });
	return added.length;
}

/** This year's tasks and those of any later year already generated, for a new or changed duty. */
async function generateComingYears(tx: Tx) {
	const year = Number(todayIso().slice(0, 4));
	const later = await tx
		.selectDistinct({ year: task.year })
		.from(task)
		.where(and(eq(task.kind, 'duty'), gte(task.year, year)));
	return generateTasks(tx, [...new Set([year, ...later.map((r) => r.year)])]);
}

export async function generateYear(db: Db, actor: Actor, yearInput: unknown) {
	requireRole(actor, 'editor');
	const year = validate(z.coerce.number({ error: 'År ska vara ett årtal.' }).int().min(1900).max(2200), yearInput);
	return inTransaction(db, async (tx) => {
		const added = await generateTasks(tx, [year]);
		await writeAudit(tx, actor, { action: 'generate_tasks', entity: 'task', entityId: year, after: { year, added } });
		return { year, added };
	});
}

const taskColumns = {
	id: task.id,
	kind: task.kind,
	dutyId: task.dutyId,
	year: task.year,
	membershipId: task.membershipId,
	title: task.title,
	dueOn: task.dueOn,
	material: task.material,
	doneOn: task.doneOn,
	doneUndated: task.doneUndated,
	doneBy: task.doneBy,
	doneNote: task.doneNote,
	remindedAt: task.remindedAt,
	version: task.version,
	owner: sql<string | null>`coalesce(${body.name}, ${person.name}, ${duty.ownerText})`,
	remindDaysBefore: sql<number>`coalesce(${duty.remindDaysBefore}, 14)`
};

export function tasksQuery(db: Reader) {
	return db
		.select(taskColumns)
		.from(task)
		.leftJoin(duty, eq(duty.id, task.dutyId))
		.leftJoin(body, eq(body.id, duty.ownerBodyId))
		.leftJoin(person, eq(person.id, duty.ownerPersonId));
}

export async function listTasks(db: Reader, f: { year?: number; from?: string; to?: string; open?: boolean }) {
	const where = [
		f.year !== undefined ? eq(task.year, f.year) : undefined,
		f.from ? gte(task.dueOn, f.from) : undefined,
		f.to ? lte(task.dueOn, f.to) : undefined,
		f.open ? and(isNull(task.doneOn), eq(task.doneUndated, false)) : undefined
	].filter((w) => w !== undefined);
	return tasksQuery(db)
		.where(and(...where))
		.orderBy(asc(task.dueOn), asc(task.title));
}

export async function getTask(db: Reader, id: number) {
	const [row] = await tasksQuery(db).where(eq(task.id, id));
	if (!row) throw new NotFoundError('Uppgiften');
	return row;
}

/**
 * The secretariat's week: what is late, what is due this week, what comes in
 * the next 30 days, and the year's tasks for the wheel (and, with `wheelYear`,
 * another year's for it). The year's tasks are generated on first look, so a
 * new year needs no set-up. One query: the open tasks of the window and the
 * years' tasks are read together and sorted out here (a year without its
 * duties' tasks reads again after generating them).
 */
export async function weekView(db: Db, today: string, wheelYear?: number) {
	const year = Number(today.slice(0, 4));
	const from = addDays(today, -LATE_DAYS);
	const to = addDays(today, 30);
	const years = wheelYear === undefined || wheelYear === year ? [year] : [year, wheelYear];
	const read = () =>
		tasksQuery(db)
			.where(
				or(inArray(task.year, years), and(isNull(task.doneOn), eq(task.doneUndated, false), gte(task.dueOn, from), lte(task.dueOn, to)))
			)
			.orderBy(asc(task.dueOn), asc(task.title));
	let rows = await read();
	if (!rows.some((t) => t.year === year && t.kind === 'duty')) {
		await db.transaction(async (tx) => {
			const added = await generateTasks(tx, [year]);
			if (added) await writeAudit(tx, SYSTEM, { action: 'generate_tasks', entity: 'task', entityId: year, after: { year, added } });
		});
		rows = await read();
	}
	const monday = weekStart(today);
	const open = rows.filter((t) => t.doneOn === null && !t.doneUndated && t.dueOn >= from && t.dueOn <= to);
	const yearTasks = rows.filter((t) => t.year === year);
	const withState = <T extends { dueOn: string; doneOn: string | null }>(t: T) => ({ ...t, state: taskState(t, today) });
	const openStates = open.map(withState);
	const yearStates = yearTasks.map(withState);
	return {
		today,
		monday,
		sunday: addDays(monday, 6),
		year,
		late: openStates.filter((t) => t.state === 'late'),
		thisWeek: openStates.filter((t) => t.state === 'this_week'),
		soon: openStates.filter((t) => t.state === 'soon'),
		doneThisWeek: yearTasks.filter((t) => t.doneOn && t.doneOn >= monday && t.doneOn <= addDays(monday, 6)),
		yearTasks: yearStates,
		/** The tasks of `wheelYear` (this year's without it), with their state. */
		wheel: years.length === 1 ? yearStates : rows.filter((t) => t.year === wheelYear).map(withState)
	};
}

export async function markTaskDone(db: Db, actor: Actor, id: number, input: unknown) {
	requireRole(actor, 'editor');
	const { version } = validate(z.object({ version: versionField }), input);
	const v = validate(taskDoneInput, input);
	return inTransaction(db, async (tx) => {
		const { before, after } = await updateVersioned(tx, task, id, version, { ...v, doneUndated: false, doneBy: actor.name }, 'Uppgiften');
		if (before.doneOn) throw fieldError('doneOn', `Uppgiften är redan klar (${formatDate(before.doneOn as string)}).`);
		await writeAudit(tx, actor, { action: 'done', entity: 'task', entityId: id, before, after });
		return after;
	});
}

export async function reopenTask(db: Db, actor: Actor, id: number, input: unknown) {
	requireRole(actor, 'editor');
	const { version } = validate(z.object({ version: versionField }), input);
	return inTransaction(db, async (tx) => {
		const { before, after } = await updateVersioned(
			tx,
			task,
			id,
			version,
			{ doneOn: null, doneUndated: false, doneBy: null, doneNote: null },
			'Uppgiften'
		);
		await writeAudit(tx, actor, { action: 'reopen', entity: 'task', entityId: id, before, after });
		return after;
	});
}

/** A one-off task of the secretariat's, beside the duties. */
export async function createTask(db: Db, actor: Actor, input: unknown) {
	requireRole(actor, 'editor');
	const v = validate(taskInput, input);
	return inTransaction(db, async (tx) => {
		const [row] = await tx
			.insert(task)
			.values({ ...v, kind: 'other', year: Number(v.dueOn.slice(0, 4)) })
			.returning();
		await writeAudit(tx, actor, { action: 'create', entity: 'task', entityId: row.id, after: row });
		return row;
	});
}

/** The bodies whose newcomers get an introduction meeting. */
const INTRODUCED_KINDS = ['committee', 'management_group', 'network'];
/** Staff roles are the secretariat's own, not newcomers to introduce. */
const INTRODUCED_ROLES = ['chair', 'vice_chair', 'member', 'substitute', 'adjunct'];

export const INTRODUCTION_MATERIAL =
	'Introduktionsmaterial: samarbetsavtalet, utvecklingsprogrammet, årets verksamhetsplan och handlingsplan, ' +
	'Direktiv för medverkan i nätverk (för nätverksmedlemmar), mötesplanen och kontaktuppgifter till kansliet.';

/**
 * When a membership starts in a network, the management group or the committee,
 * the secretariat gets a task "introduktionsmöte", due two weeks after the start.
 * Runs in the transaction that creates the membership.
 */
export async function createIntroductionTask(tx: Tx, actor: Actor, m: typeof membership.$inferSelect, today = todayIso()) {
	if (!INTRODUCED_ROLES.includes(m.role)) return null;
	const [b] = await tx.select({ kind: body.kind, name: body.name }).from(body).where(eq(body.id, m.bodyId));
	if (!b || !INTRODUCED_KINDS.includes(b.kind)) return null;
	const [p] = await tx.select({ name: person.name }).from(person).where(eq(person.id, m.personId));
	const start = m.startsOn && m.startsOn > today ? m.startsOn : today;
	const dueOn = addDays(start, 14);
	const [row] = await tx
		.insert(task)
		.values({
			kind: 'introduction',
			membershipId: m.id,
			bodyId: m.bodyId,
			year: Number(dueOn.slice(0, 4)),
			title: `Introduktionsmöte: ${p?.name ?? 'ny medlem'}, ${b.name}`,
			dueOn,
			material: INTRODUCTION_MATERIAL
		})
		.onConflictDoNothing()
		.returning();
	if (row) await writeAudit(tx, actor, { action: 'create', entity: 'task', entityId: row.id, after: row });
	return row ?? null;
}

/** Introductions held in a year, per body: the annual report's figure on newcomers. */
export async function introductionsOf(db: Reader, year: number) {
	return db
		.select({
			bodyId: body.id,
			body: body.name,
			held: sql<number>`count(*) filter (where ${task.doneOn} is not null or ${task.doneUndated})::int`,
			open: sql<number>`count(*) filter (where ${task.doneOn} is null and not ${task.doneUndated})::int`
		})
		.from(task)
		.innerJoin(body, eq(body.id, task.bodyId))
		.where(and(eq(task.kind, 'introduction'), eq(task.year, year)))
		.groupBy(body.id, body.name)
		.orderBy(asc(body.name));
}
