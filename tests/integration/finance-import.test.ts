// Importing ledger rows from the host municipality's accounting on a real
// database: a CSV with good and bad rows previewed with every refused row and
// why, nothing saved without the editor's acceptance, only the good rows with
// it (one transaction, one audit row); the same from an .xlsx file; a missing
// column refused by name. Files that would hurt the server (a 10 MB CSV of
// 130 000 rows, a zip bomb, a giant cell, too many columns or rows) are read in
// the import's worker: the large one previews with its counts, the others are
// refused on the file field with a message saying why, and nothing is saved.
import { and, count, eq } from 'drizzle-orm';
import { strToU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from './db.ts';
import type { Db } from '../../src/lib/server/db/client.ts';
import { auditLog, ledgerEntry, project, storedFile } from '../../src/lib/server/db/schema/index.ts';
import { createCategory, createFund, setCategoryLabel } from '../../src/lib/server/finance/service.ts';
import { closeYear } from '../../src/lib/server/finance/closing.ts';
import {
	commitLedgerImport,
	commitStoredImport,
	parseLedgerFile,
	previewLedgerImport,
	previewStoredImport,
	stageLedgerImport
} from '../../src/lib/server/finance/import.ts';
import { exportDate, toXlsx, type ExportCell } from '../../src/lib/server/export/table.ts';
import { ForbiddenError, ValidationError } from '../../src/lib/server/errors.ts';
import { BIG_REFUSED, BIG_ROWS, bigCsv, giantCellWorkbook, workbookWithSheet, zipBomb } from '../../bench/import-files.ts';
import type { Actor } from '../../src/lib/server/actor.ts';

const editor: Actor = { accountId: null, name: 'Kansliet', role: 'editor', personId: null };
const member: Actor = { accountId: null, name: 'Medlem', role: 'member', personId: null };

let db: Db;
let fundId: number;
let staffId: number;
let premisesId: number;
let projectId: number;

async function refusal(p: Promise<unknown>): Promise<Record<string, string>> {
	try {
		await p;
	} catch (e) {
		if (e instanceof ValidationError) return e.byField();
		throw e;
	}
	throw new Error('Förväntade ett fel.');
}

async function ledgerCount() {
	const [{ n }] = await db.select({ n: count() }).from(ledgerEntry);
	return n;
}

async function importAudits() {
	const [{ n }] = await db
		.select({ n: count() })
		.from(auditLog)
		.where(and(eq(auditLog.action, 'import'), eq(auditLog.entity, 'ledger_entry')));
	return n;
}

const utf8 = (s: string) => new TextEncoder().encode(s);

beforeAll(async () => {
	({ db } = await freshDb());
	fundId = (await createFund(db, editor, { name: 'Drift', kind: 'operations' })).id;
	await createFund(db, editor, { name: 'Klimatfonden', kind: 'project' });
	staffId = (await createCategory(db, editor, { kind: 'cost', name: 'Personalkostnader', sortOrder: 1 })).id;
	premisesId = (await createCategory(db, editor, { kind: 'cost', name: 'Lokaler', sortOrder: 2 })).id;
	await createCategory(db, editor, { kind: 'income', name: 'Övriga intäkter', sortOrder: 3 });
	// The published tables call Lokaler "Lokalkostnader" from 2022 on.
	await setCategoryLabel(db, editor, premisesId, { fromYear: 2022, label: 'Lokalkostnader' });
	[{ id: projectId }] = await db.insert(project).values({ name: 'Klimatprojektet' }).returning({ id: project.id });
	await closeYear(db, editor, 2020);
});

// Line numbers as a spreadsheet shows them: the header is line 1, the empty line 5 is skipped.
const CSV = [
	'Datum;Fond;Konto;Belopp;Motpart;Ver.nr;Text;Projekt',
	'2024-03-01;Drift;Personalkostnader;4 351;Huddinge kommun;V1;Lön mars;',
	'2024-03-02;Drift;Lokalkostnader;-1 450;;V2;Hyra återbetald;',
	'2024-03-03;Okänd fond;Personalkostnader;100;;V3;;',
	'',
	'2024-03-04;Drift;Personalkostnader;12,345;;V4;;',
	'2024-03-05;Drift;Personalkostnader;tusen kronor;;V5;;',
	'2024-03-06;Drift;Resor;200;;V6;;',
	'2024-02-30;Drift;Personalkostnader;200;;V7;;',
	'2020-05-01;Drift;Personalkostnader;300;;V8;;',
	'2024-04-01;drift;personalkostnader;"1 234,50";"Nacka kommun; kansliet";V9;Konsult;Klimatprojektet',
	'2024-04-02;Drift;Personalkostnader;50;;V10;;Okänt projekt',
	';;;;;;;',
	''
].join('\r\n');

describe('preview', () => {
	it('lists the good rows and every refused row with its line and a message naming the field', async () => {
		const parsed = await parseLedgerFile('utdrag.csv', utf8('\uFEFF' + CSV));
		expect(parsed.header[0]).toBe('Datum');
		const { good, refused } = await previewLedgerImport(db, parsed);

		expect(good.map((g) => g.line)).toEqual([2, 3, 11]);
		expect(good[0].values).toMatchObject({
			date: '2024-03-01',
			fundId,
			categoryId: staffId,
			amount: 435100,
			counterparty: 'Huddinge kommun',
			voucher: 'V1',
			description: 'Lön mars',
			projectId: null
		});
		// A category found by the label it has in the row's year.
		expect(good[1].values).toMatchObject({ categoryId: premisesId, amount: -145000 });
		// Names regardless of case; a quoted field keeps its separator.
		expect(good[2].values).toMatchObject({ fundId, amount: 123450, counterparty: 'Nacka kommun; kansliet', projectId });

		const byLine = Object.fromEntries(refused.map((r) => [r.line, r.errors]));
		expect(Object.keys(byLine).map(Number)).toEqual([4, 6, 7, 8, 9, 10, 12]);
		expect(byLine[4]).toEqual(["Rad 4: Fond: det finns ingen fond som heter 'Okänd fond'."]);
		expect(byLine[6]).toHaveLength(1);
		expect(byLine[6][0]).toMatch(/^Rad 6: Belopp: Ange beloppet i kronor med siffror/);
		expect(byLine[7][0]).toMatch(/^Rad 7: Belopp: /);
		expect(byLine[8]).toEqual(["Rad 8: Kategori: det finns ingen kategori som heter 'Resor'."]);
		expect(byLine[9]).toEqual(['Rad 9: Datum måste vara ett datum som ÅÅÅÅ-MM-DD.']);
		expect(byLine[10]).toHaveLength(1);
		expect(byLine[10][0]).toMatch(/^Rad 10: Året 2020 är stängt/);
		expect(byLine[12]).toEqual(["Rad 12: Projekt: det finns inget projekt som heter 'Okänt projekt'."]);
		expect(refused.find((r) => r.line === 4)?.raw).toEqual(['2024-03-03', 'Okänd fond', 'Personalkostnader', '100', '', 'V3', '', '']);
	});

	it('reads comma or tab separated files, without a BOM, and Windows-1252 text', async () => {
		const comma = 'datum,fond,kategori,belopp,beskrivning\n2024-01-10,Drift,Lokaler,"1 000",Hyra\n';
		const c = await previewLedgerImport(db, await parseLedgerFile('a.csv', utf8(comma)));
		expect(c.refused).toEqual([]);
		expect(c.good[0].values).toMatchObject({ categoryId: premisesId, amount: 100000, description: 'Hyra' });

		const tab = 'Bokföringsdatum\tFond\tKategori\tBelopp (kr)\n2024-01-11 00:00:00\tKlimatfonden\tÖvriga intäkter\t250\n';
		const t = await previewLedgerImport(db, await parseLedgerFile('b.txt', utf8(tab)));
		expect(t.refused).toEqual([]);
		expect(t.good[0].values).toMatchObject({ date: '2024-01-11', amount: 25000 });

		// "Övriga intäkter" in Windows-1252: Ö = 0xD6, ä = 0xE4.
		const bytes = new Uint8Array([
			...strToU8('Datum;Fond;Kategori;Belopp\n2024-01-12;Drift;'),
			0xd6,
			...strToU8('vriga int'),
			0xe4,
			...strToU8('kter;75\n')
		]);
		const w = await previewLedgerImport(db, await parseLedgerFile('c.csv', bytes));
		expect(w.refused).toEqual([]);
		expect(w.good[0].values.amount).toBe(7500);
	});

	it('finds the header under a title row and keeps the line numbers of the file', async () => {
		const text = 'Huvudbok 2024;;;\n\nDatum;Fond;Kategori;Belopp\n2024-02-01;Drift;Lokaler;10\n\n2024-02-02;Drift;Lokaler;noll\n';
		const parsed = await parseLedgerFile('rubrik.csv', utf8(text));
		expect(parsed.firstLine).toBe(4);
		const { good, refused } = await previewLedgerImport(db, parsed);
		expect(good.map((g) => g.line)).toEqual([4]);
		expect(refused.map((r) => r.line)).toEqual([6]);
	});

	it('refuses a file without a required column, naming the column', async () => {
		const e = await refusal(
			parseLedgerFile('x.csv', utf8('Datum;Fond;Belopp\n2024-01-01;Drift;100\n')).then((p) => previewLedgerImport(db, p))
		);
		expect(e.file).toMatch(/saknar kolumnen Kategori/);
		const two = await refusal(stageLedgerImport(db, editor, { name: 'y.csv', content: utf8('Datum;Text\n2024-01-01;x\n') }));
		expect(two.file).toMatch(/saknar kolumnerna Fond, Kategori och Belopp/);
		expect((await refusal(stageLedgerImport(db, editor, { name: 'z.csv', content: new Uint8Array() }))).file).toMatch(/välj en/);
	});
});

describe('commit', () => {
	it('saves nothing without acceptance, and only the good rows with it, in one audited import', async () => {
		const staged = await stageLedgerImport(db, editor, { name: 'utdrag.csv', mediaType: 'text/csv', content: utf8(CSV) });
		expect(staged.good).toHaveLength(3);
		expect(staged.refused).toHaveLength(7);
		expect(staged.alreadyImported).toBe(0);
		expect(staged.fileId).toBeGreaterThan(0);
		const fileId = staged.fileId as number;

		await expect(stageLedgerImport(db, member, { name: 'utdrag.csv', content: utf8(CSV) })).rejects.toBeInstanceOf(ForbiddenError);
		await expect(commitStoredImport(db, member, fileId, true)).rejects.toBeInstanceOf(ForbiddenError);

		const before = await ledgerCount();
		const audits = await importAudits();
		const e = await refusal(commitStoredImport(db, editor, fileId, false));
		expect(e.acceptGood).toBe('7 rader kunde inte läsas in. Rätta filen, eller bekräfta att bara de 3 godkända raderna ska sparas.');
		expect(await ledgerCount()).toBe(before);
		expect(await importAudits()).toBe(audits);

		const saved = await commitStoredImport(db, editor, fileId, true);
		expect(saved).toMatchObject({ saved: 3, years: [2024], refused: 7, name: 'utdrag.csv' });
		expect(await ledgerCount()).toBe(before + 3);
		const rows = await db.select().from(ledgerEntry).where(eq(ledgerEntry.source, 'Import: utdrag.csv'));
		expect(rows.map((r) => r.amount).sort((a, b) => a - b)).toEqual([-145000, 123450, 435100]);
		expect(rows.every((r) => r.year === 2024)).toBe(true);
		expect(await importAudits()).toBe(audits + 1);
		const [audit] = await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'import'), eq(auditLog.entity, 'ledger_entry')));
		expect(audit.after).toMatchObject({ source: 'Import: utdrag.csv', count: 3 });

		// The same file again is flagged in the preview.
		expect((await previewStoredImport(db, editor, fileId)).alreadyImported).toBe(3);
	});

	it('refuses a file with no good rows', async () => {
		const bad = 'Datum;Fond;Kategori;Belopp\n2024-01-01;Ingen;Personalkostnader;100\n';
		const before = await ledgerCount();
		expect((await refusal(commitLedgerImport(db, editor, { name: 'bad.csv', content: utf8(bad) }, true))).file).toMatch(/inga rader/);
		expect((await stageLedgerImport(db, editor, { name: 'bad.csv', content: utf8(bad) })).fileId).toBeNull();
		expect(await ledgerCount()).toBe(before);
	});
});

