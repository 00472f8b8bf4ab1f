import { expect, test } from '@playwright/test';
import { login } from './helpers.ts';

// Forms work without JavaScript: plain posts, server-side validation, values kept.
test('a refused form keeps what was typed and names the field in Swedish, without JavaScript', async ({ page }) => {
	await login(page);
	await page.goto('/organisation/municipalities/new');
	await page.getByRole('textbox', { name: 'Kommunkod' }).fill('12');
	await page.getByRole('textbox', { name: 'Namn', exact: true }).fill('Testkommun');
	await page.getByLabel('Registratorns e-post').fill('inte en adress');
	await page.getByRole('button', { name: 'Spara' }).click();
	await expect(page.getByRole('alert')).toContainText('Uppgifterna sparades inte.');
	await expect(page.getByText('Kommunkod ska vara fyra siffror, till exempel 0127.').first()).toBeVisible();
	await expect(page.getByText(/Registratorns e-post måste vara en giltig e-postadress/).first()).toBeVisible();
	await expect(page.getByRole('textbox', { name: 'Namn', exact: true })).toHaveValue('Testkommun');
	await expect(page.getByRole('textbox', { name: 'Kommunkod' })).toHaveAttribute('aria-invalid', 'true');

	await page.getByRole('textbox', { name: 'Kommunkod' }).fill('0182');
	await page.getByLabel('Registratorns e-post').fill('');
	await page.getByRole('button', { name: 'Spara' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Testkommun' })).toBeVisible();
});

test('a stale edit is refused, not silently overwritten', async ({ page, browser }) => {
	await login(page);
	const other = await browser.newPage({ javaScriptEnabled: false });
	await login(other);
	await page.goto('/organisation/organisations/1/edit');
	await other.goto('/organisation/organisations/1/edit');
	await page.getByRole('textbox', { name: 'Namn', exact: true }).fill('Första ändringen');
	await page.getByRole('button', { name: 'Spara' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Första ändringen' })).toBeVisible();
	await other.getByRole('textbox', { name: 'Namn', exact: true }).fill('Andra ändringen');
	await other.getByRole('button', { name: 'Spara' }).click();
	await expect(other.getByRole('alert')).toContainText('Någon annan har ändrat posten');
	await other.goto('/organisation/organisations/1');
	await expect(other.getByRole('heading', { level: 1 })).toHaveText('Första ändringen');
	await other.close();
});
