// Every document kind is made, and valid, when the stored data holds text its
// format cannot hold. The texts go straight into the database, past the
// validation of the forms and the API, as old data or an import would: C0
// controls, DEL and C1, U+FFFE/U+FFFF, an emoji (which no font on a server may
// have: PDF/A then refused the whole document), Typst's markup characters and
// a line that starts a heading, right-to-left marks and a very long word.
// PostgreSQL's text holds neither NUL nor a lone surrogate, so those two are
// the unit tests' (tests/unit/document-text.test.ts).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from './db.ts';
import type { Db } from '../../src/lib/server/db/client.ts';
import type { Actor } from '../../src/lib/server/actor.ts';
import { loadDemo } from '../../src/lib/server/demo/load.ts';
import { getCooperation } from '../../src/lib/server/organisation/queries.ts';
import { createFeeInvoices, feeBasis } from '../../src/lib/server/finance/fees.ts';
import { feeInvoiceDocument, feeOverviewDocument } from '../../src/lib/server/finance/fee-document.ts';
import { yearClosing } from '../../src/lib/server/finance/closing.ts';
import { closingDocument, closingWorkbook } from '../../src/lib/server/finance/closing-document.ts';
import { tableDocumentPdf } from '../../src/lib/server/documents/table-pdf.ts';
import { tableDocumentDocx } from '../../src/lib/server/documents/table-docx.ts';
import { meetingPdf } from '../../src/lib/server/documents/meeting-pdf.ts';
import { meetingDocx } from '../../src/lib/server/documents/meeting-docx.ts';
import { buildReport } from '../../src/lib/server/documents/reports.ts';
import { reportPdf } from '../../src/lib/server/documents/report-pdf.ts';
import { reportDocx } from '../../src/lib/server/documents/report-docx.ts';
import { getMeeting } from '../../src/lib/server/meetings/queries.ts';
import { documentFor } from '../../src/lib/server/meetings/document.ts';
import { toCalendar } from '../../src/lib/server/meetings/calendar.ts';
import { calendarIcs } from '../../src/lib/server/meetings/ical.ts';
import { listNews } from '../../src/lib/server/governance/influence.ts';
import { planOverview } from '../../src/lib/server/planning/queries.ts';
import { actionPlanTable } from '../../src/lib/server/planning/export.ts';
import { toCsv, toXlsx } from '../../src/lib/server/export/table.ts';
import { newsFeed } from '../../src/lib/server/governance/news-feed.ts';
import { parseCsv } from '../../src/lib/core/csv.ts';

const editor: Actor = { accountId: null, name: 'Kansliet', role: 'editor', personId: null };

/** What a format cannot hold, or a font may not have, or Typst's markup would read. */
const NASTY = '\u0001\u0002\u001f\u007f\u0085\uFFFE\uFFFF';
const MARKUP = '# $ * _ ` < > @ [ ] \\ " & \'';
const LONG_WORD = 'Långt' + 'ord'.repeat(60);

/** A hostile text around a marker that the test looks for in each document. */
const hostile = (marker: string) => `${marker}${NASTY} ✅ ${MARKUP} \u200Fעברית\u200E\n= rubrik\n- lista *fet* ${LONG_WORD}`;

const M = {
	cooperation: 'Fientligsamverkan',
	municipality: 'Fientligkommun',
	meeting: 'Fientligmöte',
	item: 'Fientligpunkt',
	itemText: 'Fientligtext',
	person: 'Fientligperson',
	news: 'Fientlignyhet',
	ledger: 'Fientligpost',
	activity: 'Fientligaktivitet'
};

/** Characters that no document may contain after generation. */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\uFFFE\uFFFF]/;

let db: Db;
let meetingId: number;
let planYear: number;

const pdfText = (pdf: Uint8Array) => {
	const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-hostile-')), 'd.pdf');
	fs.writeFileSync(file, pdf);
	// pdftotext ends each page with a form feed.
	return execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replaceAll('\f', '\n');
};

/** Parses XML strictly (XML 1.0: every character must be a Char); throws on the first error. */
function parseXml(xml: string): void {
	const parser = new SaxesParser();
	let error: Error | null = null;
	parser.on('error', (e) => {
		error ??= e;
	});
	parser.write(xml).close();
	if (error) throw error;
}

