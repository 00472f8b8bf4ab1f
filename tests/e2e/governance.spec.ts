import { expect, test } from '@playwright/test';
import { expectAccessible, login } from './helpers.ts';

// The governance module end to end: the agreement's notice period through the
// API; every public and signed-in page at WCAG 2.1 AA; the secretariat's week
// (mark a task done, record a new network member, find the introduction task);
// refusals without JavaScript, nothing saved; news as an Atom feed.

test('the API computes when a notice to leave takes effect, and refuses a date that is not one', async ({ request }) => {
	const r = await request.get('/api/v1/agreement/notice?received=2023-05-17');
	expect(r.status()).toBe(200);
	expect(await r.json()).toEqual({ received: '2023-05-17', periodStarts: '2023-06-01', effective: '2024-06-01' });
	expect(await (await request.get('/api/v1/agreement/notice?received=2023-12-31')).json()).toMatchObject({ effective: '2025-01-01' });

	for (const bad of ['', '?received=2023-02-30', '?received=17 maj']) {
		const refused = await request.get(`/api/v1/agreement/notice${bad}`);
		expect(refused.status()).toBe(422);
		expect((await refused.json()).errors).toEqual([
			{ field: 'received', message: expect.stringMatching(/^received måste vara ett datum/) }
		]);
	}
	const openapi = await (await request.get('/api/v1/openapi.json')).json();
	expect(openapi.paths['/api/v1/agreement/notice'].get.parameters[0]).toMatchObject({ name: 'received', required: true });
	expect(openapi.paths['/api/v1/agreement'].get).toBeTruthy();
	expect(openapi.paths['/api/v1/agreement/notices'].post).toBeTruthy();
	expect(openapi.paths['/api/v1/duties'].post).toBeTruthy();
});

