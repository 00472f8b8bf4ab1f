// `npm run bench`: cold start, throughput and latency under load against the
// server's own static route, and resident memory after the load; then the yearly
// follow-up overview again after the database grew to ten times the demo data.
// The figures and targets are those of issue 3, "Tests and figures", and of the
// planning module's issue (the overview at ten times the data); and a year's
// closing computed from 100 000 ledger entries (the finance module's issue); the
// consultations register with 5 000 remisser, filtered and paged (its issue);
// the year's duties for ten years and the secretariat's week page (governance).
// It reports PASS/FAIL; it does not fail the process over a missed target.
import fs from 'node:fs';
import os from 'node:os';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { createRequire } from 'node:module';
import { ROOT, running, startServer, postmasterPid, type Started } from './server.ts';
import { load, type LoadFigures } from './load.ts';
import { rssOf, databaseMemory } from './memory.ts';
import { COUNTED_TABLES, databaseUrl, generatePlanning } from './planning-data.ts';
import { benchMeetingDocuments, TARGET_MS as DOCUMENT_TARGET_MS } from './documents.ts';
import { benchYearClosing, describeClosing, ENTRIES as CLOSING_ENTRIES, TARGET_MS as CLOSING_TARGET_MS } from './finance.ts';
import { CONSULTATIONS, generateConsultations } from './consultation-data.ts';
import { benchDuties, median, YEARS as DUTY_YEARS } from './governance.ts';
import { benchReports, describeReports, YEAR as REPORT_YEAR } from './reports.ts';
import { shutdownUnderLoad } from './shutdown.ts';
import { benchImport, describeImport } from './import.ts';
import {
	benchMembers,
	describeMembers,
	describeMembersAtScale,
	SCALE_TARGET,
	TARGETS as MEMBER_TARGETS,
	type MemberRow
} from './members.ts';
import { generateMeetings, MEETING_FACTOR } from './meeting-data.ts';
import { benchSearch } from './search.ts';
import { createDb } from '../src/lib/server/db/client.ts';
import { SYSTEM } from '../src/lib/server/actor.ts';
import { listMeetings } from '../src/lib/server/meetings/queries.ts';
import { meetingDocument } from '../src/lib/server/meetings/document.ts';

const DATA_DIR = path.join(ROOT, '.tmp', 'bench-data');
const ADMIN = { SAMVERKA_ADMIN_EMAIL: 'bench@samverka.local', SAMVERKA_ADMIN_PASSWORD: 'bench-lösenord-som-räcker' };
/** The bench's server counts each request's database round trips (x-samverka-round-trips), for section 3b. */
const SERVER_ENV = { ...ADMIN, SAMVERKA_ROUND_TRIPS: '1' };
const CONNECTIONS = 50;
const SECONDS = 10;
const WARMUP_SECONDS = 2;

const TARGET_READY_MS = 3000;
const TARGET_RPS_SHARE = 0.3;
const TARGET_P95_MULTIPLE = 3;
const TARGET_APP_RSS_MB = 250;
/** The yearly follow-up overview's p95 with ten times the demo data, at most this many times its p95 with the demo data. */
const TARGET_SCALE_P95_RATIO = 2;

const PLAN_YEAR = 2020;
const PLAN_PAGE = `/planning/plans/${PLAN_YEAR}`;

const BODY_CALENDAR = '/meetings/bodies/2?year=2020';

const FINANCE_OVERVIEW = '/finance?year=2020';

/** A search a member makes: every hit they may see, ranked, excerpts marked (signed in: never from the cache). */
const SEARCH_PAGE = `/search?q=${encodeURIComponent('Tvärförbindelse')}`;

interface Route {
	name: string;
	path: string;
	signedIn?: boolean;
	/** a signed-in page held to the targets all the same (a members' page, never cached) */
	target?: boolean;
}

// The yardstick first; then every page of the project, the same way.
const STATIC_ROUTE: Route = { name: 'static file, yardstick', path: '/ping.txt' };
// Anonymous visitors are served from the response cache (invalidated by every
// committed change); the signed-in row shows the same page rendered each time.
const PAGES: Route[] = [
	{ name: 'body: management group', path: '/organisation/bodies/2' },
	{ name: 'API: persons', path: '/api/v1/persons' },
	{ name: 'start page', path: '/' },
	{ name: 'municipality page', path: '/organisation/municipalities/1' },
	{ name: 'yearly follow-up overview', path: PLAN_PAGE },
	{ name: 'body calendar: management group', path: BODY_CALENDAR },
	{ name: 'finance overview 2020', path: FINANCE_OVERVIEW },
	{ name: 'search: Tvärförbindelse', path: SEARCH_PAGE },
	{ name: 'body, signed in (info)', path: '/organisation/bodies/2', signedIn: true },
	{ name: 'overview, signed in (info)', path: PLAN_PAGE, signedIn: true },
	{ name: 'body calendar, signed in (info)', path: BODY_CALENDAR, signedIn: true },
	{ name: 'search, signed in', path: SEARCH_PAGE, signedIn: true, target: true }
];

