import { execFile } from 'node:child_process';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { ADMIN, expectAccessible, login } from './helpers.ts';

// Account security in the browser: one's own password changed on "Mitt konto",
// a forgotten one reset through a link, an administrator forcing a reset.
// The server has no SMTP here, so the reset link comes from the CLI, which
// issues the same kind of link as the mail.

const FIRST = 'forsta-losenordet-9';

/** `samverka user reset-password` against the running test server's data directory. */
function resetLinkFromCli(email: string): Promise<string> {
	return new Promise((resolve, reject) => {
		execFile(
			'node_modules/.bin/node',
			['cli/samverka.ts', 'user', 'reset-password', email],
			{ env: { ...process.env, DATA_DIR: '.tmp/e2e-data', ORIGIN: '', NODE_NO_WARNINGS: '1' }, timeout: 60_000 },
			(error, stdout, stderr) => {
				const link = /(\/login\/reset\?token=[A-Za-z0-9_-]{43})/.exec(stdout)?.[1];
				if (error || !link) reject(new Error(`${error?.message ?? ''} ${stdout} ${stderr}`));
				else resolve(link);
			}
		);
	});
}

async function createAccount(page: Page, email: string, name: string) {
	await page.goto('/admin/accounts');
	const form = page.getByRole('form', { name: 'Nytt konto' });
	await form.getByLabel('Namn').fill(name);
	await form.getByLabel('E-post').fill(email);
	await form.getByLabel('Lösenord').fill(FIRST);
	await form.getByRole('button', { name: 'Skapa konto' }).click();
	await expect(page.getByRole('status')).toContainText(`Kontot ${email} är skapat.`);
}

async function signedInPage(browser: Browser, email: string, password: string) {
	const context = await browser.newContext();
	const page = await context.newPage();
	await login(page, email, password);
	return page;
}

test('a member changes the password on Mitt konto, by keyboard; the other browser is signed out', async ({ page, browser }) => {
	await login(page);
	await createAccount(page, 'byter@e2e.test', 'Bo Byter');

	const here = await signedInPage(browser, 'byter@e2e.test', FIRST);
	const elsewhere = await signedInPage(browser, 'byter@e2e.test', FIRST);

	await here.getByRole('link', { name: /Bo Byter – Mitt konto/ }).click();
	await expect(here.getByRole('heading', { level: 1, name: 'Mitt konto' })).toBeVisible();
	await expectAccessible(here);

	// a wrong current password and a common new one: both named, nothing changed
	await here.getByLabel('Nuvarande lösenord').fill('inte-det-ratta-1');
	await here.getByLabel(/^Nytt lösenord/).fill('password1234');
	await here.getByLabel('Upprepa det nya lösenordet').fill('password1234');
	await here.getByRole('button', { name: 'Byt lösenord' }).click();
	await expect(here.getByRole('alert')).toContainText('Nytt lösenord: det är ett av de vanligaste lösenorden. Välj ett annat.');
	await expect(here.getByLabel(/^Nytt lösenord/)).toHaveAttribute('aria-invalid', 'true');
	await expectAccessible(here);
	await here.getByLabel('Nuvarande lösenord').fill('inte-det-ratta-1');
	await here.getByLabel(/^Nytt lösenord/).fill('ett-nytt-langt-losen-1');
	await here.getByLabel('Upprepa det nya lösenordet').fill('ett-nytt-langt-losen-1');
	await here.getByRole('button', { name: 'Byt lösenord' }).click();
	await expect(here.getByRole('alert')).toContainText('Nuvarande lösenord: lösenordet stämmer inte.');

	// by keyboard: type into the fields in tab order, submit with Enter
	await here.getByLabel('Nuvarande lösenord').focus();
	await here.keyboard.type(FIRST);
	await here.keyboard.press('Tab');
	await here.keyboard.type('ett-nytt-langt-losen-1');
	await here.keyboard.press('Tab');
	await here.keyboard.type('ett-nytt-langt-losen-1');
	await here.keyboard.press('Enter');
	await expect(here.getByRole('status')).toContainText('Lösenordet är bytt. En annan inloggning har avslutats.');
	await expectAccessible(here);

	// this browser stays signed in, the other is not
	await here.reload();
	await expect(here.getByRole('button', { name: 'Logga ut' })).toBeVisible();
	await elsewhere.goto('/account');
	await expect(elsewhere).toHaveURL(/\/login\?next=%2Faccount/);
	await login(elsewhere, 'byter@e2e.test', 'ett-nytt-langt-losen-1');
	await here.context().close();
	await elsewhere.context().close();
});

