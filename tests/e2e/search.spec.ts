import { expect, test } from '@playwright/test';
import { expectAccessible, login } from './helpers.ts';

// Search end to end: the header's search field, "Tvärförbindelse" finds the
// remisser, activities and the priority object, the word marked; the results
// are accessible, work without JavaScript and hold only what the visitor may see.

test('a visitor searches for Tvärförbindelse from the header and finds remisser, activities and the priority object', async ({ page }) => {
	await page.goto('/');
	const header = page.getByRole('search', { name: 'Sök på webbplatsen' });
	await header.getByRole('searchbox').fill('Tvärförbindelse');
	await header.getByRole('button', { name: 'Sök' }).click();
	await expect(page).toHaveURL(/\/search\?q=Tv%C3%A4rf%C3%B6rbindelse/);
	await expect(page.getByRole('heading', { level: 1, name: 'Sök' })).toBeVisible();
	await expect(page.getByRole('status')).toContainText('träffar på ”Tvärförbindelse”');
	const kinds = page.getByRole('navigation', { name: 'Träffar per slag' });
	for (const kind of ['Remiss', 'Aktivitet', 'Prioriterat objekt']) await expect(kinds).toContainText(kind);
	await expect(page.locator('.hits mark').first()).toHaveText(/tvärförbindelse/i);
	await expectAccessible(page);

	await kinds.getByRole('link', { name: /^Prioriterat objekt/ }).click();
	await expect(page.locator('.hits li')).toHaveCount(1);
	await page.locator('.hits').getByRole('link', { name: 'Tvärförbindelse Södertörn' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Tvärförbindelse Södertörn' })).toBeVisible();
});

test('search works without JavaScript, stems Swedish words and tells when nothing is found', async ({ browser }) => {
	const noJs = await browser.newPage({ javaScriptEnabled: false });
	try {
		await noJs.goto('/search');
		await noJs.getByLabel('Sökord').fill('tvärförbindelsen');
		await noJs.getByRole('main').getByRole('button', { name: 'Sök' }).click();
		await expect(noJs.getByRole('status')).toContainText('träffar på ”tvärförbindelsen”');
		await expect(noJs.locator('.hits mark').first()).toHaveText(/tvärförbindelse/i);
		await noJs.goto('/search?q=xyzzyplugh');
		await expect(noJs.getByRole('status')).toHaveText('Inga träffar på ”xyzzyplugh”.');
	} finally {
		await noJs.close();
	}
});

test('a member finds the follow-up notes a visitor does not, and the API says the same', async ({ page, request }) => {
	const visitor = await (await request.get('/api/v1/search?q=Trafikverket&kind=follow_up')).json();
	expect(visitor.total).toBe(0);
	expect((await request.get('/api/v1/search')).status()).toBe(422);
	expect((await request.get('/api/v1/search?q=x&kind=nonsense')).status()).toBe(422);
	const openapi = await (await request.get('/api/v1/openapi.json')).json();
	expect(openapi.paths['/api/v1/search'].get.parameters[0]).toMatchObject({ name: 'q', required: true });
	await login(page);
	await page.goto('/search?q=Trafikverket');
	await expect(page.getByRole('navigation', { name: 'Träffar per slag' })).toContainText('Uppföljning');
	await expectAccessible(page);
	const member = await (await page.request.get('/api/v1/search?q=Trafikverket&kind=follow_up')).json();
	expect(member.total).toBeGreaterThan(0);
	expect(member.items[0].excerpt).toMatch(/«Trafikverket»/);
});

test('the public site has a sitemap of pages a visitor can open, and robots.txt points to it', async ({ request }) => {
	const robots = await (await request.get('/robots.txt')).text();
	expect(robots).toMatch(/^Sitemap: http:\/\/[^/]+\/sitemap\.xml$/m);
	const xml = await (await request.get('/sitemap.xml')).text();
	expect(xml).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
	const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
	expect(locs.length).toBeGreaterThan(100);
	for (const path of ['/governance/agreement', '/consultations/priority-objects', '/projects/events'])
		expect(locs.some((l) => l.endsWith(path))).toBe(true);
	// A sample of the listed pages opens without login.
	for (const loc of locs.filter((_, i) => i % 15 === 0)) {
		const r = await request.get(new URL(loc).pathname);
		expect(r.status(), loc).toBe(200);
	}
});
