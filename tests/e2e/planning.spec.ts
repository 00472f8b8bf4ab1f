import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, login } from './helpers.ts';

// The planning module end to end: follow-up by those responsible, the overview,
// plans adopted once, the export, and every page at WCAG 2.1 AA.

const MEMBER = {
	name: 'Klara Klimatsson',
	title: 'klimatsamordnare',
	email: 'klara.klimatsson@e2e.test',
	password: 'medlem-losenord-som-ar-langt'
};
const CLIMATE_NETWORK = 'Nätverket för klimatstrategier (Klimatnätverket)';

/** The number shown for one of the overview's counts, e.g. "klara". */
async function countOf(page: Page, word: string) {
	const item = page
		.getByRole('list', { name: 'Antal aktiviteter' })
		.getByRole('listitem')
		.filter({ hasText: new RegExp(`\\s${word}$`) });
	return Number(await item.locator('strong').textContent());
}

/** The rows of the action plan's tables: one per activity. */
const activityRows = (page: Page) => page.locator('tbody tr').filter({ has: page.locator('a[href^="/planning/activities/"]') });

/** The 2021 overview filtered by the climate network, through the filter form; returns the body's id. */
async function filterByClimateNetwork(page: Page) {
	await page.goto('/planning/plans/2021');
	await page.getByLabel('Ansvarigt organ').selectOption({ label: CLIMATE_NETWORK });
	await page.getByRole('button', { name: 'Visa', exact: true }).click();
	await expect(page).toHaveURL(/[?&]body=\d+/);
	return Number(new URL(page.url()).searchParams.get('body'));
}

/** Parses semicolon-separated CSV with quoted fields (which may hold line breaks) into records. */
function parseCsv(text: string): string[][] {
	const records: string[][] = [];
	let field = '';
	let record: string[] = [];
	let quoted = false;
	const src = text.replace(/^\uFEFF/, '');
	for (let i = 0; i < src.length; i++) {
		const c = src[i];
		if (quoted) {
			if (c === '"' && src[i + 1] === '"') {
				field += '"';
				i++;
			} else if (c === '"') quoted = false;
			else field += c;
		} else if (c === '"') quoted = true;
		else if (c === ';') {
			record.push(field);
			field = '';
		} else if (c === '\n' || c === '\r') {
			if (c === '\r' && src[i + 1] === '\n') i++;
			record.push(field);
			records.push(record);
			record = [];
			field = '';
		} else field += c;
	}
	if (field !== '' || record.length) {
		record.push(field);
		records.push(record);
	}
	return records;
}

