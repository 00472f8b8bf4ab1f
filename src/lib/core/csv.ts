// RFC 4180 CSV read with csv-parse: quoted fields, doubled quotes, CRLF, LF or a
// lone CR (old Mac exports) as line ends, mixed in one file, and a chosen separator.
import { CsvError, parse } from 'csv-parse/sync';

export { CsvError };

/** What a CSV text could not be read for: an opening quote never closed, say; `line` is where the record that failed begins. */
export class CsvSyntaxError extends Error {
	// A plain field, not a parameter property: the import worker runs this file with Node's type stripping.
	readonly line: number;
	constructor(message: string, line: number) {
		super(message);
		this.line = line;
	}
}

/**
 * The records of a CSV text, in order. A blank line is a record ['']; a newline
 * at the end adds none. A quote inside an unquoted field is kept as text
 * (relax_quotes), rows may differ in length. With `maxRecords`, records past
 * that many + 1 are read but not kept, so that a file of millions of empty
 * lines costs no memory before the caller refuses it for having too many.
 */
export function csvRecords(text: string, separator = ',', { maxRecords = Infinity } = {}): string[][] {
	let kept = 0;
	// The line the last whole record ended on: the one that fails begins on the next.
	let lastLine = 0;
	try {
		return parse(text, {
			delimiter: separator,
			record_delimiter: ['\r\n', '\n', '\r'],
			relax_quotes: true,
			relax_column_count: true,
			skip_empty_lines: false,
			on_record: (record: string[], context: { lines: number }) => {
				lastLine = context.lines;
				return kept++ <= maxRecords ? record : null;
			}
		}) as string[][];
	} catch (e) {
		if (e instanceof CsvError) {
			throw new CsvSyntaxError(
				e.code === 'CSV_QUOTE_NOT_CLOSED' ? 'ett citattecken (") stängs aldrig' : `filen kan inte läsas som CSV (${e.code})`,
				lastLine + 1
			);
		}
		throw e;
	}
}

/**
 * Rows of fields. A blank line is dropped, unless keepEmptyLines: then it stays
 * as [''], so that row i is the file's (i + 1)th record, as a spreadsheet numbers it.
 */
export function parseCsv(text: string, separator = ',', { keepEmptyLines = false } = {}): string[][] {
	const rows = csvRecords(text, separator);
	return keepEmptyLines ? rows : rows.filter((r) => !(r.length === 1 && r[0] === ''));
}

/** Rows as objects keyed by the header row. */
export function parseCsvRecords(text: string, separator = ','): Record<string, string>[] {
	const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, ''), separator);
	if (!header) return [];
	return rows.map((r) => Object.fromEntries(header.map((h, i) => [h.trim(), r[i] ?? ''])));
}