/** Every XML part of an Office file, parsed; returns them by name. */
function officeParts(file: Uint8Array): Record<string, string> {
	const parts = Object.fromEntries(
		Object.entries(unzipSync(file))
			.filter(([name]) => /\.(xml|rels)$/.test(name))
			.map(([name, bytes]) => [name, strFromU8(bytes)])
	);
	for (const [name, xml] of Object.entries(parts)) expect(() => parseXml(xml), name).not.toThrow();
	return parts;
}

function expectPdf(pdf: Uint8Array, markers: string[]) {
	expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
	const text = pdfText(pdf);
	for (const m of markers) expect(text).toContain(m);
	// The markup characters came out as text, not as Typst markup.
	expect(text).toContain('# $ * _ ` < > @ [ ] \\ " &');
	expect(text).toContain('= rubrik');
	expect(text).not.toMatch(FORBIDDEN);
	return text;
}

function expectDocx(docx: Uint8Array, markers: string[]) {
	const parts = officeParts(docx);
	const xml = parts['word/document.xml'] + (parts['word/header1.xml'] ?? '') + (parts['word/header2.xml'] ?? '');
	for (const m of markers) expect(xml).toContain(m);
	expect(xml).toContain('✅');
	expect(xml).not.toMatch(FORBIDDEN);
}

beforeAll(async () => {
	({ db } = await freshDb());
	await loadDemo(db);
	// The meeting: one with agenda items and someone present.
	const [row] = (
		await db.execute(sql`
			select a.meeting_id, a.person_id from attendance a
			where a.status = 'present' and exists (select 1 from agenda_item i where i.meeting_id = a.meeting_id)
			order by a.meeting_id limit 1`)
	).rows as { meeting_id: number; person_id: number }[];
	meetingId = row.meeting_id;
	const [act] = (
		await db.execute(sql`
			select a.id, p.year from activity a join plan_area pa on pa.id = a.plan_area_id join plan p on p.id = pa.plan_id
			order by p.year desc, a.id limit 1`)
	).rows as { id: number; year: number }[];
	planYear = act.year;
	await db.execute(sql`update cooperation set name = ${hostile(M.cooperation)}`);
	// Every municipality, so that the invoice basis of one with a fee has it.
	await db.execute(sql`update municipality set name = ${hostile(M.municipality)} || ' ' || code`);
	await db.execute(sql`update meeting set title = ${hostile(M.meeting)}, place = ${hostile('Fientligplats')} where id = ${meetingId}`);
	await db.execute(sql`
		update agenda_item set title = ${hostile(M.item)}, minutes_text = ${hostile(M.itemText)}, presenter = ${hostile('Fientligföredragande')}
		where id = (select min(id) from agenda_item where meeting_id = ${meetingId})`);
	await db.execute(sql`update person set name = ${hostile(M.person)} where id = ${row.person_id}`);
	await db.execute(sql`update news set summary = ${hostile(M.news)}, title = ${hostile('Fientligrubrik')}`);
	await db.execute(sql`
		update ledger_entry set description = ${hostile(M.ledger)}, counterparty = ${hostile(M.ledger)}
		where id in (select id from ledger_entry where year = 2021 order by id limit 20)`);
	await db.execute(sql`update activity set title = ${hostile(M.activity)} where id = ${act.id}`);
	// The texts are stored as they are: the test is about what the generators make of them.
	const [stored] = (await db.execute(sql`select name from cooperation`)).rows as { name: string }[];
	expect(stored.name).toBe(hostile(M.cooperation));
}, 120_000);