test("a network member adds follow-up to their network's activity, cannot to another's, and the overview updates", async ({
	page,
	baseURL
}) => {
	test.setTimeout(90_000);
	// As administrator: a person, their membership in the climate network from 2021 on, and a member account for them.
	await login(page);
	const bodyId = await filterByClimateNetwork(page);

	await page.goto('/organisation/persons/new');
	await page.getByRole('textbox', { name: 'Namn', exact: true }).fill(MEMBER.name);
	await page.getByRole('textbox', { name: 'Titel', exact: true }).fill(MEMBER.title);
	await page.getByRole('button', { name: 'Spara' }).click();
	await expect(page.getByRole('heading', { level: 1, name: MEMBER.name })).toBeVisible();

	await page.goto(`/organisation/memberships/new?body=${bodyId}`);
	await page.getByRole('combobox', { name: 'Person', exact: true }).selectOption({ label: `${MEMBER.name}, ${MEMBER.title}` });
	await expect(page.getByRole('combobox', { name: 'Organ', exact: true })).toHaveValue(String(bodyId));
	await page.getByLabel('Roll').selectOption({ label: 'Ledamot' });
	await page.getByLabel('Från').fill('2021-01-01');
	await page.getByRole('button', { name: 'Spara' }).click();
	await expect(page).toHaveURL(new RegExp(`/organisation/bodies/${bodyId}$`));
	await expect(page.getByRole('link', { name: MEMBER.name, exact: true }).first()).toBeVisible();

	await page.goto('/admin/accounts');
	const newAccount = page.getByRole('form', { name: 'Nytt konto' });
	await newAccount.getByRole('textbox', { name: 'Namn', exact: true }).fill(MEMBER.name);
	await newAccount.getByRole('textbox', { name: 'E-post', exact: true }).fill(MEMBER.email);
	await newAccount.getByLabel('Lösenord').fill(MEMBER.password);
	await newAccount.getByLabel('Roll').selectOption({ label: 'Medlem' });
	await newAccount.getByLabel('Person i registret').selectOption({ label: `${MEMBER.name}, ${MEMBER.title}` });
	await newAccount.getByRole('button', { name: 'Skapa konto' }).click();
	await expect(page.getByRole('status')).toContainText(`Kontot ${MEMBER.email} är skapat.`);
	await page.getByRole('button', { name: 'Logga ut' }).click();
	await expect(page.getByRole('link', { name: 'Logga in' })).toBeVisible();

	// As the member: the whole year's counts, then the network's activities.
	await login(page, MEMBER.email, MEMBER.password);
	await page.goto('/planning/plans/2021');
	const doneBefore = await countOf(page, 'klara');
	expect(await filterByClimateNetwork(page)).toBe(bodyId);
	const own = activityRows(page).filter({ hasText: 'Pågår' }).first();
	await expect(own).toContainText('Klimatnätverket');
	const ownLink = own.getByRole('link');
	const ownTitle = (await ownLink.textContent())!.trim();
	const ownHref = (await ownLink.getAttribute('href'))!;
	await ownLink.click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(ownTitle);
	await expect(page.getByRole('heading', { name: 'Lägg till uppföljning' })).toBeVisible();
	await expect(page.getByText('Ingen uppföljning ännu.')).toBeVisible();

	// A date outside the plan's year is refused, naming the field, and nothing is saved.
	await page.getByLabel('Datum').fill('2020-12-31');
	await page.getByRole('textbox', { name: 'Uppföljning', exact: true }).fill('Daterad fel år.');
	await page.getByLabel('Ny status').selectOption({ label: 'Klar' });
	await page.getByRole('button', { name: 'Spara uppföljningen' }).click();
	await expect(page.getByRole('alert')).toContainText('Datum: uppföljningen ska vara daterad inom planens år (2021).');
	await expect(page.getByLabel('Datum')).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByRole('textbox', { name: 'Uppföljning', exact: true })).toHaveValue('Daterad fel år.');
	await expect(page.getByText('Ingen uppföljning ännu.')).toBeVisible();
	await page.goto(ownHref);
	await expect(page.getByText('Ingen uppföljning ännu.')).toBeVisible();
	await expect(page.locator('h1 + p .badge')).toContainText('Pågår');

	// Within the year, with the status moved to done.
	await page.getByLabel('Datum').fill('2021-11-30');
	await page.getByRole('textbox', { name: 'Uppföljning', exact: true }).fill('Genomfört enligt plan; rapporterat till nätverket.');
	await page.getByLabel('Ny status').selectOption({ label: 'Klar' });
	await page.getByRole('button', { name: 'Spara uppföljningen' }).click();
	await expect(page).toHaveURL(new RegExp(`${ownHref}#follow-up$`));
	const entries = page.locator('ol.follow-ups > li');
	await expect(entries).toHaveCount(1);
	await expect(entries.first()).toContainText('30 november 2021');
	await expect(entries.first()).toContainText(MEMBER.name);
	await expect(entries.first()).toContainText('Genomfört enligt plan; rapporterat till nätverket.');
	await expect(page.locator('h1 + p .badge')).toContainText('Klar');

	// An activity the network is not responsible for: no form, and a direct post is refused.
	await page.goto('/planning/plans/2021');
	const other = activityRows(page).filter({ hasNotText: 'Klimatnätverket' }).first();
	const otherHref = (await other.getByRole('link').getAttribute('href'))!;
	await page.goto(otherHref);
	await expect(page.getByRole('heading', { name: 'Lägg till uppföljning' })).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Spara uppföljningen' })).toHaveCount(0);
	await expect(page.getByText('Uppföljning läggs till av dem som ansvarar för aktiviteten och av kansliet.')).toBeVisible();
	const refused = await page.request.post(`${otherHref}?/followUp`, {
		form: { date: '2021-06-01', text: 'Försöker ändå.', status: 'done' },
		headers: { origin: baseURL! }
	});
	expect(refused.status()).toBe(403);
	await page.goto(otherHref);
	await expect(page.getByText('Försöker ändå.')).toHaveCount(0);

	// The overview: the activity shows done, and one more is done.
	await page.goto('/planning/plans/2021');
	expect(await countOf(page, 'klara')).toBe(doneBefore + 1);
	const row = activityRows(page).filter({ has: page.getByRole('link', { name: ownTitle, exact: true }) });
	await expect(row.getByRole('cell').nth(3)).toHaveText(/Klar/);
	await expect(row.getByRole('cell').nth(4)).toContainText('1 notering, senast 30 november 2021');
});