const verdicts: { what: string; pass: boolean }[] = [];
function verdict(what: string, pass: boolean): string {
	verdicts.push({ what, pass });
	return pass ? 'PASS' : 'FAIL';
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const msf = (ms: number) =>
	!Number.isFinite(ms) ? '–' : ms < 10 ? `${ms.toFixed(2)} ms` : ms < 100 ? `${ms.toFixed(1)} ms` : `${ms.toFixed(0)} ms`;
const mb = (kb: number) => `${((kb * 1024) / 1e6).toFixed(1)} MB`;
const pad = (v: string, n: number) => v.padEnd(n);
const lpad = (v: string, n: number) => v.padStart(n);

function machine() {
	const cpus = os.cpus();
	const require = createRequire(import.meta.url);
	const autocannonVersion = (require('autocannon/package.json') as { version: string }).version;
	console.log('Samverka benchmark');
	console.log(
		`  machine:    ${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown CPU'}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, load average ${os
			.loadavg()
			.map((l) => l.toFixed(2))
			.join(' ')}`
	);
	console.log(`  software:   Node ${process.version} (${process.execPath}), ${os.type()} ${os.release()}, autocannon ${autocannonVersion}`);
	console.log('  note:       absolute figures drift from run to run on this shared 2-core machine, and the load generator');
	console.log('              shares the cores with the server and its database: that is why the targets under load are');
	console.log("              relative to the server's own static route, measured in the same run, the same way.");
	console.log('');
}

function printMarks(server: Started) {
	if (!server.marks.length) return;
	console.log(`        ${server.marks.map((m) => `${m.label} ${s(m.ms)}`).join(' · ')} · first 200 of GET / ${s(server.readyMs)}`);
}

async function coldStart(): Promise<Started> {
	console.log('1. Cold start: spawn of `node server.ts` to the first 200 of GET /');
	fs.rmSync(DATA_DIR, { recursive: true, force: true });
	fs.mkdirSync(path.dirname(DATA_DIR), { recursive: true });

	const first = await startServer({ dataDir: DATA_DIR, env: SERVER_ENV });
	let stopMs: number;
	try {
		console.log(`  (a) first start of all (fresh ${path.relative(ROOT, DATA_DIR)}/: initdb, migrations, demo data, administrator)`);
		console.log(`      ${pad(s(first.readyMs), 10)}  (no target)`);
		printMarks(first);
	} finally {
		stopMs = await first.stop();
	}
	console.log(`      stopped with SIGTERM, database included, in ${s(stopMs)}`);

	const second = await startServer({ dataDir: DATA_DIR, env: SERVER_ENV });
	console.log('  (b) database already initialised (same data directory, demo data in place)');
	console.log(
		`      ${pad(s(second.readyMs), 10)}  target < ${s(TARGET_READY_MS)}   ${verdict('cold start, database initialised', second.readyMs < TARGET_READY_MS)}`
	);
	printMarks(second);
	console.log('');
	return second;
}

/** The session cookie of the bench's administrator. */
async function signIn(base: string): Promise<string> {
	const res = await fetch(base + '/api/v1/session', {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ email: ADMIN.SAMVERKA_ADMIN_EMAIL, password: ADMIN.SAMVERKA_ADMIN_PASSWORD })
	});
	const cookie = res.headers.getSetCookie()[0]?.split(';')[0];
	if (!res.ok || !cookie) throw new Error(`signing in failed: ${res.status}`);
	return cookie;
}

const headersOf = (route: Route, cookie: string) => (route.signedIn ? { cookie } : undefined);

/** One request per route first: every route's code is loaded before any figure is taken. */
async function firstRequests(server: Started, routes: Route[], cookie: string, label: string) {
	const mark = server.outputMark();
	const first: string[] = [];
	let firstBad = false;
	for (const route of routes) {
		const res = await fetch(server.base + route.path, { headers: headersOf(route, cookie) }).catch((e: Error) => e);
		if (res instanceof Error) {
			first.push(`${route.path} ${res.message}`);
			firstBad = true;
			continue;
		}
		const body = await res.arrayBuffer();
		first.push(`${route.path}${route.signedIn ? ' (signed in)' : ''} ${res.status} (${(body.byteLength / 1024).toFixed(1)} kB)`);
		if (res.status !== 200) firstBad = true;
	}
	console.log(`   ${label}: ${first.join(' · ')}`);
	if (firstBad) {
		for (const line of server.outputSince(mark).trim().split('\n').slice(0, 12)) console.log(`        | ${line}`);
	}
}

const NAME_WIDTH = 30;

