// Issue 22: the pages members work in every day, signed in, each rendered on
// every request: they ask for no cached copy (Cache-Control: no-cache), so the
// week page, which the member cache keeps, is rendered too. Each row against
// the static route measured right before it, at the same concurrency.
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
	{ name: 'API: activities 2021', path: '/api/v1/activities?year=2021', api: true }
];

export const TARGETS = { pageShare: 0.2, apiShare: 0.3, p975Multiple: 5, roundTrips: 5 };

export interface MemberRow {
	name: string;
	path: string;
	api: boolean;
	f: LoadFigures;
	yard: LoadFigures;
	roundTrips: number | null;
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
	o: { connections: number; seconds: number; warmupSeconds: number }
): Promise<MemberRow[]> {
	const rows: MemberRow[] = [];
	for (const page of MEMBER_PAGES) {
		const yard = await load({ url: `${base}/ping.txt`, ...o });
		const f = await load({ url: base + page.path, headers: { cookie, 'cache-control': 'no-cache' }, ...o });
		rows.push({
			name: page.name,
			path: page.path,
			api: Boolean(page.api),
			f,
			yard,
			roundTrips: await roundTripsOf(base, page.path, cookie)
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
			''.padStart(6)
	];
	for (const r of rows) {
		const share = r.f.rps / r.yard.rps;
		const multiple = r.f.p975 / r.yard.p975;
		const wantShare = r.api ? TARGETS.apiShare : TARGETS.pageShare;
		const bad = r.f.non2xx + r.f.errors;
		lines.push(
			'  ' +
				r.path.padEnd(34) +
				r.f.rps.toFixed(0).padStart(8) +
				r.yard.rps.toFixed(0).padStart(9) +
				`${(share * 100).toFixed(0)} %`.padStart(10) +
				verdict(`${r.path} signed in: req/s ≥ ${wantShare * 100} % of static`, share >= wantShare).padStart(6) +
				`${r.f.p975.toFixed(0)} ms`.padStart(10) +
				`${multiple.toFixed(1)}×`.padStart(10) +
				verdict(`${r.path} signed in: p97.5 ≤ ${TARGETS.p975Multiple}× static`, multiple <= TARGETS.p975Multiple).padStart(6) +
				String(r.roundTrips ?? '–').padStart(7) +
				verdict(`${r.path}: ≤ ${TARGETS.roundTrips} round trips`, r.roundTrips !== null && r.roundTrips <= TARGETS.roundTrips).padStart(6) +
				(bad ? `  ! ${bad} non-2xx or errors` : '')
		);
	}
	return lines;
}
