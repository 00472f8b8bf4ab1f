// The demo's spreadsheet exports read back with read-excel-file: dates are dates,
// amounts are numbers (kronor, exact from the öre), and sheet names are cut at a
// word within Excel's 31 characters. And a download's Content-Disposition, as
// curl -OJ reads it, saves the file under its name.
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'content-disposition';
import readXlsxFile from 'read-excel-file/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from './db.ts';
import type { Db } from '../../src/lib/server/db/client.ts';
import { loadDemo } from '../../src/lib/server/demo/load.ts';
import { yearClosing } from '../../src/lib/server/finance/closing.ts';
import { closingDocument, closingWorkbook } from '../../src/lib/server/finance/closing-document.ts';
import { planOverview } from '../../src/lib/server/planning/queries.ts';
import { actionPlanTable } from '../../src/lib/server/planning/export.ts';
import { toXlsx } from '../../src/lib/server/export/table.ts';
import { asciiFileName, contentDisposition } from '../../src/lib/server/export/disposition.ts';
import { parseLedgerFile } from '../../src/lib/server/finance/import.ts';
import { ValidationError } from '../../src/lib/server/errors.ts';

let db: Db;

beforeAll(async () => {
	({ db } = await freshDb());
	await loadDemo(db);
});

const sheetsOf = async (bytes: Uint8Array) => readXlsxFile(Buffer.from(bytes));

describe('the closing as Excel', () => {
	for (const year of [2018, 2020, 2021])
		it(`${year}: amounts are kronor as numbers, dates are dates, sheet names whole words`, async () => {
			const closing = await yearClosing(db, year);
			const doc = closingDocument(closing, 'Södertörn');
			const tables = closingWorkbook(doc);
			const sheets = await sheetsOf(await toXlsx(tables));
			expect(sheets).toHaveLength(tables.length);
			sheets.forEach((sheet, i) => {
				const caption = tables[i].name;
				expect(sheet.sheet.length).toBeLessThanOrEqual(31);
				// A whole caption, or one cut where a word ends (a "(2)" may follow a repeated one).
				const stem = sheet.sheet.replace(/ \(\d+\)$/, '');
				expect(caption.startsWith(stem), `${sheet.sheet} from ${caption}`).toBe(true);
				expect(stem.length === caption.length || /\s/.test(caption.charAt(stem.length)), `${sheet.sheet} cut mid-word`).toBe(true);
			});
			// The summary: the total row's closing balance is the closing's total, in kronor, to the öre.
			const summary = sheets[0].data;
			const total = summary.find((r) => r[0] === 'Summa')!;
			expect(total[total.length - 1]).toBe(closing.totals.closing / 100);
			expect(total.slice(1).every((c) => typeof c === 'number')).toBe(true);
			// Every amount column holds numbers (or nothing, or "saknas" where the ledger has no figure).
			for (const [i, table] of tables.entries())
				table.columns.forEach((c, col) => {
					if (c.width !== 16) return;
					for (const row of sheets[i].data.slice(1))
						expect(row[col] === null || typeof row[col] === 'number' || row[col] === 'saknas').toBe(true);
				});
			// The transfers' dates are date cells.
			const t = tables.findIndex((x) => x.columns[0]?.header === 'Datum');
			if (closing.transfers.length) {
				expect(t).toBeGreaterThanOrEqual(0);
				const dates = sheets[t].data.slice(1).map((r) => r[0]);
				expect(dates.length).toBe(closing.transfers.length);
				for (const [k, d] of dates.entries()) {
					expect(d).toBeInstanceOf(Date);
					expect((d as unknown as Date).toISOString().slice(0, 10)).toBe(closing.transfers[k].date);
				}
			}
		});

	it('the printed figures the ledger does not give get a sheet named at a word', async () => {
		const names: string[] = [];
		for (const year of [2018, 2020, 2021])
			names.push(...(await sheetsOf(await toXlsx(closingWorkbook(closingDocument(await yearClosing(db, year), ''))))).map((s) => s.sheet));
		expect(names).toContain('Tryckta siffror som bokföringen');
		expect(names.some((n) => /bokförin$/.test(n))).toBe(false);
	});
});

describe('the action plan as Excel', () => {
	it('the last follow-up is a date cell, the count a number', async () => {
		const table = actionPlanTable(await planOverview(db, 2021, {}));
		const [sheet] = await sheetsOf(await toXlsx(table));
		const header = sheet.data[0];
		const last = header.indexOf('Senaste uppföljning');
		const count = header.indexOf('Antal uppföljningar');
		expect(sheet.data.length).toBe(table.rows.length + 1);
		const rows = sheet.data.slice(1);
		expect(rows.some((r) => r[last] instanceof Date)).toBe(true);
		for (const r of rows) {
			expect(r[last] === null || r[last] instanceof Date).toBe(true);
			expect(typeof r[count]).toBe('number');
		}
	});
});

describe('Content-Disposition', () => {
	const NAME = 'Yttrande (slutligt) "Nacka" – å ä ö, 50 %.pdf';

	it('has an ASCII filename= and the real name in filename*=, and parses back to both', () => {
		const header = contentDisposition(NAME);
		expect(header).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
		const parsed = parse(header);
		expect(parsed.type).toBe('attachment');
		// The extended parameter wins where the reader knows it.
		expect(parsed.parameters.filename).toBe(NAME);
		expect(parse(header, { extended: false }).parameters.filename).toBe(asciiFileName(NAME));
		expect(asciiFileName(NAME)).toBe('Yttrande (slutligt) _Nacka_ _ a a o, 50 _.pdf');
		// A plain ASCII name is only filename=.
		expect(contentDisposition('bokslut-2021.xlsx')).toBe('attachment; filename=bokslut-2021.xlsx');
		// No path in the name.
		expect(parse(contentDisposition('../../etc/passwd')).parameters.filename).toBe('.._.._etc_passwd');
	});

	it('curl -OJ saves the file under the name filename= gives', async () => {
		const server = createServer((_req, res) => {
			res.writeHead(200, { 'content-type': 'application/pdf', 'content-disposition': contentDisposition(NAME) });
			res.end('%PDF-1.7\n');
		});
		await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
		const dir = await mkdtemp(join(tmpdir(), 'samverka-curl-'));
		try {
			const port = (server.address() as { port: number }).port;
			await promisify(execFile)('curl', ['-sS', '-OJ', `http://127.0.0.1:${port}/response`], { cwd: dir });
			expect(await readdir(dir)).toEqual([asciiFileName(NAME)]);
		} finally {
			server.close();
			await rm(dir, { recursive: true, force: true });
		}
	});
});

describe('the ledger import reads CSV with csv-parse', () => {
	it('refuses an opening quote that is never closed with a message naming the line', async () => {
		const text = 'Datum;Fond;Kategori;Belopp;Beskrivning\r\n2024-01-01;Drift;Lokaler;10;"Hyra\r\n2024-01-02;Drift;Lokaler;20;x\r\n';
		const e = await parseLedgerFile('trasig.csv', new TextEncoder().encode(text)).then(
			() => null,
			(err: unknown) => err
		);
		expect(e).toBeInstanceOf(ValidationError);
		expect((e as ValidationError).byField().file).toBe('Filen kunde inte läsas som CSV: rad 2: ett citattecken (") stängs aldrig.');
	});
});