test('every planning page passes axe at WCAG 2.1 AA, signed in and not', async ({ page }) => {
	test.setTimeout(180_000);
	await page.goto('/planning/plans/2021');
	const activity = (await activityRows(page).first().getByRole('link').getAttribute('href'))!;
	const publicPages = [
		'/planning',
		'/planning/plans/2018',
		'/planning/plans/2020',
		'/planning/plans/2021',
		'/planning/programmes/1',
		'/planning/programmes/2',
		activity
	];
	for (const url of publicPages) {
		await page.goto(url);
		await expectAccessible(page);
	}

	await login(page);
	for (const url of publicPages) {
		await page.goto(url);
		// The editors' forms, folded away in <details>, opened before the check.
		for (const details of await page.locator('main details').all()) {
			if ((await details.getAttribute('open')) === null) await details.locator('> summary').click();
		}
		await expect(page.locator('main details:not([open])')).toHaveCount(0);
		await expectAccessible(page);
	}
	const forms = [
		'/planning/plans/new',
		'/planning/programmes/new',
		'/planning/plans/2021/activities/new',
		'/planning/plans/2021/areas/new',
		`${activity}/edit`
	];
	for (const url of forms) {
		await page.goto(url);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await expectAccessible(page);
	}
});

test('the demo lets a reader see what the annual report says about each activity', async ({ page }) => {
	await page.goto('/planning/plans/2020');
	const underSubGoal = page.locator('section[aria-labelledby^="fa-"]').locator('a[href^="/planning/activities/"]').first();
	const title = (await underSubGoal.textContent())!.trim();
	await underSubGoal.click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	await expect(page.getByRole('term').filter({ hasText: 'Delmål' })).toBeVisible();
	await expect(page.getByRole('heading', { level: 2, name: 'I årsredovisningen 2020' })).toBeVisible();
	const report = page.locator('h2#report + .report-text');
	await expect(report).toBeVisible();
	expect((await report.textContent())!.trim().length).toBeGreaterThan(20);
	// Follow-up is for those signed in.
	await expect(page.getByRole('link', { name: 'Logga in' }).last()).toBeVisible();
});

