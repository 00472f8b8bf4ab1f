// Every published PDF is tagged PDF/UA-1, checked by a reader that knows
// nothing of us: poppler's pdfinfo (poppler-utils, which CI installs). The 2021
// annual report of the demo data must say "Tagged: yes", declare PDF/UA-1 in
// its XMP metadata, and hold its chapters' headings and its tables of figures
// (with header cells) in the structure tree that `pdfinfo -struct-text` prints;
// the other kinds (every year's plan and annual report, a notice, minutes, the
// closing, the fee overview and an invoice basis) must be tagged UA-1 with
// their title and language; a document with a character no font has (an
// emoji, which UA-1 forbids as an empty box) is still tagged.
// pdfinfo is required: without it the test fails, as a skip would pass unnoticed.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from './db.ts';
import type { Db } from '../../src/lib/server/db/client.ts';
import type { Actor } from '../../src/lib/server/actor.ts';
import { loadDemo } from '../../src/lib/server/demo/load.ts';
import { getCooperation } from '../../src/lib/server/organisation/queries.ts';
import { createFeeInvoices, feeBasis } from '../../src/lib/server/finance/fees.ts';
import { feeInvoiceDocument, feeOverviewDocument } from '../../src/lib/server/finance/fee-document.ts';
import { yearClosing } from '../../src/lib/server/finance/closing.ts';
import { closingDocument } from '../../src/lib/server/finance/closing-document.ts';
import { tableDocumentPdf } from '../../src/lib/server/documents/table-pdf.ts';
import type { TableDocument } from '../../src/lib/core/table-document.ts';
import { meetingPdf } from '../../src/lib/server/documents/meeting-pdf.ts';
import { buildReport } from '../../src/lib/server/documents/reports.ts';
import { reportPdf } from '../../src/lib/server/documents/report-pdf.ts';
import { getMeeting } from '../../src/lib/server/meetings/queries.ts';
import { documentFor } from '../../src/lib/server/meetings/document.ts';

const run = promisify(execFile);
const editor: Actor = { accountId: null, name: 'Kansliet', role: 'editor', personId: null };

let db: Db;
let dir: string;

beforeAll(async () => {
	({ db } = await freshDb());
	await loadDemo(db);
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-tagged-'));
}, 120_000);

