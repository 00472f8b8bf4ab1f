import { expect, test } from '@playwright/test';
import { expectAccessible } from './helpers.ts';

// The public site without login: the start page in Swedish and English with
// the vision, goals, documents, priorities, responses and minutes; the
// document's language follows the site; and every kind of page the sitemap
// names passes axe at WCAG 2.1 AA.

test('a visitor reads the start page in Swedish, switches to English and back, by keyboard', async ({ page }) => {
	await page.goto('/');
	await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
	const vision = page.getByRole('region', { name: 'Vision och mål' });
	await expect(vision.getByRole('table', { name: /Områden och fokusområden/ })).toContainText('Regionala utvecklingsfrågor');
	const documents = page.getByRole('region', { name: 'Publicerade dokument' });
	await expect(documents.getByRole('link', { name: 'Årsredovisning 2021' })).toHaveAttribute('href', '/reports/annual/2021.html');
	await expect(
		page.getByRole('region', { name: 'Prioriterade objekt' }).getByRole('link', { name: 'Tvärförbindelse Södertörn' })
	).toBeVisible();
	await expect(page.getByRole('region', { name: 'Senaste gemensamma remissvar' }).getByRole('listitem')).toHaveCount(5);
	await expect(page.getByRole('region', { name: 'Senast justerade protokoll' }).getByRole('listitem').first()).toBeVisible();
	await expectAccessible(page);

	await page.getByRole('link', { name: 'In English' }).click();
	await expect(page).toHaveURL(/\/en$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page).toHaveTitle(/^About the cooperation – /);
	await expect(page.getByRole('heading', { level: 2, name: 'Published documents' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Annual report 2021' })).toBeVisible();
	await expect(page.getByText('adopted 9 February 2022')).toBeVisible();
	// The records' own words stay Swedish, and are marked so.
	await expect(page.locator('#priorities [lang="sv"]').getByRole('link', { name: 'Tvärförbindelse Södertörn' })).toBeVisible();
	await expectAccessible(page);

	// By keyboard: the skip link first, then the English menu leads to its sections.
	await page.keyboard.press('Tab');
	await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
	await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Consultation responses' }).focus();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/en#responses$/);
	await expect(page.getByRole('heading', { name: 'Latest joint consultation responses' })).toBeInViewport();

	// Into a Swedish record from the English site: the document is Swedish again.
	await page.getByRole('link', { name: 'Annual report 2021' }).click();
	await expect(page).toHaveURL(/\/reports\/annual\/2021\.html$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
	await page.getByRole('link', { name: 'In English' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('without JavaScript the English site is whole, with its language set by the server', async ({ browser }) => {
	const noJs = await browser.newPage({ javaScriptEnabled: false });
	await noJs.goto('/en');
	await expect(noJs.locator('html')).toHaveAttribute('lang', 'en');
	await expect(noJs.getByRole('heading', { level: 2, name: 'Vision and goals' })).toBeVisible();
	await noJs.getByRole('link', { name: 'På svenska' }).click();
	await expect(noJs).toHaveURL(/\/$/);
	await expect(noJs.locator('html')).toHaveAttribute('lang', 'sv');
	await noJs.close();
});

test('every kind of page in the sitemap opens without login and passes axe', async ({ page, request }) => {
	test.setTimeout(240_000);
	const xml = await (await request.get('/sitemap.xml')).text();
	const paths = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
	expect(paths).toContain('/en');
	expect(paths).toContain('/reports/annual/2021.html');
	// One page of each shape: /meetings/12 stands for every meeting.
	const shapes = new Map<string, string>();
	for (const p of paths) {
		const shape = p.replace(/\/\d+(?=\/|\.|$)/g, '/:n');
		if (!shapes.has(shape)) shapes.set(shape, p);
	}
	expect(shapes.size).toBeGreaterThan(25);
	for (const path of shapes.values()) {
		const response = await page.goto(path);
		expect(response?.status(), path).toBe(200);
		await expect(page.getByRole('heading', { level: 1 }).first(), path).toBeVisible();
		await expectAccessible(page);
	}
});