describe('documents made from hostile stored text', () => {
	it('the fee overviews and an invoice basis, as PDF and DOCX', async () => {
		const name = (await getCooperation(db))!.name;
		// 2021: the year the issue found answering 500; 2020: a year whose figures are complete.
		for (const year of [2021, 2020]) {
			const overview = feeOverviewDocument(await feeBasis(db, year), name);
			expectPdf(await tableDocumentPdf(overview), [M.cooperation, M.municipality]);
			expectDocx(await tableDocumentDocx(overview), [M.cooperation, M.municipality]);
		}
		await createFeeInvoices(db, editor, 2020);
		const basis = await feeBasis(db, 2020);
		const mine = basis.municipalities.find((m) => m.invoiceId !== null)!;
		const invoice = feeInvoiceDocument(basis, mine.id, name);
		expectPdf(await tableDocumentPdf(invoice), [M.municipality]);
		expectDocx(await tableDocumentDocx(invoice), [M.municipality]);
	}, 60_000);

	it('the notice and the minutes, as PDF and DOCX', async () => {
		const m = await getMeeting(db, editor, meetingId);
		const notice = (await documentFor(db, editor, m, 'notice'))!;
		const noticeText = expectPdf(await meetingPdf(notice), [M.meeting, M.item]);
		expect(noticeText).toContain('Fientligplats');
		expectDocx(await meetingDocx(notice), [M.meeting, M.item]);
		const minutes = (await documentFor(db, editor, m, 'minutes'))!;
		expectPdf(await meetingPdf(minutes), [M.meeting, M.item, M.itemText, M.person]);
		expectDocx(await meetingDocx(minutes), [M.meeting, M.item, M.itemText, M.person]);
	}, 60_000);

	it('the annual report, as PDF and DOCX', async () => {
		const report = await buildReport(db, 'annual', 2021, null);
		expectPdf(await reportPdf(report), [M.cooperation]);
		expectDocx(await reportDocx(report), [M.cooperation]);
	}, 60_000);

	it('the closing, as PDF, DOCX and Excel', async () => {
		const closing = closingDocument(await yearClosing(db, 2021), (await getCooperation(db))!.name);
		const text = expectPdf(await tableDocumentPdf(closing), [M.cooperation]);
		const docx = await tableDocumentDocx(closing);
		expectDocx(docx, [M.cooperation]);
		// Wherever the closing shows a ledger text, it shows it clean in every format.
		const shown = text.includes(M.ledger);
		expect(strFromU8(unzipSync(docx)['word/document.xml']).includes(M.ledger)).toBe(shown);
		const parts = officeParts(await toXlsx(closingWorkbook(closing)));
		expect(Object.keys(parts).some((n) => n.startsWith('xl/worksheets/'))).toBe(true);
		for (const xml of Object.values(parts)) expect(xml).not.toMatch(FORBIDDEN);
	}, 60_000);

	it('the news feed: Atom that parses as XML 1.0', async () => {
		expect((await listNews(db, { today: '2100-01-01', limit: 50 })).length).toBeGreaterThan(0);
		const xml = await newsFeed(db, 'https://samverka.example.se', '2100-01-01');
		expect(() => parseXml(xml)).not.toThrow();
		expect(xml).toContain(M.news);
		expect(xml).toContain('✅');
		expect(xml).toContain('&lt; &gt; @ [ ] \\ &quot; &amp;');
		expect(xml).not.toMatch(FORBIDDEN);
	});

	it('the meeting in iCalendar: no control characters, the title escaped as RFC 5545 TEXT', async () => {
		const m = await getMeeting(db, editor, meetingId);
		const ics = calendarIcs((await getCooperation(db))!.name, [toCalendar(m, 'https://samverka.example.se')], 'samverka.example.se');
		expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
		// Line breaks only as CRLF, folded lines start with a space, and no other control character.
		const lines = ics.split('\r\n');
		for (const line of lines) expect(line).not.toMatch(/[\u0000-\u0008\u000a-\u001f\u007f\uFFFE\uFFFF]/);
		const unfolded = ics.replace(/\r\n /g, '');
		const summary = unfolded.split('\r\n').find((l) => l.startsWith('SUMMARY:'))!;
		expect(summary).toContain(M.meeting);
		expect(summary).toContain('✅');
		expect(summary).toContain('\\n= rubrik\\n');
		expect(summary).toContain('\\\\');
		// The calendar's name, which ical-generator writes as given, is escaped too.
		const name = unfolded.split('\r\n').find((l) => l.startsWith('NAME:'))!;
		expect(name).toContain(`${M.cooperation} ✅ # $ * _ \` < > @ [ ] \\\\ " & ' `);
		expect(name).toContain('\\n= rubrik\\n');
	});

	it('the action plan as CSV and Excel', async () => {
		const table = actionPlanTable(await planOverview(db, planYear, {}));
		const csv = toCsv(table);
		expect(csv).not.toMatch(FORBIDDEN);
		const rows = parseCsv(csv.slice(1), ';');
		expect(rows.some((r) => r.some((c) => c.startsWith(M.activity) && c.includes('✅')))).toBe(true);
		const parts = officeParts(await toXlsx(table));
		// The text is in the sheet or in the shared strings, as the writer chooses.
		const xml = Object.values(parts).join('');
		expect(xml).toContain(M.activity);
		expect(xml).not.toMatch(FORBIDDEN);
	});
});
