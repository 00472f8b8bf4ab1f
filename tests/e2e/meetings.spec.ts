import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, login } from './helpers.ts';

// Meetings end to end: plan a meeting, send the notice, record attendance and a
// decision, adjust the minutes, and see the open matter offered at the next
// meeting; every page at WCAG 2.1 AA.

const MANAGEMENT_GROUP = 'Södertörnskommunernas ledningsgrupp (Ledningsgruppen)';

async function personByName(page: Page, name: string) {
	const res = await page.request.get(`/api/v1/persons?q=${encodeURIComponent(name)}`);
	const { items } = (await res.json()) as { items: { id: number; name: string; version: number }[] };
	const p = items.find((x) => x.name === name);
	expect(p, name).toBeTruthy();
	return p!;
}

async function planMeeting(page: Page, date: string) {
	await page.goto('/meetings/new');
	await page.getByRole('checkbox', { name: MANAGEMENT_GROUP }).check();
	await page.locator('#f-kind').selectOption('ordinary');
	await page.locator('#f-date').fill(date);
	await page.locator('#f-start').fill('08:30');
	await page.locator('#f-end').fill('11:00');
	await page.locator('#f-place').fill('Huddinge kommunhus');
	await page.locator('#f-format').selectOption('hybrid');
	await page.getByRole('button', { name: 'Planera mötet' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Ledningsgruppen');
	return Number(new URL(page.url()).pathname.split('/').pop());
}

async function addItem(page: Page, title: string, kind?: string) {
	await page.getByText('Lägg till en punkt').click();
	await page.locator('#add-title').fill(title);
	if (kind) await page.locator('#add-kind').selectOption(kind);
	await page.getByRole('button', { name: 'Lägg till punkten' }).click();
	await expect(page.getByRole('heading', { level: 3, name: new RegExp(title) })).toBeVisible();
}

test('a meeting from plan to adjusted minutes, and its open matter at the next meeting', async ({ page }) => {
	// The whole life of a meeting, now with the notice's own page of recipients: longer than the default 30 s on a shared machine.
	test.setTimeout(60_000);
	await login(page);
	const leif = await personByName(page, 'Leif Eriksson');
	const patched = await page.request.patch(`/api/v1/persons/${leif.id}`, {
		data: { email: 'leif.eriksson@e2e.test', version: leif.version }
	});
	expect(patched.status()).toBe(200);

	// An end before the start is refused and nothing is saved.
	await page.goto('/meetings/new');
	await page.getByRole('checkbox', { name: MANAGEMENT_GROUP }).check();
	await page.locator('#f-date').fill('2027-03-05');
	await page.locator('#f-start').fill('11:00');
	await page.locator('#f-end').fill('08:30');
	await page.getByRole('button', { name: 'Planera mötet' }).click();
	await expect(page.getByText('Sluttid: mötet kan inte sluta innan det börjar.').first()).toBeVisible();
	await expectAccessible(page);

	const id = await planMeeting(page, '2027-03-05');
	await expect(page.getByText('Fredagen den 5 mars 2027 kl 8.30–11.00')).toBeVisible();
	await addItem(page, 'Transportinfrastrukturplaneringen');
	const item = page.locator('section.agenda-item').filter({ hasText: 'Transportinfrastrukturplaneringen' });
	await item.getByText('Bifoga en handling').click();
	await item
		.locator('input[type=file]')
		.setInputFiles({ name: 'underlag.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 underlag') });
	await item.getByRole('button', { name: 'Ladda upp' }).click();
	await expect(item.getByRole('link', { name: 'underlag.pdf' })).toBeVisible();
	const file = await page.request.get((await item.getByRole('link', { name: 'underlag.pdf' }).getAttribute('href'))!);
	expect((await file.body()).toString()).toBe('%PDF-1.4 underlag');
	await expectAccessible(page);

	// Nobody is known to sit on the management group in 2027: the notice is refused, and the message leads to the members.
	// The notice's page lists the recipients first; with none it says why and offers no send.
	await page.getByRole('link', { name: 'Skicka kallelse' }).click();
	await expect(page.getByText(/Mötets organ har inga kända ledamöter den 5 mars 2027/)).toBeVisible();
	await expect(page.getByRole('button', { name: /Skicka kallelse/ })).toHaveCount(0);
	await expectAccessible(page);
	await page
		.locator('#notice-members')
		.getByRole('link', { name: /ledningsgrupp/i })
		.click();
	await expect(page.getByRole('heading', { name: 'Ledamöter den 5 mars 2027' })).toBeVisible();
	await expect(page.getByText('Ingen känd ordförande den dagen.')).toBeVisible();

	// Leif Eriksson joins from 2027, written as the year is all that is known; the notice then goes to exactly him.
	await page.getByRole('link', { name: 'Lägg till medlem' }).click();
	await page.locator('#f-personId').selectOption({ label: 'Leif Eriksson, kommundirektör' });
	await page.locator('#f-role').selectOption({ label: 'Ledamot' });
	await page.locator('#f-validFrom').fill('2026-13');
	await page.getByRole('button', { name: /Spara/ }).first().click();
	await expect(page.getByText(/Från ska vara ett datum \(ÅÅÅÅ-MM-DD\)/).first()).toBeVisible();
	await page.locator('#f-validFrom').fill('2027');
	await page.getByRole('button', { name: /Spara/ }).first().click();
	// Saved and confirmed before going on (the confirmation is said once, on the page the save returns to).
	await expect(page.locator('.flash')).toBeVisible();
	await page.goto(`/meetings/${id}/send-notice`);
	await expect(page.getByRole('table', { name: 'Får kallelsen (1 person)' }).getByRole('cell', { name: 'Leif Eriksson' })).toBeVisible();
	await page.getByRole('button', { name: 'Skicka kallelse till 1 person' }).click();
	await expect(page.getByRole('status')).toContainText('Kallelsen lades i utkorgen till 1 person');
	await expect(page.getByRole('status')).toContainText('Skickad till Leif Eriksson.');
	await expect(page.getByText(/E-post är inte inställd/).first()).toBeVisible();
	await page.goto(`/meetings/outbox?meeting=${id}`);
	await expect(page.getByRole('cell', { name: /leif\.eriksson@e2e\.test/ }).first()).toBeVisible();
	await expect(page.locator('tbody tr')).toHaveCount(1);
	await expect(page.getByText('Väntar').first()).toBeVisible();
	await expectAccessible(page);

	// Attendance: a member; a stranger only as an invited guest.
	await page.goto(`/meetings/${id}`);
	await page.getByText('Registrera närvaro').click();
	await page.locator('#att-personId').selectOption({ label: 'Lena Erixon' });
	await page.getByRole('button', { name: 'Spara närvaron' }).click();
	await expect(page.getByText(/Lena Erixon är inte ledamot/).first()).toBeVisible();
	await page.locator('#att-personId').selectOption({ label: 'Leif Eriksson (ledamot)' });
	await page.getByRole('button', { name: 'Spara närvaron' }).click();
	await expect(page.getByRole('cell', { name: 'Leif Eriksson', exact: true })).toBeVisible();

	// A decision and an action item under the item.
	await item.getByText('Lägg till beslut').click();
	await item.getByRole('textbox', { name: 'Beslut' }).fill('Att ställa sig bakom inriktningen');
	await item.getByRole('button', { name: 'Spara beslutet' }).click();
	await expect(item.getByText('Att ställa sig bakom inriktningen')).toBeVisible();
	await item.getByText('Lägg till att göra').click();
	await item.getByRole('textbox', { name: 'Att göra' }).fill('Ta fram underlag om Tvärförbindelsen');
	await item.getByLabel('Ansvarig', { exact: true }).selectOption({ label: 'Leif Eriksson, kommundirektör' });
	await item.getByRole('button', { name: 'Spara' }).last().click();
	await expect(page.getByText('Ta fram underlag om Tvärförbindelsen')).toBeVisible();
	await expectAccessible(page);

	// The minutes: chosen people, approved by both, then locked; adjusting twice is not offered.
	await page.getByText('Välj vem som för och justerar anteckningarna').click();
	await page.locator('#people-secretaryPersonId').selectOption({ label: 'Anna Söderström, administratör' });
	await page.locator('#people-adjusterPersonId').selectOption({ label: 'Leif Eriksson, kommundirektör' });
	await page.getByRole('button', { name: 'Spara', exact: true }).last().click();
	await page.getByRole('button', { name: 'Godkänn som sekreterare' }).click();
	await page.getByRole('button', { name: 'Justera' }).click();
	await expect(page.getByText(/Version 1: Justerade/).first()).toBeVisible();
	await expect(page.getByRole('button', { name: 'Justera' })).toHaveCount(0);
	await expect(page.getByText('Lägg till beslut')).toHaveCount(0);
	await page.goto(`/meetings/${id}/minutes`);
	await expect(page.getByRole('heading', { level: 1 })).toContainText(
		'Minnesanteckningar från möte med Södertörnskommunernas ledningsgrupp'
	);
	await expect(page.getByText('Att ställa sig bakom inriktningen')).toBeVisible();
	await expectAccessible(page);
	const pdf = await page.request.get(`/meetings/${id}/minutes.pdf`);
	expect(pdf.headers()['content-type']).toBe('application/pdf');
	expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
	const docx = await page.request.get(`/meetings/${id}/minutes.docx`);
	expect((await docx.body()).subarray(0, 2).toString()).toBe('PK');

	// The next meeting's "Föregående möten" offers the open matter, and closes it.
	const next = await planMeeting(page, '2027-04-09');
	await addItem(page, 'Föregående möten', 'previous_meetings');
	const matter = page.locator('.open-matters li').filter({ hasText: 'Ta fram underlag om Tvärförbindelsen' });
	await expect(matter).toBeVisible();
	await matter.getByLabel('Status vid mötet').fill('Klart, skickat till kommunerna.');
	await matter.getByLabel('Avslutat').check();
	await matter.getByRole('button', { name: 'Spara' }).click();
	await expect(page.locator('.open-matters li').filter({ hasText: 'Ta fram underlag' }).getByText('Avslutas här')).toBeVisible();
	await expectAccessible(page);
	await page.goto('/meetings/action-items?open=false');
	await expect(page.getByRole('row').filter({ hasText: 'Ta fram underlag om Tvärförbindelsen' }).getByText('Avslutat')).toBeVisible();
	expect(next).toBeGreaterThan(id);
});

test('the demo meeting, the calendar, a body year and their accessibility', async ({ page }) => {
	await page.goto('/meetings?year=2020');
	await expect(page.getByRole('heading', { level: 1, name: 'Möten 2020' })).toBeVisible();
	await expect(page.getByRole('row').filter({ hasText: '6 februari 2020' }).getByText('Inställt')).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Ledningsgruppen, SNUG', exact: true }).click();
	await expect(page.getByText('Fredagen den 20 november 2020 kl 8.30–11.00')).toBeVisible();
	await expectAccessible(page);
	// The public reads the adjusted minutes, with who attended for item 2 only.
	await page.getByRole('link', { name: 'webbsida' }).nth(1).click();
	await expect(page.getByText('Pia Forsberg, Huddinge, endast punkt 2')).toBeVisible();
	await expect(page.getByText('Att genomföra Samarbetskommitténs planeringskonferens digitalt den 14 januari.')).toBeVisible();
	await expectAccessible(page);

	await page.goto('/meetings/bodies/1?year=2020');
	await expect(page.getByText('Beslutsför när minst hälften av ledamöterna är närvarande.')).toBeVisible();
	await expect(page.locator('.counts')).toContainText('5 digitala');
	await expectAccessible(page);
	const ics = await page.request.get('/calendar/bodies/1.ics');
	expect(ics.headers()['content-type']).toContain('text/calendar');

	await login(page);
	await page.goto('/meetings/action-items');
	await expect(page.getByRole('heading', { level: 1, name: 'Utestående ärenden' })).toBeVisible();
	await expectAccessible(page);
	await page.goto('/meetings?year=2020');
	await expect(page.getByText(/\/calendar\/[\w-]+\.ics/)).toBeVisible();
	await page.goto('/meetings/bodies/1?year=2020');
	await page.getByText('Ändra reglerna').click();
	await expectAccessible(page);
});

test('the calendar is usable by keyboard', async ({ page }) => {
	await login(page);
	await page.goto('/meetings');
	const link = page.getByRole('link', { name: 'Planera ett möte' });
	await link.focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 1, name: 'Planera ett möte' })).toBeVisible();
	await page.getByRole('checkbox', { name: MANAGEMENT_GROUP }).focus();
	await page.keyboard.press('Space');
	await expect(page.getByRole('checkbox', { name: MANAGEMENT_GROUP })).toBeChecked();
	await expectAccessible(page);
});

test('a meeting is planned without JavaScript, and a refused one keeps what was typed', async ({ browser }) => {
	const page = await browser.newPage({ javaScriptEnabled: false });
	await login(page);
	await page.goto('/meetings/new');
	await page.getByRole('checkbox', { name: MANAGEMENT_GROUP }).check();
	await page.locator('#f-date').fill('2027-05-07');
	await page.locator('#f-start').fill('08:30');
	await page.locator('#f-end').fill('07:00');
	await page.getByRole('button', { name: 'Planera mötet' }).click();
	await expect(page.getByRole('alert')).toContainText('Uppgifterna sparades inte.');
	await expect(page.getByText('Sluttid: mötet kan inte sluta innan det börjar.').first()).toBeVisible();
	await expect(page.getByRole('checkbox', { name: MANAGEMENT_GROUP })).toBeChecked();
	await page.locator('#f-end').fill('11:00');
	await page.getByRole('button', { name: 'Planera mötet' }).click();
	await expect(page.getByText('Fredagen den 7 maj 2027 kl 8.30–11.00')).toBeVisible();
	await page.close();
});
