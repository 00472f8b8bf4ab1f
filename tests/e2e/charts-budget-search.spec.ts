import { expect, test } from '@playwright/test';
import { expectAccessible, login } from './helpers.ts';

// Issue 23 (F): a budget line added from "Budget mot utfall", the current year
// always in the finance year switcher, the charts drawn on the server (an image
// with a name, the figures as a table beside it, readable at 320 px, axe clean),
// and search that forgives missing å/ä/ö and suggests a spelling.
// The budget line goes into the current year, which the demo has no figures for.

const YEAR = new Date().getFullYear();
const REPRESENTATION = 'Representation (Kostnad)';

test('the current year is in the switcher, and a budget line is added from "Budget mot utfall"', async ({ page }) => {
	await login(page);
	await page.goto('/finance?year=2021');
	const years = page.getByRole('navigation', { name: 'År' });
	await expect(years.getByRole('link', { name: String(YEAR), exact: true })).toBeVisible();
	await years.getByRole('link', { name: String(YEAR), exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: `Ekonomi ${YEAR}` })).toBeVisible();
	await expect(page.getByText(`Det finns ingen budget eller bokföring för ${YEAR}.`)).toBeVisible();
	await page.getByRole('link', { name: 'Lägg till budgetrader' }).click();
	await expect(page.getByRole('heading', { name: `Ny budgetrad ${YEAR}` })).toBeVisible();
	await expectAccessible(page);

	// Refused: no amount. Nothing saved, the typed values kept, the field named.
	await page.locator('#budget-label').fill('Konferenser');
	await page.getByRole('checkbox', { name: REPRESENTATION, exact: true }).check();
	await page.getByRole('button', { name: 'Lägg till budgetraden' }).click();
	await expect(page.locator('#budget-label')).toHaveValue('Konferenser');
	await expect(page.locator('#budget-amount-error')).toContainText('Belopp');
	await expect(page.locator('#budget-amount')).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByRole('table', { name: `Budget mot utfall ${YEAR}` })).toHaveCount(0);

	await page.locator('#budget-amount').fill('12 500');
	await expect(page.getByRole('checkbox', { name: REPRESENTATION, exact: true })).toBeChecked();
	await page.getByRole('button', { name: 'Lägg till budgetraden' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Budgetraden sparades.' })).toBeVisible();
	await expect(page.getByRole('heading', { level: 1, name: `Ekonomi ${YEAR}` })).toBeVisible();
	const row = page
		.getByRole('table', { name: `Budget mot utfall ${YEAR}` })
		.getByRole('row')
		.filter({ has: page.getByRole('rowheader', { name: 'Konferenser', exact: true }) });
	await expect(row.getByRole('cell').nth(1)).toHaveText('12 500 kr');
	await expectAccessible(page);
});

test('visitors see no budget form', async ({ page }) => {
	await page.goto(`/finance?year=${YEAR}`);
	await expect(page.getByRole('button', { name: 'Lägg till budgetraden' })).toHaveCount(0);
});

const CHARTS = [
	['/finance?year=2021', 'Fondernas ingående balans per år'],
	['/finance/fees', 'Avgiften per kommun och år'],
	['/consultations/years', 'Remisser per år'],
	['/meetings/bodies/1?year=2021', 'genomförda möten per år']
] as const;

test('the charts are images with a name and a description, their figures a table beside them, and axe clean', async ({ page }) => {
	for (const [path, name] of CHARTS) {
		await page.goto(path);
		const chart = page.getByRole('img', { name: new RegExp(name) });
		await expect(chart, path).toBeVisible();
		await expect(chart).toHaveAccessibleDescription(/Värdeaxeln börjar på noll\./);
		const figure = page.locator('figure.chart').filter({ has: chart });
		await figure.getByText('Siffrorna i diagrammet som tabell').click();
		const table = figure.getByRole('table');
		await expect(table).toBeVisible();
		expect(await table.getByRole('row').count(), path).toBeGreaterThan(1);
		await expectAccessible(page);
	}
});

test('at 320 px a chart fits the page: the drawing scrolls in its own box', async ({ page }) => {
	await page.setViewportSize({ width: 320, height: 800 });
	for (const [path, name] of CHARTS) {
		await page.goto(path);
		const figure = page.locator('figure.chart').filter({ has: page.getByRole('img', { name: new RegExp(name) }) });
		const box = await figure.boundingBox();
		expect(box, path).not.toBeNull();
		expect(box!.x + box!.width, path).toBeLessThanOrEqual(320);
		const scroll = figure.locator('.chart-scroll');
		expect(await scroll.evaluate((e) => e.scrollWidth > e.clientWidth), path).toBe(true);
	}
});

test('search forgives missing å/ä/ö and suggests a spelling when nothing is found', async ({ page }) => {
	await page.goto('/search?q=tvarforbindelse');
	await expect(page.getByRole('status')).toContainText('träffar på ”tvarforbindelse”');
	await expect(page.getByRole('link', { name: 'Tvärförbindelse Södertörn' }).first()).toBeVisible();
	await expect(
		page
			.locator('mark')
			.filter({ hasText: /Tvärförbindelse/i })
			.first()
	).toBeVisible();

	await page.goto('/search?q=tv%C3%A4rf%C3%B6rbindlse');
	await expect(page.getByRole('status')).toContainText('Inga träffar på ”tvärförbindlse”.');
	await page.getByRole('status').getByRole('link', { name: 'tvärförbindelse' }).click();
	await expect(page).toHaveURL(/\/search\?q=tv%C3%A4rf%C3%B6rbindelse$/);
	await expect(page.getByRole('status')).toContainText('träffar på ”tvärförbindelse”');
	await expectAccessible(page);
});
