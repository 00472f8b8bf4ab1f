import { expect, test } from '@playwright/test';
import { expectAccessible, login } from './helpers.ts';

// The ledger import's upload: a file over a limit is refused on the file field
// with the reason, with and without JavaScript; with JavaScript the form says
// it is reading while the file is sent and checked. Nothing is saved here.

/** A CSV whose header has 150 columns: over the import's limit of 100. */
const WIDE = Buffer.from(
	['Datum;Fond;Kategori;Belopp;' + Array.from({ length: 146 }, (_, i) => `Extra ${i}`).join(';'), '2020-01-01;Drift;Lokaler;10'].join('\n')
);

test('a file over a limit is refused on the file field, and the form says it is reading meanwhile', async ({ page }) => {
	await login(page);
	await page.goto('/finance/import');
	// The answer held back a moment, so that the busy state can be seen.
	await page.route('**/finance/import?/preview', async (route) => {
		await new Promise((r) => setTimeout(r, 800));
		await route.continue();
	});
	await page.getByLabel('Fil från ekonomisystemet').setInputFiles({ name: 'bred.csv', mimeType: 'text/csv', buffer: WIDE });
	await page.getByRole('button', { name: 'Förhandsgranska' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Läser filen …' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Förhandsgranska' })).toBeDisabled();
	const error = page.locator('#import-file-error');
	await expect(error).toHaveText('Rad 1 har 150 kolumner; högst 100.');
	const file = page.getByLabel('Fil från ekonomisystemet');
	await expect(file).toHaveAttribute('aria-invalid', 'true');
	await expect(file).toHaveAttribute('aria-describedby', /import-file-error/);
	await expect(page.getByRole('button', { name: 'Förhandsgranska' })).toBeEnabled();
	await expectAccessible(page);
});

test('without JavaScript, the same refusal comes back with the page', async ({ browser }) => {
	const page = await browser.newPage({ javaScriptEnabled: false });
	await login(page);
	await page.goto('/finance/import');
	await page.getByLabel('Fil från ekonomisystemet').setInputFiles({ name: 'bred.csv', mimeType: 'text/csv', buffer: WIDE });
	await page.getByRole('button', { name: 'Förhandsgranska' }).click();
	await expect(page.locator('#import-file-error')).toHaveText('Rad 1 har 150 kolumner; högst 100.');
	await page.close();
});