function printHeader() {
	const header =
		'  ' +
		pad('GET', 34) +
		pad('what', NAME_WIDTH) +
		lpad('req/s', 9) +
		lpad('p50', 11) +
		lpad('p95', 11) +
		lpad('p99', 11) +
		lpad('% static', 10) +
		lpad('', 6) +
		lpad('p95 ×', 8) +
		lpad('', 6) +
		lpad('app RSS', 11) +
		'   responses 2xx / non-2xx / errors';
	console.log(header);
	console.log('  ' + '-'.repeat(header.length - 2));
}

/**
 * One route under load, printed as a row of the table. Against `yard` (null: this
 * is the yardstick); with targets when `targets` and anonymous, else informational.
 */
async function measureRow(server: Started, route: Route, cookie: string, yard: LoadFigures | null, targets: boolean): Promise<LoadFigures> {
	const mark = server.outputMark();
	const f = await load({
		url: server.base + route.path,
		connections: CONNECTIONS,
		seconds: SECONDS,
		warmupSeconds: WARMUP_SECONDS,
		headers: headersOf(route, cookie)
	});
	const rss = rssOf(server.pid);
	let share = '',
		shareV = '',
		mult = '',
		multV = '';
	if (!yard) {
		share = '100 %';
		mult = '1.0×';
	} else if ((route.signedIn && !route.target) || !targets) {
		share = `${((f.rps / yard.rps) * 100).toFixed(0)} %`;
		mult = `${(f.p95 / yard.p95).toFixed(1)}×`;
	} else {
		const r = f.rps / yard.rps;
		const m = f.p95 / yard.p95;
		share = `${(r * 100).toFixed(0)} %`;
		shareV = verdict(`${route.path}: requests/s ≥ ${TARGET_RPS_SHARE * 100} % of static`, r >= TARGET_RPS_SHARE);
		mult = Number.isFinite(m) ? `${m.toFixed(1)}×` : '–';
		multV = verdict(`${route.path}: p95 ≤ ${TARGET_P95_MULTIPLE}× static p95`, m <= TARGET_P95_MULTIPLE);
	}
	const bad = f.non2xx + f.errors;
	console.log(
		'  ' +
			pad(route.path, 34) +
			pad(route.name, NAME_WIDTH) +
			lpad(f.rps.toFixed(0), 9) +
			lpad(msf(f.p50), 11) +
			lpad(msf(f.p95), 11) +
			lpad(msf(f.p99), 11) +
			lpad(share, 10) +
			lpad(shareV, 6) +
			lpad(mult, 8) +
			lpad(multV, 6) +
			lpad(rss ? mb(rss.rssKb) : '?', 11) +
			`   ${f.requests} / ${f.non2xx} / ${f.errors}${bad ? '  <-- not all 2xx' : ''}`
	);
	if (bad) {
		const codes = Object.entries(f.statusCodes)
			.map(([c, n]) => `${c}: ${n}`)
			.join(', ');
		console.log(`      ! status codes ${codes}; ${f.errors} errors (${f.timeouts} timeouts)`);
		const log = server.outputSince(mark).trim().split('\n');
		if (log.length && log[0]) {
			console.log(`      ! the server's log during this route (first ${Math.min(12, log.length)} of ${log.length} lines):`);
			for (const line of log.slice(0, 12)) console.log(`        | ${line}`);
		}
		verdicts.push({ what: `${route.path}${route.signedIn ? ' (signed in)' : ''}: every response 2xx`, pass: false });
	}
	return f;
}

async function underLoad(server: Started): Promise<string> {
	console.log(
		`2. Under load: ${CONNECTIONS} concurrent connections, ${SECONDS} s per route after a ${WARMUP_SECONDS} s warm-up, one route at a time, static route first`
	);
	console.log(
		`   targets: at least ${TARGET_RPS_SHARE * 100} % of the static route's requests/s, and a p95 at most ${TARGET_P95_MULTIPLE}× the static route's p95`
	);
	const before = rssOf(server.pid);
	if (before) console.log(`   application RSS before the load (started, one GET / served): ${mb(before.rssKb)}`);
	const cookie = await signIn(server.base);
	await firstRequests(server, [STATIC_ROUTE, ...PAGES], cookie, 'one request per route before the load');
	printHeader();

	const results: (Route & { f: LoadFigures })[] = [];
	let yard: LoadFigures | null = null;
	for (const route of [STATIC_ROUTE, ...PAGES]) {
		const f = await measureRow(server, route, cookie, yard, true);
		yard ??= f;
		results.push({ ...route, f });
	}
	console.log(
		`  (req/s: 2xx responses per second of the measured ${SECONDS} s; latencies: of every 2xx response; ` +
			`app RSS: of the application process right after the route's run)`
	);
	console.log(
		'  (anonymous GETs are answered from the response cache, which every committed change invalidates; the signed-in rows\n' +
			'   render the page on every request and have no target: they show what the cache saves)'
	);
	console.log(
		`  (bytes per response, headers included: ${results.map((r) => `${r.path}${r.signedIn ? ' signed in' : ''} ${(r.f.bytesPerRequest / 1024).toFixed(1)} kB`).join(', ')})`
	);
	console.log('');
	return cookie;
}

