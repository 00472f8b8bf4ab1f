// Reading and checking a ledger export, without the database: the part of the
// import that runs in a worker thread (import-worker.ts), so that a large or
// hostile file costs the worker, never the server's event loop or heap.
//
// Limits, each refused with a Swedish message that says why, before the work
// they guard: the rows (MAX_ROWS), the columns of a row (MAX_COLUMNS), a cell's
// length (Excel's own MAX_CELL_CHARS); for an .xlsx, the unpacked size and the
// packing ratio as its zip's central directory declares them, checked before
// anything is inflated, and then verified while inflating (a directory may lie),
// with nothing kept. The registers (funds, categories, projects, events, closed
// years) come in as data, read once per file by the caller: no query per row.
import { Unzip, UnzipInflate, unzipSync } from 'fflate';
import { readSheet } from 'read-excel-file/node';
import { fieldError, ValidationError } from '../errors.ts';
import { CsvSyntaxError, csvRecords } from '../../core/csv.ts';
import { labelIn } from '../../core/finance.ts';
import { formatNumber } from '../../core/format.ts';
import { ledgerEntryInput, type LedgerEntryInput } from '../../schemas/finance.ts';
import type { Category } from './queries.ts';

/** The largest file read: a year of the ledger is a few MB. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
/** Rows in one file, the empty ones included. */
export const MAX_ROWS = 200_000;
/** Cells in one row. */
export const MAX_COLUMNS = 100;
/** Characters in one cell: Excel's own limit. */
export const MAX_CELL_CHARS = 32_767;
/** What an .xlsx may unpack to, all its parts together. */
export const MAX_UNPACKED_BYTES = 100 * 1024 * 1024;
/** The packing ratio allowed for a part of an .xlsx larger than RATIO_FLOOR_BYTES: real workbooks pack 5–20 times. */
export const MAX_RATIO = 100;
const RATIO_FLOOR_BYTES = 1024 * 1024;
/** The compressed bytes inflated at a time while verifying a workbook. */
const INFLATE_PIECE = 16 * 1024;

export interface ParsedLedgerFile {
	header: string[];
	/** The rows under the header, empty ones included, so each keeps its line number. */
	rows: string[][];
	/** The line (spreadsheet row) of rows[0]: the header's line + 1. */
	firstLine?: number;
}

export interface Named {
	id: number;
	name: string;
}

/** What the rows are checked against, read from the database once per file. */
export interface ImportRegisters {
	funds: Named[];
	categories: Category[];
	projects: Named[];
	events: Named[];
	/** The years whose closing is done: nothing may be added to them. */
	closedYears: number[];
}

export interface GoodRow {
	line: number;
	values: LedgerEntryInput;
}
export interface RefusedRow {
	line: number;
	raw: string[];
	errors: string[];
}

/** Every row counted; of the good and refused rows, the first `keepGood` and `keepRefused`. */
export interface CheckedLedgerFile {
	goodCount: number;
	refusedCount: number;
	/** The years of the good rows, ascending. */
	years: number[];
	good: GoodRow[];
	refused: RefusedRow[];
}

// ---------------------------------------------------------------------------
// Reading the file

export const isXlsx = (name: string, c: Uint8Array) =>
	/\.xlsx$/i.test(name) || (c[0] === 0x50 && c[1] === 0x4b && c[2] === 0x03 && c[3] === 0x04);
const isOldExcel = (name: string, c: Uint8Array) =>
	/\.xls$/i.test(name) || (c[0] === 0xd0 && c[1] === 0xcf && c[2] === 0x11 && c[3] === 0xe0);

/** UTF-8 with or without BOM, UTF-16 with BOM (Excel's "Unicode text"), else Windows-1252 (older Swedish exports). */
function decodeText(c: Uint8Array): string {
	if (c[0] === 0xef && c[1] === 0xbb && c[2] === 0xbf) return new TextDecoder('utf-8').decode(c.subarray(3));
	if (c[0] === 0xff && c[1] === 0xfe) return new TextDecoder('utf-16le').decode(c.subarray(2));
	if (c[0] === 0xfe && c[1] === 0xff) return new TextDecoder('utf-16be').decode(c.subarray(2));
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(c);
	} catch {
		return new TextDecoder('windows-1252').decode(c);
	}
}

