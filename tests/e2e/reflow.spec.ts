import { expect, test, type Page } from '@playwright/test';
import { ADMIN, expectAccessible } from './helpers.ts';

// Issue 23: every page reflows at 320 CSS px (WCAG 2.1 1.4.10). A visitor and
// the administrator each walk the site at 320 x 800 from the start page, the
// menu and the hubs, following every link to a page of a kind not yet seen
// (one page per address pattern: /meetings/17 stands for every meeting), plus
// a list of detail pages. No page may be wider than the screen; a wide table
// scrolls inside its own box. The menu is a disclosure that opens by keyboard,
// with and without JavaScript.

const NARROW = { width: 320, height: 800 };
const DETAILS = [
	'/meetings/17',
	'/meetings/17/minutes',
	'/meetings/17/notice',
	'/finance/ledger?year=2021',
	'/finance/years/2021',
	'/finance?year=2021',
	'/governance/week',
	'/consultations/1',
	'/planning/plans/2021',
	'/reports/annual/2021.html',
	'/organisation/bodies/1',
	'/organisation/municipalities/1',
	'/contact',
	'/accessibility',
	'/en'
];
// Not pages: the API, signing out, and files (any address ending in a file name but .html).
const NOT_A_PAGE = /^\/(api\/|logout)|\.(?!html(\?|$))[a-z0-9]{2,5}(\?|$)/;
const patternOf = (u: URL) =>
	u.pathname.replace(/\/\d+(?=\/|$|\.)/g, '/:n') + (u.search ? '?' + [...u.searchParams.keys()].sort().join('&') : '');

async function walk(page: Page, baseURL: string, start: string[]) {
	const origin = new URL(baseURL).origin;
	const seen = new Set<string>();
	const queue: string[] = [];
	const add = (href: string, base: string) => {
		const u = new URL(href, base);
		if (u.origin !== origin || NOT_A_PAGE.test(u.pathname + u.search)) return;
		const key = patternOf(u);
		if (seen.has(key)) return;
		seen.add(key);
		queue.push(u.pathname + u.search);
	};
	for (const s of start) add(s, origin);
	const wide: string[] = [];
	const failed: string[] = [];
	let visited = 0;
	while (queue.length && visited < 300) {
		const path = queue.shift()!;
		// An address without a file name can still answer with a file (a download): not a page.
		const response = await page.goto(path).catch((e: Error) => {
			if (e.message.includes('Download is starting')) return 'file' as const;
			throw e;
		});
		if (response === 'file') continue;
		visited++;
		if (!response || response.status() >= 400) {
			failed.push(`${path}: ${response?.status()}`);
			continue;
		}
		const width = await page.evaluate(() => document.documentElement.scrollWidth);
		if (width > NARROW.width) wide.push(`${path}: ${width} px`);
		const here = page.url();
		for (const href of await page.$$eval('a[href]', (as) => as.map((a) => a.getAttribute('href')!))) {
			const u = new URL(href, here);
			if (u.origin === new URL(here).origin) add(u.pathname + u.search, here);
		}
	}
	return { visited, wide, failed };
}

test('every page a visitor reaches reflows at 320 px', async ({ browser, baseURL }) => {
	test.setTimeout(180_000);
	const context = await browser.newContext({ viewport: NARROW, baseURL });
	const page = await context.newPage();
	const { visited, wide, failed } = await walk(page, baseURL!, [
		'/',
		'/organisation',
		'/planning',
		'/meetings',
		'/consultations',
		'/projects',
		'/governance',
		'/reports',
		'/finance',
		...DETAILS
	]);
	console.log(`visitor at 320 px: ${visited} pages, ${wide.length} wider than the screen`);
	expect(failed, 'pages that did not answer').toEqual([]);
	expect(wide, 'pages wider than 320 px').toEqual([]);
	expect(visited).toBeGreaterThan(50);
	await context.close();
});

test('every page the administrator reaches reflows at 320 px', async ({ browser, baseURL }) => {
	test.setTimeout(240_000);
	const context = await browser.newContext({ viewport: NARROW, baseURL });
	expect((await context.request.post('/api/v1/session', { data: ADMIN })).status()).toBe(200);
	const page = await context.newPage();
	await page.goto('/');
	// Signed in: the sign-out form is in the (closed) menu.
	await expect(page.locator('form[action="/logout"]')).toBeAttached();
	const { visited, wide, failed } = await walk(page, baseURL!, [
		'/',
		'/admin/accounts',
		'/admin/audit',
		'/account',
		'/meetings/outbox',
		'/meetings/action-items',
		'/governance/week',
		...DETAILS
	]);
	console.log(`administrator at 320 px: ${visited} pages, ${wide.length} wider than the screen`);
	expect(failed, 'pages that did not answer').toEqual([]);
	expect(wide, 'pages wider than 320 px').toEqual([]);
	expect(visited).toBeGreaterThan(100);
	await context.close();
});

