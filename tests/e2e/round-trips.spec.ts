import { expect, test } from '@playwright/test';
import { ADMIN } from './helpers.ts';

// Issue 22: a signed-in page costs at most a handful of database round trips,
// the session and the layout included. The server counts every query its pg
// clients send for a request (SAMVERKA_ROUND_TRIPS=1, set by the Playwright
// config) and says so in x-samverka-round-trips. Cache-Control: no-cache keeps
// the signed-in response cache out of it: the page is rendered.
const BUDGET = 5;
const PAGES = [
	'/organisation/persons',
	'/organisation/municipalities',
	'/governance/week',
	'/planning/plans/2021',
	'/planning/activities/1',
	'/planning/programmes/1',
	'/api/v1/activities?year=2021',
	'/finance/years/2021',
	'/finance/years/2030',
	'/finance',
	'/meetings/17',
	'/meetings/bodies/2',
	'/meetings',
	'/meetings/17/minutes',
	'/',
	'/?publik',
	'/consultations',
	'/consultations/1'
];

test('every main page signed in takes at most 5 database round trips', async ({ request }) => {
	expect((await request.post('/api/v1/session', { data: ADMIN })).status()).toBe(200);
	const over: string[] = [];
	for (const path of PAGES) {
		// The first request may read what is kept per data generation (the cooperation's name); the second shows the page's own cost.
		for (const round of [0, 1]) {
			const r = await request.get(path, { headers: { 'cache-control': 'no-cache' } });
			expect(r.status(), path).toBe(200);
			const trips = Number(r.headers()['x-samverka-round-trips']);
			expect(Number.isInteger(trips), `${path}: x-samverka-round-trips`).toBe(true);
			if (round === 1 && trips > BUDGET) over.push(`${path}: ${trips}`);
		}
	}
	expect(over, `pages over ${BUDGET} round trips`).toEqual([]);
});

test('a request with Cache-Control: no-cache is rendered, not served from the response cache', async ({ request }) => {
	expect((await request.post('/api/v1/session', { data: ADMIN })).status()).toBe(200);
	// The secretariat's week is kept for a signed-in member until the next change.
	await request.get('/governance/week');
	const kept = await request.get('/governance/week');
	expect(kept.headers()['x-samverka-cache']).toBe('hit');
	expect(kept.headers()['x-samverka-round-trips']).toBe('0');
	const rendered = await request.get('/governance/week', { headers: { 'cache-control': 'no-cache' } });
	expect(rendered.headers()['x-samverka-cache']).not.toBe('hit');
	expect(Number(rendered.headers()['x-samverka-round-trips'])).toBeGreaterThan(0);
});
