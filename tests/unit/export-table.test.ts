import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/lib/core/csv.ts';
import { toCsv, toXlsx, type ExportCell, type ExportTable } from '../../src/lib/server/export/table.ts';

const plan: ExportTable = {
	name: 'Handlingsplan 2025',
	columns: [{ header: 'Åtgärd', width: 48 }, { header: 'Kostnad (kr)', width: 14 }, { header: 'Ansvarig' }],
	rows: [
		['Öka <samverkan> & "dialog"', 125000, 'Kärrtorps skola'],
		['Gemensam upphandling; etapp 1', 1234.5, null],
		['Rad ett\r\nrad två', -3, 'Åsa Öberg'],
		[null, 0, 'ändrad']
	]
};

/** The xlsx's parts, as text. */
function parts(xlsx: Uint8Array): Record<string, string> {
	return Object.fromEntries(Object.entries(unzipSync(xlsx)).map(([name, data]) => [name, strFromU8(data)]));
}

function sheetNames(xlsx: Uint8Array): string[] {
	return [...parts(xlsx)['xl/workbook.xml'].matchAll(/<sheet name="([^"]*)"/g)].map((m) => m[1]);
}

/** What a reader gives back: the header row, then the rows; trailing empty rows are not kept. */
function expectedRows(table: ExportTable): ExportCell[][] {
	const rows = [table.columns.map((c) => c.header), ...table.rows].map((r) => r.map((c) => (c === '' ? null : c)));
	while (rows.length && rows[rows.length - 1].every((c) => c === null)) rows.pop();
	return rows;
}

describe('toCsv', () => {
	it('starts with a BOM, separates with ; and ends every line with CRLF', () => {
		const csv = toCsv({
			name: 'x',
			columns: [{ header: 'Kommun' }, { header: 'Invånare' }],
			rows: [
				['Nynäshamn', 28000],
				['Salem', 16959.5]
			]
		});
		expect(csv).toBe('\uFEFFKommun;Invånare\r\nNynäshamn;28000\r\nSalem;16959.5\r\n');
	});

	it('quotes fields with ; " CR or LF, doubling the quotes, and leaves the others alone', () => {
		const csv = toCsv({
			name: 'x',
			columns: [{ header: 'a' }, { header: 'b' }, { header: 'c' }, { header: 'd' }, { header: 'e' }],
			rows: [['x;y', 'säg "hej"', 'rad\nrad', 'cr\rhär', 'vanlig, text']]
		});
		expect(csv.split('\r\n')[1]).toBe('"x;y";"säg ""hej""";"rad\nrad";"cr\rhär";vanlig, text');
	});

	it('writes numbers with String(n), and null and missing cells as empty fields', () => {
		const csv = toCsv({
			name: 'x',
			columns: [{ header: 'a' }, { header: 'b' }, { header: 'c' }, { header: 'd' }],
			rows: [[-3, 0.1, 1e21, null], [7]]
		});
		expect(csv.split('\r\n').slice(1)).toEqual(['-3;0.1;1e+21;', '7;;;', '']);
	});

	it('guards text that starts like a formula with an apostrophe, but not numbers or text that merely contains one', () => {
		const row = ['=SUM(A1:A9)', '+46 8 123', '-x', '@cmd', '\tx', '\rx', 'a=b', 'x-y', ''];
		const csv = toCsv({ name: 'x', columns: row.map((_, i) => ({ header: `h${i}` })), rows: [row, [-5]] });
		const lines = csv.slice(1).split('\r\n');
		expect(lines[1]).toBe(`'=SUM(A1:A9);'+46 8 123;'-x;'@cmd;'\tx;"'\rx";a=b;x-y;`);
		expect(lines[2]).toBe('-5;;;;;;;;');
		// headers are text cells too
		expect(toCsv({ name: 'x', columns: [{ header: '=1+1' }], rows: [] })).toBe("\uFEFF'=1+1\r\n");
	});

	it('reads back with the CSV parser to the same cells', () => {
		const [header, ...rows] = parseCsv(toCsv(plan).slice(1), ';');
		expect(header).toEqual(['Åtgärd', 'Kostnad (kr)', 'Ansvarig']);
		expect(rows).toEqual([
			['Öka <samverkan> & "dialog"', '125000', 'Kärrtorps skola'],
			['Gemensam upphandling; etapp 1', '1234.5', ''],
			['Rad ett\r\nrad två', '-3', 'Åsa Öberg'],
			['', '0', 'ändrad']
		]);
	});

	it('round-trips any text through the CSV parser, control characters left out, guarded text with its apostrophe', () => {
		const unit = fc.oneof(
			fc.constantFrom(';', '"', '\r', '\n', '\r\n', '\t', '=', '+', '-', '@', 'å', ' ', '\u0001=', '\u007f', '\uFFFF', '\uD800'),
			fc.string({ unit: 'binary' })
		);
		const text = fc.array(unit, { maxLength: 6 }).map((a) => a.join(''));
		// Code point by code point: tab, LF, CR and the printable characters stay (a lone surrogate as U+FFFD);
		// C0, DEL, C1 and the noncharacters go.
		const printable = (s: string) =>
			[...s.toWellFormed()]
				.filter((ch) => {
					const c = ch.codePointAt(0)!;
					if (c === 9 || c === 10 || c === 13) return true;
					return (c >= 0x20 && c < 0x7f) || (c >= 0xa0 && !(c >= 0xfdd0 && c <= 0xfdef) && (c & 0xfffe) !== 0xfffe);
				})
				.join('');
		fc.assert(
			fc.property(fc.array(fc.tuple(text, text), { minLength: 1, maxLength: 5 }), (rows) => {
				const csv = toCsv({ name: 'x', columns: [{ header: 'a' }, { header: 'b' }], rows });
				const guard = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
				expect(parseCsv(csv.slice(1), ';').slice(1)).toEqual(rows.map((r) => r.map((s) => guard(printable(s)))));
			}),
			{ numRuns: 300 }
		);
		// 300 runs take a second alone; a loaded CI machine may take several.
	}, 20_000);
});

