import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, login } from './helpers.ts';

// The finance module end to end: a budget line against its outcome, a cost
// entered, the year closed and then locked; the demo's closed years, their
// documents and API, the fees and the cost sharing; a refused entry without
// JavaScript; and no editing forms for the public. Every page at WCAG 2.1 AA.
// Only the first test touches 2022 (the demo's open year, which it closes), so
// the tests do not depend on their order.

const OPERATIONS = 'Södertörnssamarbetet drift';
const REPRESENTATION = 'Representation (Kostnad)';
const BUDGET_LINE = 'Möten och resor';

/** The budget-against-outcome table of a year on /finance, and one of its lines. */
const budgetTable = (page: Page, year: number) => page.getByRole('table', { name: `Budget mot utfall ${year}` });
const budgetRow = (page: Page, year: number, label: string) =>
	budgetTable(page, year)
		.getByRole('row')
		.filter({ has: page.getByRole('rowheader', { name: label, exact: true }) });
/** The cells of a budget row after its header: Slag, Budget, Utfall, Avvikelse, Andel. */
const OUTCOME = 2;
const DEVIATION = 3;

async function enterCost(page: Page, date: string, amount: string, counterparty: string) {
	await page.goto('/finance/ledger/new');
	await expect(page.getByRole('heading', { level: 1, name: 'Ny transaktion' })).toBeVisible();
	await page.locator('#f-date').fill(date);
	await page.locator('#f-fundId').selectOption({ label: OPERATIONS });
	await page.locator('#f-categoryId').selectOption({ label: REPRESENTATION });
	await page.locator('#f-amount').fill(amount);
	await page.locator('#f-counterparty').fill(counterparty);
	await page.getByRole('button', { name: 'Bokför' }).click();
}

test('a budget line for 2022, a cost against it, the year closed, and then nothing more entered in it', async ({ page }) => {
	test.setTimeout(90_000);
	await login(page);

	// A cost budget line covering Representation.
	await page.goto('/finance/years/2022');
	await expect(page.getByRole('heading', { level: 1, name: 'Bokslut 2022' })).toBeVisible();
	await expect(page.getByText('Öppet år')).toBeVisible();
	await expectAccessible(page);
	await expect(page.locator('#budget-kind')).toHaveValue('cost');
	await page.locator('#budget-label').fill(BUDGET_LINE);
	await page.locator('#budget-amount').fill('50 000');
	await page.getByRole('checkbox', { name: REPRESENTATION, exact: true }).check();
	await page.getByRole('button', { name: 'Lägg till budgetraden' }).click();
	await expect(page.getByRole('status')).toContainText('Ändringen är sparad.');
	await expect(page.getByRole('listitem').filter({ hasText: `Kostnad: ${BUDGET_LINE}, 50 000 kr` })).toBeVisible();
	await expectAccessible(page);

	// Budget against outcome: nothing spent yet.
	await page.goto('/finance?year=2022');
	await expect(page.getByRole('heading', { level: 1, name: 'Ekonomi 2022' })).toBeVisible();
	const row = budgetRow(page, 2022, BUDGET_LINE);
	await expect(row).toHaveCount(1);
	await expect(row.getByRole('cell').nth(0)).toHaveText('Kostnader');
	await expect(row.getByRole('cell').nth(1)).toHaveText('50 000 kr');
	await expect(row.getByRole('cell').nth(OUTCOME)).toHaveText('0 kr');
	await expectAccessible(page);

	// A cost of 4 351 kr on Representation: back on the overview, the outcome shows it.
	await enterCost(page, '2022-03-10', '4 351', 'Restaurang Tornet');
	await expect(page).toHaveURL(/\/finance\?year=2022$/);
	await expect(budgetRow(page, 2022, BUDGET_LINE).getByRole('cell').nth(OUTCOME)).toHaveText('4 351 kr');
	await expect(budgetRow(page, 2022, BUDGET_LINE).getByRole('cell').nth(DEVIATION)).toHaveText('45 649 kr');
	await expectAccessible(page);

	// Closing the year.
	await page.goto('/finance/years/2022');
	await page.getByRole('button', { name: 'Stäng 2022' }).click();
	await expect(page.getByText('Stängt', { exact: true })).toBeVisible();
	await expect(page.getByText(/Året är\s+låst/)).toBeVisible();
	await expect(page.getByRole('button', { name: 'Stäng 2022' })).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Lägg till budgetraden' })).toHaveCount(0);
	await expectAccessible(page);

	// A cost in the closed year is refused, and nothing is saved.
	await enterCost(page, '2022-04-01', '1 000', 'Konditori Kransen');
	await expect(page.getByRole('alert')).toContainText('Uppgifterna sparades inte.');
	await expect(page.getByRole('alert')).toContainText('Året 2022 är stängt');
	await expect(page.locator('#f-date')).toHaveAttribute('aria-invalid', 'true');
	await expect(page.locator('#f-amount')).toHaveValue('1 000');
	await expectAccessible(page);
	await page.goto('/finance/ledger?year=2022');
	await expect(page.getByText(/^1 transaktion/)).toBeVisible();
	const rows = page.getByRole('table', { name: 'Transaktioner' }).locator('tbody tr');
	await expect(rows).toHaveCount(1);
	await expect(rows.first()).toContainText('Restaurang Tornet');
	await expect(rows.first()).toContainText('4 351 kr');
	await expectAccessible(page);
});

