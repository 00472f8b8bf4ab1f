// Spreadsheet export of plain tables (an action plan, say): semicolon CSV for
// Swedish Excel, and a minimal Office Open XML workbook (.xlsx) zipped with fflate.

import { strToU8, zipSync, type Zippable } from 'fflate';
import { plainText, xmlText } from '../../core/document-text.ts';

export type ExportColumn = { header: string; width?: number };
export type ExportCell = string | number | null;
export type ExportTable = { name: string; columns: ExportColumn[]; rows: ExportCell[][] };

// ---------------------------------------------------------------------------
// CSV

const CSV_SEPARATOR = ';';
const CRLF = '\r\n';

/** Text that spreadsheet programs would read as a formula (or that hides one behind a tab or CR). */
const FORMULA_START = /^[=+\-@\t\r]/;

function csvField(cell: ExportCell | undefined): string {
	if (cell === null || cell === undefined) return '';
	if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
	// Control characters are left out (a spreadsheet shows them as boxes or refuses the file),
	// then the formula injection guard: a leading apostrophe keeps the text as text.
	const clean = plainText(cell);
	const text = FORMULA_START.test(clean) ? `'${clean}` : clean;
	return /[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The table as RFC 4180 CSV with ';' between fields, CRLF line ends and a UTF-8 BOM
 * (so Excel in a Swedish locale opens it in columns with åäö intact). The header row
 * comes first; rows shorter than the header are padded with empty fields.
 */
export function toCsv(table: ExportTable): string {
	const width = table.columns.length;
	const lines = [table.columns.map((c) => csvField(c.header))];
	for (const row of table.rows) {
		const fields: string[] = [];
		for (let i = 0; i < Math.max(width, row.length); i++) fields.push(csvField(row[i]));
		lines.push(fields);
	}
	return '\uFEFF' + lines.map((fields) => fields.join(CSV_SEPARATOR) + CRLF).join('');
}

// ---------------------------------------------------------------------------
// XLSX

/** Excel's limits: a cell holds at most 32,767 characters, a column is at most 255 wide. */
const MAX_CELL_CHARS = 32_767;
const MAX_COLUMN_WIDTH = 255;
const MAX_SHEET_NAME = 31;

/** What XML 1.0 cannot hold (C0 controls but tab/LF/CR, U+FFFE/U+FFFF) left out, a lone surrogate as U+FFFD. */
const stripInvalidXml = xmlText;

/** Cuts s to at most max UTF-16 units without splitting a surrogate pair. */
function truncate(s: string, max: number): string {
	if (s.length <= max) return s;
	let cut = s.slice(0, max);
	if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
	return cut;
}

/** Escapes text for XML content and attribute values; CR as a character reference so parsers keep it. */
function escapeXml(s: string): string {
	return s.replace(/[&<>"'\r]/g, (c) => {
		switch (c) {
			case '&':
				return '&amp;';
			case '<':
				return '&lt;';
			case '>':
				return '&gt;';
			case '"':
				return '&quot;';
			case "'":
				return '&apos;';
			default:
				return '&#13;';
		}
	});
}

/**
 * Cell text as XML: a literal "_xHHHH_" escaped as "_x005F_xHHHH_" (ECMA-376 ST_Xstring)
 * so Excel shows it as typed rather than as the character U+HHHH.
 */
function cellText(s: string): string {
	return escapeXml(s.replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1'));
}

/** Column letters: 0 → A, 25 → Z, 26 → AA. */
function columnName(index: number): string {
	let name = '';
	for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
	return name;
}

/**
 * Sheet names Excel accepts: no []:*?/\ (each becomes '-'), no leading or trailing
 * apostrophe, 1–31 characters, unique regardless of case, and not the reserved "History".
 */
function sheetNames(names: string[]): string[] {
	const taken = new Set<string>();
	return names.map((raw, i) => {
		const base =
			stripInvalidXml(raw)
				.replace(/[\u0000-\u001f\u007f]/g, ' ')
				.replace(/[[\]:*?/\\]/g, '-')
				.trim()
				.replace(/^'+|'+$/g, '')
				.trim() || `Blad${i + 1}`;
		let name = truncate(base, MAX_SHEET_NAME).trim();
		for (let n = 2; taken.has(name.toLowerCase()) || name.toLowerCase() === 'history'; n++) {
			const suffix = ` (${n})`;
			name = truncate(base, MAX_SHEET_NAME - suffix.length).trim() + suffix;
		}
		taken.add(name.toLowerCase());
		return name;
	});
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const REL_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Style index 1 in styles.xml: the bold header font. */
const STYLE_HEADER = 1;

function contentTypesXml(sheetCount: number): string {
	const sheets = Array.from(
		{ length: sheetCount },
		(_, i) =>
			`<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`
	).join('');
	return (
		XML_HEAD +
		'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
		'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
		'<Default Extension="xml" ContentType="application/xml"/>' +
		'<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
		sheets +
		'<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
		'</Types>'
	);
}

const ROOT_RELS_XML =
	XML_HEAD +
	`<Relationships xmlns="${NS_PKG_REL}">` +
	`<Relationship Id="rId1" Type="${REL_TYPE}/officeDocument" Target="xl/workbook.xml"/>` +
	'</Relationships>';

function workbookXml(names: string[]): string {
	const sheets = names.map((name, i) => `<sheet name="${escapeXml(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
	return (
		XML_HEAD +
		`<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
		'<bookViews><workbookView activeTab="0"/></bookViews>' +
		`<sheets>${sheets}</sheets>` +
		'</workbook>'
	);
}

function workbookRelsXml(sheetCount: number): string {
	const sheets = Array.from(
		{ length: sheetCount },
		(_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_TYPE}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`
	).join('');
	return (
		XML_HEAD +
		`<Relationships xmlns="${NS_PKG_REL}">` +
		sheets +
		`<Relationship Id="rId${sheetCount + 1}" Type="${REL_TYPE}/styles" Target="styles.xml"/>` +
		'</Relationships>'
	);
}

// Excel requires the two fills (none, gray125) even when no cell uses them.
const STYLES_XML =
	XML_HEAD +
	`<styleSheet xmlns="${NS_MAIN}">` +
	'<fonts count="2">' +
	'<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
	'<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
	'</fonts>' +
	'<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
	'<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
	'<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
	'<cellXfs count="2">' +
	'<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
	'<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
	'</cellXfs>' +
	'<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
	'</styleSheet>';

function cellXml(ref: string, cell: ExportCell | undefined, style: number): string {
	if (cell === null || cell === undefined) return '';
	const s = style ? ` s="${style}"` : '';
	if (typeof cell === 'number') return Number.isFinite(cell) ? `<c r="${ref}"${s}><v>${String(cell)}</v></c>` : '';
	// Characters invalid in XML are dropped, and the text is cut to Excel's cell limit;
	// text left empty is written as an empty cell, like null.
	const text = truncate(stripInvalidXml(cell), MAX_CELL_CHARS);
	return text ? `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${cellText(text)}</t></is></c>` : '';
}

function rowXml(rowNumber: number, cells: readonly (ExportCell | undefined)[], style: number): string {
	const inner = cells.map((cell, i) => cellXml(`${columnName(i)}${rowNumber}`, cell, style)).join('');
	return `<row r="${rowNumber}">${inner}</row>`;
}

function worksheetXml(table: ExportTable, selected: boolean): string {
	const hasHeader = table.columns.length > 0;
	const width = table.rows.reduce((w, r) => Math.max(w, r.length), table.columns.length);
	const height = table.rows.length + (hasHeader ? 1 : 0);
	const dimension = width > 0 && height > 0 ? `A1:${columnName(width - 1)}${height}` : 'A1';

	const view = hasHeader
		? '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/>'
		: '';
	const sheetView = `<sheetViews><sheetView${selected ? ' tabSelected="1"' : ''} workbookViewId="0">${view}</sheetView></sheetViews>`;

	const cols = table.columns
		.map((c, i) => {
			if (c.width === undefined || !Number.isFinite(c.width) || c.width <= 0) return '';
			const w = Math.min(c.width, MAX_COLUMN_WIDTH);
			return `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`;
		})
		.join('');

	const rows: string[] = [];
	if (hasHeader)
		rows.push(
			rowXml(
				1,
				table.columns.map((c) => c.header),
				STYLE_HEADER
			)
		);
	table.rows.forEach((row, i) => rows.push(rowXml(i + 1 + (hasHeader ? 1 : 0), row, 0)));

	return (
		XML_HEAD +
		`<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
		`<dimension ref="${dimension}"/>` +
		sheetView +
		'<sheetFormatPr defaultRowHeight="15"/>' +
		(cols ? `<cols>${cols}</cols>` : '') +
		`<sheetData>${rows.join('')}</sheetData>` +
		'</worksheet>'
	);
}

/** A fixed zip time stamp, so the same tables give the same bytes. */
const ZIP_MTIME = new Date(2000, 0, 1);

/**
 * The table(s) as an .xlsx workbook, one sheet per table in order. The header row is
 * bold and frozen, text is stored as inline strings, numbers as numbers, and null, ''
 * and a non-finite number as an empty cell. Sheet names are made valid and unique.
 */
export function toXlsx(tables: ExportTable | ExportTable[]): Uint8Array {
	const list = Array.isArray(tables) ? tables : [tables];
	if (list.length === 0) throw new RangeError('toXlsx: a workbook needs at least one table');
	const names = sheetNames(list.map((t) => t.name));

	const files: Zippable = {
		'[Content_Types].xml': strToU8(contentTypesXml(list.length)),
		'_rels/.rels': strToU8(ROOT_RELS_XML),
		'xl/workbook.xml': strToU8(workbookXml(names)),
		'xl/_rels/workbook.xml.rels': strToU8(workbookRelsXml(list.length)),
		'xl/styles.xml': strToU8(STYLES_XML)
	};
	list.forEach((table, i) => {
		files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(worksheetXml(table, i === 0));
	});
	return zipSync(files, { level: 6, mtime: ZIP_MTIME });
}
