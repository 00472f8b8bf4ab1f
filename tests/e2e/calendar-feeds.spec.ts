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
