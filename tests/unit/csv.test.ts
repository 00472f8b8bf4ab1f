import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, csvRecords, parseCsv, parseCsvRecords } from '../../src/lib/core/csv.ts';

const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;

describe('parseCsv', () => {
	it('splits plain fields and lines', () => {
		expect(parseCsv('a,b,c\n1,2,3\n')).toEqual([
			['a', 'b', 'c'],
			['1', '2', '3']
		]);
		// no newline after the last line
		expect(parseCsv('a,b\n1,2')).toEqual([
			['a', 'b'],
			['1', '2']
		]);
	});

	it('keeps separators, newlines and doubled quotes inside quoted fields', () => {
		const text = 'kod,källa\n0127,"SCB, tabell ""Folkmängd""\nrad två"\n';
		expect(parseCsv(text)).toEqual([
			['kod', 'källa'],
			['0127', 'SCB, tabell "Folkmängd"\nrad två']
		]);
	});

	it('reads CRLF line ends like LF, and keeps a CRLF inside quotes', () => {
		expect(parseCsv('a,b\r\n1,2\r\n3,4\r\n')).toEqual([
			['a', 'b'],
			['1', '2'],
			['3', '4']
		]);
		expect(parseCsv('a,"x\r\ny"\r\n')).toEqual([['a', 'x\r\ny']]);
		// a lone CR ends a line too (old Mac exports)
		expect(parseCsv('a,b\r1,2')).toEqual([
			['a', 'b'],
			['1', '2']
		]);
	});

	it('keeps empty fields, and skips blank lines', () => {
		expect(parseCsv('0192,Nynäshamn,2020-12-31,,MISSING\n\n0128,Salem,2020-12-31,16959,x\n')).toEqual([
			['0192', 'Nynäshamn', '2020-12-31', '', 'MISSING'],
			['0128', 'Salem', '2020-12-31', '16959', 'x']
		]);
		expect(parseCsv('a,,\n')).toEqual([['a', '', '']]);
		expect(parseCsv('')).toEqual([]);
		expect(parseCsv('\r\n\r\n')).toEqual([]);
	});

	it('reads semicolon-separated files (Swedish Excel), where commas are data', () => {
		expect(parseCsv('Kommun;Folkmängd;Andel\r\nBotkyrka;94606;18,8\r\n"Söder; tälje";98979;19,7\r\n', ';')).toEqual([
			['Kommun', 'Folkmängd', 'Andel'],
			['Botkyrka', '94606', '18,8'],
			['Söder; tälje', '98979', '19,7']
		]);
	});

	it('reads back any table whose fields are all quoted (property)', () => {
		const field = fc.string({
			unit: fc.constantFrom('a', 'ö', ' ', ',', ';', '"', '\n', '\r', '\t', 'x'),
			maxLength: 12
		});
		fc.assert(
			fc.property(
				fc.array(fc.array(field, { minLength: 2, maxLength: 5 }), {
					minLength: 1,
					maxLength: 6
				}),
				fc.constantFrom(',', ';'),
				fc.constantFrom('\n', '\r\n'),
				fc.boolean(),
				(rows, sep, eol, trailing) => {
					const text = rows.map((r) => r.map(quote).join(sep)).join(eol) + (trailing ? eol : '');
					expect(parseCsv(text, sep)).toEqual(rows);
				}
			),
			{ numRuns: 500 }
		);
	});

	it('reads back any table of plain fields without quoting (property)', () => {
		const field = fc.string({
			unit: fc.constantFrom('a', 'Å', '0', ' ', '-', '.'),
			minLength: 1,
			maxLength: 8
		});
		fc.assert(
			fc.property(
				fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), {
					minLength: 1,
					maxLength: 6
				}),
				(rows) => {
					expect(parseCsv(rows.map((r) => r.join(',')).join('\r\n'))).toEqual(rows);
				}
			)
		);
	});
});

describe('csvRecords (csv-parse)', () => {
	it('reads LF, CRLF and a lone CR mixed in one file, keeps blank lines as [""] and a quote inside a plain field as text', () => {
		expect(csvRecords('a;b\n1;2\r\n\r\n3;4\r5;6', ';')).toEqual([['a', 'b'], ['1', '2'], [''], ['3', '4'], ['5', '6']]);
		expect(csvRecords('Namn;Mått\nSkylt;12" bred\n', ';')).toEqual([
			['Namn', 'Mått'],
			['Skylt', '12" bred']
		]);
	});

	it('refuses an opening quote that is never closed, naming the line of the record it opens', () => {
		let e: unknown;
		try {
			csvRecords('Datum;Text\n2024-01-01;"öppen\nrad\n', ';');
		} catch (err) {
			e = err;
		}
		expect(e).toBeInstanceOf(CsvSyntaxError);
		expect((e as CsvSyntaxError).message).toBe('ett citattecken (") stängs aldrig');
		expect((e as CsvSyntaxError).line).toBe(2);
	});

	it('keeps at most maxRecords + 1 records, however many the file has', () => {
		expect(csvRecords('\n'.repeat(100_000) + 'x', ',', { maxRecords: 5 })).toHaveLength(6);
	});
});

describe('parseCsvRecords', () => {
	it('keys rows by the header, and strips a byte-order mark', () => {
		const text = '\uFEFFmunicipality_code,municipality,population\r\n0127,Botkyrka,94606\r\n0138,Tyresö,\r\n';
		const records = parseCsvRecords(text);
		expect(records).toEqual([
			{
				municipality_code: '0127',
				municipality: 'Botkyrka',
				population: '94606'
			},
			{ municipality_code: '0138', municipality: 'Tyresö', population: '' }
		]);
		expect(Object.keys(records[0])[0]).toBe('municipality_code');
	});

	it('trims header names, fills short rows with empty strings, and uses the separator given', () => {
		expect(parseCsvRecords(' kod ; namn ;källa\n0127;Botkyrka\n', ';')).toEqual([{ kod: '0127', namn: 'Botkyrka', källa: '' }]);
	});

	it('gives no records for an empty file or a header alone', () => {
		expect(parseCsvRecords('')).toEqual([]);
		expect(parseCsvRecords('\uFEFF')).toEqual([]);
		expect(parseCsvRecords('a,b\n')).toEqual([]);
	});
});
