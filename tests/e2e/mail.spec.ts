// Mail a newcomer can try, end to end on the fresh demo without SMTP_URL: the
// admin calls the notice for the demo committee's coming meeting, sees who will
// get it, sends it, sees who got it, and reads it in the outbox's viewer with its
// PDF. The calendar opens at the coming meetings with a month grid.
import { expect, test } from '@playwright/test';
import { expectAccessible, login } from './helpers.ts';

test('the calendar opens at the coming meetings, with a month grid and the years that have meetings', async ({ page }) => {
	await page.goto('/meetings');
	await expect(page.getByRole('heading', { level: 1, name: 'Kommande möten' })).toBeVisible();
	const list = page.getByRole('table', { name: 'Kommande möten' });
	// The demo plans the committee's next meeting (a public body's meetings are public).
	const committee = list.getByRole('link', { name: 'Samarbetskommittén' });
	await expect(committee).toBeVisible();
	const href = await committee.getAttribute('href');
	// A month grid beside the list, whose day links to the same meeting.
	const grid = page.locator('table.month-grid').filter({ has: page.locator(`a[href="${href}"]`) });
	await expect(grid).toHaveCount(1);
	await expect(grid.locator('caption')).toHaveText(/^[A-ZÅÄÖ][a-zåäö]+ \d{4}$/);
	await expect(grid.getByRole('columnheader')).toHaveCount(7);
	const years = page.getByRole('navigation', { name: 'År med möten' });
	await expect(years.getByRole('link', { name: '2020' })).toBeVisible();
	await expect(years.getByRole('link', { name: '2021' })).toBeVisible();
	await expectAccessible(page);

	// By keyboard: the day in the grid opens the meeting.
	await grid.locator(`a[href="${href}"]`).focus();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(new RegExp(`${href}$`));

	// A year's meetings known only to the day say so, never "kl. 00:00".
	await page.goto('/meetings?year=2021');
	await expect(page.getByRole('heading', { level: 1, name: 'Möten 2021' })).toBeVisible();
	// (Any such meeting: other specs may move one of the demo's meetings before this runs.)
	await expect(page.getByText(/^\d{1,2} [a-zåäö]+ 2021, tid ej angiven$/).first()).toBeVisible();
	await expect(page.getByText(/00:00/)).toHaveCount(0);
	await expectAccessible(page);
});

