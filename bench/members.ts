// Issue 22: the pages members work in every day, signed in, each rendered on
// every request: they ask for no cached copy (Cache-Control: no-cache), so the
// week page, which the member cache keeps, is rendered too. Each row against
// the static route measured right before it, at the same concurrency.
import { cpuMeter, type CpuMs } from './cpu.ts';
import { load, type LoadFigures } from './load.ts';

export const MEMBER_PAGES = [
	{ name: 'meeting 20 Nov 2020', path: '/meetings/17' },
	{ name: "a year's plan", path: '/planning/plans/2021' },
	{ name: 'finance year', path: '/finance/years/2021' },
	{ name: 'Min översikt (start page)', path: '/' },
	{ name: 'public start page, signed in', path: '/?publik' },
	{ name: 'consultations', path: '/consultations' },
	{ name: 'a remiss', path: '/consultations/1' },
	{ name: 'persons', path: '/organisation/persons' },
	{ name: 'an activity', path: '/planning/activities/1' },
	{ name: "the secretariat's week", path: '/governance/week' },
	{ name: 'API: activities 2021', path: '/api/v1/activities?year=2021', api: true },
	// The ceilings, no target: the same hooks (session, headers) and no page, no database; then
	// a page with no data of its own, rendered through the layout (a missing page, 404), which
	// is what SvelteKit and Svelte cost before a page reads or shows anything.
	{ name: 'robots.txt through the hooks', path: '/robots.txt', info: true },
	{ name: 'a page with no data (404)', path: '/finns-inte', info: true, status: 404 }
];

export const TARGETS = { pageShare: 0.2, apiShare: 0.3, p975Multiple: 5, roundTrips: 5 };

export interface MemberRow {
	name: string;
	path: string;
	api: boolean;
	/** Printed for comparison, held to no target. */
	info: boolean;
	f: LoadFigures;
	yard: LoadFigures;
	roundTrips: number | null;
	/** CPU per request under load (null off Linux). */
	cpu: CpuMs | null;
}

/** One request, sequential: the round trips the server counted for it (SAMVERKA_ROUND_TRIPS=1). */
async function roundTripsOf(base: string, path: string, cookie: string): Promise<number | null> {
	await fetch(base + path, { headers: { cookie, 'cache-control': 'no-cache' } }).then((r) => r.arrayBuffer());
	const r = await fetch(base + path, { headers: { cookie, 'cache-control': 'no-cache' } });
	await r.arrayBuffer();
	const n = r.headers.get('x-samverka-round-trips');
	return n === null ? null : Number(n);
}

export async function benchMembers(
	base: string,
	cookie: string,
	serverPid: number,
	o: { connections: number; seconds: number; warmupSeconds: number }
): Promise<MemberRow[]> {
	const rows: MemberRow[] = [];
	for (const page of MEMBER_PAGES) {
		const yard = await load({ url: `${base}/ping.txt`, ...o });
		const meter = cpuMeter(serverPid);
		const headers = { cookie, 'cache-control': 'no-cache' };
		const f = await load({ url: base + page.path, headers, status: page.status, ...o, around: meter.around });
		rows.push({
			name: page.name,
			path: page.path,
			api: Boolean(page.api),
			info: Boolean(page.info),
			f,
			yard,
			roundTrips: await roundTripsOf(base, page.path, cookie),
			cpu: meter.perRequest(f.requests)
		});
	}
	return rows;
}

