import { expect, test, type Page } from '@playwright/test';
import { ADMIN, expectAccessible, login } from './helpers.ts';

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

test('a network member’s overview shows exactly the open follow-ups of their network in this year’s plan', async ({
	page,
	browser,
	request
}) => {
	test.setTimeout(90_000);
	const year = new Date().getFullYear();
	const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
	expect((await request.post('/api/v1/session', { data: ADMIN })).status()).toBe(200);
	const created = async (path: string, data: object) => {
		const r = await request.post(`/api/v1/${path}`, { data });
		expect(r.status(), `${path}: ${await r.text()}`).toBe(201);
		return (await r.json()) as { id: number };
	};
	const networks = (await (await request.get('/api/v1/bodies?kind=network&limit=100')).json()).items as { id: number; name: string }[];
	const [mine, other] = networks;
	// A person of their own, in one network from this year on; the other network's activities are someone else's.
	const person = await created('persons', { name: 'Nora Nätverksdotter' });
	await created('memberships', { personId: person.id, bodyId: mine.id, role: 'member', validFrom: String(year) });
	const programmes = (await (await request.get('/api/v1/programmes')).json()).items as { id: number; validFromYear: number | null }[];
	const programme = programmes
		.filter((p) => (p.validFromYear ?? 0) <= year)
		.sort((a, b) => (b.validFromYear ?? 0) - (a.validFromYear ?? 0))[0];
	const plans = (await (await request.get(`/api/v1/plans?year=${year}`)).json()).items as { id: number; programmeId: number | null }[];
	const plan = plans[0] ?? (await created('plans', { year, title: `Verksamhetsplan ${year}`, programmeId: programme.id }));
	const programmeId = plans[0]?.programmeId ?? programme.id;
	const subGoal = (
		(await (await request.get(`/api/v1/sub-goals?programme=${programmeId}&on=${today}`)).json()).items as { id: number }[]
	)[0];
	const activity = (title: string, bodyId: number, more = {}) =>
		created('activities', {
			planId: plan.id,
			subGoalId: subGoal.id,
			title,
			timing: 'Höst',
			status: 'ongoing',
			responsibleBodyIds: [bodyId],
			...more
		});
	await activity('Nätverket följer upp hösten', mine.id);
	await activity('Nätverket har redan gjort detta', mine.id, { status: 'done' });
	await activity('Det andra nätverkets aktivitet', other.id);
	// What the network answers for in this year's plan and is not finished: exactly what her page must list.
	const all = (await (await request.get(`/api/v1/activities?year=${year}&body=${mine.id}&limit=100`)).json()).items as {
		title: string;
		status: string;
	}[];
	const expected = all.filter((a) => a.status !== 'done' && a.status !== 'cancelled').map((a) => a.title);
	expect(expected).toContain('Nätverket följer upp hösten');

	// The administrator gives her an account linked to the person.
	await login(page);
	await page.goto('/admin/accounts');
	const form = page.locator('form[action="?/create"]');
	await form.getByLabel('Namn').fill('Nora Nätverksdotter');
	await form.getByLabel('E-post').fill('nora@exempel.invalid');
	await form.getByLabel('Lösenord').fill('noras-langa-losenord');
	await form.getByLabel('Roll').selectOption({ label: 'Medlem' });
	const option = form.getByLabel('Person i registret').locator('option', { hasText: 'Nora Nätverksdotter' });
	await form.getByLabel('Person i registret').selectOption((await option.getAttribute('value'))!);
	await form.getByRole('button', { name: 'Skapa konto' }).click();
	await expect(page.getByRole('cell', { name: 'nora@exempel.invalid', exact: true })).toBeVisible();

	const context = await browser.newContext();
	const member = await context.newPage();
	await login(member, 'nora@exempel.invalid', 'noras-langa-losenord');
	await expect(member.getByRole('heading', { level: 1, name: 'Min översikt' })).toBeVisible();
	await expect(member.getByText(`Dina organ i dag: ${mine.name}.`)).toBeVisible();
	const part = member.getByRole('region', { name: 'Aktiviteter att följa upp' });
	expect((await part.getByRole('link').allTextContents()).sort()).toEqual([...expected].sort());
	await expect(part).toContainText(`klar senast 31 december ${year}`);
	// Only the secretariat's parts are the secretariat's.
	await expect(member.getByRole('region', { name: 'Utkorgen' })).toHaveCount(0);
	await expectAccessible(member);
	await member.screenshot({ path: '.tmp/overview-member.png', fullPage: true });
	await context.close();
});