function memory(server: Started) {
	console.log('3. Resident memory after the load');
	const app = rssOf(server.pid);
	if (!app) {
		console.log(`  ! the application process (pid ${server.pid}) is gone`);
		verdicts.push({ what: 'application memory', pass: false });
	} else {
		const pass = (app.rssKb * 1024) / 1e6 < TARGET_APP_RSS_MB;
		console.log(
			`  application (node server.ts, pid ${server.pid})   RSS ${pad(mb(app.rssKb), 10)} target < ${TARGET_APP_RSS_MB} MB   ${verdict('application RSS', pass)}` +
				`   (peak RSS ${mb(app.peakKb)})`
		);
	}
	const pm = postmasterPid(DATA_DIR);
	if (pm === null) {
		console.log('  ! no postmaster.pid in the data directory: the database is not running');
	} else {
		const d = databaseMemory(pm);
		console.log(
			`  database (postmaster pid ${pm} and ${d.processes - 1} processes under it)   RSS sum ${mb(d.rssKb)}` +
				(Number.isFinite(d.pssKb) ? `   (PSS sum ${mb(d.pssKb)}: shared buffers counted once)` : '') +
				'   (no target)'
		);
		for (const g of d.byName) console.log(`      ${pad(g.count > 1 ? `${g.name} ×${g.count}` : g.name, 34)} ${lpad(mb(g.rssKb), 10)}`);
	}
	console.log('');
}

/**
 * The yearly follow-up overview with the demo data (A) and after the database
 * grew to ten times the demo data (B), in the same running server, signed in
 * both times so that every request renders the page (anonymous ones would be
 * answered from the response cache).
 */
async function planningAtScale(server: Started, cookie: string) {
	console.log(`6. Planning at ten times the demo data: GET ${PLAN_PAGE} signed in, with the demo data and again after generating`);
	console.log('   a data set ten times larger into the same running database (ten programmes with two plan years each,');
	console.log('   about 2 000 activities and 20 000 follow-ups in all)');
	console.log(
		`   target: p95 with ten times the data at most ${TARGET_SCALE_P95_RATIO}× the p95 with the demo data; ${CONNECTIONS} connections, ${SECONDS} s after a ${WARMUP_SECONDS} s warm-up.`
	);
	console.log('   Signed in both times: every request renders the page (anonymous GETs would come from the response cache).');
	console.log(`   The ${PLAN_YEAR} plan itself stays as the demo has it, so (A)→(B) is what a ten times larger database costs the same`);
	console.log('   page; the generated big year, ten times the activities of the demo year, shows what a ten times larger plan costs.');
	console.log('   The static route is measured again right before (A) and (B): the machine is shared, and its load drifts.');
	const page: Route = { name: '(A) demo data', path: PLAN_PAGE, signedIn: true };
	printHeader();
	const staticA = await measureRow(server, { ...STATIC_ROUTE, name: 'static, right before (A)' }, cookie, null, false);
	const a = await measureRow(server, page, cookie, staticA, false);

	const g = await generatePlanning(databaseUrl(DATA_DIR), PLAN_YEAR);
	console.log(
		`   generated in ${s(g.ms)} (one transaction, then ANALYZE): plan years ${g.years[0]}–${g.years[g.years.length - 1]}; ` +
			`the big year ${g.bigYear} has ${g.bigYearActivities} activities and ${g.bigYearFollowUps} follow-ups (the demo's ${PLAN_YEAR}: ${g.demoYearActivities} activities)`
	);
	const sizes = [...COUNTED_TABLES].map((t) => `${t} ${g.before[t]} → ${g.after[t]}`);
	console.log(`   rows: ${sizes.slice(0, 5).join(' · ')}`);
	console.log(`         ${sizes.slice(5).join(' · ')}`);
	console.log(
		`   database size ${(g.before.databaseBytes / 1e6).toFixed(1)} MB → ${(g.after.databaseBytes / 1e6).toFixed(1)} MB` +
			`  (activities ×${(g.after.activity / g.before.activity).toFixed(1)}, follow-ups ×${(g.after.follow_up / g.before.follow_up).toFixed(0)})`
	);
	const big: Route = {
		name: `year ${g.bigYear}, ${g.bigYearActivities} activities (info)`,
		path: `/planning/plans/${g.bigYear}`,
		signedIn: true
	};
	await firstRequests(server, [page, big], cookie, 'one request per route before the load');
	printHeader();
	const staticB = await measureRow(server, { ...STATIC_ROUTE, name: 'static, right before (B)' }, cookie, null, false);
	const b = await measureRow(server, { ...page, name: '(B) ten times the data' }, cookie, staticB, false);
	const c = await measureRow(server, big, cookie, staticB, false);

	const ratio = b.p95 / a.p95;
	console.log(
		`   p95 (A) demo data ${msf(a.p95)} · (B) ten times the data ${msf(b.p95)} · ratio B/A ${Number.isFinite(ratio) ? ratio.toFixed(2) : '–'}×` +
			`   target ≤ ${TARGET_SCALE_P95_RATIO}×   ${verdict(`${PLAN_PAGE} signed in: p95 with ten times the data ≤ ${TARGET_SCALE_P95_RATIO}× p95 with the demo data`, ratio <= TARGET_SCALE_P95_RATIO)}`
	);
	const normalised = b.p95 / staticB.p95 / (a.p95 / staticA.p95);
	console.log(
		`   (informational: against the static route measured right before each, (A) ${(a.p95 / staticA.p95).toFixed(1)}× and (B) ${(b.p95 / staticB.p95).toFixed(1)}× its p95,` +
			` a ratio of ${normalised.toFixed(2)}×;`
	);
	console.log(
		`    the big year ${g.bigYear}, ten times the activities of ${PLAN_YEAR}: p95 ${msf(c.p95)}, ${(c.p95 / a.p95).toFixed(2)}× (A) and ${(c.p95 / b.p95).toFixed(2)}× (B); ` +
			`req/s ${c.rps.toFixed(0)} against (A) ${a.rps.toFixed(0)} and (B) ${b.rps.toFixed(0)})`
	);
	console.log(
		`  (bytes per response, headers included: (A) ${(a.bytesPerRequest / 1024).toFixed(1)} kB, (B) ${(b.bytesPerRequest / 1024).toFixed(1)} kB, ` +
			`${big.path} ${(c.bytesPerRequest / 1024).toFixed(1)} kB)`
	);
	console.log('');
}