test('a forgotten password: the same answer for any address, then a single-use link sets a new one', async ({ page, browser }) => {
	await login(page);
	await createAccount(page, 'glomsk@e2e.test', 'Gun Glömsk');
	const before = await signedInPage(browser, 'glomsk@e2e.test', FIRST);

	const visitor = await (await browser.newContext()).newPage();
	await visitor.goto('/login');
	await visitor.getByRole('link', { name: 'Glömt lösenordet?' }).click();
	await expect(visitor.getByRole('heading', { level: 1, name: 'Glömt lösenordet?' })).toBeVisible();
	await expectAccessible(visitor);
	await visitor.getByLabel('E-post').fill('inte en adress');
	await visitor.getByRole('button', { name: 'Skicka länken' }).click();
	await expect(visitor.getByRole('alert')).toContainText('E-post måste vara en giltig e-postadress.');
	await expectAccessible(visitor);
	const answers: string[] = [];
	for (const email of ['glomsk@e2e.test', 'finns-inte@e2e.test']) {
		await visitor.goto('/login/forgot');
		await visitor.getByLabel('E-post').fill(email);
		await visitor.getByRole('button', { name: 'Skicka länken' }).click();
		await expect(visitor.getByRole('status')).toContainText('Om adressen hör till ett konto har vi skickat');
		answers.push(await visitor.getByRole('status').innerText());
	}
	expect(answers[0]).toBe(answers[1]);
	await expectAccessible(visitor);

	const link = await resetLinkFromCli('glomsk@e2e.test');
	await visitor.goto(link);
	await expect(visitor.getByRole('heading', { level: 1, name: 'Välj ett nytt lösenord' })).toBeVisible();
	await expect(visitor.getByText('glomsk@e2e.test')).toBeVisible();
	await expectAccessible(visitor);
	await visitor.getByLabel(/^Nytt lösenord/).fill('kort');
	await visitor.getByLabel('Upprepa det nya lösenordet').fill('kort');
	await visitor.getByRole('button', { name: 'Spara det nya lösenordet' }).click();
	await expect(visitor.getByRole('alert')).toContainText('Nytt lösenord måste ha minst 12 tecken.');
	await expectAccessible(visitor);
	await visitor.getByLabel(/^Nytt lösenord/).fill('valt-via-lanken-77');
	await visitor.getByLabel('Upprepa det nya lösenordet').fill('valt-via-lanken-77');
	await visitor.getByRole('button', { name: 'Spara det nya lösenordet' }).click();
	await expect(visitor).toHaveURL(/\/login\?reset=1$/);
	await expect(visitor.getByRole('status')).toHaveText('Lösenordet är bytt. Logga in med det nya.');
	await login(visitor, 'glomsk@e2e.test', 'valt-via-lanken-77');

	// the session from before the reset has ended, and the link is used up
	await before.goto('/account');
	await expect(before).toHaveURL(/\/login/);
	await visitor.goto(link);
	await expect(visitor.getByRole('alert')).toContainText('Länken är ogiltig, redan använd eller för gammal');
	await expect(visitor.getByRole('link', { name: 'Begär en ny länk' })).toBeVisible();
	await expectAccessible(visitor);
});