describe('toXlsx', () => {
	it('zips the package parts, declared in [Content_Types].xml', () => {
		const files = parts(toXlsx([plan, { ...plan, name: 'Andra' }]));
		expect(Object.keys(files).sort()).toEqual([
			'[Content_Types].xml',
			'_rels/.rels',
			'xl/_rels/workbook.xml.rels',
			'xl/styles.xml',
			'xl/workbook.xml',
			'xl/worksheets/sheet1.xml',
			'xl/worksheets/sheet2.xml'
		]);
		const types = files['[Content_Types].xml'];
		expect(types).toContain('<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>');
		expect(types).toContain(
			'<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
		);
		for (const n of [1, 2])
			expect(types).toContain(
				`<Override PartName="/xl/worksheets/sheet${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`
			);
		expect(types).toContain('<Override PartName="/xl/styles.xml"');
		expect(files['_rels/.rels']).toContain('Target="xl/workbook.xml"');
		expect(files['xl/_rels/workbook.xml.rels']).toContain(
			'Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"'
		);
		expect(files['xl/_rels/workbook.xml.rels']).toContain(
			'Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"'
		);
		expect(files['xl/workbook.xml']).toContain(
			'<sheet name="Handlingsplan 2025" sheetId="1" r:id="rId1"/><sheet name="Andra" sheetId="2" r:id="rId2"/>'
		);
	});

	it('writes escaped inline strings, numbers as numbers and no cell for null', () => {
		const sheet = parts(toXlsx(plan))['xl/worksheets/sheet1.xml'];
		expect(sheet).toContain(
			'<c r="A2" t="inlineStr"><is><t xml:space="preserve">Öka &lt;samverkan&gt; &amp; &quot;dialog&quot;</t></is></c>'
		);
		expect(sheet).toContain('<c r="B2"><v>125000</v></c>');
		expect(sheet).toContain('<c r="B3"><v>1234.5</v></c>');
		expect(sheet).toContain('<c r="B4"><v>-3</v></c>');
		// the CR survives XML's line-end normalisation as a character reference
		expect(sheet).toContain('<t xml:space="preserve">Rad ett&#13;\nrad två</t>');
		expect(sheet).not.toMatch(/r="C3"|r="A5"/);
		expect(sheet).toContain('<dimension ref="A1:C5"/>');
	});

	it('makes the header row bold and frozen, and sets the column widths given', () => {
		const files = parts(toXlsx(plan));
		const sheet = files['xl/worksheets/sheet1.xml'];
		expect(sheet).toContain('<c r="A1" s="1" t="inlineStr"><is><t xml:space="preserve">Åtgärd</t></is></c>');
		expect(sheet.match(/ s="1"/g)).toHaveLength(3);
		expect(sheet).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
		expect(sheet).toContain(
			'<cols><col min="1" max="1" width="48" customWidth="1"/><col min="2" max="2" width="14" customWidth="1"/></cols>'
		);
		// style 1 is the bold font
		const styles = files['xl/styles.xml'];
		expect(styles).toContain('<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/>');
		expect(styles).toContain(
			'<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1"'
		);
	});

	it('drops characters XML 1.0 does not allow (a lone surrogate becomes U+FFFD), and escapes a literal _xHHHH_', () => {
		const sheet = parts(
			toXlsx({ name: 'x', columns: [{ header: 'a' }], rows: [['b\u0000a\u0001d\u000b\uFFFE\uD800!😀'], ['\u0007'], ['kod _x0041_']] })
		)['xl/worksheets/sheet1.xml'];
		expect(sheet).toContain('<t xml:space="preserve">bad\uFFFD!😀</t>');
		// text with nothing valid left is an empty cell
		expect(sheet).toContain('<row r="3"></row>');
		expect(sheet).toContain('<t xml:space="preserve">kod _x005F_x0041_</t>');
	});

	it('makes sheet names valid and unique', () => {
		const names = [
			'Plan [2025]: a/b*c?d\\e',
			'En mycket lång flik som inte får plats',
			'Mål & medel',
			'mål & MEDEL',
			"'citerad'",
			'  ',
			'History',
			'En mycket lång flik som inte får plats'
		];
		const xlsx = toXlsx(names.map((name) => ({ name, columns: [], rows: [] })));
		expect(sheetNames(xlsx)).toEqual([
			'Plan -2025-- a-b-c-d-e',
			'En mycket lång flik som inte få',
			'Mål &amp; medel',
			'mål &amp; MEDEL (2)',
			'citerad',
			'Blad6',
			'History (2)',
			'En mycket lång flik som int (2)'
		]);
		for (const name of sheetNames(xlsx)) expect(name.replace('&amp;', '&').length).toBeLessThanOrEqual(31);
		expect(() => toXlsx([])).toThrow(RangeError);
	});

	it('reads back with read-excel-file to the same cells, sheet by sheet', async () => {
		const other: ExportTable = {
			name: 'Ekonomi/2025',
			columns: [{ header: 'Post' }, { header: 'Belopp' }, { header: 'Not' }],
			rows: [
				['Lön', 1_250_000, null],
				['Resor', 0.1, 'åäö ÅÄÖ é ü'],
				[null, null, '  med mellanslag  '],
				['Negativt', -42.75, '']
			]
		};
		const sheets = await readXlsxFile(Buffer.from(toXlsx([plan, other])), { trim: false });
		expect(sheets.map((s) => s.sheet)).toEqual(['Handlingsplan 2025', 'Ekonomi-2025']);
		expect(sheets[0].data).toEqual(expectedRows(plan));
		expect(sheets[1].data).toEqual(expectedRows(other));
	});

	it('reads back any text and number with read-excel-file', async () => {
		// What XML 1.0 allows, written code point by code point rather than with the module's pattern,
		// after a lone surrogate has become U+FFFD.
		const xmlChars = (s: string) =>
			[...s.toWellFormed()]
				.filter((ch) => {
					const c = ch.codePointAt(0)!;
					return c === 9 || c === 10 || c === 13 || (c >= 0x20 && c < 0xd800) || (c >= 0xe000 && c <= 0xfffd) || c >= 0x10000;
				})
				.join('');
		const unit = fc.oneof(
			fc.constantFrom('\r', '\n', '\t', '&', '<', '>', '"', "'", '_x0041_', '_x', 'å', 'Ö', ' ', '\u0000', '\uD800', '\uFFFF', '😀'),
			fc.string({ unit: 'binary', maxLength: 3 })
		);
		const text = fc.array(unit, { maxLength: 5 }).map((a) => a.join(''));
		const number = fc.oneof(
			fc.integer(),
			fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n))
		);
		const cell = fc.oneof(text, number, fc.constant(null));
		await fc.assert(
			fc.asyncProperty(fc.array(fc.tuple(cell, cell, cell), { maxLength: 4 }), async (rows) => {
				const table: ExportTable = { name: 'Blad', columns: [{ header: 'a' }, { header: 'b' }, { header: 'c' }], rows };
				const [sheet] = await readXlsxFile(Buffer.from(toXlsx(table)), { trim: false });
				const clean = { ...table, rows: rows.map((r) => r.map((c) => (typeof c === 'string' ? xmlChars(c) : c))) };
				expect(sheet.data).toEqual(expectedRows(clean));
			}),
			{ numRuns: 100 }
		);
	});

	it('gives the same bytes for the same tables', () => {
		expect(toXlsx(plan)).toEqual(toXlsx(plan));
	});
});