/**
 * A year's closing from 100 000 ledger entries, in a database of its own on the
 * bench server's PostgreSQL (the application's data and caches are untouched).
 */
async function financeClosing() {
	console.log(
		`7. Finance: yearClosing for one year of ${CLOSING_ENTRIES.toLocaleString('sv-SE')} ledger entries, in a fresh database on the same PostgreSQL`
	);
	console.log('   (a fund and two categories made with the finance services, the entries inserted in batches, then ANALYZE;');
	console.log('    timed in this process, not over HTTP: once to warm up, then the median of five runs)');
	const f = await benchYearClosing(databaseUrl(DATA_DIR));
	for (const line of describeClosing(f, (pass) => verdict(`yearClosing with ${CLOSING_ENTRIES} entries < ${CLOSING_TARGET_MS} ms`, pass)))
		console.log(line);
	console.log('');
}

const REGISTER_PAGE = '/consultations?year=2020&status=answered&offset=50';

/**
 * The consultations register with 5 000 remisser, filtered by year and status
 * and paged, against the static route measured right before it, like every page
 * row above: the anonymous row (the public register of sent joint responses,
 * from the response cache) with the targets, the signed-in row (rendered on
 * every request, the whole register) printed beside it without a target.
 */
async function consultationRegister(server: Started, cookie: string) {
	console.log(
		`8. Consultations: GET ${REGISTER_PAGE} with ${CONSULTATIONS.toLocaleString('sv-SE')} remisser generated into the running database`
	);
	console.log(
		`   targets, as for every page: at least ${TARGET_RPS_SHARE * 100} % of the static route's requests/s and a p95 at most ${TARGET_P95_MULTIPLE}× its p95`
	);
	const g = await generateConsultations(databaseUrl(DATA_DIR));
	console.log(`   generated in ${s(g.ms)} (one transaction, then ANALYZE): remisser ${g.before} → ${g.after}`);
	const anonymous: Route = { name: 'register, filtered and paged', path: REGISTER_PAGE };
	const signedIn: Route = { name: 'register, signed in (info)', path: REGISTER_PAGE, signedIn: true };
	await firstRequests(server, [anonymous, signedIn], cookie, 'one request per route before the load');
	printHeader();
	const yard = await measureRow(server, { ...STATIC_ROUTE, name: 'static, right before' }, cookie, null, false);
	await measureRow(server, anonymous, cookie, yard, true);
	await measureRow(server, signedIn, cookie, yard, false);
	console.log(`   search() over the grown data, median of 20 in this process (no target; the suggestion runs only when nothing is found):`);
	for (const f of await benchSearch(databaseUrl(DATA_DIR)))
		console.log(
			`   ${pad(`${f.label} (${f.who}) "${f.q}"`, 52)} ${lpad(msf(f.medianMs), 9)} median, ${lpad(msf(f.maxMs), 9)} max · ${f.total} hits${
				f.suggestion ? `, suggests "${f.suggestion}"` : ''
			}`
		);
	console.log('');
}

const WEEK_PAGE = '/governance/week';