test('the admin calls the committee’s notice, sees who gets it, sends it, and reads it in the outbox', async ({ page }) => {
	await login(page);
	await page.goto('/meetings');
	await page.getByRole('table', { name: 'Kommande möten' }).getByRole('link', { name: 'Samarbetskommittén' }).click();
	await expect(page).toHaveURL(/\/meetings\/\d+$/);
	const meetingUrl = page.url();
	await page.getByRole('link', { name: 'Skicka kallelse' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Skicka kallelse' })).toBeVisible();

	// Before sending: who will get it, with the demo's .invalid addresses.
	const recipients = page.getByRole('table', { name: /^Får kallelsen \(\d+ person(er)?\)$/ });
	await expect(recipients.getByRole('cell', { name: 'Boel Godner' })).toBeVisible();
	await expect(recipients.getByRole('cell', { name: /boel\.godner@exempel\.invalid/ })).toBeVisible();
	const names = (await recipients.locator('tbody tr td:first-child').allTextContents()).map((n) => n.trim());
	await expectAccessible(page);

	await page.getByRole('button', { name: /^Skicka kallelse till \d+ person(er)?$/ }).click();
	const status = page.getByRole('status');
	await expect(status).toContainText(`Kallelsen lades i utkorgen till ${names.length} ${names.length === 1 ? 'person' : 'personer'}`);
	for (const n of names) await expect(status).toContainText(n);
	await expect(status).toContainText('inget har lämnat Samverka');
	await expectAccessible(page);

	// The outbox's viewer, labelled as a preview, with the notice and its PDF.
	await status.getByRole('link', { name: 'Se utskicken för mötet' }).click();
	await expect(page.getByText('Förhandsvisning – e-post skickas inte, SMTP är inte inställt.')).toBeVisible();
	await expect(page.locator('tbody tr')).toHaveCount(names.length);
	await expectAccessible(page);
	await page
		.locator('tbody tr')
		.first()
		.getByRole('link', { name: /^Kallelse: / })
		.click();
	await expect(page.getByRole('heading', { level: 1, name: 'Utskick' })).toBeVisible();
	await expect(page.getByText('Förhandsvisning – e-post skickas inte, SMTP är inte inställt.')).toBeVisible();
	await expect(page.locator('.mail-body')).toContainText('Dagordning');
	await expect(page.locator('.mail-body')).toContainText('Kallelsen och handlingarna finns bifogade.');
	await expect(page.getByText(/reserverade domänen \.invalid/)).toBeVisible();
	const pdfLink = page.getByRole('link', { name: /^kallelse-\d{4}-\d{2}-\d{2}\.pdf$/ });
	const pdf = await page.request.get((await pdfLink.getAttribute('href'))!);
	expect(pdf.status()).toBe(200);
	expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
	// The calendar invitation the message carries (text/calendar; method=REQUEST).
	await expect(page.getByRole('heading', { level: 2, name: 'Kalenderinbjudan' })).toBeVisible();
	await expect(page.getByText(/method=REQUEST/)).toBeVisible();
	const invite = await page.request.get((await page.getByRole('link', { name: 'invite.ics' }).getAttribute('href'))!);
	expect(invite.status()).toBe(200);
	expect(invite.headers()['content-type']).toBe('text/calendar; charset=utf-8; method=REQUEST');
	expect(await invite.text()).toMatch(/^BEGIN:VCALENDAR\r\n[\s\S]*METHOD:REQUEST\r\n[\s\S]*ATTENDEE[\s\S]*END:VCALENDAR\r\n$/);
	await expectAccessible(page);

	// Retrying says what happened: mail to .invalid is never sent, so trying again is refused with the reason.
	await page.goto('/meetings/outbox');
	await page
		.locator('tbody tr')
		.first()
		.getByRole('button', { name: /Försök nu/ })
		.click();
	await expect(page.getByRole('alert')).toContainText('reserverade domänen .invalid');

	await page.goto(meetingUrl);
	await expect(page.getByText(/Kallelsen skickades/)).toBeVisible();
});

test('the attachments of the outbox are for editors only', async ({ page }) => {
	const r = await page.request.get('/meetings/outbox/1', { maxRedirects: 0 });
	expect([303, 403]).toContain(r.status());
	const f = await page.request.get('/meetings/outbox/1/files/1', { maxRedirects: 0 });
	expect([303, 403]).toContain(f.status());
	const i = await page.request.get('/meetings/outbox/1/invite.ics', { maxRedirects: 0 });
	expect([303, 403]).toContain(i.status());
});

test('the calendar, the notice page and the outbox viewer reflow at 320 px: nothing in the content scrolls sideways but a table in its own box', async ({
	page
}) => {
	await page.setViewportSize({ width: 320, height: 800 });
	await login(page);
	const pages = ['/meetings', '/meetings?year=2020', '/meetings/outbox'];
	await page.goto('/meetings');
	const meeting = await page.getByRole('table', { name: 'Kommande möten' }).getByRole('link').first().getAttribute('href');
	pages.push(`${meeting}/send-notice`);
	await page.goto('/meetings/outbox');
	// The notice sent by the test before this one (a run of this test alone has no message to view).
	const messages = page.locator('tbody tr a[href^="/meetings/outbox/"]');
	if (await messages.count()) pages.push((await messages.first().getAttribute('href'))!);
	for (const path of pages) {
		await page.goto(path);
		// The main content is no wider than the screen; a wide table scrolls inside its .table-wrap box.
		const overflow = await page.locator('main').evaluate((main) => {
			const wide = [...main.querySelectorAll<HTMLElement>('*')].filter(
				(e) => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.table-wrap, .calendar-list')
			);
			return wide.map((e) => `${e.tagName.toLowerCase()}.${e.className}`);
		});
		expect(overflow, path).toEqual([]);
	}
});
