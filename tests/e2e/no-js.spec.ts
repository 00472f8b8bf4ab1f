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

test('a refused end date or API key is shown on its own form, as a refusal', async ({ page }) => {
	await login(page);
	await page.goto('/organisation/organisations/2/edit');
	await page.getByLabel('Slutdatum').fill('');
	const [response] = await Promise.all([
		page.waitForResponse((r) => r.request().method() === 'POST'),
		page.getByRole('button', { name: 'Avsluta organisationen' }).click()
	]);
	expect(response.status()).toBe(422);
	await expect(page.getByRole('alert')).toContainText('Slutdatum måste fyllas i.');
	await expect(page.getByLabel('Slutdatum')).toHaveAttribute('aria-invalid', 'true');

	await page.goto('/admin/accounts');
	await page.getByLabel('Namn på nyckeln').fill('Utan konto');
	await page.getByRole('button', { name: 'Skapa nyckel' }).click();
	await expect(page.getByRole('alert')).toContainText('Konto måste väljas.');
	await expect(page.getByLabel('Namn på nyckeln')).toHaveValue('Utan konto');
});
