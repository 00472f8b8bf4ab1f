// A download's file name as curl -OJ and a browser take it: a governing
// document's version uploaded as "Överenskommelse (slutlig) "2027" – å.pdf" comes
// back with an ASCII filename= (what curl saves) and the real name in filename*=
// (what the browser saves).
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'content-disposition';
import { expect, test } from '@playwright/test';
import { login } from './helpers.ts';

const NAME = 'Överenskommelse (slutlig) "2027" – å.pdf';
const ASCII = 'Overenskommelse (slutlig) _2027_ _ a.pdf';

test('an uploaded file downloads under its own name, in a browser and with curl -OJ', async ({ page, baseURL }) => {
	test.setTimeout(60_000);
	await login(page);
	await page.goto('/governance/documents/new');
	await page.getByLabel(/^Titel/).fill('Nedladdningsprov');
	await page.locator('#f-kind').selectOption({ index: 1 });
	await page.getByRole('button', { name: /Spara/ }).first().click();
	await expect(page).toHaveURL(/\/governance\/documents\/\d+/);
	await page.locator('#v-label').fill('2027');
	await page.locator('#v-file').setInputFiles({ name: NAME, mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7 prov') });
	await page.getByRole('button', { name: 'Spara versionen' }).click();
	const link = page.getByRole('link', { name: NAME });
	await expect(link).toBeVisible();
	const href = (await link.getAttribute('href'))!;

	// The header, parsed back with the package that wrote it.
	const res = await page.request.get(href);
	const header = res.headers()['content-disposition'];
	expect(parse(header).parameters.filename).toBe(NAME);
	expect(parse(header, { extended: false }).parameters.filename).toBe(ASCII);

	// The browser saves it under the real name from filename*= (Chromium itself turns the quotes, which some file systems refuse, into _).
	const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
	expect(download.suggestedFilename()).toBe(NAME.replaceAll('"', '_'));

	// curl -OJ (which reads only filename=) saves it under the ASCII name, with its content.
	const dir = await mkdtemp(join(tmpdir(), 'samverka-curl-'));
	try {
		await promisify(execFile)('curl', ['-sS', '-OJ', new URL(href, baseURL).href], { cwd: dir });
		expect(await readdir(dir)).toEqual([ASCII]);
		expect(await readFile(join(dir, ASCII), 'utf8')).toBe('%PDF-1.7 prov');
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
});
