// A planning data set ten times the demo's, generated straight into the running
// server's database for the bench: ten programmes (4 focus areas × 3 sub-goals
// each) with two plan years each, so that the database holds about 2 000
// activities and 20 000 follow-ups in all. One generated year gets ten times the
// activities of the demo's 2020 plan, to show a big year's overview too.
// It is a fixture, not data entry: plain SQL in one transaction, deterministic
// (a seeded generator), then one audit_log row (its trigger's NOTIFY invalidates
// the response caches) and ANALYZE.
import pg from 'pg';
import { runningServerUrl } from '../src/lib/server/db/embedded.ts';

export const TARGET_ACTIVITIES = 2000;
export const TARGET_FOLLOW_UPS = 20000;
const PROGRAMMES = 10;
const YEARS_PER_PROGRAMME = 2;
const FOCUS_AREAS = 4;
const SUB_GOALS = 3;
const FIRST_YEAR = 1990;
/** The generated big year has this many times the activities of the demo year's plan. */
const BIG_YEAR_FACTOR = 10;

export const COUNTED_TABLES = [
	'decision',
	'programme',
	'focus_area',
	'sub_goal',
	'plan',
	'plan_area',
	'activity',
	'activity_responsible',
	'follow_up'
] as const;
export type Counts = Record<(typeof COUNTED_TABLES)[number], number> & { databaseBytes: number };

export interface Generated {
	ms: number;
	years: number[];
	bigYear: number;
	bigYearActivities: number;
	bigYearFollowUps: number;
	demoYearActivities: number;
	before: Counts;
	after: Counts;
}

/** mulberry32: the same data set on every run. */
function random(seed: number) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const WORDS = (
	'samverkan kommunerna regionen kollektivtrafik bostadsbyggande näringsliv kompetensförsörjning arbetsmarknad ' +
	'klimatomställning infrastruktur tvärförbindelse utbildning gymnasieskola vuxenutbildning folkhälsa kultur turism ' +
	'besöksnäring cykelstråk avfall vattenförsörjning digitalisering upphandling socialtjänst integration ungdomar ' +
	'seminarium nätverk rapport uppföljning genomförd planerad dialog workshop remissvar ansökan projekt finansiering ' +
	'Trafikverket Länsstyrelsen tjänstemannagruppen samarbetskommittén kommunstyrelsen presidiet sekretariatet'
).split(' ');
const TIMINGS = ['Löpande', 'Vår', 'Höst', 'Vår och höst', 'mars', 'juni', 'oktober', '2 ggr per år', 'Under året', null];
const STATUSES = ['done', 'done', 'ongoing', 'ongoing', 'not_started', 'postponed', 'cancelled'];

/** Inserts rows given as JSON into `table`: one statement, however many rows; returns `returning` of each, in no set order. */
async function insert<T>(
	c: pg.ClientBase,
	table: string,
	columns: Record<string, string>,
	rows: Record<string, unknown>[],
	returning = 'id'
): Promise<T[]> {
	if (!rows.length) return [];
	const names = Object.keys(columns);
	const list = names.map((n) => `"${n}"`).join(', ');
	const defs = names.map((n) => `"${n}" ${columns[n]}`).join(', ');
	const { rows: out } = await c.query(
		`insert into ${table} (${list}) select ${list} from jsonb_to_recordset($1::jsonb) as x(${defs}) returning ${returning}`,
		[JSON.stringify(rows)]
	);
	return out as T[];
}

export async function countPlanning(c: pg.ClientBase): Promise<Counts> {
	const { rows } = await c.query(
		`select ${COUNTED_TABLES.map((t) => `(select count(*) from ${t})::int as ${t}`).join(', ')},
		        pg_database_size(current_database())::float8 as "databaseBytes"`
	);
	return rows[0] as Counts;
}

/** The URL of the database of the application running on `dataDir`. */
export function databaseUrl(dataDir: string): string {
	const url = runningServerUrl(dataDir);
	if (!url) throw new Error(`no running application on ${dataDir} (server.json, samverka.lock)`);
	return url;
}