/**
 * The year's cycle: the duties of ten years generated (printed, no target), and
 * the secretariat's week page, a members' page rendered on every request, against
 * the static route measured right before it, with the targets of every page.
 */
async function governanceCycle(server: Started, cookie: string) {
	console.log(
		`9. Governance: the year's cycle for ten years (${DUTY_YEARS[0]}–${DUTY_YEARS[DUTY_YEARS.length - 1]}), and GET ${WEEK_PAGE} signed in`
	);
	const d = await benchDuties(databaseUrl(DATA_DIR));
	console.log(
		`   ${d.duties} duties → ${d.tasks} dated tasks: computed (core dutiesOf) in ${msf(d.computeMs)} (median of 20);` +
			` written by generateTasks in ${msf(median(d.generateMs))} (median of ${d.generateMs.length}, one transaction each, in a fresh database)`
	);
	console.log(
		`   targets for the week page (signed in, rendered on every request): at least ${TARGET_RPS_SHARE * 100} % of the static route's requests/s and a p95 at most ${TARGET_P95_MULTIPLE}× its p95`
	);
	const week: Route = { name: "secretariat's week, signed in", path: WEEK_PAGE, signedIn: true, target: true };
	await firstRequests(server, [week], cookie, "one request before the load (generates this year's tasks)");
	printHeader();
	const yard = await measureRow(server, { ...STATIC_ROUTE, name: 'static, right before' }, cookie, null, false);
	await measureRow(server, week, cookie, yard, true);
	console.log('');
}

/** The public start page's JavaScript should weigh less than this, compressed (issue 8). */
const TARGET_START_JS_KB = 50;

/**
 * The JavaScript the public start page makes a visitor download: every script
 * and module preload its HTML names, fetched and gzip-compressed (level 9, as a
 * server would send it), summed.
 */
async function startPageScripts(server: Started) {
	console.log('10. The public start page: the JavaScript it ships');
	const html = await (await fetch(server.base + '/')).text();
	const urls = [...new Set([...html.matchAll(/(?:href|src)="([^"]+\.js)"|import\("([^"]+\.js)"\)/g)].map((m) => m[1] ?? m[2]))];
	let raw = 0;
	let gz = 0;
	for (const u of urls) {
		const body = new Uint8Array(await (await fetch(new URL(u, server.base + '/'))).arrayBuffer());
		raw += body.byteLength;
		gz += gzipSync(body, { level: 9 }).byteLength;
	}
	const kb = gz / 1024;
	console.log(
		`   ${urls.length} scripts, ${(raw / 1024).toFixed(1)} kB, ${kb.toFixed(1)} kB gzip-compressed; target < ${TARGET_START_JS_KB} kB   ${verdict(`start page JavaScript < ${TARGET_START_JS_KB} kB compressed`, kb < TARGET_START_JS_KB)}`
	);
	console.log('');
}

/** Sequential requests to a path after a warm-up: the p50 of each request's time, as one reader waits for it. */
async function sequentialP50(server: Started, path: string, cookie: string, rounds = 30): Promise<number> {
	for (let i = 0; i < 3; i++) await (await fetch(server.base + path, { headers: { cookie } })).arrayBuffer();
	const times: number[] = [];
	for (let i = 0; i < rounds; i++) {
		const start = performance.now();
		const res = await fetch(server.base + path, { headers: { cookie } });
		await res.arrayBuffer();
		if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
		times.push(performance.now() - start);
	}
	return median(times);
}

/**
 * The annual report generated from the data: as HTML by the server (the
 * editors' draft view of an adopted year, rendered on every request), and as
 * DOCX and PDF in this process, with LibreOffice's conversion of the same DOCX
 * timed in the same run for the ratio.
 */
async function publishedReports(server: Started, cookie: string) {
	const path = `/reports/annual/${REPORT_YEAR}.html?utkast`;
	console.log(
		`5. Published documents: the ${REPORT_YEAR} annual report generated from the data (HTML: GET ${path} signed in, 30 requests one after another)`
	);
	const html = await sequentialP50(server, path, cookie);
	const figures = await benchReports(databaseUrl(DATA_DIR));
	for (const line of describeReports(figures, html, verdict)) console.log(line);
	console.log('');
}

/** Issue 22: the pages members work in, signed in and rendered each time, with their round trips. */
async function membersPages(server: Started, cookie: string) {
	console.log(
		`3b. Signed in, every request rendered: ${CONNECTIONS} connections, ${SECONDS} s per page after a ${WARMUP_SECONDS} s warm-up, each against the static route measured right before it`
	);
	console.log(
		`   targets: ≥ ${MEMBER_TARGETS.pageShare * 100} % of static req/s (the API ≥ ${MEMBER_TARGETS.apiShare * 100} %), p97.5 ≤ ${MEMBER_TARGETS.p975Multiple}× static, ≤ ${MEMBER_TARGETS.roundTrips} database round trips per request (one request alone, counted by the server)`
	);
	console.log(
		"   CPU ms: the server's and its PostgreSQL's CPU per request during the measured run (read from /proc before and after it)."
	);
	console.log(
		'   Node renders on one core, so its CPU per request bounds req/s; the last row, a page with no data rendered through the layout, is what the framework costs alone.'
	);
	const rows = await benchMembers(server.base, cookie, server.pid, {
		connections: CONNECTIONS,
		seconds: SECONDS,
		warmupSeconds: WARMUP_SECONDS
	});
	for (const line of describeMembers(rows, verdict)) console.log(line);
	console.log('');
	return rows;
}

