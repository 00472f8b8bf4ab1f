import { expect, test, type APIRequestContext } from '@playwright/test';
import { ADMIN, expectAccessible, login } from './helpers.ts';

// A meeting inside the spring-forward gap (02:00–02:59 on 28 March 2027 does not
// exist in Stockholm), through HTTP: the API answers 422 naming `start` and the
// gap, the form (with and without JavaScript) shows the message on Starttid and
// keeps what was typed, and no meeting is saved on that day. The repeated autumn
// hour is shown with "sommartid".

const MANAGEMENT_GROUP = 'Södertörnskommunernas ledningsgrupp (Ledningsgruppen)';
const GAP =
	'Starttid: 02:30 finns inte den 28 mars 2027 – klockan ställs fram från 02:00 till 03:00 när sommartiden börjar. Välj en tid före 02:00 eller från 03:00.';

async function meetingsOn(request: APIRequestContext, day: string) {
	const res = await request.get(`/api/v1/meetings?from=${day}&to=${day}`);
	expect(res.status()).toBe(200);
	return ((await res.json()) as { items: { id: number }[] }).items;
}

async function bodyId(request: APIRequestContext) {
	const res = await request.get('/api/v1/bodies?limit=500');
	const { items } = (await res.json()) as { items: { id: number; shortName: string | null }[] };
	return items.find((b) => b.shortName === 'Ledningsgruppen')!.id;
}

test('the API refuses a start in the spring gap with 422 naming the field, and saves nothing', async ({ request }) => {
	expect((await request.post('/api/v1/session', { data: ADMIN })).status()).toBe(200);
	const before = await meetingsOn(request, '2027-03-28');
	const refused = await request.post('/api/v1/meetings', {
		data: { bodyIds: [await bodyId(request)], kind: 'ordinary', date: '2027-03-28', start: '02:30', end: '03:30' }
	});
	expect(refused.status()).toBe(422);
	expect((await refused.json()).errors).toEqual([{ field: 'start', message: GAP }]);
	expect(await meetingsOn(request, '2027-03-28')).toEqual(before);
});

test('the meeting form shows the gap on Starttid and keeps what was typed; the autumn hour says sommartid', async ({ page }) => {
	await login(page);
	await page.goto('/meetings/new');
	await page.getByRole('checkbox', { name: MANAGEMENT_GROUP }).check();
	await page.locator('#f-date').fill('2027-03-28');
	await page.locator('#f-start').fill('02:30');
	await page.locator('#f-end').fill('03:30');
	await page.getByRole('button', { name: 'Planera mötet' }).click();
	await expect(page.getByText(GAP).first()).toBeVisible();
	await expect(page.locator('#f-start')).toHaveAttribute('aria-invalid', 'true');
	await expect(page.locator('#f-start')).toHaveValue('02:30');
	await expectAccessible(page);
	expect(await meetingsOn(page.request, '2027-03-28')).toEqual([]);

	// The repeated hour in October is the earlier one, and the page says so.
	await page.locator('#f-date').fill('2027-10-31');
	await page.getByRole('button', { name: 'Planera mötet' }).click();
	await expect(page.getByText('Söndagen den 31 oktober 2027 kl 2.30 (sommartid)–3.30')).toBeVisible();
});

test('without JavaScript the form is re-shown with the gap message and nothing is saved', async ({ browser }) => {
	const page = await browser.newPage({ javaScriptEnabled: false });
	await login(page);
	await page.goto('/meetings/new');
	await page.getByRole('checkbox', { name: MANAGEMENT_GROUP }).check();
	await page.locator('#f-date').fill('2027-03-28');
	await page.locator('#f-start').fill('02:30');
	await page.locator('#f-end').fill('03:30');
	await page.getByRole('button', { name: 'Planera mötet' }).click();
	await expect(page.getByRole('alert')).toContainText('Uppgifterna sparades inte.');
	await expect(page.getByText(GAP).first()).toBeVisible();
	await expect(page.getByRole('checkbox', { name: MANAGEMENT_GROUP })).toBeChecked();
	expect(await meetingsOn(page.request, '2027-03-28')).toEqual([]);
	await page.close();
});
