// The Word documents as a word processor that does not update fields lays them
// out: LibreOffice headless converts the DOCX to PDF and pdftotext reads it back.
//  - The 2021 annual report's table of contents has a page number on every
//    line, and each heading is on the page its line says.
//  - No word in the tables of the closing, the fee overview and the report is
//    broken across lines ("Kostnade/r" in a column too narrow for it), and no
//    amount wraps.
// LibreOffice and pdftotext are required (.ci/run installs them): without them
// the test fails, as a skip would pass unnoticed.
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
import { tableDocumentDocx } from '../../src/lib/server/documents/table-docx.ts';
import { getCooperation } from '../../src/lib/server/organisation/queries.ts';
import { yearClosing } from '../../src/lib/server/finance/closing.ts';
import { closingDocument } from '../../src/lib/server/finance/closing-document.ts';
import { feeBasis } from '../../src/lib/server/finance/fees.ts';
import { feeOverviewDocument } from '../../src/lib/server/finance/fee-document.ts';
import type { Report } from '../../src/lib/core/report.ts';
import { headingText } from '../../src/lib/core/report.ts';
import type { DocTable } from '../../src/lib/core/table-document.ts';

const run = promisify(execFile);

/** A first start of LibreOffice, which creates its profile, takes several seconds on this machine. */
const CONVERT_TIMEOUT_MS = 120_000;

let db: Db;
let dir: string;
/** Each document's PDF, as LibreOffice made it from the DOCX. */
const pdfs = new Map<string, string>();
let report: Report;
const tables = new Map<string, DocTable[]>();

beforeAll(async () => {
	({ db } = await freshDb());
	await loadDemo(db);
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-lo-layout-'));
	const name = (await getCooperation(db))!.name;
	report = await buildReport(db, 'annual', 2021, null);
	const closing = closingDocument(await yearClosing(db, 2021), name);
	const fees = feeOverviewDocument(await feeBasis(db, 2021), name);
	const files: Record<string, Uint8Array> = {
		report: await reportDocx(report),
		closing: await tableDocumentDocx(closing),
		fees: await tableDocumentDocx(fees)
	};
	tables.set(
		'closing',
		closing.sections.flatMap((s) => s.tables)
	);
	tables.set(
		'fees',
		fees.sections.flatMap((s) => s.tables)
	);
	tables.set(
		'report',
		report.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : []))
	);
	for (const [key, bytes] of Object.entries(files)) fs.writeFileSync(path.join(dir, `${key}.docx`), bytes);

	// One conversion for all three, with a profile of this run's own: two conversions sharing one would wait on its lock or fail.
	const profile = pathToFileURL(path.join(dir, 'profile')).href;
	const docx = Object.keys(files).map((k) => path.join(dir, `${k}.docx`));
	const args = [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, ...docx];
	const converted = await run('soffice', args, { timeout: CONVERT_TIMEOUT_MS }).catch((e: NodeJS.ErrnoException) => {
		if (e.code === 'ENOENT') throw new Error('soffice is not on PATH: install LibreOffice (libreoffice-writer-nogui), as .ci/run does');
		throw e;
	});
	for (const key of Object.keys(files)) {
		const pdf = path.join(dir, `${key}.pdf`);
		// soffice exits 0 even when it could not load a file: the PDF is the proof.
		expect(fs.existsSync(pdf), `LibreOffice wrote no ${key}.pdf:\n${converted.stdout}\n${converted.stderr}`).toBe(true);
		pdfs.set(key, pdf);
	}
}, CONVERT_TIMEOUT_MS + 60_000);

afterAll(() => {
	if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** The PDF's text, page by page: `-layout` keeps a heading a line of its own; `-raw` keeps each table cell's text together, in order. */
async function pdfPages(file: string, mode: '-layout' | '-raw'): Promise<string[]> {
	const { stdout } = await run('pdftotext', [mode, file, '-'], { maxBuffer: 16 * 1024 * 1024 });
	return stdout.replace(/[\u00a0\u202f]/g, ' ').split('\f');
}

/** Spaces, no-break spaces and line breaks as one space. */
const flat = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, ' ').trim();

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('the 2021 annual report’s table of contents in LibreOffice', () => {
	it('has a page number on every line, and each heading is on the page its line says', async () => {
		const pages = await pdfPages(pdfs.get('report')!, '-layout');
		// Page 1 the cover, page 2 the table of contents (its entries end in dot leaders), the chapters from page 3.
		const tocPage = pages[1];
		expect(tocPage).toContain('Innehållsförteckning');
		const leaderLines = tocPage.split('\n').filter((l) => /\.{4,}/.test(l));
		const entries = leaderLines.map((l) => /^\s*(.+?)\s*\.{4,}\s*(\d+)?\s*$/.exec(l));
		// Every line ends with a page number: before, LibreOffice showed "1 Inledning......." and nothing after it.
		expect(leaderLines.filter((_, i) => !entries[i]?.[2])).toEqual([]);

		// An entry for each heading of levels 1 and 2, in order.
		const headings = report.blocks.flatMap((b) => (b.kind === 'heading' && b.level <= 2 ? [headingText(b)] : []));
		expect(entries.map((m) => flat(m![1]))).toEqual(headings.map(flat));

		// Where each heading really is: the first page, from the previous heading's on, with the heading as lines of its own.
		let from = 2;
		const placed = entries.map((m) => {
			const title = new RegExp(`^\\s*${flat(m![1]).split(' ').map(escape).join('\\s+')}\\s*$`, 'm');
			const at = pages.findIndex((p, i) => i >= from && title.test(p));
			expect(at, `${m![1]} is not in the text`).toBeGreaterThanOrEqual(from);
			from = at;
			return { title: m![1], said: Number(m![2]), page: at + 1 };
		});
		// The numbers are docx's layout of the document as Word lays it out; LibreOffice breaks lines and keeps
		// paragraphs together a little differently, so a heading at the foot of a page may go to the next one
		// (in the 2020 report, one heading of 23). So: none off by more than a page, and at most one in ten off at all.
		// For this report all 26 match.
		const off = placed.filter((p) => p.said !== p.page);
		expect(placed.filter((p) => Math.abs(p.said - p.page) > 1)).toEqual([]);
		expect(off.length, JSON.stringify(off)).toBeLessThanOrEqual(Math.floor(placed.length / 10));
		expect(placed.length).toBeGreaterThanOrEqual(20);
	});
});

describe('the tables’ columns in LibreOffice', () => {
	for (const key of ['closing', 'fees', 'report']) {
		it(`break no word and wrap no amount: ${key}`, async () => {
			const text = flat((await pdfPages(pdfs.get(key)!, '-raw')).join(' '));
			const all = tables.get(key)!;
			expect(all.length).toBeGreaterThan(0);
			for (const tbl of all) {
				// -raw gives each cell's lines one after the other: a word broken in two comes out as "Kostnade r".
				expect(text, tbl.caption).toContain(flat(tbl.columns.map((c) => c.header).join(' ')));
				for (const row of tbl.rows) expect(text, `${tbl.caption}: ${row.cells.join(' | ')}`).toContain(flat(row.cells.join(' ')));
			}
		});
	}
});