describe('Excel', () => {
	it('imports an .xlsx file the same way: numbers with a decimal comma, dates as dates', async () => {
		const columns = ['Datum', 'Fond', 'Kategori', 'Belopp', 'Motpart', 'Verifikation', 'Beskrivning'].map((header) => ({ header }));
		const rows: ExportCell[][] = [
			['2024-05-01', 'Drift', 'Personalkostnader', 4351, 'Botkyrka kommun', 101, 'Lön maj'],
			['2024-05-02', 'Drift', 'Lokaler', 1234.5, null, 102, null],
			['2024-05-03', 'Drift', 'Lokaler', 12.345, null, 103, 'Flyttal'],
			// A date cell, as the municipality's Excel gives it.
			[exportDate('2024-06-01'), 'Klimatfonden', 'Övriga intäkter', -1450, null, '0104', null],
			['2020-06-01', 'Drift', 'Lokaler', 100, null, 105, null]
		];
		const xlsx = await toXlsx({ name: 'Huvudbok', columns, rows });

		const parsed = await parseLedgerFile('huvudbok.xlsx', xlsx);
		expect(parsed.rows[0].slice(3, 6)).toEqual(['4351', 'Botkyrka kommun', '101']);
		expect(parsed.rows[1][3]).toBe('1234,5');
		expect(parsed.rows[3][0]).toBe('2024-06-01');
		expect(parsed.rows[3][5]).toBe('0104');

		const { good, refused } = await previewLedgerImport(db, parsed);
		expect(good.map((g) => g.line)).toEqual([2, 3, 5]);
		expect(good.map((g) => g.values.amount)).toEqual([435100, 123450, -145000]);
		expect(good[2].values.date).toBe('2024-06-01');
		expect(refused.map((r) => r.line)).toEqual([4, 6]);
		expect(refused[0].errors[0]).toMatch(/^Rad 4: Belopp: /);
		expect(refused[1].errors[0]).toMatch(/^Rad 6: Året 2020 är stängt/);

		const before = await ledgerCount();
		const audits = await importAudits();
		expect((await refusal(commitLedgerImport(db, editor, { name: 'huvudbok.xlsx', content: xlsx }, false))).acceptGood).toMatch(
			/^2 rader kunde inte läsas in/
		);
		expect(await ledgerCount()).toBe(before);
		expect(await commitLedgerImport(db, editor, { name: 'huvudbok.xlsx', content: xlsx }, true)).toBe(3);
		expect(await ledgerCount()).toBe(before + 3);
		expect(await importAudits()).toBe(audits + 1);
		const [{ n }] = await db.select({ n: count() }).from(ledgerEntry).where(eq(ledgerEntry.source, 'Import: huvudbok.xlsx'));
		expect(n).toBe(3);
	});

	it('refuses a file that is not a readable workbook, and a missing column in one', async () => {
		expect((await refusal(parseLedgerFile('trasig.xlsx', utf8('PK\u0003\u0004 inte en zip')))).file).toMatch(/Excel-fil/);
		const xlsx = await toXlsx({
			name: 'Blad',
			columns: [{ header: 'Datum' }, { header: 'Konto' }, { header: 'Belopp' }],
			rows: [['2024-01-01', 'Lokaler', 5]]
		});
		const e = await refusal(parseLedgerFile('utan-fond.xlsx', xlsx).then((p) => previewLedgerImport(db, p)));
		expect(e.file).toMatch(/saknar kolumnen Fond/);
	});
});