test('the API gives the agreement paragraph by paragraph to anyone, and the tasks only to members', async ({ request }) => {
	const a = await (await request.get('/api/v1/agreement')).json();
	expect(a.title).toBe('Samarbetsavtal om Södertörnskommunernas samarbetskommitté');
	expect(a.version.paragraphs.map((p: { number: number }) => p.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
	expect(a.version.paragraphs[1].text).toContain('uppsägningstiden 12 månader');
	expect(a.version.parties).toHaveLength(8);
	expect(a.versions).toHaveLength(1);
	expect((await request.get('/api/v1/tasks')).status()).toBe(401);
	const news = await (await request.get('/api/v1/news')).json();
	expect(news.total).toBeGreaterThan(0);
	const targets = await (await request.get('/api/v1/activity-targets?year=2020')).json();
	const trafikverket = targets.items.find((t: { organisation: string }) => t.organisation === 'Trafikverket');
	expect(trafikverket).toMatchObject({ count: 2, held: 2, met: true });
});

test('the public pages of the governance module are accessible, hold no forms, and the news has a feed', async ({ page, request }) => {
	test.setTimeout(90_000);
	const pages = [
		['/governance', 'Styrning'],
		['/governance/agreement', 'Samarbetsavtal om Södertörnskommunernas samarbetskommitté'],
		['/governance/documents', 'Styrdokument'],
		['/governance/influence', 'Påverkansarbete'],
		['/governance/news', 'Nyheter']
	] as const;
	for (const [path, heading] of pages) {
		await page.goto(path);
		await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
		await expect(page.locator('main form[method="POST"], main form[method="post"]')).toHaveCount(0);
		await expectAccessible(page);
	}
	await page.goto('/governance/agreement?received=2023-05-17');
	await expect(page.getByRole('status')).toContainText('uppsägningstiden räknas från 1 juni 2023 och utträdet gäller från 1 juni 2024');
	await expectAccessible(page);

	await page.goto('/governance/documents');
	await page.getByRole('link', { name: 'Direktiv för medverkan i nätverk' }).click();
	await expect(page.getByRole('table', { name: /Versioner av/ }).getByRole('row')).toHaveCount(3);
	await expectAccessible(page);

	await page.goto('/governance/influence?kind=seat');
	await page.getByRole('main').getByRole('table').first().getByRole('link').first().click();
	await expect(page.locator('dl.facts')).toContainText('Plats i extern grupp');
	await expectAccessible(page);

	await page.goto('/');
	const latest = page.getByRole('region', { name: 'Nyheter' });
	await expect(latest.getByRole('listitem')).toHaveCount(3);
	await latest.getByRole('listitem').first().getByRole('link').click();
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expectAccessible(page);

	const feed = await request.get('/governance/news/feed.atom');
	expect(feed.headers()['content-type']).toContain('application/atom+xml');
	const xml = await feed.text();
	expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
	expect(xml.match(/<entry>/g)?.length).toBeGreaterThanOrEqual(3);

	await page.goto('/governance/week');
	await expect(page).toHaveURL(/\/login\?next=%2Fgovernance%2Fweek/);
});

test('the signed-in pages of the governance module are accessible', async ({ page }) => {
	test.setTimeout(120_000);
	await login(page);
	for (const [path, heading] of [
		['/governance/week', /^Vecka \d+/],
		['/governance/week?year=2022', /^Vecka \d+/],
		['/governance/duties', 'Återkommande uppgifter'],
		['/governance/duties/new', 'Ny återkommande uppgift'],
		['/governance/tasks/new', 'Ny uppgift'],
		['/governance/agreement', 'Samarbetsavtal om Södertörnskommunernas samarbetskommitté'],
		['/governance/agreement/amend', 'Anta en ny version av avtalet'],
		['/governance/agreement/settlement', 'Fördelning vid upplösning (§ 10)'],
		['/governance/documents/new', 'Nytt styrdokument'],
		['/governance/influence/new', 'Ny post i påverkansarbetet'],
		['/governance/news/new', 'Ny nyhet'],
		['/planning/plans/2021', /Verksamhetsplan 2021/]
	] as const) {
		await page.goto(path);
		await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
		await expectAccessible(page);
	}
	// In 2022, an election year, there is no Södertörnskonferens; in 2021 there is.
	await page.goto('/governance/week?year=2022');
	await expect(page.getByRole('table', { name: /Årets uppgifter 2022/ })).not.toContainText('Södertörnskonferens');
	await page.goto('/governance/week?year=2021');
	await expect(page.getByRole('table', { name: /Årets uppgifter 2021/ })).toContainText('Södertörnskonferens');

	// A refused form, with its messages linked to the fields, is accessible too.
	await page.goto('/governance/duties/new');
	await page.getByRole('button', { name: 'Spara uppgiften' }).click();
	await expect(page.getByRole('alert')).toContainText('Uppgift måste fyllas i.');
	await expectAccessible(page);

	await page.goto('/governance/duties');
	await page.getByRole('table').getByRole('link').first().click();
	await expect(page.locator('dl.facts')).toContainText('Kommande datum');
	await expectAccessible(page);

	// Every share of the settlement sums to its row.
	await page.goto('/governance/agreement/settlement');
	const table = page.getByRole('table', { name: 'Fördelning per kommun (kronor)' });
	await expect(table).toBeVisible();
	const kronor = (s: string) => Math.round(Number(s.replace(/[\s\u00a0]|kr/g, '').replace(',', '.')) * 100);
	for (const row of await table.locator('tbody tr').all()) {
		const cells = (await row.locator('td').allInnerTexts()).map(kronor);
		expect(cells.slice(1).reduce((a, b) => a + b, 0)).toBe(cells[0]);
	}
});

test('the secretariat opens the week, marks a task done, records a new network member and finds the introduction', async ({ page }) => {
	test.setTimeout(90_000);
	await login(page);
	await page.goto('/governance/week');
	await expect(page.getByRole('heading', { level: 1, name: /^Vecka \d+/ })).toBeVisible();
	const open = page
		.locator('section')
		.filter({ has: page.getByRole('heading', { level: 2, name: /^(Försenat|Denna vecka|Inom 30 dagar)/ }) });
	const first = open.getByRole('listitem').first();
	const title = (await first.getByRole('link').innerText()).trim();
	await first.getByRole('button', { name: /^Markera klar/ }).click();
	await expect(page.getByRole('status')).toHaveText('Uppgiften är markerad som klar.');
	await expect(page.getByRole('region', { name: /Klart denna vecka/ })).toContainText(title);
	await expectAccessible(page);

	// A new member of the climate network, appointed by a municipal director under the directive.
	await page.goto('/organisation/memberships/new');
	const optionOf = async (field: string, text: string) =>
		(await page.locator(`#f-${field} option`, { hasText: text }).first().getAttribute('value')) as string;
	await page.locator('#f-personId').selectOption(await optionOf('personId', 'Anna Berglund'));
	await page.locator('#f-bodyId').selectOption(await optionOf('bodyId', 'Nätverket för klimatstrategier'));
	await page.locator('#f-role').selectOption('member');
	await page.getByLabel('Utsedd av').selectOption(await optionOf('appointedByPersonId', 'Magnus Gyllestad'));
	await page.getByLabel('Enligt direktiv').selectOption({ index: 1 });
	await page.getByRole('button', { name: 'Spara', exact: true }).click();
	await expect(page).toHaveURL(/\/organisation\/bodies\/\d+/);
	await expect(page.getByRole('row', { name: /Anna Berglund/ }).first()).toContainText('Utsedd av Magnus Gyllestad enligt direktivet');

	await page.goto('/governance/week');
	const intro = page.getByRole('link', { name: 'Introduktionsmöte: Anna Berglund, Nätverket för klimatstrategier' }).first();
	await expect(intro).toBeVisible();
	await intro.click();
	await expect(page.locator('dl.facts')).toContainText('Introduktionsmaterial');
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Registrera att mötet hölls' }).click();
	await expect(page.getByRole('status')).toHaveText('Uppgiften är markerad som klar.');
	await expect(page.locator('dl.facts')).toContainText('Klar');
});

test('a duty without an owner and a notice before the agreement are refused without JavaScript, nothing saved', async ({ browser }) => {
	test.setTimeout(90_000);
	const noJs = await browser.newPage({ javaScriptEnabled: false });
	try {
		await login(noJs);
		const title = `Uppgift ${Date.now()}`;
		await noJs.goto('/governance/duties/new');
		await noJs.getByRole('textbox', { name: 'Uppgift', exact: true }).fill(title);
		await noJs.getByLabel('Regel').selectOption('day');
		await noJs.getByRole('combobox', { name: 'Månad', exact: true }).selectOption('2');
		await noJs.getByLabel('Dag', { exact: true }).fill('30');
		await noJs.getByRole('button', { name: 'Spara uppgiften' }).click();
		await expect(noJs.locator('#f-ownerBodyId-error')).toHaveText(
			'Ansvarig: en uppgift måste ha en ansvarig (ett organ, en person eller en annan).'
		);
		await expect(noJs.getByRole('textbox', { name: 'Uppgift', exact: true })).toHaveValue(title);
		// With an owner, 30 February is still no date.
		await noJs.getByLabel('Ansvarig (annan)').fill('Kansliet');
		await noJs.getByRole('button', { name: 'Spara uppgiften' }).click();
		await expect(noJs.locator('#f-day-error')).toContainText('Regeln ger inget datum');
		await noJs.goto('/governance/duties');
		await expect(noJs.getByRole('main')).not.toContainText(title);

		await noJs.goto('/governance/agreement');
		const form = noJs.locator('form[action="?/notice"]');
		await form.getByLabel('Kommun').selectOption({ label: 'Salem' });
		await form.getByLabel('Fullmäktiges beslutsdatum').fill('2009-06-01');
		await form.getByLabel('Ordföranden mottog uppsägningen').fill('2009-06-15');
		await form.getByRole('button', { name: 'Registrera uppsägningen' }).click();
		await expect(noJs.locator('#notice-receivedOn-error')).toHaveText(
			'Avtalet gäller från 1 januari 2010: en uppsägning kan inte ha kommit in före det.'
		);
		await expect(noJs.getByRole('main')).toContainText('Ingen kommun har sagt upp avtalet.');
	} finally {
		await noJs.close();
	}
});
