import { expect, test, type Page } from '@playwright/test';
import { ADMIN, expectAccessible, login } from './helpers.ts';

// The consultations module end to end: a remiss from registration to the
// registrars' notice in the outbox, refusals without JavaScript, every page at
// WCAG 2.1 AA, and the API with its filters.

const todayIso = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
const plusDays = (days: number) => new Date(Date.parse(`${todayIso()}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

type Municipality = { id: number; code: string; version: number; registrarEmail: string | null };

/**
 * The registrars need addresses for the notices: set through the API, as an
 * integration would. Returns how to put back what was there, so that the other
 * tests (the audit log of the register) find the demo as it was.
 */
async function giveRegistrarsAddresses(page: Page) {
	const list = (await (await page.request.get('/api/v1/municipalities?limit=50')).json()).items as Municipality[];
	const changed: Municipality[] = [];
	for (const m of list) {
		if (m.registrarEmail) continue;
		const r = await page.request.patch(`/api/v1/municipalities/${m.id}`, {
			data: { registrarEmail: `registrator@${m.code}.kommun.test`, version: m.version }
		});
		expect(r.status()).toBe(200);
		changed.push(await r.json());
	}
	return {
		count: list.length,
		restore: async () => {
			for (const m of changed) {
				const r = await page.request.patch(`/api/v1/municipalities/${m.id}`, { data: { registrarEmail: null, version: m.version } });
				expect(r.status()).toBe(200);
			}
		}
	};
}

test('register a remiss, answer jointly, upload the response, mark it submitted, and see the registrars’ notice in the outbox', async ({
	page
}) => {
	await login(page);
	const registrars = await giveRegistrarsAddresses(page);
	try {
		await remissToRegistrars(page, registrars.count);
	} finally {
		await registrars.restore();
	}
});

async function remissToRegistrars(page: Page, municipalities: number) {
	const title = `Regional cykelplan ${Date.now()}`;

	await page.goto('/consultations');
	await page.getByRole('link', { name: 'Registrera remiss' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Registrera remiss' })).toBeVisible();
	await expectAccessible(page);
	await page.getByLabel('Titel').fill(title);
	await page.getByLabel('Remittent').selectOption({ label: 'Trafikverket' });
	await page.getByLabel('Diarienummer').fill('TRV 2026/4711');
	await page.locator('#f-receivedOn').fill(todayIso());
	await page.locator('#f-deadline').fill(plusDays(20));
	await page.getByRole('button', { name: 'Registrera remissen' }).click();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
	await expect(page.getByText('Sista svarsdag om 20 dagar')).toBeVisible();
	await expectAccessible(page);

	// The register warns: due within 30 days.
	await page.goto('/consultations');
	await expect(page.getByRole('region', { name: 'Att svara på inom 30 dagar' }).getByRole('link', { name: title })).toBeVisible();
	await page.getByRole('region', { name: 'Att svara på inom 30 dagar' }).getByRole('link', { name: title }).click();

	// Decide to answer jointly.
	await page.getByRole('link', { name: 'Ändra uppgifterna' }).click();
	await page.getByLabel('Gemensamt svar').selectOption({ label: 'Ja, gemensamt svar' });
	await page.getByLabel('Status').selectOption({ label: 'Svar skrivs' });
	await page.getByRole('button', { name: 'Spara' }).click();
	await expect(page.getByRole('status')).toHaveText('Remissen är sparad.');
	await expect(page.getByText('Ja, gemensamt svar')).toBeVisible();

	// Upload the response.
	await page
		.getByLabel('Svarsdokument', { exact: true })
		.setInputFiles({ name: 'remissvar.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7 svar') });
	await page.getByRole('button', { name: 'Ladda upp' }).click();
	await expect(page.getByRole('status')).toHaveText('Svarsdokumentet är uppladdat.');
	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: 'remissvar.pdf' }).click();
	expect((await download).suggestedFilename()).toBe('remissvar.pdf');

	// Mark it submitted; the final text goes to every registrar.
	await expect(page.locator('#sub-submittedOn')).toHaveValue(todayIso());
	await expect(page.getByLabel('Skicka det slutliga svaret till kommunernas registratorer')).toBeChecked();
	await page.getByRole('button', { name: 'Markera som skickat' }).click();
	await expect(page.getByRole('status')).toHaveText('Svaret är markerat som skickat.');
	await expect(page.locator('dl.facts')).toContainText('Besvarad');
	const notice = page.getByRole('table', { name: /^Slutligt svar/ });
	await expect(notice.locator('tbody tr')).toHaveCount(municipalities);
	await expectAccessible(page);

	await page.goto('/meetings/outbox');
	const rows = page.getByRole('row').filter({ hasText: `Slutligt remissvar: ${title}` });
	await expect(rows).toHaveCount(municipalities);
	await expect(rows.first()).toContainText('Remiss');
	await expect(rows.first().getByRole('link', { name: `Slutligt remissvar: ${title}` })).toBeVisible();
	await expectAccessible(page);
}

test('a deadline before the received date is refused without JavaScript, naming the field, and nothing is saved', async ({ browser }) => {
	const noJs = await browser.newPage({ javaScriptEnabled: false });
	try {
		await login(noJs);
		const title = `Baklänges ${Date.now()}`;
		await noJs.goto('/consultations/new');
		await noJs.getByLabel('Titel').fill(title);
		await noJs.locator('#f-receivedOn').fill('2026-03-10');
		await noJs.locator('#f-deadline').fill('2026-03-01');
		await noJs.getByRole('button', { name: 'Registrera remissen' }).click();
		await expect(noJs.locator('#f-deadline-error')).toHaveText('Sista svarsdag kan inte vara före datumet då remissen kom in.');
		await expect(noJs.getByLabel('Titel')).toHaveValue(title);
		await noJs.goto(`/consultations?q=${encodeURIComponent(title)}`);
		await expect(noJs.getByText('Inga remisser.')).toBeVisible();
	} finally {
		await noJs.close();
	}
});

test('the pages of the consultations module are accessible, and the public sees no forms', async ({ page }) => {
	const pages = [
		['/consultations', 'Remisser'],
		['/consultations/years', 'Remisser per år'],
		['/consultations/deadlines', 'Svarsdagar'],
		['/consultations/priority-objects', 'Prioriterade objekt']
	] as const;
	for (const [path, heading] of pages) {
		await page.goto(path);
		await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
		await expectAccessible(page);
	}
	await page.goto('/consultations?year=2020');
	await page.getByRole('link', { name: /Södertäljebroarna/ }).click();
	await expect(page.getByText('samarbetets eget mål, inte remittentens sista svarsdag')).toBeVisible();
	await expect(page.getByText('Försenad')).toHaveCount(0);
	await expect(page.locator('main form')).toHaveCount(0);
	await expectAccessible(page);

	await login(page);
	for (const [path, heading] of pages) {
		await page.goto(path);
		await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
		await expectAccessible(page);
	}
	await page.goto('/consultations/priority-objects');
	await page.getByRole('link', { name: 'Tvärförbindelse Södertörn' }).click();
	await expect(page.getByRole('heading', { level: 2, name: 'Remissvar som tar upp objektet' })).toBeVisible();
	await expectAccessible(page);
	await page.goto('/consultations?year=2021');
	await page.getByRole('link', { name: /^Inriktningsunderlag/ }).click();
	await expect(page.locator('dl.facts')).toContainText('2020 och 2021');
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Ändra uppgifterna' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Ändra remissen' })).toBeVisible();
	await expectAccessible(page);
});

test('the API lists remisser by year and status, and refuses bad input naming the field', async ({ request }) => {
	const y2021 = await (await request.get('/api/v1/consultations?year=2021')).json();
	expect(y2021.total).toBe(9);
	const bad = await request.get('/api/v1/consultations?status=klar');
	expect(bad.status()).toBe(422);
	expect((await bad.json()).errors).toEqual([
		{ field: 'status', message: 'status måste vara en av watched, drafting, answered, declined.' }
	]);
	const objects = await (await request.get('/api/v1/priority-objects')).json();
	expect(objects.total).toBe(5);
	const one = await (await request.get(`/api/v1/priority-objects/${objects.items[0].id}`)).json();
	expect(one.consultations.length).toBeGreaterThan(0);
	for (const path of ['projects', 'events', 'external-meetings']) {
		const r = await request.get(`/api/v1/${path}?limit=2`);
		expect(r.status()).toBe(200);
		expect((await r.json()).items.length).toBe(2);
	}
	const events = await (await request.get('/api/v1/events?year=2021')).json();
	expect(events.items.find((e: { name: string }) => e.name === 'Södertörnskonferensen 2021')).toMatchObject({
		participants: 171,
		participantsInternal: 124,
		participantsExternal: 47
	});

	expect((await request.post('/api/v1/consultations', { data: { title: 'Utan inloggning' } })).status()).toBe(401);
	expect((await request.post('/api/v1/session', { data: ADMIN })).status()).toBe(200);
	const refused = await request.post('/api/v1/consultations', {
		data: { title: 'Baklänges', receivedOn: '2026-03-10', deadline: '2026-03-01' }
	});
	expect(refused.status()).toBe(422);
	expect((await refused.json()).errors).toEqual([
		{ field: 'deadline', message: 'Sista svarsdag kan inte vara före datumet då remissen kom in.' }
	]);
	const created = await request.post('/api/v1/consultations', { data: { title: 'Via API', status: 'watched' } });
	expect(created.status()).toBe(201);
	const c = await created.json();
	const patched = await request.patch(`/api/v1/consultations/${c.id}`, { data: { answerJointly: 'yes', version: c.version } });
	expect(patched.status()).toBe(200);
	expect(await patched.json()).toMatchObject({ answerJointly: 'yes', version: c.version + 1 });
	const removed = await request.delete(`/api/v1/consultations/${c.id}?version=${c.version + 1}`);
	expect(removed.status()).toBe(204);

	const openapi = await (await request.get('/api/v1/openapi.json')).json();
	for (const path of ['consultations', 'priority-objects', 'projects', 'events', 'external-meetings'])
		expect(Object.keys(openapi.paths)).toEqual(expect.arrayContaining([`/api/v1/${path}`, `/api/v1/${path}/{id}`]));
});