/** The separator that splits the first non-blank line the most: ';', tab or ','. Ties go in that order. */
function detectSeparator(text: string): string {
	let line = '';
	for (let start = 0; start < text.length;) {
		const m = /\r\n|\n|\r/g;
		m.lastIndex = start;
		const hit = m.exec(text);
		const end = hit ? hit.index : text.length;
		line = text.slice(start, end);
		if (line.trim() !== '' || !hit) break;
		start = end + hit[0].length;
	}
	let best = ';';
	let bestCount = 0;
	for (const sep of [';', '\t', ',']) {
		let n = 0;
		let quoted = false;
		for (const ch of line) {
			if (ch === '"') quoted = !quoted;
			else if (ch === sep && !quoted) n++;
		}
		if (n > bestCount) [best, bestCount] = [sep, n];
	}
	return best;
}

/** Excel's number as text, with a decimal comma: "4351", "1234,5"; a float's noise (1234.5499999999) rounded off. */
function numberText(raw: string): string {
	const n = Number(raw);
	if (!Number.isFinite(n)) return raw;
	const cents = Math.round(n * 100);
	if (Number.isSafeInteger(cents) && Math.abs(n * 100 - cents) < 1e-6) {
		const sign = cents < 0 ? '-' : '';
		const abs = Math.abs(cents);
		const rest = abs % 100;
		return `${sign}${Math.trunc(abs / 100)}${rest ? ',' + String(rest).padStart(2, '0').replace(/0$/, '') : ''}`;
	}
	// More than two decimals: left as they are, so the amount is refused rather than rounded.
	return /e/i.test(raw) ? String(n).replace('.', ',') : raw.replace('.', ',');
}

/** A number cell as written in the file, kept apart from a text cell that merely looks like one ("0127"). */
class ExcelNumber {
	readonly text: string;
	constructor(text: string) {
		this.text = text;
	}
}

function cellText(v: unknown): string {
	if (v === null || v === undefined) return '';
	if (v instanceof ExcelNumber) return numberText(v.text);
	if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
	if (typeof v === 'number') return numberText(String(v));
	return String(v);
}

const NOT_A_WORKBOOK = 'Filen kunde inte läsas som en Excel-fil (.xlsx). Spara den på nytt som .xlsx eller som CSV och försök igen.';

/** Bytes in Swedish: "1,2 GB", "100 MB", "870 kB". */
export function formatBytes(n: number): string {
	const [value, unit] = n >= 1024 ** 3 ? [n / 1024 ** 3, 'GB'] : n >= 1024 ** 2 ? [n / 1024 ** 2, 'MB'] : [n / 1024, 'kB'];
	const rounded = value >= 10 ? Math.round(value) : Math.round(value * 10) / 10;
	return `${String(rounded).replace('.', ',')} ${unit}`;
}

const tooLarge = (bytes: number, more = false) =>
	fieldError(
		'file',
		`Filen är för stor uppackad: ${more ? 'mer än ' : ''}${formatBytes(bytes)} (högst ${formatBytes(MAX_UNPACKED_BYTES)}). Dela upp den i mindre filer eller spara den som CSV.`
	);

const tooPacked = (part: string, ratio: number) =>
	fieldError(
		'file',
		`Filen är packad ovanligt hårt (${part} packas upp ${formatNumber(Math.round(ratio))} gånger; högst ${MAX_RATIO}) och läses inte in. Spara den på nytt i Excel eller som CSV.`
	);

/** The parts read-excel-file reads (the rest, such as images, it skips unread). */
const readPart = (name: string) => name.endsWith('.xml') || name.endsWith('.xml.rels');

/**
 * The workbook's zip checked before anything is inflated: the sizes its central
 * directory declares, summed, and each large part's packing ratio. Then the
 * parts are inflated once with nothing kept, stopping as soon as one gives more
 * than the directory declared or the sum passes the limit, so a directory that
 * lies about a bomb is caught after at most MAX_UNPACKED_BYTES of work.
 */
