import { expect, test } from '@playwright/test';
import { expectAccessible, login } from './helpers.ts';

// The projects module end to end: its pages for the public and for an editor
// at WCAG 2.1 AA; the refusals of the issue in a browser (too few participants
// without JavaScript, a project cost on a closed year), nothing saved.

test('the pages of the projects module are accessible, and the public sees no forms', async ({ page }) => {
	const pages = [
		['/projects', 'Projekt'],
		['/projects/events', 'Evenemang'],
		['/projects/external-meetings', 'Externa möten']
	] as const;
	for (const [path, heading] of pages) {
		await page.goto(path);
		await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
		await expect(page.locator('main form[method="POST"], main form[method="post"]')).toHaveCount(0);
		await expectAccessible(page);
	}
	await page.goto('/projects/events');
	await page.getByRole('link', { name: 'Södertörnskonferensen 2021' }).click();
	await expect(page.locator('dl.facts')).toContainText('171, varav 124 från kommunerna och 47 övriga');
	await expectAccessible(page);
	await page.goto('/projects/external-meetings?year=2021');
	await page.getByRole('table', { name: 'Externa möten' }).getByRole('link').first().click();
	await expect(page.getByRole('heading', { level: 1, name: /^Möte med / })).toBeVisible();
	await expectAccessible(page);

	await login(page);
	for (const [path, heading] of [
		...pages,
		['/projects/new', 'Nytt projekt'],
		['/projects/events/new', 'Nytt evenemang'],
		['/projects/external-meetings/new', 'Nytt externt möte']
	] as const) {
		await page.goto(path);
		await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
		await expectAccessible(page);
	}
	await page.goto('/projects');
	await page.getByRole('link', { name: 'Näringslivsanalyser Great' }).click();
	await expect(page.locator('dl.facts')).toContainText('242 800 kr');
	await expectAccessible(page);
});

test('fewer participants than from the municipalities is refused without JavaScript, naming the field', async ({ browser }) => {
	const noJs = await browser.newPage({ javaScriptEnabled: false });
	try {
		await login(noJs);
		const name = `Temadag ${Date.now()}`;
		await noJs.goto('/projects/events/new');
		await noJs.getByLabel('Namn').fill(name);
		await noJs.getByLabel('Deltagare totalt').fill('40');
		await noJs.getByLabel('Deltagare från kommunerna').fill('55');
		await noJs.getByRole('button', { name: 'Skapa evenemanget' }).click();
		await expect(noJs.locator('#f-participants-error')).toHaveText(
			'Deltagare totalt (40) kan inte vara färre än deltagarna från kommunerna (55).'
		);
		await expect(noJs.getByLabel('Namn')).toHaveValue(name);
		await noJs.goto('/projects/events');
		await expect(noJs.getByRole('link', { name })).toHaveCount(0);
	} finally {
		await noJs.close();
	}
});

test('a cost on a project in a closed year is refused, and the ledger is unchanged', async ({ page }) => {
	await login(page);
	await page.goto('/projects');
	await page.getByRole('link', { name: 'Näringslivsanalyser Great' }).click();
	await page.locator('#b-date').fill('2020-06-30');
	await page.locator('#b-fundId').selectOption({ index: 1 });
	await page.locator('#b-categoryId').selectOption({ index: 1 });
	await page.locator('#b-amount').fill('1 000');
	await page.getByRole('button', { name: 'Bokför' }).click();
	await expect(page.locator('#b-date-error')).toHaveText(/^Året 2020 är stängt/);
	await expectAccessible(page);
	await page.goto('/projects');
	await expect(page.getByRole('row', { name: /Näringslivsanalyser Great/ })).toContainText('242 800 kr');
});