test('at 320 px the menu is a button that opens by keyboard; a wide table scrolls in a focusable box', async ({ browser, baseURL }) => {
	const context = await browser.newContext({ viewport: NARROW, baseURL });
	const page = await context.newPage();
	await page.goto('/');
	const menu = page.getByRole('navigation', { name: 'Huvudmeny' });
	const button = page.locator('summary', { hasText: 'Meny' });
	await expect(button).toBeVisible();
	await expect(menu.getByRole('link', { name: 'Möten' })).toBeHidden();
	// Skip link, brand, then the menu button.
	await page.keyboard.press('Tab');
	await page.keyboard.press('Tab');
	await page.keyboard.press('Tab');
	await expect(button).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(menu.getByRole('link', { name: 'Start' })).toHaveAttribute('aria-current', 'page');
	await page.keyboard.press('Tab');
	await page.keyboard.press('Tab');
	await expect(menu.getByRole('link', { name: 'Organisation' })).toBeFocused();
	for (let i = 0; i < 2; i++) await page.keyboard.press('Tab');
	await expect(menu.getByRole('link', { name: 'Möten' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/meetings$/);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	// After the navigation the menu is closed again; search and sign-in are inside it.
	await expect(menu.getByRole('link', { name: 'Möten' })).toBeHidden();
	await button.click();
	await expect(menu.getByRole('link', { name: 'Möten' })).toHaveAttribute('aria-current', 'page');
	await expect(page.getByRole('banner').getByRole('link', { name: 'Logga in' })).toBeInViewport();
	await expect(page.getByRole('searchbox', { name: 'Sök' })).toBeInViewport();
	// Escape closes it and gives the focus back to the button.
	await menu.getByRole('link', { name: 'Planering' }).focus();
	await page.keyboard.press('Escape');
	await expect(menu.getByRole('link', { name: 'Planering' })).toBeHidden();
	await expect(button).toBeFocused();

	// The events' table is wider than the screen: its own box scrolls, and can be reached by keyboard.
	await page.goto('/projects/events');
	const box = page.getByRole('region', { name: 'Evenemang' });
	await expect(box).toHaveAttribute('tabindex', '0');
	expect(await box.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
	await box.focus();
	await page.keyboard.press('ArrowRight');
	await expect.poll(() => box.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
	await expectAccessible(page);
	await context.close();
});

test('without JavaScript the menu is a native disclosure: open at first, closed and opened again by keyboard', async ({
	browser,
	baseURL
}) => {
	const context = await browser.newContext({ viewport: NARROW, baseURL, javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/organisation');
	const menu = page.getByRole('navigation', { name: 'Huvudmeny' });
	await expect(menu.getByRole('link', { name: 'Organisation' })).toHaveAttribute('aria-current', 'page');
	await expect(menu.getByRole('link', { name: 'Möten' })).toBeVisible();
	const button = page.locator('summary', { hasText: 'Meny' });
	await button.focus();
	await page.keyboard.press('Enter');
	await expect(menu.getByRole('link', { name: 'Möten' })).toBeHidden();
	await page.keyboard.press('Enter');
	await menu.getByRole('link', { name: 'Möten' }).focus();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/meetings$/);
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
	await context.close();
});

test('the accessibility statement and the contact page are linked from every footer, read from the register, and pass axe', async ({
	page
}) => {
	for (const start of ['/', '/meetings', '/en']) {
		await page.goto(start);
		await expect(page.getByRole('contentinfo').getByRole('link', { name: /^(Tillgänglighet|Accessibility)/ })).toHaveAttribute(
			'href',
			'/accessibility'
		);
		await expect(page.getByRole('contentinfo').getByRole('link', { name: /^(Kontakt|Contact)/ })).toHaveAttribute('href', '/contact');
	}
	await page
		.getByRole('contentinfo')
		.getByRole('link', { name: /^Contact/ })
		.click();
	await expect(page.getByRole('heading', { level: 1, name: 'Kontakt' })).toBeVisible();
	// The demo's cooperation, secretariat and host municipality, as the register has them.
	await expect(page.getByText('Södertörnskommunernas samarbetskommitté', { exact: false }).first()).toBeVisible();
	await expect(page.getByRole('heading', { level: 2, name: 'Södertörns kansli' })).toBeVisible();
	await expect(page.getByText('Kansliet finns hos värdkommunen Huddinge.')).toBeVisible();
	await expectAccessible(page);

	await page.getByRole('link', { name: 'tillgänglighetsredogörelsen' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Tillgänglighetsredogörelse' })).toBeVisible();
	await expect(page.getByText('delvis förenlig med lagen om tillgänglighet till digital offentlig service')).toBeVisible();
	await expect(page.getByRole('link', { name: 'Anmäl bristande tillgänglighet hos Digg' })).toHaveAttribute(
		'href',
		'https://www.digg.se/tdosanmalan'
	);
	await expect(page.getByRole('heading', { name: 'Innehåll som inte är tillgängligt' })).toBeVisible();
	await expect(page.getByText(/PDF-versionerna [^.]* taggade\s+enligt\s+PDF\/UA-1/)).toBeVisible();
	await expect(page.getByText(/Senaste bedömningen gjordes den \d+ \w+ \d{4}/)).toBeVisible();
	await expectAccessible(page);
	for (const path of ['/accessibility', '/contact']) {
		await page.setViewportSize(NARROW);
		await page.goto(path);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
		await expectAccessible(page);
	}
});

test('a visitor is not told that a body has nobody registered today', async ({ page }) => {
	await page.goto('/');
	const organisation = page.locator('h2', { hasText: 'Organisationen i dag' }).locator('+ ul');
	await expect(organisation.getByRole('listitem').first()).toBeVisible();
	await expect(organisation).not.toContainText('inga uppdrag registrerade');
});
