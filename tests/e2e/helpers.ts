import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { ADMIN } from '../../playwright.config.ts';

/** axe-core at WCAG 2.1 AA: zero violations, listed by rule when there are any. */
export async function expectAccessible(page: Page) {
	const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
	const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
	expect(summary, `axe-överträdelser på ${page.url()}`).toEqual([]);
}

export async function login(page: Page, email = ADMIN.email, password = ADMIN.password) {
	await page.goto('/login');
	await page.getByLabel('E-post').fill(email);
	await page.getByLabel('Lösenord').fill(password);
	await page.getByRole('button', { name: 'Logga in' }).click();
	// Signed in: the sign-out button is there (on a narrow screen inside the closed menu).
	await expect(page.getByRole('button', { name: 'Logga ut', includeHidden: true })).toBeAttached();
}

export { ADMIN };