export function describeMembers(rows: MemberRow[], verdict: (what: string, pass: boolean) => string): string[] {
	const lines = [
		'  ' +
			'GET'.padEnd(34) +
			'req/s'.padStart(8) +
			'static'.padStart(9) +
			'% static'.padStart(10) +
			''.padStart(6) +
			'p97.5'.padStart(10) +
			'× static'.padStart(10) +
			''.padStart(6) +
			'trips'.padStart(7) +
			''.padStart(6) +
			'CPU ms: node + db'.padStart(20)
	];
	for (const r of rows) {
		const share = r.f.rps / r.yard.rps;
		const multiple = r.f.p975 / r.yard.p975;
		const wantShare = r.api ? TARGETS.apiShare : TARGETS.pageShare;
		const bad = r.f.non2xx + r.f.errors;
		/** An information row gets no verdict. */
		const judge = (what: string, pass: boolean) => (r.info ? 'info' : verdict(what, pass));
		lines.push(
			'  ' +
				r.path.padEnd(34) +
				r.f.rps.toFixed(0).padStart(8) +
				r.yard.rps.toFixed(0).padStart(9) +
				`${(share * 100).toFixed(0)} %`.padStart(10) +
				judge(`${r.path} signed in: req/s ≥ ${wantShare * 100} % of static`, share >= wantShare).padStart(6) +
				`${r.f.p975.toFixed(0)} ms`.padStart(10) +
				`${multiple.toFixed(1)}×`.padStart(10) +
				judge(`${r.path} signed in: p97.5 ≤ ${TARGETS.p975Multiple}× static`, multiple <= TARGETS.p975Multiple).padStart(6) +
				String(r.roundTrips ?? '–').padStart(7) +
				judge(`${r.path}: ≤ ${TARGETS.roundTrips} round trips`, r.roundTrips !== null && r.roundTrips <= TARGETS.roundTrips).padStart(6) +
				cpuColumns(r) +
				(bad ? `  ! ${bad} answers of another status or errors` : '')
		);
	}
	return lines;
}

/**
 * The page's CPU per request under load, server + database. (A ratio to the
 * static route's CPU was printed here, but the static route's figure read
 * 0.04-0.6 ms in one run while its req/s held steady: not to be trusted, so
 * not printed; each page's figure times its req/s comes to the one core Node
 * has, as it should.)
 */
function cpuColumns(r: MemberRow): string {
	if (!r.cpu) return '–'.padStart(20);
	return `${r.cpu.server.toFixed(1)} + ${r.cpu.database.toFixed(1)}`.padStart(20);
}

/** At ten times the data, a page's p97.5 at most this many times its p97.5 with the demo data. */
export const SCALE_TARGET = 2;

/**
 * The same pages again after the database grew to ten times the data: each
 * row's p97.5 against its own row with the demo data, and (information) the
 * static route's drift between the two runs, since the machine is shared.
 */
export function describeMembersAtScale(demo: MemberRow[], scaled: MemberRow[], verdict: (what: string, pass: boolean) => string): string[] {
	const lines = [
		'  ' +
			'GET'.padEnd(34) +
			'p97.5 demo'.padStart(12) +
			'p97.5 ×10'.padStart(12) +
			'ratio'.padStart(8) +
			''.padStart(6) +
			'static p97.5'.padStart(15) +
			'req/s'.padStart(8) +
			'trips'.padStart(7)
	];
	for (const r of scaled) {
		const before = demo.find((d) => d.path === r.path);
		if (!before || r.info) continue;
		const ratio = r.f.p975 / before.f.p975;
		const bad = r.f.non2xx + r.f.errors;
		lines.push(
			'  ' +
				r.path.padEnd(34) +
				`${before.f.p975.toFixed(0)} ms`.padStart(12) +
				`${r.f.p975.toFixed(0)} ms`.padStart(12) +
				`${ratio.toFixed(2)}×`.padStart(8) +
				verdict(`${r.path} signed in: p97.5 at ten times the data ≤ ${SCALE_TARGET}× with the demo data`, ratio <= SCALE_TARGET).padStart(
					6
				) +
				`${before.yard.p975.toFixed(0)} → ${r.yard.p975.toFixed(0)} ms`.padStart(15) +
				r.f.rps.toFixed(0).padStart(8) +
				String(r.roundTrips ?? '–').padStart(7) +
				(bad ? `  ! ${bad} answers of another status or errors` : '')
		);
	}
	return lines;
}
