import { expect, test, type Browser, type Page } from '@playwright/test';
import { ADMIN, expectAccessible, login } from './helpers.ts';

// Issue 23 (B): a refused form shows GOV.UK's error summary at its top and moves the focus there,
// with and without JavaScript, keeping what was typed; a successful change is confirmed on the
// page the redirect leads to, as a status message.

const SUMMARY = 'Det finns fel att rätta';
const summaryOf = (page: Page) => page.getByRole('alert').filter({ hasText: SUMMARY });

/** A page of its own context (axe-core wants one), with JavaScript on or off. */
async function open(browser: Browser, javaScriptEnabled: boolean) {
	const context = await browser.newContext({ javaScriptEnabled });
	return { page: await context.newPage(), close: () => context.close() };
}

for (const javaScriptEnabled of [true, false]) {
	const mode = javaScriptEnabled ? 'with JavaScript' : 'without JavaScript';

	test(`a refused follow-up focuses the error summary and keeps what was typed; a saved one is confirmed (${mode})`, async ({
		browser
	}) => {
		const { page, close } = await open(browser, javaScriptEnabled);
		try {
			await login(page);
			await page.goto('/planning/activities/1');
			const form = page.locator('form[action="?/followUp"]');
			const text = `Uppföljt i formulärtestet ${Date.now()} (${mode})`;
			const date = await form.getByLabel('Datum').inputValue();
			await form.getByLabel('Datum').fill('1999-01-01');
			await form.getByRole('textbox', { name: 'Uppföljning' }).fill(text);
			await form.getByLabel('Ny status').selectOption('ongoing');
			await form.getByRole('button', { name: 'Spara uppföljningen' }).click();

			const summary = summaryOf(page);
			await expect(summary).toBeFocused();
			await expect(summary.getByRole('heading', { name: SUMMARY })).toBeVisible();
			// The summary sits at the top of the form, and its link leads to the field, whose own message stays beside it.
			await expect(page.locator('form[action="?/followUp"] > .error-summary')).toHaveCount(1);
			await expect(summary.getByRole('link', { name: /uppföljningen ska vara daterad inom planens år/ })).toHaveAttribute(
				'href',
				'#fu-date'
			);
			await expect(page.locator('#fu-date-error')).toContainText('inom planens år');
			await expect(form.getByLabel('Datum')).toHaveValue('1999-01-01');
			await expect(form.getByRole('textbox', { name: 'Uppföljning' })).toHaveValue(text);
			await expect(form.getByLabel('Ny status')).toHaveValue('ongoing');
			if (javaScriptEnabled) await expectAccessible(page);

			await form.getByLabel('Datum').fill(date);
			await form.getByRole('button', { name: 'Spara uppföljningen' }).click();
			await expect(page.getByRole('status').filter({ hasText: 'Uppföljningen sparades.' })).toBeVisible();
			await expect(page.getByText(text)).toBeVisible();
			// Said once: the next page does not repeat it.
			await page.reload();
			await expect(page.getByText('Uppföljningen sparades.')).toHaveCount(0);
		} finally {
			await close();
		}
	});

	test(`a refused new meeting focuses the error summary and keeps what was typed (${mode})`, async ({ browser }) => {
		const { page, close } = await open(browser, javaScriptEnabled);
		try {
			await login(page);
			await page.goto('/meetings/new');
			await page.getByLabel('Rubrik').fill('Formulärtestets möte');
			await page.getByRole('textbox', { name: 'Plats' }).fill('Balingsholms gård, Huddinge');
			await page.getByRole('button', { name: 'Planera mötet' }).click();
			const summary = summaryOf(page);
			await expect(summary).toBeFocused();
			await expect(summary.getByRole('link').first()).toHaveAttribute('href', /^#f-/);
			await expect(page.getByLabel('Rubrik')).toHaveValue('Formulärtestets möte');
			await expect(page.getByRole('textbox', { name: 'Plats' })).toHaveValue('Balingsholms gård, Huddinge');
			if (javaScriptEnabled) await expectAccessible(page);
		} finally {
			await close();
		}
	});

	test(`a refused new remiss focuses the error summary and keeps what was typed (${mode})`, async ({ browser }) => {
		const { page, close } = await open(browser, javaScriptEnabled);
		try {
			await login(page);
			await page.goto('/consultations/new');
			await page.getByLabel('Diarienummer').fill('TRV 2026/4711');
			await page.getByLabel('Sista svarsdag').fill('2026-12-24');
			await page.getByRole('button', { name: 'Registrera remissen' }).click();
			const summary = summaryOf(page);
			await expect(summary).toBeFocused();
			await expect(summary.getByRole('link', { name: /Titel/ })).toHaveAttribute('href', '#f-title');
			await expect(page.getByLabel('Diarienummer')).toHaveValue('TRV 2026/4711');
			await expect(page.getByLabel('Sista svarsdag')).toHaveValue('2026-12-24');
			if (javaScriptEnabled) await expectAccessible(page);
		} finally {
			await close();
		}
	});
}

test('the outbox’s “Försök nu” says what happened', async ({ page }) => {
	await login(page);
	// A message to wait in the outbox: a password link for the administrator (the password stays valid).
	await page.goto('/admin/accounts');
	const reset = page.getByRole('form', { name: 'Tvinga fram ett nytt lösenord' });
	const account = reset.getByLabel('Konto för nytt lösenord');
	const value = await account.locator('option', { hasText: ADMIN.email }).getAttribute('value');
	await account.selectOption(value!);
	await reset.getByRole('button', { name: 'Skicka länk för nytt lösenord' }).click();
	await expect(page.getByRole('status')).toContainText(`En länk för att välja ett nytt lösenord är skickad till ${ADMIN.email}`);

	await page.goto('/meetings/outbox');
	const row = page.getByRole('row').filter({ hasText: ADMIN.email }).first();
	await row.getByRole('button', { name: /Försök nu/ }).click();
	await expect(page.getByRole('status')).toHaveText(
		`Utskicket till ${ADMIN.email} väntar i utkorgen. E-post är inte inställd (SMTP_URL saknas).`
	);
	await expectAccessible(page);
});