/**
 * Issue 22: the members' pages again once the database holds ten times the data:
 * the planning years and the remisser the sections before generated (here, when
 * run alone), and ten times the meetings, generated now.
 */
async function membersAtScale(server: Started, cookie: string, demo: MemberRow[], generateTheRest: boolean) {
	console.log(`3c. The pages of 3b at ten times the data, signed in and rendered each time, as in 3b`);
	if (generateTheRest) {
		const p = await generatePlanning(databaseUrl(DATA_DIR), PLAN_YEAR);
		const c = await generateConsultations(databaseUrl(DATA_DIR));
		console.log(
			`   generated: planning activities ${p.before.activity} → ${p.after.activity}, follow-ups ${p.before.follow_up} → ${p.after.follow_up}; remisser ${c.before} → ${c.after}`
		);
	} else {
		console.log('   the planning years (section 6), the remisser (8) and the duties (9) generated above are in the database');
	}
	const m = await generateMeetings(databaseUrl(DATA_DIR));
	console.log(
		`   generated ${MEETING_FACTOR} times the meetings in ${s(m.ms)}: ` +
			Object.keys(m.before)
				.map((t) => `${t} ${m.before[t as keyof typeof m.before]} → ${m.after[t as keyof typeof m.after]}`)
				.join(' · ')
	);
	console.log(
		`   target: each page's p97.5 at most ${SCALE_TARGET}× its p97.5 in 3b (the static route's drift between the runs shown beside it)`
	);
	const rows = await benchMembers(server.base, cookie, server.pid, {
		connections: CONNECTIONS,
		seconds: SECONDS,
		warmupSeconds: WARMUP_SECONDS
	});
	for (const line of describeMembersAtScale(demo, rows, verdict)) console.log(line);
	console.log('');
}

/** The minutes of the demo meeting (20 November 2020) as PDF and DOCX, read from the bench server's database. */
async function meetingDocuments() {
	console.log('4. Documents: the minutes of the demo meeting of 20 November 2020, generated 30 times each after a warm-up');
	const db = createDb(databaseUrl(DATA_DIR), 2);
	try {
		const [row] = await listMeetings(db, SYSTEM, { from: '2020-11-20', to: '2020-11-20', bodyId: 2 });
		const doc = await meetingDocument(db, SYSTEM, row.id, 'minutes');
		if (!doc) throw new Error('the demo meeting has no minutes');
		const figures = await benchMeetingDocuments(doc);
		for (const kind of ['docx', 'pdf'] as const) {
			const { p50, p95 } = figures[kind];
			console.log(
				`   minutes ${kind.toUpperCase().padEnd(4)}  p50 ${pad(`${p50.toFixed(1)} ms`, 9)} p95 ${pad(`${p95.toFixed(1)} ms`, 9)} target p50 < ${DOCUMENT_TARGET_MS} ms   ${verdict(`minutes ${kind.toUpperCase()} p50 < ${DOCUMENT_TARGET_MS} ms`, p50 < DOCUMENT_TARGET_MS)}`
			);
		}
	} finally {
		await db.$client.end();
	}
	console.log('');
}

/**
 * The ledger import of a 10 MB CSV of 130 000 rows while a pinger asks for the
 * static route every 100 ms, and the refusal of a zip bomb and a giant cell
 * (issue 21). Last: it writes 130 000 ledger rows into the bench's database.
 */
async function ledgerImport(server: Started, cookie: string) {
	console.log('11. Ledger import: a 10 MB CSV previewed and accepted by a signed-in user (the administrator: an editor and more),');
	console.log('    read in the import worker while GET /ping.txt is asked every 100 ms; then files that must be refused fast');
	const f = await benchImport(server, cookie, databaseUrl(DATA_DIR));
	for (const line of describeImport(f, verdict)) console.log(line);
	console.log('');
}

/** `BENCH_ONLY=import npm run bench`: the cold start and the ledger import's section alone. */
async function importOnly() {
	await sectionOnly((server, cookie) => ledgerImport(server, cookie));
}

/** `BENCH_ONLY=members npm run bench`: the cold start and the signed-in pages' sections alone (3b, then 3c with the data generated here). */
async function membersOnly() {
	await sectionOnly(async (server, cookie) => membersAtScale(server, cookie, await membersPages(server, cookie), true));
}

