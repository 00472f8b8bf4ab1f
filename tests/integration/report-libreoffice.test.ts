// The annual report's DOCX opens in a real word processor: the 2021 annual
// report of the demo data, written as DOCX, is converted to PDF by LibreOffice
// headless, and the PDF's text holds every chapter heading as a heading of its
// own (not only in the table of contents) and a figure from the chapter's body.
// The unit tests read the DOCX's XML back, which proves it says what we meant;
// this proves a word processor that knows nothing of us reads it. LibreOffice is
// required: without soffice the test fails, as a skip would pass unnoticed.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from './db.ts';
import type { Db } from '../../src/lib/server/db/client.ts';
import { loadDemo } from '../../src/lib/server/demo/load.ts';
import { buildReport } from '../../src/lib/server/documents/reports.ts';
import { reportDocx } from '../../src/lib/server/documents/report-docx.ts';

const run = promisify(execFile);

/** A first start of LibreOffice, which creates its profile, takes several seconds on this machine. */
const CONVERT_TIMEOUT_MS = 120_000;

const CHAPTERS = [
	'1 Inledning',
	'2 Övergripande mål och fokusområden 2021',
	'3 Uppföljning av fokusområdena',
	'4 Gemensamma remissvar',
	'5 Externa möten',
	'6 Projekt',
	'7 Möten, konferenser och administration',
	'8 Bokslut 2021'
];

let db: Db;
let dir: string;

beforeAll(async () => {
	({ db } = await freshDb());
	await loadDemo(db);
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-lo-'));
}, 120_000);

afterAll(() => {
	if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** The text of a PDF, laid out as on the page (one heading a line), with no-break spaces as plain ones. */
async function pdfText(file: string): Promise<string> {
	const { stdout } = await run('pdftotext', ['-layout', file, '-'], { maxBuffer: 16 * 1024 * 1024 });
	return stdout.replace(/[\u00a0\u202f]/g, ' ');
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('the annual report in LibreOffice', () => {
	it('converts the 2021 annual report DOCX to a PDF with its chapters and figures', { timeout: CONVERT_TIMEOUT_MS + 30_000 }, async () => {
		const report = await buildReport(db, 'annual', 2021, null);
		const docx = path.join(dir, 'arsredovisning-2021.docx');
		fs.writeFileSync(docx, await reportDocx(report));

		// A profile of this run's own: two conversions sharing one would wait on its lock or fail.
		const profile = pathToFileURL(path.join(dir, 'profile')).href;
		const args = [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, docx];
		const converted = await run('soffice', args, { timeout: CONVERT_TIMEOUT_MS }).catch((e: NodeJS.ErrnoException) => {
			if (e.code === 'ENOENT') throw new Error('soffice is not on PATH: install LibreOffice (libreoffice-writer-nogui), as .ci/run does');
			throw e;
		});

		// soffice exits 0 even when it could not load the file: the PDF is the proof.
		const pdf = path.join(dir, 'arsredovisning-2021.pdf');
		expect(fs.existsSync(pdf), `LibreOffice wrote no PDF:\n${converted.stdout}\n${converted.stderr}`).toBe(true);
		expect(fs.readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');

		const text = await pdfText(pdf);
		for (const chapter of CHAPTERS) {
			// On a line of its own: the heading in the body, not the table of contents' entry with its dot leaders.
			expect(text, chapter).toMatch(new RegExp(`^\\s*${escape(chapter)}\\s*$`, 'm'));
		}
		// The population at the year's end, from chapter 1.
		expect(text).toContain('513 445');
		// The year's result, from the closing in chapter 8.
		expect(text).toContain('−46 999');
	});
});