export function checkWorkbookZip(content: Uint8Array): void {
	const declared = new Map<string, number>();
	const packing: { name: string; size: number; originalSize: number }[] = [];
	try {
		unzipSync(content, {
			filter(f) {
				declared.set(f.name, f.originalSize);
				packing.push(f);
				return false; // nothing inflated here
			}
		});
	} catch {
		throw fieldError('file', NOT_A_WORKBOOK);
	}
	const total = packing.reduce((sum, f) => sum + f.originalSize, 0);
	if (total > MAX_UNPACKED_BYTES) throw tooLarge(total);
	for (const f of packing)
		if (f.originalSize > RATIO_FLOOR_BYTES && f.originalSize > MAX_RATIO * Math.max(f.size, 1))
			throw tooPacked(f.name, f.originalSize / Math.max(f.size, 1));

	let inflated = 0;
	const unzip = new Unzip((file) => {
		if (!readPart(file.name)) return;
		const limit = declared.get(file.name) ?? 0;
		let own = 0;
		file.ondata = (err, chunk) => {
			// fflate hands a refusal thrown below back here as the error.
			if (err) throw err instanceof ValidationError ? err : fieldError('file', NOT_A_WORKBOOK);
			own += chunk.length;
			inflated += chunk.length;
			if (inflated > MAX_UNPACKED_BYTES) throw tooLarge(MAX_UNPACKED_BYTES, true);
			if (own > limit) throw fieldError('file', `${NOT_A_WORKBOOK} (Delen ${file.name} är större än filen själv anger.)`);
		};
		file.start();
	});
	unzip.register(UnzipInflate);
	try {
		// In small pieces: each is inflated at once, and deflate packs at most about 1 000 times, so no piece gives more than 16 MB.
		for (let at = 0; at < content.byteLength; at += INFLATE_PIECE)
			unzip.push(content.subarray(at, at + INFLATE_PIECE), at + INFLATE_PIECE >= content.byteLength);
	} catch (e) {
		if (e instanceof ValidationError) throw e;
		throw fieldError('file', NOT_A_WORKBOOK);
	}
}

async function readXlsx(content: Uint8Array): Promise<string[][]> {
	checkWorkbookZip(content);
	let data: unknown[][];
	try {
		data = (await readSheet(Buffer.from(content.buffer, content.byteOffset, content.byteLength), {
			// Numbers as written in the file: no float arithmetic on amounts.
			parseNumber: (s: string) => new ExcelNumber(s)
		})) as unknown[][];
	} catch {
		throw fieldError('file', NOT_A_WORKBOOK);
	}
	return data.map((row) => row.map(cellText));
}

/** A column's letters as a spreadsheet names it: 0 → A, 26 → AA. */
export function columnLetters(index: number): string {
	let s = '';
	for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
	return s;
}

/** The file's records (line 1 first), trimmed, each checked against the limits as it is read. */
function* limitedRecords(records: Iterable<string[]>): Generator<string[]> {
	let line = 0;
	for (const record of records) {
		line++;
		if (line > MAX_ROWS)
			throw fieldError(
				'file',
				`Filen har fler än ${formatNumber(MAX_ROWS)} rader; högst ${formatNumber(MAX_ROWS)}. Dela upp den i flera filer.`
			);
		if (record.length > MAX_COLUMNS)
			throw fieldError('file', `Rad ${line} har ${formatNumber(record.length)} kolumner; högst ${MAX_COLUMNS}.`);
		for (let c = 0; c < record.length; c++) {
			if (record[c].length > MAX_CELL_CHARS)
				throw fieldError(
					'file',
					`Cell ${columnLetters(c)}${line} har ${formatNumber(record[c].length)} tecken; högst ${formatNumber(MAX_CELL_CHARS)}.`
				);
			record[c] = record[c].trim();
		}
		yield record;
	}
}

const isEmptyRow = (r: string[]) => r.every((c) => c === '');

/** The rows one by one, each let go once handed on, so a large file's rows can be collected while the rest are checked. */
function releasing(rows: (string[] | undefined)[]): Iterator<string[]> {
	let i = 0;
	return {
		next: () => {
			if (i >= rows.length) return { done: true, value: undefined };
			const value = rows[i]!;
			rows[i++] = undefined;
			return { done: false, value };
		}
	};
}

/** The file as a header and the rows under it, read one by one. */
export interface LedgerRecords {
	header: string[];
	/** The line of the first row under the header. */
	firstLine: number;
	rows: Iterator<string[]>;
}