/** `BENCH_ONLY=documents npm run bench`: the cold start and the documents' sections alone (4, then 5 with the PDF against LibreOffice). */
async function documentsOnly() {
	await sectionOnly(async (server, cookie) => {
		await meetingDocuments();
		await publishedReports(server, cookie);
	});
}

async function sectionOnly(section: (server: Started, cookie: string) => Promise<void>) {
	machine();
	const server = await coldStart();
	try {
		await section(server, await signIn(server.base));
	} finally {
		await server.stop();
	}
	const failed = verdicts.filter((v) => !v.pass);
	console.log(
		`Summary: ${verdicts.length - failed.length} of ${verdicts.length} targets met${failed.length ? `; missed: ${failed.map((v) => v.what).join('; ')}` : '.'}`
	);
}

/** What identifies the build under test: a concurrent `npm run build` in the same checkout replaces it under the server. */
const TARGET_SHUTDOWN_MS = 5000;

/** SIGTERM in the middle of a write load on kept-alive connections: a server of its own, so nothing else is measured with it. */
async function sigtermUnderLoad() {
	const clients = 8;
	console.log(`12. SIGTERM under load: ${clients} kept-alive clients writing (POST /api/v1/persons, signed in) for 2 s, then the signal`);
	const dataDir = path.join(ROOT, '.tmp', 'bench-shutdown');
	fs.rmSync(dataDir, { recursive: true, force: true });
	try {
		const f = await shutdownUnderLoad({
			dataDir,
			clients,
			loadMs: 2000,
			admin: { email: ADMIN.SAMVERKA_ADMIN_EMAIL, password: ADMIN.SAMVERKA_ADMIN_PASSWORD }
		});
		console.log(
			`      time to exit (process and database gone) ${pad(s(f.exitMs), 8)}  target < ${s(TARGET_SHUTDOWN_MS)}   ${verdict('SIGTERM under load: exit', f.exitMs < TARGET_SHUTDOWN_MS && f.cleanStop)}`
		);
		console.log(
			`      writes acknowledged ${f.acknowledged}, of them after the signal ${f.acknowledgedAfterSignal} (in flight then; at most ${clients}); ` +
				`503 after the signal ${f.refused503}; no answer (refused, reset) ${f.noAnswer}`
		);
		console.log(
			`      acknowledged but not saved ${f.lostAcknowledged}, cut after their commit ${f.cutAfterCommit}   ` +
				verdict('SIGTERM under load: nothing lost or cut after its commit', f.lostAcknowledged === 0 && f.cutAfterCommit === 0)
		);
		if (Object.keys(f.otherStatuses).length) console.log(`      other answers: ${JSON.stringify(f.otherStatuses)}`);
	} finally {
		fs.rmSync(dataDir, { recursive: true, force: true });
	}
	console.log('');
}

function buildStamp(): string {
	try {
		return fs.readFileSync(path.join(ROOT, 'build', 'client', '_app', 'version.json'), 'utf8');
	} catch {
		return 'none';
	}
}

async function main() {
	machine();
	const stamp = buildStamp();
	let server: Started | null = null;
	try {
		server = await coldStart();
		const cookie = await underLoad(server);
		memory(server);
		const members = await membersPages(server, cookie);
		await meetingDocuments();
		// Before the sections that generate data into the same database: the report is the demo's 2021 as published.
		await publishedReports(server, cookie);
		await planningAtScale(server, cookie);
		await financeClosing();
		await consultationRegister(server, cookie);
		await governanceCycle(server, cookie);
		await membersAtScale(server, cookie, members, false);
		await startPageScripts(server);
		await ledgerImport(server, cookie);
	} finally {
		if (server) await server.stop();
	}
	await sigtermUnderLoad();
	if (buildStamp() !== stamp) {
		console.log('! build/ was rebuilt by something else while the bench ran: the server was running a build replaced under it,');
		console.log('  so a route first loaded after that may have failed. Run the bench again when no other build runs.');
		console.log('');
	}
	const failed = verdicts.filter((v) => !v.pass);
	console.log(
		`Summary: ${verdicts.length - failed.length} of ${verdicts.length} targets met` +
			(failed.length ? `; missed: ${failed.map((v) => v.what).join('; ')}` : '.')
	);
}

let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.on(signal, () => {
		if (interrupted) return;
		interrupted = true;
		console.error(`\n${signal}: stopping the server …`);
		void Promise.allSettled([...running].map((s) => s.stop())).then(() => process.exit(130));
	});
}

try {
	const only = { import: importOnly, members: membersOnly, documents: documentsOnly }[process.env.BENCH_ONLY ?? ''];
	await (only ? only() : main());
} catch (e) {
	console.error('\nThe benchmark could not run:', e instanceof Error ? e.message : e);
	await Promise.allSettled([...running].map((s) => s.stop()));
	process.exitCode = 1;
}
