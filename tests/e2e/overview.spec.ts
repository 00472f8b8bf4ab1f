import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, login } from './helpers.ts';

// "Min översikt": after signing in, / is the person's own page; the public
// start page stays at /?publik, and visitors who are not signed in see it at /
// as before. Accessible, reachable by keyboard, and without a part wider than
// the window at 1280 and 320 CSS pixels.

const PARTS = [
	'Veckans uppgifter',
	'Aktiviteter att följa upp',
	'Remisser att besvara inom 30 dagar',
	'Mina nästa möten',
	'Anteckningar att justera',
	'Åtgärdspunkter'
];

/** The overview's parts that reach past the window's right edge, and how wide the main region scrolls beyond its box. */
async function overflow(page: Page) {
	return page.evaluate(() => {
		const width = document.documentElement.clientWidth;
		const main = document.querySelector('main')!;
		const wide = [...main.querySelectorAll('h1, p, section, li, a')]
			.filter((e) => e.getBoundingClientRect().right > width + 0.5)
			.map((e) => `${e.tagName} ${e.textContent?.trim().slice(0, 40)}`);
		return { wide, mainScrolls: main.scrollWidth > main.clientWidth + 0.5 };
	});
}

test('the administrator signs in and lands on Min översikt, with the secretariat’s parts; the public start page stays reachable', async ({
	page
}) => {
	await login(page);
	await expect(page).toHaveURL(/\/$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Min översikt' })).toBeVisible();
	for (const part of [...PARTS, 'Utkorgen', 'Årets uppgifter']) await expect(page.getByRole('region', { name: part })).toBeVisible();
	// The administrator is no person of the register: the personal parts say so, each in one line.
	await expect(page.getByText('Kontot är inte kopplat till någon person i registret')).toBeVisible();
	await expect(page.getByRole('region', { name: 'Aktiviteter att följa upp' })).toContainText('Inga uppföljningar att göra.');
	await expect(page.getByRole('region', { name: 'Mina nästa möten' })).toContainText('Inga kommande möten i dina organ.');
	await expect(page.getByRole('region', { name: 'Årets uppgifter' }).getByRole('link', { name: 'Veckan och årshjulet' })).toBeVisible();
	await expectAccessible(page);

	await page.getByRole('link', { name: 'Visa den publika startsidan' }).click();
	await expect(page).toHaveURL(/\/\?publik$/);
	await expect(page.getByRole('region', { name: 'Vision och mål' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Min översikt' })).toHaveCount(0);
	await expectAccessible(page);
});

test('a visitor who is not signed in sees the public start page at /, never the overview', async ({ page, request }) => {
	await page.goto('/');
	await expect(page.getByRole('region', { name: 'Vision och mål' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Min översikt' })).toHaveCount(0);
	// The same answer as before, from the response cache on the second asking.
	await request.get('/');
	const again = await request.get('/');
	expect(again.headers()['x-samverka-cache']).toBe('hit');
	expect(await again.text()).not.toContain('Min översikt');
});

test('every link of the overview is reached by keyboard, and Enter follows it', async ({ page }) => {
	await login(page);
	await page.goto('/');
	const target = page.getByRole('link', { name: 'Hela veckan' });
	let reached = false;
	for (let i = 0; i < 60 && !reached; i++) {
		await page.keyboard.press('Tab');
		reached = await target.evaluate((e) => e === document.activeElement);
	}
	expect(reached, 'the link "Hela veckan" got focus by Tab').toBe(true);
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/governance\/week$/);
});

for (const width of [1280, 320]) {
	test(`at ${width} CSS pixels no part of the overview is wider than the window`, async ({ page }) => {
		await page.setViewportSize({ width, height: 900 });
		await login(page);
		await page.goto('/');
		await expect(page.getByRole('heading', { level: 1, name: 'Min översikt' })).toBeVisible();
		expect(await overflow(page)).toEqual({ wide: [], mainScrolls: false });
		await page.screenshot({ path: `.tmp/overview-${width}.png`, fullPage: true });
	});
}