/**
 * A CSV (';', ',' or tab) or .xlsx file as text cells, row by row. Excel dates
 * become YYYY-MM-DD and numbers their text with a decimal comma. The header is
 * the first row that names known columns (a title row above it is skipped).
 */
export async function openLedgerFile(name: string, content: Uint8Array): Promise<LedgerRecords> {
	if (content.byteLength === 0) throw fieldError('file', 'Filen är tom.');
	if (content.byteLength > MAX_IMPORT_BYTES) throw fieldError('file', `Filen får vara högst ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`);
	let it: Iterator<string[]>;
	if (isXlsx(name, content)) it = [...limitedRecords(await readXlsx(content))][Symbol.iterator]();
	else if (isOldExcel(name, content))
		throw fieldError('file', 'Filen är i Excels äldre format (.xls). Spara den som Excel-arbetsbok (.xlsx) eller som CSV och försök igen.');
	else {
		const text = decodeText(content);
		const separator = detectSeparator(text);
		let records: string[][];
		try {
			// One record past the row limit is kept, so that limitedRecords refuses the file without holding more.
			records = csvRecords(text, separator, { maxRecords: MAX_ROWS });
		} catch (e) {
			if (e instanceof CsvSyntaxError) throw fieldError('file', `Filen kunde inte läsas som CSV: rad ${e.line}: ${e.message}.`);
			throw e;
		}
		// The limits first, over the whole file, so that a file is refused before any row is checked.
		it = releasing([...limitedRecords(records)]);
		records.length = 0;
	}
	// The header: among the first ten non-empty rows, the first that names the most known columns.
	const head: string[][] = [];
	let seen = 0;
	while (seen < 10) {
		const next = it.next();
		if (next.done) break;
		head.push(next.value);
		if (!isEmptyRow(next.value)) seen++;
	}
	let best = -1;
	let bestKnown = 0;
	for (let i = 0; i < head.length; i++) {
		if (isEmptyRow(head[i])) continue;
		if (best < 0) best = i;
		const known = new Set(head[i].map(columnOf).filter(Boolean)).size;
		if (known > bestKnown) [best, bestKnown] = [i, known];
	}
	if (best < 0) throw fieldError('file', 'Filen har inga rader.');
	const buffered = head.slice(best + 1);
	const rows: Iterator<string[]> = {
		next: () => (buffered.length ? { done: false, value: buffered.shift()! } : it.next())
	};
	return { header: head[best], firstLine: best + 2, rows };
}

/** The whole file read at once: for small files and tests. */
export async function readLedgerFile(name: string, content: Uint8Array): Promise<ParsedLedgerFile & { firstLine: number }> {
	const { header, firstLine, rows } = await openLedgerFile(name, content);
	const all: string[][] = [];
	for (let r = rows.next(); !r.done; r = rows.next()) all.push(r.value);
	return { header, rows: all, firstLine };
}

// ---------------------------------------------------------------------------
// Columns

type Column = 'date' | 'fund' | 'category' | 'amount' | 'counterparty' | 'voucher' | 'description' | 'project' | 'event';

/** The columns, with the names a header may use (letters and digits only, lower case), the preferred first. */
export const IMPORT_COLUMNS: { key: Column; label: string; required: boolean; names: string[] }[] = [
	{
		key: 'date',
		label: 'Datum',
		required: true,
		names: ['datum', 'bokföringsdatum', 'bokfdatum', 'transaktionsdatum', 'verifikationsdatum', 'date']
	},
	{ key: 'fund', label: 'Fond', required: true, names: ['fond', 'fondnamn'] },
	{ key: 'category', label: 'Kategori', required: true, names: ['kategori', 'kontobenämning', 'kontonamn', 'kontotext', 'konto'] },
	{ key: 'amount', label: 'Belopp', required: true, names: ['belopp', 'beloppkr', 'beloppsek', 'beloppkronor', 'kronor', 'summa'] },
	{ key: 'counterparty', label: 'Motpart', required: false, names: ['motpart', 'leverantör', 'kund', 'leverantörkund', 'kundleverantör'] },
	{
		key: 'voucher',
		label: 'Verifikation',
		required: false,
		names: ['verifikation', 'vernr', 'verifikationsnummer', 'verifikationsnr', 'vernummer', 'ver']
	},
	{
		key: 'description',
		label: 'Beskrivning',
		required: false,
		names: ['beskrivning', 'text', 'verifikationstext', 'transaktionstext', 'kommentar']
	},
	{ key: 'project', label: 'Projekt', required: false, names: ['projekt', 'projektnamn'] },
	{ key: 'event', label: 'Evenemang', required: false, names: ['evenemang', 'evenemangsnamn'] }
];