test('an administrator forces a reset that invalidates the password and signs the account out everywhere', async ({ page, browser }) => {
	await login(page);
	await createAccount(page, 'tvingad@e2e.test', 'Tore Tvingad');
	const victim = await signedInPage(browser, 'tvingad@e2e.test', FIRST);
	await page.goto('/admin/accounts');
	const form = page.getByRole('form', { name: 'Tvinga fram ett nytt lösenord' });
	await form.getByLabel('Konto för nytt lösenord').selectOption({ label: 'Tore Tvingad (tvingad@e2e.test)' });
	await form.getByLabel('Spärra det nuvarande lösenordet och logga ut kontot överallt').check();
	await form.getByRole('button', { name: 'Skicka länk för nytt lösenord' }).click();
	await expect(page.getByRole('status')).toContainText(
		'En länk för att välja ett nytt lösenord är skickad till tvingad@e2e.test. Det gamla lösenordet gäller inte längre, och 1 inloggning har avslutats.'
	);
	await expectAccessible(page);
	await victim.goto('/account');
	await expect(victim).toHaveURL(/\/login/);
	await victim.getByLabel('E-post').fill('tvingad@e2e.test');
	await victim.getByLabel('Lösenord').fill(FIRST);
	await victim.getByRole('button', { name: 'Logga in' }).click();
	await expect(victim.getByRole('alert')).toContainText('Fel e-postadress eller lösenord.');
	// the mail waits in the outbox (no SMTP here), listed for the secretariat
	await page.goto('/meetings/outbox');
	await expect(page.getByRole('row').filter({ hasText: 'tvingad@e2e.test' }).first()).toContainText('Nytt lösenord');
});

test('the forgotten-password and reset forms work without JavaScript', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/login/forgot');
	await page.getByLabel('E-post').fill('finns-inte-heller@e2e.test');
	await page.getByRole('button', { name: 'Skicka länken' }).click();
	await expect(page.getByRole('status')).toContainText('Om adressen hör till ett konto har vi skickat');
	const link = await resetLinkFromCli(ADMIN.email);
	await page.goto(link);
	await page.getByLabel(/^Nytt lösenord/).fill('ett-langt-losen-a');
	await page.getByLabel('Upprepa det nya lösenordet').fill('ett-langt-losen-b');
	await page.getByRole('button', { name: 'Spara det nya lösenordet' }).click();
	await expect(page.getByRole('alert')).toContainText('Upprepa lösenordet: de två lösenorden är inte lika.');
	// not used: the administrator's password stays as it was
	await context.close();
	const admin = await (await browser.newContext()).newPage();
	await login(admin);
});

test('the API changes the signed-in account password: 401 without a session, 422 naming the field, then 200', async ({
	page,
	playwright,
	baseURL
}) => {
	await login(page);
	await createAccount(page, 'api-byter@e2e.test', 'Api Byter');
	const api = await playwright.request.newContext({ baseURL });
	const anonymous = await api.post('/api/v1/session/password', { data: { currentPassword: FIRST, newPassword: 'via-api-valt-123' } });
	expect(anonymous.status()).toBe(401);
	expect((await api.post('/api/v1/session', { data: { email: 'api-byter@e2e.test', password: FIRST } })).status()).toBe(200);
	const refused = await api.post('/api/v1/session/password', { data: { currentPassword: FIRST, newPassword: '123456789012' } });
	expect(refused.status()).toBe(422);
	expect((await refused.json()).errors).toEqual([
		{ field: 'newPassword', message: 'Nytt lösenord: det är ett av de vanligaste lösenorden. Välj ett annat.' }
	]);
	const changed = await api.post('/api/v1/session/password', { data: { currentPassword: FIRST, newPassword: 'via-api-valt-123' } });
	expect(changed.status()).toBe(200);
	expect(await changed.json()).toEqual({ changed: true, endedSessions: 0 });
	expect((await api.get('/api/v1/session')).status()).toBe(200);
	expect(await (await api.get('/api/v1/session')).json()).toMatchObject({ signedIn: true, name: 'Api Byter' });
	await api.dispose();
});