export async function generatePlanning(url: string, demoYear: number): Promise<Generated> {
	const c = new pg.Client({ connectionString: url });
	await c.connect();
	try {
		const before = await countPlanning(c);
		const t0 = performance.now();
		const rnd = random(20200101);
		const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
		const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
		const words = (lo: number, hi: number) => {
			const n = int(lo, hi);
			const out: string[] = [];
			for (let i = 0; i < n; i++) out.push(pick(WORDS));
			const s = out.join(' ');
			return s.charAt(0).toUpperCase() + s.slice(1) + '.';
		};
		const iso = (year: number, dayOfYear: number) => new Date(Date.UTC(year, 0, 1 + dayOfYear)).toISOString().slice(0, 10);

		await c.query('begin');
		const taken = new Set((await c.query<{ year: number }>('select year from plan')).rows.map((r) => r.year));
		const bodyIds = (await c.query<{ id: number }>('select id from body order by id')).rows.map((r) => r.id);
		if (!bodyIds.length) throw new Error('no bodies in the database');
		const [demo] = (
			await c.query<{ n: number }>('select count(a.id)::int as n from plan p left join activity a on a.plan_id = p.id where p.year = $1', [
				demoYear
			])
		).rows;
		const demoYearActivities = demo?.n ?? 0;

		const years: number[] = [];
		for (let y = FIRST_YEAR; years.length < PROGRAMMES * YEARS_PER_PROGRAMME; y++) if (!taken.has(y)) years.push(y);
		const bigYear = years[years.length - 1];
		const someBodies = (n: number) => {
			const set = new Set<number>();
			while (set.size < Math.min(n, bodyIds.length)) set.add(pick(bodyIds));
			return [...set];
		};

		// Decisions: one adopting each programme, one adopting each plan.
		const decisionRows = [
			...Array.from({ length: PROGRAMMES }, (_, p) => ({
				decided_on: iso(years[p * YEARS_PER_PROGRAMME] - 1, int(90, 160)),
				decided_by: 'municipal',
				body_id: null,
				decided_by_text: 'Kommunstyrelsen i respektive kommun',
				title: `Benchprogram ${p + 1} antaget`,
				source: 'bench'
			})),
			...years.map((y) => ({
				decided_on: iso(y - 1, int(300, 350)),
				decided_by: 'body',
				body_id: pick(bodyIds),
				decided_by_text: null,
				title: `Verksamhetsplan ${y} (bench) antagen`,
				source: 'bench'
			}))
		];
		const decisions = await insert<{ id: number; title: string }>(
			c,
			'decision',
			{ decided_on: 'date', decided_by: 'text', body_id: 'integer', decided_by_text: 'text', title: 'text', source: 'text' },
			decisionRows,
			'id, title'
		);
		const decisionId = new Map(decisions.map((d) => [d.title, d.id]));

		const programmes = await insert<{ id: number; short_name: string }>(
			c,
			'programme',
			{
				name: 'text',
				short_name: 'text',
				adopted_on: 'date',
				adopted_decision_id: 'integer',
				valid_from_year: 'integer',
				valid_to_year: 'integer',
				vision: 'text',
				overall_goal: 'text',
				principles: 'text',
				source: 'text'
			},
			Array.from({ length: PROGRAMMES }, (_, p) => ({
				name: `Benchprogrammet ${p + 1}`,
				short_name: `BP ${p + 1}`,
				adopted_on: decisionRows[p].decided_on,
				adopted_decision_id: decisionId.get(`Benchprogram ${p + 1} antaget`),
				valid_from_year: years[p * YEARS_PER_PROGRAMME],
				valid_to_year: years[p * YEARS_PER_PROGRAMME + YEARS_PER_PROGRAMME - 1],
				vision: words(15, 30),
				overall_goal: words(10, 20),
				principles: [words(5, 10), words(5, 10), words(5, 10)].join('\n'),
				source: 'bench'
			})),
			'id, short_name'
		);
		const programmeIds = Array.from({ length: PROGRAMMES }, (_, p) => programmes.find((r) => r.short_name === `BP ${p + 1}`)!.id);

		const areas = await insert<{ id: number; programme_id: number; position: number }>(
			c,
			'programme_area',
			{ programme_id: 'integer', name: 'text', purpose: 'text', position: 'integer' },
			programmeIds.flatMap((programme_id) => [
				{ programme_id, name: 'Regional utveckling', purpose: words(10, 20), position: 1 },
				{ programme_id, name: 'Intern samverkan', purpose: words(10, 20), position: 2 }
			]),
			'id, programme_id, position'
		);
		const areaOf = (programmeId: number, position: number) =>
			areas.find((a) => a.programme_id === programmeId && a.position === position)!.id;

		const focus = await insert<{ id: number; programme_id: number; position: number }>(
			c,
			'focus_area',
			{ programme_id: 'integer', area_id: 'integer', name: 'text', main_goal: 'text', position: 'integer' },
			programmeIds.flatMap((programme_id) =>
				Array.from({ length: FOCUS_AREAS }, (_, f) => ({
					programme_id,
					area_id: areaOf(programme_id, f < FOCUS_AREAS - 1 ? 1 : 2),
					name: `Fokusområde ${f + 1}: ${words(2, 4)}`,
					main_goal: words(10, 20),
					position: f + 1
				}))
			),
			'id, programme_id, position'
		);
		await insert(
			c,
			'focus_area_body',
			{ focus_area_id: 'integer', body_id: 'integer' },
			focus.flatMap((f) => someBodies(int(1, 2)).map((body_id) => ({ focus_area_id: f.id, body_id }))),
			'focus_area_id'
		);

		const goals = await insert<{ id: number; focus_area_id: number; position: number }>(
			c,
			'sub_goal',
			{ focus_area_id: 'integer', code: 'text', text: 'text', position: 'integer', source: 'text' },
			focus.flatMap((f) =>
				Array.from({ length: SUB_GOALS }, (_, g) => ({
					focus_area_id: f.id,
					code: `${f.position}.${g + 1}`,
					text: words(8, 20),
					position: g + 1,
					source: 'bench'
				}))
			),
			'id, focus_area_id, position'
		);
		await insert(
			c,
			'sub_goal_body',
			{ sub_goal_id: 'integer', body_id: 'integer' },
			goals.flatMap((g) => someBodies(1).map((body_id) => ({ sub_goal_id: g.id, body_id }))),
			'sub_goal_id'
		);
		const focusProgramme = new Map(focus.map((f) => [f.id, f.programme_id]));
		const goalsOf = new Map<number, number[]>();
		for (const g of goals) {
			const p = focusProgramme.get(g.focus_area_id)!;
			goalsOf.set(p, [...(goalsOf.get(p) ?? []), g.id]);
		}

		const plans = await insert<{ id: number; year: number; programme_id: number }>(
			c,
			'plan',
			{ year: 'integer', programme_id: 'integer', title: 'text', status: 'text', adopted_decision_id: 'integer', source: 'text' },
			years.map((year, i) => ({
				year,
				programme_id: programmeIds[Math.floor(i / YEARS_PER_PROGRAMME)],
				title: `Verksamhetsplan ${year} (bench)`,
				status: 'adopted',
				adopted_decision_id: decisionId.get(`Verksamhetsplan ${year} (bench) antagen`),
				source: 'bench'
			})),
			'id, year, programme_id'
		);
		plans.sort((a, b) => a.year - b.year);
		await c.query(`update plan p set previous_plan_id = q.id from plan q where q.year = p.year - 1 and p.id = any($1::int[])`, [
			plans.map((p) => p.id)
		]);
		const planAreas = await insert<{ id: number; plan_id: number }>(
			c,
			'plan_area',
			{ plan_id: 'integer', name: 'text', description: 'text', position: 'integer' },
			plans.flatMap((p) => [
				{ plan_id: p.id, name: 'Verksamhetsfrågor', description: words(5, 15), position: 1 },
				{ plan_id: p.id, name: 'Kommunikation', description: words(5, 15), position: 2 }
			]),
			'id, plan_id'
		);

		// Activities: the big year ten times the demo year's, the rest spread over the other years.
		const toGenerate = Math.max(0, TARGET_ACTIVITIES - before.activity);
		const bigYearActivities = Math.min(toGenerate, Math.max(1, demoYearActivities) * BIG_YEAR_FACTOR);
		const rest = toGenerate - bigYearActivities;
		const others = plans.length - 1;
		const perPlan = plans.map((p, i) =>
			p.year === bigYear ? bigYearActivities : Math.floor(((i + 1) * rest) / others) - Math.floor((i * rest) / others)
		);
		const activityRows: Record<string, unknown>[] = [];
		for (const [i, p] of plans.entries()) {
			const own = planAreas.filter((a) => a.plan_id === p.id).map((a) => a.id);
			const subGoals = goalsOf.get(p.programme_id)!;
			for (let k = 0; k < perPlan[i]; k++) {
				const onArea = rnd() < 0.1;
				const target = rnd() < 0.2 ? int(1, 6) : null;
				activityRows.push({
					plan_id: p.id,
					sub_goal_id: onArea ? null : pick(subGoals),
					plan_area_id: onArea ? pick(own) : null,
					title: words(4, 14),
					timing: pick(TIMINGS),
					comment: rnd() < 0.3 ? words(5, 25) : null,
					status: pick(STATUSES),
					target_count: target,
					target_text: target ? `minst ${target} ggr per år` : null,
					report_text: rnd() < 0.5 ? words(20, 60) : null,
					position: k + 1,
					source: 'bench'
				});
			}
		}
		const activities = await insert<{ id: number; plan_id: number; position: number }>(
			c,
			'activity',
			{
				plan_id: 'integer',
				sub_goal_id: 'integer',
				plan_area_id: 'integer',
				title: 'text',
				timing: 'text',
				comment: 'text',
				status: 'text',
				target_count: 'integer',
				target_text: 'text',
				report_text: 'text',
				position: 'integer',
				source: 'text'
			},
			activityRows,
			'id, plan_id, position'
		);
		activities.sort((a, b) => a.id - b.id);
		// Every fourth activity of a programme's second year is carried over from its first year's.
		await c.query(
			`update activity a set carried_from_id = b.id
			   from plan p, plan q, activity b
			  where p.id = a.plan_id and q.id = p.previous_plan_id and q.programme_id = p.programme_id
			    and b.plan_id = q.id and b.position = a.position and a.position % 4 = 0 and a.id = any($1::int[])`,
			[activities.map((a) => a.id)]
		);

		const yearOf = new Map(plans.map((p) => [p.id, p.year]));
		await insert(
			c,
			'activity_responsible',
			{ activity_id: 'integer', body_id: 'integer', position: 'integer' },
			activities.flatMap((a) => someBodies(int(1, 3)).map((body_id, position) => ({ activity_id: a.id, body_id, position }))),
			'id'
		);

		// Follow-ups: the rest up to the target, spread evenly, dated within the plan's year.
		const fuTotal = Math.max(0, TARGET_FOLLOW_UPS - before.follow_up);
		const followRows: Record<string, unknown>[] = [];
		let bigYearFollowUps = 0;
		for (const [k, a] of activities.entries()) {
			const n = Math.floor(((k + 1) * fuTotal) / activities.length) - Math.floor((k * fuTotal) / activities.length);
			const year = yearOf.get(a.plan_id)!;
			if (year === bigYear) bigYearFollowUps += n;
			for (let j = 0; j < n; j++) {
				followRows.push({ activity_id: a.id, date: iso(year, int(0, 364)), text: words(10, 50), author: 'Bench', source: 'bench' });
			}
		}
		await insert(c, 'follow_up', { activity_id: 'integer', date: 'date', text: 'text', author: 'text', source: 'text' }, followRows, 'id');

		// The audit row: its trigger's NOTIFY, delivered on commit, invalidates every instance's response cache.
		await c.query(`insert into audit_log (actor, action, entity, after) values ('bench', 'bench-generate', 'bench', $1::jsonb)`, [
			JSON.stringify({ years, activities: activities.length, followUps: followRows.length })
		]);
		await c.query('commit');
		await c.query('analyze');
		const ms = performance.now() - t0;
		const after = await countPlanning(c);
		return { ms, years, bigYear, bigYearActivities, bigYearFollowUps, demoYearActivities, before, after };
	} catch (e) {
		await c.query('rollback').catch(() => {});
		throw e;
	} finally {
		await c.end();
	}
}