test('the closed years, their documents and API, the fees and the cost sharing, for everyone', async ({ page }) => {
	test.setTimeout(90_000);

	// The 2020 overview: budget against outcome, and the funds from 1 143 649 to 1 381 131.
	await page.goto('/finance?year=2020');
	await expect(page.getByRole('heading', { level: 1, name: 'Ekonomi 2020' })).toBeVisible();
	await expect(budgetTable(page, 2020)).toBeVisible();
	await expect(budgetTable(page, 2020).getByRole('row')).toHaveCount(5);
	const funds = page.getByRole('table', { name: 'Sammanställning 2020' });
	const total2020 = funds.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Summa', exact: true }) });
	await expect(total2020.getByRole('cell').first()).toHaveText('1 143 649');
	await expect(total2020.getByRole('cell').last()).toHaveText('1 381 131');
	await expectAccessible(page);

	// The 2021 closing: 1 332 545 at the end, and the printed 1 381 130 listed as a difference.
	await page.goto('/finance/years/2021');
	await expect(page.getByRole('heading', { level: 1, name: 'Bokslut 2021' })).toBeVisible();
	await expect(page.getByText('Stängt', { exact: true })).toBeVisible();
	await expect(page.getByText('Vid årets slut finns 1 332 545 kr i fonderna.')).toBeVisible();
	const summary2021 = page.getByRole('table', { name: 'Sammanställning 2021' });
	await expect(summary2021.getByRole('row').last().getByRole('cell').last()).toHaveText('1 332 545');
	await expect(page.getByRole('heading', { level: 2, name: 'Kontroll mot tryckta siffror' })).toBeVisible();
	const differences = page.getByRole('table', { name: 'Tryckta siffror som bokföringen inte ger' });
	const openingDifference = differences.getByRole('row').filter({ hasText: 'Summa ingående balans' });
	await expect(openingDifference.getByRole('cell').nth(0)).toHaveText('1 381 130');
	await expect(openingDifference.getByRole('cell').nth(1)).toHaveText('1 381 131');
	await expectAccessible(page);

	// The documents behind the download links, and the API.
	const types = {
		docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
		pdf: 'application/pdf',
		xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
	} as const;
	for (const [ext, type] of Object.entries(types)) {
		const href = await page.locator(`a[href$="/closing.${ext}"]`).getAttribute('href');
		expect(href).toBe(`/finance/years/2021/closing.${ext}`);
		const res = await page.request.get(href!);
		expect(res.status(), ext).toBe(200);
		expect(res.headers()['content-type'], ext).toBe(type);
		expect(res.headers()['content-disposition'], ext).toContain(`bokslut-2021.${ext}`);
		const body = await res.body();
		if (ext === 'pdf') expect(body.subarray(0, 5).toString(), ext).toBe('%PDF-');
		else expect(body.subarray(0, 2).toString(), `${ext} is a zip`).toBe('PK');
	}
	const api = await page.request.get('/api/v1/finance/years/2021/closing');
	expect(api.status()).toBe(200);
	expect(api.headers()['content-type']).toContain('application/json');
	const closing = (await api.json()) as { totals: { opening: number; closing: number } };
	expect(closing.totals.closing).toBe(133254500);
	expect(closing.totals.opening).toBe(138113100);

	// The 2021 fee: the municipalities without a population figure are named; the total comes from the cooperation's figure.
	await page.goto('/finance/fees/2021');
	await expect(page.getByRole('heading', { level: 1, name: 'Avgift 2021' })).toBeVisible();
	await expect(page.getByRole('heading', { level: 2, name: /Folkmängd saknas för 6 av 8 kommuner/ })).toBeVisible();
	await expect(page.getByText(/saknas för Botkyrka, Haninge, Huddinge, Nykvarn, Nynäshamn, Södertälje\./)).toBeVisible();
	await expect(page.getByText('2 030 208 kr för 507 552 invånare')).toBeVisible();
	const feeTotal = page.getByRole('table', { name: /Avgift 2021 per medlemskommun/ }).locator('tfoot tr');
	await expect(feeTotal).toContainText('Totalt (samarbetets siffra)');
	await expect(feeTotal.locator('td.num').last()).toHaveText('2 030 208 kr');
	await expectAccessible(page);

	// Cost sharing: the Rådslag 2018 key, shares summing to 106 791 kr beside what each paid; another key, other shares.
	await page.goto('/finance/sharing');
	await expect(page.getByRole('heading', { level: 1, name: 'Kostnadsfördelning' })).toBeVisible();
	await expect(page.getByRole('heading', { level: 2, name: 'Södertörns Rådslag 2018' })).toBeVisible();
	await expect(page.getByLabel('Nyckel', { exact: true })).toHaveValue('mix');
	const sharing = page.locator('table').filter({ has: page.getByRole('columnheader', { name: 'Andel enligt nyckeln' }) });
	const sumRow = sharing.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Summa', exact: true }) });
	// Cells: Folkmängd, Andel enligt nyckeln, Betalt, Skillnad.
	await expect(sumRow.getByRole('cell').nth(1)).toHaveText('106 791 kr');
	await expect(sumRow.getByRole('cell').nth(2)).toHaveText('106 791 kr');
	const municipalityRows = sharing.locator('tbody tr:not(.total)');
	await expect(municipalityRows).toHaveCount(8);
	const sharesOf = async () => (await municipalityRows.locator('td:nth-of-type(2)').allTextContents()).map((t) => t.trim());
	const mixed = await sharesOf();
	expect(
		mixed.every((s) => /^[\d\s\u00a0]+ kr$/.test(s)),
		mixed.join(' | ')
	).toBe(true);
	await expectAccessible(page);

	await page.getByLabel('Nyckel', { exact: true }).selectOption({ label: 'Lika delar' });
	await page.getByRole('button', { name: 'Räkna' }).click();
	await expect(page).toHaveURL(/[?&]key=equal/);
	await expect(page.getByLabel('Nyckel', { exact: true })).toHaveValue('equal');
	await expect(sumRow.getByRole('cell').nth(1)).toHaveText('106 791 kr');
	const equal = await sharesOf();
	expect(equal).not.toEqual(mixed);
	// 106 791 kr in eight equal parts: 13 348 or 13 349 kr each.
	expect(
		equal.every((s) => /^13\s34[89] kr$/.test(s)),
		equal.join(' | ')
	).toBe(true);
	await expectAccessible(page);
});

