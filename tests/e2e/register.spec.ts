import { expect, test } from '@playwright/test';
import { expectAccessible, login } from './helpers.ts';

test('log in, add a person to a network, see it on the body page, log out', async ({ page }) => {
	await page.goto('/');
	await expectAccessible(page);
	await login(page);
	await expectAccessible(page);

	// A new person
	await page.goto('/organisation/persons/new');
	await expectAccessible(page);
	await page.getByRole('textbox', { name: 'Namn', exact: true }).fill('Testa Testsson');
	await page.getByLabel('Titel').fill('klimatstrateg');
	await page.getByLabel('Arbetsgivare (kommun)').selectOption({ label: 'Salem' });
	await page.getByRole('button', { name: 'Spara' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Testa Testsson' })).toBeVisible();
	await expectAccessible(page);

	// The climate network, and the person added to it
	await page.goto('/organisation/bodies?kind=network');
	await expectAccessible(page);
	await page
		.getByRole('link', { name: /klimat/i })
		.first()
		.click();
	await expect(page).toHaveURL(/\/organisation\/bodies\/\d+$/);
	const bodyName = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Lägg till medlem' }).click();
	await expectAccessible(page);
	await page.getByLabel('Person').selectOption({ label: 'Testa Testsson, klimatstrateg' });
	await page.getByLabel('Roll').selectOption({ label: 'Ledamot' });
	await page.getByLabel('Företräder kommun').selectOption({ label: 'Salem' });
	await page.getByLabel('Från').fill('2021-01-01');
	await page.getByRole('button', { name: 'Spara' }).click();

	await expect(page.getByRole('heading', { level: 1 })).toHaveText(bodyName);
	const members = page
		.getByRole('table')
		.filter({ has: page.getByRole('columnheader', { name: 'Person' }) })
		.first();
	await expect(members.getByRole('link', { name: 'Testa Testsson', exact: true })).toBeVisible();
	await expectAccessible(page);

	// Membership on an earlier date: not yet a member
	await page.getByLabel('Visa ledamöter på datum').fill('2020-06-01');
	await page.getByRole('button', { name: 'Visa' }).click();
	await expect(page.getByRole('heading', { name: 'Ledamöter den 1 juni 2020' })).toBeVisible();
	await expect(page.getByRole('table').first().getByRole('link', { name: 'Testa Testsson', exact: true })).toHaveCount(0);

	await page.getByRole('button', { name: 'Logga ut' }).click();
	await expect(page.getByRole('link', { name: 'Logga in' })).toBeVisible();
});

test('every register page passes axe at WCAG 2.1 AA, signed in and not', async ({ page }) => {
	test.setTimeout(180_000);
	const publicPages = [
		'/',
		'/organisation',
		'/organisation/municipalities',
		'/organisation/municipalities/1',
		'/organisation/bodies',
		'/organisation/bodies/2',
		'/organisation/persons',
		'/organisation/persons/1',
		'/organisation/organisations',
		'/organisation/organisations/1',
		'/login'
	];
	for (const url of publicPages) {
		await page.goto(url);
		await expectAccessible(page);
	}
	await login(page);
	const editorPages = [
		...publicPages.filter((u) => u !== '/login'),
		'/organisation/municipalities/new',
		'/organisation/municipalities/1/edit',
		'/organisation/populations/new?municipality=1',
		'/organisation/bodies/new',
		'/organisation/bodies/2/edit',
		'/organisation/persons/new',
		'/organisation/persons/1/edit',
		'/organisation/organisations/new',
		'/organisation/organisations/1/edit',
		'/organisation/memberships/new?body=2',
		'/organisation/memberships/1/edit',
		'/organisation/settings',
		'/admin/accounts',
		'/admin/audit',
		'/sidan-finns-inte'
	];
	for (const url of editorPages) {
		await page.goto(url);
		await expectAccessible(page);
	}
});

test('the audit log shows who changed what, before and after', async ({ page }) => {
	await login(page);
	await page.goto('/organisation/municipalities/1/edit');
	await page.getByLabel('Registratorns e-post').fill('registrator@botkyrka.example');
	await page.getByRole('button', { name: 'Spara' }).click();
	await expect(page.getByRole('link', { name: 'registrator@botkyrka.example' })).toBeVisible();
	await expect(page.getByRole('status')).toHaveText('Ändringen sparades.');
	await page.goto('/admin/audit?entity=municipality&action=update');
	// In words: the record type, the event, the field as the form labels it; no table names or JSON.
	// Before: the demo's registrar address (in the reserved .invalid domain).
	await expect(page.getByRole('cell', { name: /Registratorns e-post: \S+@\S+\.invalid → registrator@botkyrka\.example/ })).toBeVisible();
	await expect(page.getByRole('cell', { name: 'Kommun #1' }).first()).toBeVisible();
	await expect(page.getByRole('cell', { name: 'Ändrade', exact: true }).first()).toBeVisible();
	await expectAccessible(page);
});

test('the whole flow works by keyboard alone', async ({ page }) => {
	await page.goto('/');
	await page.keyboard.press('Tab');
	await expect(page.getByRole('link', { name: 'Hoppa till innehållet' })).toBeFocused();
	await page.goto('/login');
	await page.getByLabel('E-post').focus();
	await page.keyboard.type('admin@e2e.test');
	await page.keyboard.press('Tab');
	await page.keyboard.type('e2e-losenord-som-ar-langt');
	await page.keyboard.press('Enter');
	await expect(page.getByRole('button', { name: 'Logga ut' })).toBeVisible();
});

test('an account switched off is signed out at its very next request, though it was just signed in', async ({ page, browser }) => {
	await login(page);
	await page.goto('/admin/accounts');
	const form = page.locator('form[action="?/create"]');
	await form.getByLabel('Namn').fill('Avstängd Användare');
	await form.getByLabel('E-post').fill('avstangd@e2e.test');
	await form.getByLabel('Lösenord').fill('ett-langt-losenord-99');
	await form.getByLabel('Roll').selectOption('member');
	await form.getByRole('button', { name: 'Skapa konto' }).click();
	await expect(page.getByRole('row', { name: /avstangd@e2e\.test/ })).toBeVisible();

	// The member signs in elsewhere and reads the same page twice: the session is remembered by the server.
	const other = await browser.newContext();
	const member = await other.newPage();
	await login(member, 'avstangd@e2e.test', 'ett-langt-losenord-99');
	await member.goto('/search?q=Tv%C3%A4rf%C3%B6rbindelse');
	await member.reload();
	await expect(member.getByRole('button', { name: 'Logga ut' })).toBeVisible();

	await page
		.getByRole('row', { name: /avstangd@e2e\.test/ })
		.getByRole('button', { name: /Stäng av/ })
		.click();
	await expect(page.getByRole('row', { name: /avstangd@e2e\.test/ }).getByRole('button', { name: /Aktivera/ })).toBeVisible();

	await member.reload();
	await expect(member.getByRole('link', { name: 'Logga in' })).toBeVisible();
	await expect(member.getByRole('button', { name: 'Logga ut' })).toHaveCount(0);
	await other.close();
});
