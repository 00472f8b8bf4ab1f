// The calendar feeds through the running server: every line ends with CRLF,
// and a subscriber whose copy is current gets 304 Not Modified. The account
// page holds the place the weekly digest's List-Unsubscribe points to.
import { expect, test } from '@playwright/test';
import { expectAccessible, login } from './helpers.ts';

test('a body feed ends every line with CRLF and answers 304 to a subscriber whose copy is current', async ({ request }) => {
	const first = await request.get('/calendar/bodies/1.ics');
	expect(first.status()).toBe(200);
	expect(first.headers()['content-type']).toBe('text/calendar; charset=utf-8');
	const text = await first.text();
	expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
	expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
	expect(text).not.toMatch(/[^\r]\n/);
	const etag = first.headers()['etag'];
	const lastModified = first.headers()['last-modified'];
	expect(etag).toMatch(/^"[\w-]+"$/);
	expect(Number.isNaN(Date.parse(lastModified))).toBe(false);

	const byTag = await request.get('/calendar/bodies/1.ics', { headers: { 'if-none-match': etag } });
	expect(byTag.status()).toBe(304);
	expect((await byTag.body()).byteLength).toBe(0);
	expect(byTag.headers()['etag']).toBe(etag);
	const byDate = await request.get('/calendar/bodies/1.ics', { headers: { 'if-modified-since': lastModified } });
	expect(byDate.status()).toBe(304);
	const stale = await request.get('/calendar/bodies/1.ics', { headers: { 'if-none-match': '"an-older-copy"' } });
	expect(stale.status()).toBe(200);
	expect(await stale.text()).toBe(text);
});

test('the account page says where the weekly digest is turned off, accessibly', async ({ page }) => {
	await login(page);
	await page.goto('/account#digest');
	await expect(page.getByRole('heading', { level: 2, name: 'Veckans uppgifter per e-post' })).toBeVisible();
	// The e2e administrator has no person: told that the digest does not come to the account.
	await expect(page.getByText(/inte kopplat till en person och får dem inte/)).toBeVisible();
	await expectAccessible(page);
});

test('a person turns the weekly digest off and on again on the account page, by keyboard', async ({ page, browser }) => {
	await login(page);
	await page.goto('/admin/accounts');
	const form = page.getByRole('form', { name: 'Nytt konto' });
	await form.getByLabel('Namn').fill('Vera Veckobrev');
	await form.getByLabel('E-post').fill('veckobrev@e2e.test');
	await form.getByLabel('Lösenord').fill('ett-langt-losenord-123');
	await form.getByLabel('Person i registret').selectOption({ index: 1 });
	await form.getByRole('button', { name: 'Skapa konto' }).click();
	await expect(page.getByRole('status')).toContainText('Kontot veckobrev@e2e.test är skapat.');

	const own = await (await browser.newContext()).newPage();
	await login(own, 'veckobrev@e2e.test', 'ett-langt-losenord-123');
	await own.goto('/account#digest');
	const box = own.getByRole('checkbox', { name: 'Skicka veckans uppgifter till mig per e-post' });
	await expect(box).toBeChecked();
	await expectAccessible(own);
	await box.focus();
	await own.keyboard.press('Space');
	await own.getByRole('button', { name: 'Spara', exact: true }).focus();
	await own.keyboard.press('Enter');
	await expect(own.getByRole('status')).toHaveText('Du får inte längre veckans uppgifter per e-post.');
	await expect(box).not.toBeChecked();
	await own.reload();
	await expect(box).not.toBeChecked();
	await expectAccessible(own);
	await box.check();
	await own.getByRole('button', { name: 'Spara', exact: true }).click();
	await expect(own.getByRole('status')).toHaveText('Du får veckans uppgifter per e-post varje vecka.');
	await expect(box).toBeChecked();
});