afterAll(() => {
	if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

interface PdfFacts {
	/** pdfinfo's fields: Title, Tagged, Pages … */
	info: Record<string, string>;
	/** The XMP metadata. */
	meta: string;
	/** The structure tree (`pdfinfo -struct`), with the text of each element when asked for (`-struct-text`). */
	struct: string;
}

async function pdfinfo(args: string[]): Promise<string> {
	const { stdout } = await run('pdfinfo', args, { maxBuffer: 32 * 1024 * 1024 }).catch((e: NodeJS.ErrnoException) => {
		if (e.code === 'ENOENT') throw new Error('pdfinfo is not on PATH: install poppler-utils, as .ci/run does');
		throw e;
	});
	return stdout;
}

/**
 * What pdfinfo says of the PDF. `withText`: the structure tree with each
 * element's text (`-struct-text`, which takes poppler seconds for a long
 * report), else the tree's element types alone (`-struct`).
 */
async function facts(name: string, pdf: Uint8Array, withText = false): Promise<PdfFacts> {
	const file = path.join(dir, `${name}.pdf`);
	fs.writeFileSync(file, pdf);
	const info = Object.fromEntries(
		(await pdfinfo([file])).split('\n').flatMap((l) => {
			const m = /^([^:]+):\s*(.*)$/.exec(l);
			return m ? [[m[1], m[2].trim()]] : [];
		})
	);
	return { info, meta: await pdfinfo(['-meta', file]), struct: await pdfinfo([withText ? '-struct-text' : '-struct', file]) };
}

/** Tagged, declared PDF/UA-1, with the title shown from the metadata and the language Swedish. */
function expectAccessible(f: PdfFacts, title: string) {
	expect(f.info.Tagged).toBe('yes');
	expect(f.info.Title).toBe(title);
	expect(f.meta).toMatch(/pdfuaid:part(>|=")1/);
	expect(f.meta).toMatch(/<dc:language>[\s\S]*sv-SE[\s\S]*<\/dc:language>/);
	expect(f.struct).toMatch(/^Document/m);
}

/**
 * The elements of the structure tree as `{ type, text }`: pdfinfo prints each
 * element as its type on a line, indented by its depth, its attributes on
 * lines that start with "/", and the text of its content as quoted lines under
 * it (or under its children): an element's text is all the quoted text below
 * it up to the next element at its depth or less.
 */
function elements(struct: string): { type: string; text: string }[] {
	const out: { type: string; depth: number; text: string }[] = [];
	const open: { depth: number; text: string }[] = [];
	for (const line of struct.split('\n')) {
		const depth = line.length - line.trimStart().length;
		const m = /^([A-Za-z][A-Za-z0-9]*)\b/.exec(line.trimStart());
		const q = /^"(.*)"$/.exec(line.trim());
		if (m) {
			while (open.length && open[open.length - 1].depth >= depth) open.pop();
			const e = { type: m[1], depth, text: '' };
			out.push(e);
			open.push(e);
		} else if (q) for (const e of open) e.text += q[1];
	}
	return out;
}

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

describe('tagged PDF/UA-1', () => {
	it('the 2021 annual report: tagged, UA-1, its chapters as H1 and its tables with header cells', async () => {
		const report = await buildReport(db, 'annual', 2021, null);
		const f = await facts('arsredovisning-2021', await reportPdf(report), true);
		expectAccessible(f, report.title);
		const els = elements(f.struct);
		const h1 = els.filter((e) => e.type === 'H1').map((e) => e.text.trim());
		for (const chapter of CHAPTERS) expect(h1, chapter).toContain(chapter);
		expect(h1).toContain('Innehållsförteckning');
		expect(els.filter((e) => e.type === 'H2').length).toBeGreaterThan(5);
		// The table of contents is a TOC of entries, not loose paragraphs.
		expect(els.filter((e) => e.type === 'TOCI').length).toBeGreaterThanOrEqual(CHAPTERS.length);
		// Tables of figures: each with a header row of TH cells, then its data rows.
		const tables = els.filter((e) => e.type === 'Table').length;
		expect(tables).toBeGreaterThanOrEqual(3);
		expect(els.filter((e) => e.type === 'THead').length).toBe(tables);
		expect(els.filter((e) => e.type === 'TH').length).toBeGreaterThanOrEqual(tables * 2);
		expect(els.filter((e) => e.type === 'TD').length).toBeGreaterThan(els.filter((e) => e.type === 'TH').length);
		// Every header cell holds its column's header as text: the first table's is "Område".
		const th = els.filter((e) => e.type === 'TH').map((e) => e.text.trim());
		expect(th.every(Boolean), th.join(' | ')).toBe(true);
		expect(th).toContain('Område');
		// The running head and the page numbers are artifacts, not part of the text.
		expect(els.some((e) => /^Sida \d+ \(\d+\)$/.test(e.text.trim()))).toBe(false);
	}, 60_000);

	it('every plan and annual report, a notice and minutes, the closing, the fee overview and an invoice basis: tagged UA-1', async () => {
		const name = (await getCooperation(db))!.name;
		// Every year's plan and annual report of the demo: some years' data have a
		// level-3 heading right under a chapter, which UA-1 refuses unless the PDF closes the gap.
		const years = ((await db.execute(sql`select year from plan order by year`)).rows as { year: number }[]).map((r) => r.year);
		expect(years.length).toBeGreaterThan(1);
		const docs: [string, string, Uint8Array][] = [];
		for (const year of years)
			for (const kind of ['plan', 'annual'] as const) {
				const r = await buildReport(db, kind, year, null);
				docs.push([`${kind}-${year}`, r.title, await reportPdf(r)]);
			}
		const reports = docs.length;

		const [row] = (
			await db.execute(sql`
				select m.id from meeting m
				where exists (select 1 from agenda_item i where i.meeting_id = m.id)
				  and exists (select 1 from attendance a where a.meeting_id = m.id and a.status = 'present')
				order by m.id limit 1`)
		).rows as { id: number }[];
		const m = await getMeeting(db, editor, row.id);
		for (const kind of ['notice', 'minutes'] as const) {
			const doc = (await documentFor(db, editor, m, kind))!;
			docs.push([kind, doc.title, await meetingPdf(doc)]);
		}

		const closing = closingDocument(await yearClosing(db, 2021), name);
		docs.push(['closing-2021', closing.title, await tableDocumentPdf(closing)]);
		const overview = feeOverviewDocument(await feeBasis(db, 2020), name);
		docs.push(['fees-2020', overview.title, await tableDocumentPdf(overview)]);
		await createFeeInvoices(db, editor, 2020);
		const basis = await feeBasis(db, 2020);
		const invoice = feeInvoiceDocument(basis, basis.municipalities.find((x) => x.invoiceId !== null)!.id, name);
		docs.push(['invoice-2020', invoice.title, await tableDocumentPdf(invoice)]);

		const trees = new Map<string, ReturnType<typeof elements>>();
		for (const [label, title, pdf] of docs) {
			const f = await facts(label, pdf);
			expectAccessible(f, title);
			const els = elements(f.struct);
			// Each starts its headings at level 1 (UA-1 refuses anything else) and has some.
			expect(els.find((e) => /^H\d$/.test(e.type))?.type, label).toBe('H1');
			trees.set(label, els);
		}
		// The minutes' items are headings; the table documents' tables have header cells.
		expect(trees.get('minutes')!.filter((e) => e.type === 'H1').length).toBeGreaterThan(2);
		for (const [label] of docs.slice(reports + 2))
			expect(trees.get(label)!.filter((e) => e.type === 'TH').length, label).toBeGreaterThan(0);
	}, 120_000);

	it('a document with a character no font has is still tagged, without the UA-1 claim, its text kept', async () => {
		const doc: TableDocument = {
			title: 'Bokslut ✅ 2099',
			cooperationName: 'Samarbetet',
			kindLabel: 'Bokslut',
			sections: [
				{
					heading: 'Resultat',
					paragraphs: ['Ett stycke.'],
					tables: [
						{
							caption: 'Siffror',
							columns: [{ header: 'Post' }, { header: 'Belopp', align: 'right' }],
							rows: [{ cells: ['Avgifter', '1 000'] }]
						}
					]
				}
			]
		};
		const f = await facts('emoji', await tableDocumentPdf(doc), true);
		expect(f.info.Tagged).toBe('yes');
		expect(f.info.Title).toBe(doc.title);
		expect(f.meta).not.toMatch(/pdfuaid:part/);
		const els = elements(f.struct);
		expect(els.find((e) => e.type === 'H1')?.text.trim()).toBe('Resultat');
		expect(els.filter((e) => e.type === 'TH').map((e) => e.text.trim())).toEqual(['Post', 'Belopp']);
	});
});
