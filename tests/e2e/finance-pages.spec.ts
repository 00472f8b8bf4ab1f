import { expect, test } from '@playwright/test';
import { expectAccessible, login } from './helpers.ts';

// Every finance page an editor reaches, at WCAG 2.1 AA, and the ledger's paths
// from the list to an entry. (finance.spec.ts walks the closing scenario.)

test('the editor pages of the finance module are accessible', async ({ page }) => {
	await login(page);
	for (const [path, heading] of [
		['/finance/fees', 'Kommunernas avgifter'],
		['/finance/funds', 'Fonder och kategorier'],
		['/finance/import', 'Importera från ekonomisystemet'],
		['/finance/ledger?year=2020', 'Bokföring 2020'],
		['/finance/years/2019', 'Bokslut 2019']
	] as const) {
		await page.goto(path);
		await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
		await expectAccessible(page);
	}
	// From the ledger to one entry: a closed year's entry shows, and cannot be changed.
	await page.goto('/finance/ledger?year=2020');
	await page.getByRole('link').filter({ hasText: '2020' }).first().click();
	await expect(page.getByText('Året 2020 är stängt; transaktionen kan inte ändras.')).toBeVisible();
	await expectAccessible(page);
	// A fund's edit form.
	await page.goto('/finance/funds');
	await page.getByRole('link', { name: 'Kommunikationsprojekt' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Kommunikationsprojekt' })).toBeVisible();
	await expect(page.locator('#f-mergedFromYear')).toHaveValue('2021');
	await expectAccessible(page);
});