// ---------------------------------------------------------------------------
// Files that would hurt the server, made once for the suite, in memory.

async function storedFiles() {
	const [{ n }] = await db.select({ n: count() }).from(storedFile);
	return n;
}

/** A refusal of the upload: its message on the file field, and nothing saved or stored. (How fast: bench/import.ts.) */
async function refusedUpload(name: string, content: Uint8Array): Promise<string> {
	const [ledger, files] = [await ledgerCount(), await storedFiles()];
	const e = await refusal(stageLedgerImport(db, editor, { name, content }));
	expect(await ledgerCount()).toBe(ledger);
	expect(await storedFiles()).toBe(files);
	return e.file;
}

describe('files that would hurt the server', () => {
	it('previews a 10 MB CSV of 130 000 rows with its counts, keeping only the rows it shows', async () => {
		const csv = bigCsv({ fund: 'Drift', category: 'Personalkostnader', year: 2024 });
		expect(csv.byteLength).toBeGreaterThan(9.5 * 1024 * 1024);
		expect(csv.byteLength).toBeLessThan(10 * 1024 * 1024);
		const staged = await stageLedgerImport(db, editor, { name: 'stor.csv', content: csv });
		expect(staged.goodCount).toBe(BIG_ROWS - BIG_REFUSED);
		expect(staged.refusedCount).toBe(BIG_REFUSED);
		expect(staged.years).toEqual([2024]);
		expect(staged.good).toHaveLength(100);
		expect(staged.good[0]).toMatchObject({ line: 2, values: { date: '2024-02-02', fundId, categoryId: staffId, amount: 200150 } });
		expect(staged.refused).toHaveLength(BIG_REFUSED);
		expect(staged.refused[0].line).toBe(1001);
		expect(staged.refused[0].errors).toEqual(["Rad 1001: Fond: det finns ingen fond som heter 'Ingen sådan fond'."]);
	}, 30_000);

	it('refuses a zip bomb from its directory before inflating it', async () => {
		const bomb = await zipBomb(300);
		expect(bomb.byteLength).toBeLessThan(1024 * 1024);
		expect(await refusedUpload('bomb.xlsx', bomb)).toBe(
			'Filen är för stor uppackad: 300 MB (högst 100 MB). Dela upp den i mindre filer eller spara den som CSV.'
		);
	});

	it('refuses a zip bomb whose directory lies about its size, while inflating it', async () => {
		const liar = await zipBomb(300, 2000);
		expect(await refusedUpload('lögn.xlsx', liar)).toMatch(
			/^Filen kunde inte läsas som en Excel-fil .*Delen xl\/worksheets\/sheet1\.xml är större än filen själv anger/
		);
	});

	it('refuses a part packed far harder than a workbook is', async () => {
		const packed = await workbookWithSheet(new Uint8Array(20 * 1024 * 1024).fill(0x20));
		expect(await refusedUpload('packad.xlsx', packed)).toMatch(
			/^Filen är packad ovanligt hårt \(xl\/worksheets\/sheet1\.xml packas upp [\d\s]+ gånger; högst 100\)/
		);
	});

	it('refuses a workbook with a cell of 300 000 characters, naming the cell', async () => {
		const xlsx = await giantCellWorkbook(300_000);
		expect(await refusedUpload('cell.xlsx', xlsx)).toMatch(/^Cell E3 har 300\s000 tecken; högst 32\s767\.$/);
	});

	it('refuses a CSV with too many columns, too many rows or too long a cell', async () => {
		const wide = [
			'Datum;Fond;Kategori;Belopp;' + Array.from({ length: 146 }, (_, i) => `Extra ${i}`).join(';'),
			'2024-01-01;Drift;Lokaler;10'
		];
		expect(await refusedUpload('bred.csv', utf8(wide.join('\n')))).toBe('Rad 1 har 150 kolumner; högst 100.');

		const long = utf8('Datum;Fond;Kategori;Belopp;Beskrivning\n2024-01-01;Drift;Lokaler;10;' + 'y'.repeat(40_000) + '\n');
		expect(await refusedUpload('lång.csv', long)).toMatch(/^Cell E2 har 40\s000 tecken; högst 32\s767\.$/);

		const many = utf8('Datum;Fond;Kategori;Belopp\n' + '2024-01-01;Drift;Lokaler;1\n'.repeat(200_000));
		expect(await refusedUpload('lång-lista.csv', many)).toMatch(/^Filen har fler än 200\s000 rader; högst 200\s000\./);
	});
});