test('an editor adopts a plan once; adopting twice is refused', async ({ page, browser, baseURL }) => {
	test.setTimeout(60_000);
	await login(page);
	await page.goto('/planning');
	await page.getByRole('link', { name: 'Ny verksamhetsplan' }).click();
	await page.getByRole('textbox', { name: 'År', exact: true }).fill('2023');
	await page.getByRole('textbox', { name: 'Titel', exact: true }).fill('Verksamhetsplan 2023');
	await page.getByLabel('Utvecklingsprogram').selectOption({ label: 'SUP 2035 – Södertörns utvecklingsprogram 2035' });
	await page.getByRole('button', { name: 'Spara' }).click();
	await expect(page).toHaveURL(/\/planning\/plans\/2023$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Verksamhetsplan 2023');
	await expect(page.locator('dl.facts')).toContainText('Utkast');

	// An activity with neither a sub-goal nor an area: refused, what was typed kept.
	await page.getByRole('link', { name: 'Ny aktivitet' }).click();
	const title = page.getByRole('textbox', { name: 'Aktivitet', exact: true });
	await title.fill('Gemensam laddplanering för tunga transporter');
	await page.getByRole('combobox', { name: 'Status', exact: true }).selectOption({ label: 'Pågår' });
	await page.getByRole('button', { name: 'Spara' }).click();
	const alert = page.getByRole('alert');
	await expect(alert).toContainText('Uppgifterna sparades inte.');
	await expect(alert.getByRole('listitem').first()).toHaveText(/^Delmål:/);
	await expect(page.getByRole('combobox', { name: 'Delmål', exact: true })).toHaveAttribute('aria-invalid', 'true');
	await expect(title).toHaveValue('Gemensam laddplanering för tunga transporter');
	await expect(page.getByRole('combobox', { name: 'Status', exact: true })).toHaveValue('ongoing');

	// With a sub-goal: saved.
	const subGoal = page.getByRole('combobox', { name: 'Delmål', exact: true });
	const firstGoal = (await subGoal.locator('option').nth(1).textContent())!.trim();
	await subGoal.selectOption({ label: firstGoal });
	await page.getByRole('checkbox', { name: CLIMATE_NETWORK }).check();
	await page.getByRole('button', { name: 'Spara' }).click();
	await expect(page).toHaveURL(/\/planning\/activities\/\d+$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Gemensam laddplanering för tunga transporter');
	await expect(page.locator('h1 + p .badge')).toContainText('Pågår');

	// A second tab opened before the adoption.
	const stale = await browser.newPage();
	await login(stale);
	await stale.goto('/planning/plans/2023');

	await page.goto('/planning/plans/2023');
	await page.getByText('Ändra planens status eller starta nästa års plan').click();
	await page.getByLabel('Beslutsdatum').fill('2022-12-15');
	await page.getByLabel('Beslutat av').selectOption({ label: 'Organ' });
	await page.getByLabel('Beslutande organ').selectOption({ label: 'Södertörnskommunernas samarbetskommitté (Samarbetskommittén)' });
	const committee = await page.getByLabel('Beslutande organ').inputValue();
	await expect(page.getByRole('textbox', { name: 'Beslut', exact: true })).toHaveValue('Verksamhetsplan 2023 antagen');
	const version = await page.locator('form[action="?/adopt"] input[name="version"]').inputValue();
	await page.getByRole('button', { name: 'Anta planen' }).click();
	await expect(page).toHaveURL(/\/planning\/plans\/2023$/);
	const status = page.locator('dl.facts dt', { hasText: 'Status' }).locator('+ dd');
	await expect(status).toContainText('Antagen');
	await expect(status).toContainText('15 december 2022');
	await expect(status).toContainText('Södertörnskommunernas samarbetskommitté');
	await expect(page.getByRole('button', { name: 'Anta planen' })).toHaveCount(0);
	expect(await countOf(page, 'aktiviteter')).toBe(1);
	await expect(activityRows(page).getByRole('link', { name: 'Gemensam laddplanering för tunga transporter', exact: true })).toBeVisible();
	await page.goto('/planning');
	await expect(page.getByRole('row').filter({ hasText: 'Verksamhetsplan 2023' })).toContainText('Antagen');

	// Adopting again, posted directly: refused, saying why.
	const again = await page.request.post('/planning/plans/2023?/adopt', {
		form: { version, decidedOn: '2023-01-10', decidedBy: 'body', bodyId: committee, title: 'Verksamhetsplan 2023 antagen igen' },
		headers: { origin: baseURL! }
	});
	expect(again.status()).toBe(422);
	expect(await again.text()).toContain('redan antagen');

	// Adopting again from the tab opened before: refused, and the reason is shown.
	await stale.getByText('Ändra planens status eller starta nästa års plan').click();
	await stale.getByLabel('Beslutsdatum').fill('2023-01-10');
	await stale.getByLabel('Beslutande organ').selectOption(committee);
	const [response] = await Promise.all([
		stale.waitForResponse((r) => r.request().method() === 'POST'),
		stale.getByRole('button', { name: 'Anta planen' }).click()
	]);
	expect(response.status()).toBe(422);
	// The plan's page after the refused post must say why (it shows the plan as adopted, but no message).
	await expect(stale.getByRole('alert')).toContainText('redan antagen');
	await stale.close();
});

test('export of the action plan', async ({ page }) => {
	await page.goto('/planning/plans/2020');
	const total = await countOf(page, 'aktiviteter');
	expect(total).toBeGreaterThan(0);

	const csvHref = (await page.getByRole('link', { name: 'CSV', exact: true }).getAttribute('href'))!;
	const csv = await page.request.get(csvHref);
	expect(csv.status()).toBe(200);
	expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
	const records = parseCsv(await csv.text()).filter((r) => r.some((f) => f !== ''));
	expect(records[0]).toEqual([
		'Fokusområde eller område',
		'Delmål',
		'Aktivitet',
		'Ansvariga',
		'När',
		'Status',
		'Försenad',
		'Kommentar',
		'Antal uppföljningar',
		'Senaste uppföljning',
		'Text till årsredovisningen'
	]);
	expect(records.length - 1).toBe(total);
	const titles = await activityRows(page).getByRole('link').allTextContents();
	expect(records.slice(1).map((r) => r[2].trim())).toEqual(expect.arrayContaining(titles.map((t) => t.trim())));

	const xlsxHref = (await page.getByRole('link', { name: 'Excel', exact: true }).getAttribute('href'))!;
	const xlsx = await page.request.get(xlsxHref);
	expect(xlsx.status()).toBe(200);
	expect(xlsx.headers()['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
	const bytes = await xlsx.body();
	expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
});

test('keyboard: the goal tree and the overview are reachable by Tab', async ({ page }) => {
	await page.goto('/planning/programmes/2');
	const tree = page.locator('ul[aria-label="Målträd"]');
	await expect(tree.getByRole('link').first()).toBeVisible();
	let inTree = false;
	for (let i = 0; i < 200 && !inTree; i++) {
		await page.keyboard.press('Tab');
		inTree = await page.evaluate(
			() => !!document.activeElement?.closest('ul[aria-label="Målträd"]') && document.activeElement?.tagName === 'A'
		);
	}
	expect(inTree, 'a link in the goal tree is reached by Tab').toBe(true);
	const href = (await page.evaluate(() => document.activeElement!.getAttribute('href')))!;
	expect(href).toMatch(/^\/planning\/plans\/\d{4}#sg-\d+$/);
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(new RegExp(`${href.replace(/[#]/g, '\\#')}$`));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Verksamhetsplan \d{4}/);
	await expect(page.locator(href.slice(href.indexOf('#')))).toBeVisible();
	await expect(page.getByRole('list', { name: 'Antal aktiviteter' })).toBeVisible();
});
