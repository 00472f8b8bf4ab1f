// Spreadsheet export of plain tables (an action plan, a year's closing): semicolon
// CSV for Swedish Excel, written with csv-stringify, and an Office Open XML workbook
// (.xlsx) written with write-excel-file (by the author of read-excel-file, which
// reads the ledger imports), so that dates are date cells and amounts numbers
// with a number format, which Excel and LibreOffice sort and filter as such.

import { stringify } from 'csv-stringify/sync';
import writeXlsxFile, { type Cell, type Row, type Sheet } from 'write-excel-file/node';
import { plainText, xmlText } from '../../core/document-text.ts';
import { ORE_PER_KRONA, type Ore } from '../../core/finance.ts';

export type ExportColumn = { header: string; width?: number };
/** A calendar date, YYYY-MM-DD: a date cell in Excel. */
export type ExportDate = { date: string };
/** An amount in integer öre: kronor as a number with two decimals in Excel. */
export type ExportAmount = { ore: Ore };
export type ExportCell = string | number | null | ExportDate | ExportAmount;
export type ExportTable = { name: string; columns: ExportColumn[]; rows: ExportCell[][] };

export const exportDate = (date: string | null | undefined): ExportCell => (date ? { date } : null);
export const exportAmount = (ore: Ore | null | undefined): ExportCell => (ore === null || ore === undefined ? null : { ore });

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Öre → "1234,50", "-3,00": kronor with a decimal comma, exact, as Swedish Excel reads a number. */
function kronorText(ore: Ore): string {
	const abs = Math.abs(ore);
	return `${ore < 0 ? '-' : ''}${Math.trunc(abs / ORE_PER_KRONA)},${String(abs % ORE_PER_KRONA).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------
// CSV

/** Control characters left out (a spreadsheet shows them as boxes or refuses the file). */
function csvValue(cell: ExportCell | undefined): string | number {
	if (cell === null || cell === undefined) return '';
	// A number stays a number, so that csv-stringify's formula guard leaves "-3" alone.
	if (typeof cell === 'number') return Number.isFinite(cell) ? cell : '';
	if (typeof cell === 'string') return plainText(cell);
	if ('date' in cell) return cell.date;
	return kronorText(cell.ore);
}

/**
 * The table as RFC 4180 CSV with ';' between fields, CRLF line ends and a UTF-8 BOM
 * (so Excel in a Swedish locale opens it in columns with åäö intact). The header row
 * comes first; rows shorter than the header are padded with empty fields. Text that
 * a spreadsheet would read as a formula gets a leading apostrophe (csv-stringify's
 * escape_formulas); dates are YYYY-MM-DD and amounts kronor with a decimal comma.
 */
export function toCsv(table: ExportTable): string {
	const width = table.rows.reduce((w, r) => Math.max(w, r.length), table.columns.length);
	const pad = (fields: (string | number)[]) => [...fields, ...Array<string>(width - fields.length).fill('')];
	const records = [pad(table.columns.map((c) => plainText(c.header))), ...table.rows.map((r) => pad(r.map(csvValue)))];
	return stringify(records, {
		bom: true,
		delimiter: ';',
		record_delimiter: 'windows',
		escape_formulas: true,
		// A field holding CR or LF is quoted too (with record_delimiter set, csv-stringify would not by default).
		quote_record_delimiter: true
	});
}

// ---------------------------------------------------------------------------
// XLSX

/** Excel's limits: a cell holds at most 32,767 characters, a column is at most 255 wide. */
const MAX_CELL_CHARS = 32_767;
const MAX_COLUMN_WIDTH = 255;
const MAX_SHEET_NAME = 31;

/** How Excel shows the cells: ISO dates, and kronor grouped in thousands with two decimals (the locale's marks). */
export const DATE_FORMAT = 'yyyy-mm-dd';
export const AMOUNT_FORMAT = '#,##0.00';

/** Cuts s to at most max UTF-16 units without splitting a surrogate pair. */
function truncate(s: string, max: number): string {
	if (s.length <= max) return s;
	let cut = s.slice(0, max);
	if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
	return cut;
}

/** s cut to at most max characters at a word's end ("Tryckta siffror som bokföringen" rather than "… bokförin"). */
export function cutAtWord(s: string, max: number): string {
	if (s.length <= max) return s;
	const cut = truncate(s, max);
	// The cut falls between words when the next character is a space.
	if (/\s/.test(s.charAt(cut.length))) return cut.trim();
	const space = cut.search(/\s\S*$/);
	return (space > 0 ? cut.slice(0, space) : cut).trim();
}

/**
 * Sheet names Excel accepts: no []:*?/\ (each becomes '-'), no leading or trailing
 * apostrophe, 1–31 characters cut at a word, unique regardless of case, and not the reserved "History".
 */
export function sheetNames(names: string[]): string[] {
	const taken = new Set<string>();
	return names.map((raw, i) => {
		const base =
			xmlText(raw)
				.replace(/[\u0000-\u001f\u007f]/g, ' ')
				.replace(/[[\]:*?/\\]/g, '-')
				.trim()
				.replace(/^'+|'+$/g, '')
				.trim() || `Blad${i + 1}`;
		let name = cutAtWord(base, MAX_SHEET_NAME);
		for (let n = 2; taken.has(name.toLowerCase()) || name.toLowerCase() === 'history'; n++) {
			const suffix = ` (${n})`;
			name = cutAtWord(base, MAX_SHEET_NAME - suffix.length) + suffix;
		}
		taken.add(name.toLowerCase());
		return name;
	});
}

/**
 * Cell text: what XML cannot hold, and what it discourages (DEL, the C1 controls, the
 * noncharacters) left out, as write-excel-file would (it also drops U+FFFD, so a lone
 * surrogate goes), cut to Excel's cell limit, and a literal
 * "_xHHHH_" escaped as "_x005F_xHHHH_" (ECMA-376 ST_Xstring) so Excel shows it as
 * typed rather than as the character U+HHHH.
 */
function cellText(s: string): string {
	return truncate(plainText(s).replaceAll('\uFFFD', ''), MAX_CELL_CHARS).replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1');
}

function xlsxCell(cell: ExportCell | undefined): Cell {
	if (cell === null || cell === undefined) return null;
	if (typeof cell === 'number') return Number.isFinite(cell) ? { value: cell, type: Number } : null;
	if (typeof cell === 'string') {
		// Text left empty is written as an empty cell, like null.
		const text = cellText(cell);
		return text ? { value: text, type: String } : null;
	}
	if ('date' in cell) {
		const m = ISO_DATE.exec(cell.date);
		if (!m) return cellText(cell.date) || null;
		// Midnight UTC: write-excel-file counts days from the epoch in UTC, so the serial is a whole day.
		return { value: new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))), type: Date, format: DATE_FORMAT };
	}
	// Kronor from öre: ore / 100 is the double nearest the exact amount, as "1234.50" typed into Excel would be.
	return { value: cell.ore / ORE_PER_KRONA, type: Number, format: AMOUNT_FORMAT };
}

/**
 * The table(s) as an .xlsx workbook, one sheet per table in order. The header row is
 * bold and frozen, text is stored as text, numbers as numbers, dates as date cells
 * (yyyy-mm-dd), amounts as kronor with a number format, and null, '' and a non-finite
 * number as an empty cell. Sheet names are made valid and unique.
 */
export async function toXlsx(tables: ExportTable | ExportTable[]): Promise<Uint8Array> {
	const list = Array.isArray(tables) ? tables : [tables];
	if (list.length === 0) throw new RangeError('toXlsx: a workbook needs at least one table');
	const names = sheetNames(list.map((t) => t.name));
	const sheets: Sheet<Buffer>[] = list.map((table, i) => {
		const header: Row = table.columns.map((c) => {
			const text = cellText(c.header);
			return text ? { value: text, type: String, fontWeight: 'bold' } : null;
		});
		const data: Row[] = [...(table.columns.length ? [header] : []), ...table.rows.map((r) => r.map(xlsxCell))];
		return {
			data: data.length ? data : [[null]],
			sheet: names[i],
			stickyRowsCount: table.columns.length ? 1 : undefined,
			columns: table.columns.map((c) => ({
				width: c.width !== undefined && Number.isFinite(c.width) && c.width > 0 ? Math.min(c.width, MAX_COLUMN_WIDTH) : undefined
			}))
		};
	});
	return new Uint8Array(await writeXlsxFile(sheets, { fontFamily: 'Calibri', fontSize: 11 }).toBuffer());
}
