import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { expect, test, type Download } from '@playwright/test';
import { expectAccessible, login } from './helpers.ts';

// The published documents end to end: a visitor without login finds the
// adopted annual reports and plans, reads the 2021 report on the site and
// downloads it as DOCX and PDF (the frozen files, with their checksum); the
// secretariat drafts this year's report, downloads each format, edits the
// template and adopts it, a wrong date refused first, with and without
// JavaScript; every page passes axe at WCAG 2.1 AA (axe runs where the page has
// JavaScript: on the no-JS page it crashes the large template form's frame).

const bytes = async (d: Download) => fs.readFileSync((await d.path())!);

test('a visitor reads the adopted 2021 annual report and downloads it as DOCX and PDF', async ({ page }) => {
	test.setTimeout(60_000);
	await page.goto('/');
	await page.getByRole('link', { name: 'Dokument' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Årsredovisningar och verksamhetsplaner' })).toBeVisible();
	await expect(page.getByRole('cell', { name: /Fastställd 9 februari 2022, låst/ })).toBeVisible();
	await expect(page.locator('main form')).toHaveCount(0);
	await expectAccessible(page);

	await page.getByRole('link', { name: 'Årsredovisning 2021', exact: true }).click();
	await expect(page).toHaveURL(/\/reports\/annual\/2021\.html$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Årsredovisning och bokslut 2021' })).toBeVisible();
	await expect(page.getByText('Beslutad 9 februari 2022', { exact: true })).toBeVisible();
	await expect(page.getByText('Fastställd version: beslutad 9 februari 2022.', { exact: false })).toBeVisible();
	const toc = page.getByRole('navigation', { name: 'Innehållsförteckning' });
	await toc.getByRole('link', { name: '4 Gemensamma remissvar' }).click();
	await expect(page.getByRole('heading', { level: 2, name: '4 Gemensamma remissvar' })).toBeInViewport();
	await expect(page.getByText('Granskning vägplan Tvärförbindelse Södertörn – Trafikverket (mars 2021)')).toBeVisible();
	await expect(page.getByRole('table', { name: 'Sammanställning 2021' })).toContainText('1 332 545');
	await expectAccessible(page);

	const hash = (await page.locator('code.hash').textContent())!.trim();
	const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'PDF' }).click()]);
	expect(pdf.suggestedFilename()).toBe('arsredovisning-2021.pdf');
	const pdfBytes = await bytes(pdf);
	expect(pdfBytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
	expect(createHash('sha256').update(pdfBytes).digest('hex')).toBe(hash);
	const [docx] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Word (DOCX)' }).click()]);
	expect(docx.suggestedFilename()).toBe('arsredovisning-2021.docx');
	expect((await bytes(docx)).subarray(0, 2).toString('latin1')).toBe('PK');

	// The adopted plan is public too; a draft and the comparison are not.
	await page.goto('/reports/plan/2020.html');
	await expect(page.getByRole('heading', { level: 2, name: 'Bilaga 2 Samarbetskommitténs samarbetsavtal' })).toBeVisible();
	await expectAccessible(page);
	await page.goto('/reports/annual/2021/compare');
	await expect(page).toHaveURL(/\/login\?next=/);
});

test('the secretariat drafts this year’s report, downloads each format, edits the template and adopts it', async ({ page }) => {
	test.setTimeout(90_000);
	const year = new Date().getFullYear();
	await login(page);
	await page.goto(`/reports/annual/${year}.html`);
	await expect(page.getByText('Utkast, ej fastställd').first()).toBeVisible();
	await expectAccessible(page);
	for (const [name, file] of [
		['Word (DOCX)', `arsredovisning-${year}-utkast.docx`],
		['PDF', `arsredovisning-${year}-utkast.pdf`]
	]) {
		const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name, exact: true }).click()]);
		expect(d.suggestedFilename()).toBe(file);
		expect((await bytes(d)).byteLength).toBeGreaterThan(1000);
	}

	// No published report of this year is held, so there is nothing to compare with; 2021's comparison is both ways.
	await expect(page.getByRole('link', { name: 'Jämför med förlagan' })).toHaveCount(0);
	await page.goto('/reports/annual/2021.html');
	await page.getByRole('link', { name: 'Jämför med förlagan' }).click();
	await expect(page.getByRole('columnheader', { name: 'Avvikande siffror' })).toBeVisible();
	await expectAccessible(page);
	await page.goto(`/reports/annual/${year}.html`);

	await page.getByRole('link', { name: 'Redigera mallen' }).click();
	await expect(page.getByRole('heading', { level: 1, name: `Mall för årsredovisning ${year}` })).toBeVisible();
	await expect(page.getByText(/Kapitlen nedan är hämtade från 2021/)).toBeVisible();
	await expectAccessible(page);
	// A refused save keeps the page accessible: the alert names the field.
	const chapterTitle = page.locator('[id="f-chapters.0.title"]');
	const kept = await chapterTitle.inputValue();
	await chapterTitle.fill('');
	await page.getByRole('button', { name: 'Spara mallen' }).click();
	await expect(page.getByRole('alert')).toContainText('Kapitlets rubrik måste fyllas i.');
	await expectAccessible(page);
	await chapterTitle.fill(kept);
	await page.getByLabel('Inledningens text').fill('Vid årets slut bodde {befolkning} personer i samarbetet.');
	await page.getByRole('button', { name: 'Spara mallen' }).click();
	await expect(page.getByRole('status')).toHaveText('Mallen är sparad.');
	await expect(page.getByText(/Kapitlen nedan är hämtade/)).toHaveCount(0);

	await page.goto('/reports/annual/2021/compare');
	await expect(page.getByRole('heading', { level: 1, name: 'Årsredovisning 2021 jämförd med den publicerade' })).toBeVisible();
	await expect(page.getByRole('row', { name: /8\. Bokslut 2021/ })).toBeVisible();
	await expectAccessible(page);

	await page.goto('/reports');
	const field = page.locator(`#a${year}-decidedOn`);
	await field.fill(`${year - 1}-12-30`);
	await page.locator(`#a${year}-decidedOn ~ button`).click();
	await expect(page.getByRole('alert')).toContainText(`Årsredovisningen ${year} kan inte beslutas före ${year}.`);
	await expectAccessible(page);
	await page.locator(`#a${year}-decidedOn`).fill(`${year}-01-15`);
	await page.locator(`#a${year}-decidedOn ~ button`).click();
	await expect(page.getByRole('status')).toContainText(`Årsredovisningen ${year} är fastställd och låst.`);
	await page.goto(`/reports/annual/${year}.html`);
	await expect(page.getByText(`Fastställd version: beslutad 15 januari ${year}.`, { exact: false })).toBeVisible();
});

test('without JavaScript the template is saved and a bad one refused, naming the field', async ({ browser }) => {
	test.setTimeout(90_000);
	const noJs = await browser.newPage({ javaScriptEnabled: false });
	await login(noJs);
	await noJs.goto('/reports/plan/2020/template');
	const first = noJs.locator('[id="f-chapters.0.title"]');
	const title = await first.inputValue();
	await first.fill('');
	await noJs.getByRole('button', { name: 'Spara mallen' }).click();
	await expect(noJs.getByRole('alert')).toContainText('Kapitlets rubrik måste fyllas i.');
	await expect(first).toHaveAttribute('aria-invalid', 'true');
	await noJs.locator('[id="f-chapters.0.title"]').fill(title);
	await noJs.getByRole('button', { name: 'Spara mallen' }).click();
	await expect(noJs.getByRole('status')).toHaveText('Mallen är sparad.');
	await noJs.close();
});
