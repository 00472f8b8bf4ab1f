import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/lib/core/csv.ts';
import {
	AMOUNT_FORMAT,
	DATE_FORMAT,
	cutAtWord,
	exportAmount,
	exportDate,
	sheetNames,
	toCsv,
	toXlsx,
	type ExportCell,
	type ExportTable
} from '../../src/lib/server/export/table.ts';

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
				const guard = (s: string) => (/^[=+\-@\t\r\uFF1D\uFF0B\uFF0D]/.test(s) ? `'${s}` : s);
				expect(parseCsv(csv.slice(1), ';').slice(1)).toEqual(rows.map((r) => r.map((s) => guard(printable(s)))));
			}),
			{ numRuns: 300 }
		);
		// 300 runs take a second alone; a loaded CI machine may take several.
	}, 20_000);
});

describe('toXlsx', () => {
	/** The workbook's parts, as text. */
	const parts = async (tables: ExportTable | ExportTable[]) =>
		Object.fromEntries(Object.entries(unzipSync(await toXlsx(tables))).map(([name, data]) => [name, strFromU8(data)]));

	it('writes dates as date cells and amounts as kronor with a number format, read back as Date and number', async () => {
		const table: ExportTable = {
			name: 'Bokslut 2021',
			columns: [{ header: 'Datum' }, { header: 'Vad' }, { header: 'Belopp' }],
			rows: [
				[exportDate('2021-03-04'), 'Överföring', exportAmount(138_113_050)],
				[exportDate('2021-12-31'), 'Öresavrundning', exportAmount(-1)],
				[exportDate(null), 'Inget datum', exportAmount(0)],
				[{ date: '2024-02-29' }, 'Skottdag', { ore: 123_456_789_012 }]
			]
		};
		const [sheet] = await readXlsxFile(Buffer.from(await toXlsx(table)));
		expect(sheet.data).toEqual([
			['Datum', 'Vad', 'Belopp'],
			[new Date('2021-03-04T00:00:00Z'), 'Överföring', 1_381_130.5],
			[new Date('2021-12-31T00:00:00Z'), 'Öresavrundning', -0.01],
			[null, 'Inget datum', 0],
			[new Date('2024-02-29T00:00:00Z'), 'Skottdag', 1_234_567_890.12]
		]);
		expect(sheet.data[1][0]).toBeInstanceOf(Date);
		// Each amount is the double nearest its öre / 100, as the same figure typed into Excel.
		for (const ore of [1, 10, 99, 12345, -145000, 999_999_999_99]) {
			const [{ data }] = await readXlsxFile(Buffer.from(await toXlsx({ name: 'x', columns: [], rows: [[exportAmount(ore)]] })));
			expect(data[0][0]).toBe(
				Number(`${ore < 0 ? '-' : ''}${Math.trunc(Math.abs(ore) / 100)}.${String(Math.abs(ore) % 100).padStart(2, '0')}`)
			);
		}
		// The formats: ISO dates, kronor grouped with two decimals (Excel shows them with the locale's marks).
		const p = await parts(table);
		expect(p['xl/styles.xml']).toContain(`formatCode="${DATE_FORMAT}"`);
		expect(p['xl/styles.xml']).toContain(`formatCode="${AMOUNT_FORMAT}"`);
	});

	it('makes the header row bold and frozen, and sets the column widths given', async () => {
		const p = await parts(plan);
		const sheet = p['xl/worksheets/sheet1.xml'];
		expect(sheet).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);
		expect(sheet).toMatch(/<col min="1" max="1" width="48"/);
		expect(sheet).toMatch(/<col min="2" max="2" width="14"/);
		expect(p['xl/styles.xml']).toContain('<b/>');
	});

	it('drops characters XML 1.0 does not allow or discourages (a lone surrogate and U+FFFD too), and keeps a literal _xHHHH_ as typed', async () => {
		const [sheet] = await readXlsxFile(
			Buffer.from(
				await toXlsx({
					name: 'x',
					columns: [{ header: 'a' }],
					rows: [['b\u0000a\u0001d\u000b\uFFFE\uD800!😀'], ['\u0007'], ['kod _x0041_']]
				})
			)
		);
		// text with nothing valid left is an empty cell
		expect(sheet.data).toEqual([['a'], ['bad!😀'], [null], ['kod _x0041_']]);
	});

	it('cuts sheet names at a word within 31 characters', () => {
		expect(cutAtWord('Tryckta siffror som bokföringen inte ger', 31)).toBe('Tryckta siffror som bokföringen');
		expect(cutAtWord('Tryckta siffror som bokföringen inte ger', 30)).toBe('Tryckta siffror som');
		expect(cutAtWord('Överföringar mellan fonder', 31)).toBe('Överföringar mellan fonder');
		expect(cutAtWord('Ettenda'.repeat(6), 31)).toBe('Ettenda'.repeat(6).slice(0, 31));
	});

	it('makes sheet names valid and unique', async () => {
		const names = [
			'Plan [2025]: a/b*c?d\\e',
			'En mycket lång flik som inte får plats',
			'Mål & medel',
			'mål & MEDEL',
			"'citerad'",
			'  ',
			'History',
			'En mycket lång flik som inte får plats',
			'Tryckta siffror som bokföringen inte ger'
		];
		const expected = [
			'Plan -2025-- a-b-c-d-e',
			'En mycket lång flik som inte',
			'Mål & medel',
			'mål & MEDEL (2)',
			'citerad',
			'Blad6',
			'History (2)',
			'En mycket lång flik som (2)',
			'Tryckta siffror som bokföringen'
		];
		expect(sheetNames(names)).toEqual(expected);
		for (const name of expected) expect(name.length).toBeLessThanOrEqual(31);
		const sheets = await readXlsxFile(Buffer.from(await toXlsx(names.map((name) => ({ name, columns: [], rows: [] })))));
		expect(sheets.map((s) => s.sheet)).toEqual(expected);
		await expect(toXlsx([])).rejects.toThrow(RangeError);
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
		const sheets = await readXlsxFile(Buffer.from(await toXlsx([plan, other])), { trim: false });
		expect(sheets.map((s) => s.sheet)).toEqual(['Handlingsplan 2025', 'Ekonomi-2025']);
		expect(sheets[0].data).toEqual(expectedRows(plan));
		expect(sheets[1].data).toEqual(expectedRows(other));
	});

	it('reads back any text and number with read-excel-file', async () => {
		// What XML 1.0 allows and does not discourage, written code point by code point rather than with the
		// module's pattern: tab, LF, CR and the printable characters but U+FFFD (write-excel-file drops it,
		// and so a lone surrogate); C0, DEL, C1 and the noncharacters go.
		const xmlChars = (s: string) =>
			[...s.toWellFormed()]
				.filter((ch) => {
					const c = ch.codePointAt(0)!;
					if (c === 9 || c === 10 || c === 13) return true;
					if (c === 0xfffd) return false;
					return (c >= 0x20 && c < 0x7f) || (c >= 0xa0 && !(c >= 0xfdd0 && c <= 0xfdef) && (c & 0xfffe) !== 0xfffe);
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
				const [sheet] = await readXlsxFile(Buffer.from(await toXlsx(table)), { trim: false });
				const clean = { ...table, rows: rows.map((r) => r.map((c) => (typeof c === 'string' ? xmlChars(c) : c))) };
				expect(sheet.data).toEqual(expectedRows(clean));
			}),
			{ numRuns: 100 }
		);
	}, 30_000);
});