const headerKey = (h: string) =>
	h
		.normalize('NFC')
		.toLocaleLowerCase('sv')
		.replace(/[^\p{L}\p{N}]/gu, '');

function columnOf(header: string): Column | null {
	const k = headerKey(header);
	return IMPORT_COLUMNS.find((c) => c.names.includes(k))?.key ?? null;
}

const listSv = (items: string[]) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} och ${items.at(-1)}`);

/** Which cell holds which column; a missing required column is refused by name. */
function mapColumns(header: string[]): Partial<Record<Column, number>> {
	const keys = header.map(headerKey);
	const out: Partial<Record<Column, number>> = {};
	const missing: string[] = [];
	for (const c of IMPORT_COLUMNS) {
		let index = -1;
		for (const n of c.names) {
			index = keys.indexOf(n);
			if (index >= 0) break;
		}
		if (index >= 0) out[c.key] = index;
		else if (c.required) missing.push(c.label);
	}
	if (missing.length) {
		const what = missing.length === 1 ? `kolumnen ${missing[0]}` : `kolumnerna ${listSv(missing)}`;
		throw fieldError(
			'file',
			`Filen saknar ${what}. Första raden ska namnge kolumnerna, minst Datum, Fond, Kategori (eller Konto) och Belopp.`
		);
	}
	return out;
}

// ---------------------------------------------------------------------------
// Checking the rows

const nameKey = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('sv');

/** Names looked up exactly, else regardless of case and spacing; each distinct value once. */
function nameIndex<T extends Named>(items: T[]): (value: string) => T[] {
	const exact = new Map<string, T[]>();
	const loose = new Map<string, T[]>();
	for (const i of items) {
		exact.set(i.name, [...(exact.get(i.name) ?? []), i]);
		const k = nameKey(i.name);
		loose.set(k, [...(loose.get(k) ?? []), i]);
	}
	const memo = new Map<string, T[]>();
	return (value) => {
		let found = memo.get(value);
		if (!found) {
			found = exact.get(value) ?? loose.get(nameKey(value)) ?? [];
			memo.set(value, found);
		}
		return found;
	};
}

/** A category by its name, else by a label it has had: the one it has in the row's year first. */
function categoryIndex(categories: Category[]): (value: string, year: number | null) => Category[] {
	const byName = nameIndex(categories);
	const memo = new Map<string, Category[]>();
	return (value, year) => {
		const key = `${year ?? ''}\u0000${value}`;
		let found = memo.get(key);
		if (found) return found;
		found = byName(value);
		if (!found.length) {
			const k = nameKey(value);
			found = categories.filter((c) => c.labels.some((l) => nameKey(l.label) === k));
			if (found.length > 1 && year !== null) {
				const thatYear = found.filter((c) => nameKey(labelIn(c, year)) === k);
				if (thatYear.length) found = thatYear;
			}
		}
		memo.set(key, found);
		return found;
	};
}

/** "2024-03-01 00:00:00", "2024-3-1" and "20240301" → "2024-03-01"; anything else as it is, for the check to refuse. */
function normaliseDate(s: string): string {
	const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
	return m ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : s;
}

/** A text our own export guarded against formulas ("'-1 450") reads back without the apostrophe. */
const unguard = (s: string) => (/^'[=+\-@]/.test(s) ? s.slice(1) : s);

const FIELD_LABELS: Record<string, string> = {
	date: 'Datum',
	fundId: 'Fond',
	categoryId: 'Kategori',
	amount: 'Belopp',
	counterparty: 'Motpart',
	voucher: 'Verifikation',
	description: 'Beskrivning',
	projectId: 'Projekt',
	eventId: 'Evenemang'
};

type RowResult = { ok: true; values: LedgerEntryInput } | { ok: false; errors: string[] };

/**
 * A row checker for a header: each row as the ledger form would check it, with
 * fund, category, project and event looked up by name in the registers given.
 * A missing required column is refused (for the whole file) here.
 */
export function rowChecker(header: string[], registers: ImportRegisters): (raw: string[], line: number) => RowResult {
	const cols = mapColumns(header);
	const funds = nameIndex(registers.funds);
	const categories = categoryIndex(registers.categories);
	const projects = nameIndex(registers.projects);
	const events = nameIndex(registers.events);
	const closed = new Set(registers.closedYears);

	return (raw, line) => {
		const cell = (c: Column) => (cols[c] === undefined ? '' : unguard((raw[cols[c]] ?? '').trim()));
		const errors: string[] = [];
		const own = new Set<string>(); // fields already refused here, so the schema's message does not repeat it
		const refuse = (field: string, message: string) => {
			own.add(field);
			errors.push(`Rad ${line}: ${message}`);
		};

		const date = normaliseDate(cell('date'));
		const year = /^\d{4}-\d{2}-\d{2}$/.test(date) ? Number(date.slice(0, 4)) : null;

		const lookup = <T extends Named>(field: string, label: string, noun: string, value: string, found: T[], required: boolean) => {
			if (!value) {
				if (required) refuse(field, `${label} måste fyllas i.`);
				return null;
			}
			if (found.length === 1) return found[0].id;
			if (found.length === 0) refuse(field, `${label}: det finns ${noun} som heter '${value}'.`);
			else
				refuse(
					field,
					`${label}: '${value}' kan vara flera (${found.map((f) => f.name).join(', ')}); skriv namnet som det står i Samverka.`
				);
			return null;
		};

		const fundName = cell('fund');
		const categoryName = cell('category');
		const projectName = cell('project');
		const eventName = cell('event');
		const input = {
			date,
			fundId: lookup('fundId', 'Fond', 'ingen fond', fundName, funds(fundName), true),
			categoryId: lookup('categoryId', 'Kategori', 'ingen kategori', categoryName, categories(categoryName, year), true),
			amount: cell('amount'),
			counterparty: cell('counterparty'),
			voucher: cell('voucher'),
			description: cell('description'),
			projectId: lookup('projectId', 'Projekt', 'inget projekt', projectName, projects(projectName), false),
			eventId: lookup('eventId', 'Evenemang', 'inget evenemang', eventName, events(eventName), false)
		};

		const parsed = ledgerEntryInput.safeParse(input);
		if (!parsed.success) {
			for (const issue of parsed.error.issues) {
				const field = String(issue.path[0] ?? '');
				if (own.has(field)) continue;
				const label = FIELD_LABELS[field];
				refuse(field, label && !issue.message.startsWith(label) ? `${label}: ${issue.message}` : issue.message);
			}
		}
		if (year !== null && !own.has('date') && closed.has(year))
			refuse(
				'date',
				`Året ${year} är stängt: bokslutet är gjort och inget kan läggas till i det. En administratör kan öppna året igen med ett skäl.`
			);
		return errors.length || !parsed.success ? { ok: false, errors } : { ok: true, values: parsed.data };
	};
}

/**
 * Every row of an opened file checked, empty rows skipped: all counted, the
 * first keepGood good and keepRefused refused rows kept (Infinity for all).
 */
export function checkLedgerRows(
	file: { header: string[]; firstLine: number; rows: Iterator<string[]> | string[][] },
	registers: ImportRegisters,
	{ keepGood = Infinity, keepRefused = Infinity } = {}
): CheckedLedgerFile {
	const check = rowChecker(file.header, registers);
	const rows = Array.isArray(file.rows) ? file.rows[Symbol.iterator]() : file.rows;
	const out: CheckedLedgerFile = { goodCount: 0, refusedCount: 0, years: [], good: [], refused: [] };
	const years = new Set<number>();
	let line = file.firstLine;
	for (let r = rows.next(); !r.done; r = rows.next(), line++) {
		const raw = r.value;
		if (isEmptyRow(raw)) continue;
		const result = check(raw, line);
		if (result.ok) {
			out.goodCount++;
			years.add(Number(result.values.date.slice(0, 4)));
			if (out.good.length < keepGood) out.good.push({ line, values: result.values });
		} else {
			out.refusedCount++;
			if (out.refused.length < keepRefused) out.refused.push({ line, raw, errors: result.errors });
		}
	}
	out.years = [...years].sort((a, b) => a - b);
	return out;
}