/** A ledger entry with an amount of three decimals, refused; what was typed comes back. */
async function refusedAmount(page: Page) {
	await page.goto('/finance/ledger/new');
	await page.locator('#f-date').fill('2021-06-15');
	await page.locator('#f-fundId').selectOption({ label: OPERATIONS });
	await page.locator('#f-categoryId').selectOption({ label: REPRESENTATION });
	await page.locator('#f-amount').fill('12,345');
	await page.locator('#f-counterparty').fill('Café Utan Skript');
	await page.getByRole('button', { name: 'Bokför' }).click();
	const summary = page.getByRole('alert');
	await expect(summary).toContainText('Uppgifterna sparades inte.');
	await expect(summary.getByRole('link', { name: /^Belopp/ })).toHaveAttribute('href', '#f-amount');
	await expect(page.locator('#f-amount')).toHaveAttribute('aria-invalid', 'true');
	await expect(page.locator('#f-amount')).toHaveValue('12,345');
	await expect(page.locator('#f-date')).toHaveValue('2021-06-15');
	await expect(page.locator('#f-counterparty')).toHaveValue('Café Utan Skript');
	await expect(page.locator('#f-fundId option:checked')).toHaveText(OPERATIONS);
	await expect(page.locator('#f-categoryId option:checked')).toHaveText(REPRESENTATION);
}

test('a refused ledger entry without JavaScript keeps what was typed and names the amount', async ({ browser, page }) => {
	const noJs = await browser.newPage({ javaScriptEnabled: false });
	try {
		await login(noJs);
		await refusedAmount(noJs);
	} finally {
		await noJs.close();
	}
	// axe needs scripts in the page: the same refused form, served the same way (a plain post), checked with them.
	await login(page);
	await refusedAmount(page);
	await expectAccessible(page);
	await page.goto('/finance/ledger?year=2021');
	await expect(page.getByRole('table', { name: 'Transaktioner' })).not.toContainText('Café Utan Skript');
	await expectAccessible(page);
});

test('the public sees a closed year without any editing form', async ({ page }) => {
	await page.goto('/finance/years/2020');
	await expect(page.getByRole('heading', { level: 1, name: 'Bokslut 2020' })).toBeVisible();
	await expect(page.getByText('Stängt', { exact: true })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Logga in' })).toBeVisible();
	await expect(page.locator('main form')).toHaveCount(0);
	await expect(page.getByRole('main').getByRole('button')).toHaveCount(0);
	await expect(page.getByRole('heading', { name: /Ny budgetrad|Öppna året igen|Stäng året/ })).toHaveCount(0);
	await expectAccessible(page);
});
