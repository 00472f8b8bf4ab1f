// Ledger rows from the host municipality's accounting: a CSV or Excel export is
// read, each row checked as a typed-in transaction would be (plus fund, category
// and project names looked up, and the year open), and shown as a preview with
// every refused row and why. Nothing is saved until an editor accepts; with
// refused rows, only the good ones, and only when the editor says so. The good
// rows go in one transaction with one audit row.
import { count, eq } from 'drizzle-orm';
import { readSheet } from 'read-excel-file/node';
import type { Db, Tx } from '../db/client.ts';
import type { Actor } from '../actor.ts';
import { ledgerEntry, storedFile } from '../db/schema/index.ts';
import { fieldError, NotFoundError } from '../errors.ts';
import { inTransaction, requireRole } from '../service.ts';
import { storeFile } from '../mail/outbox.ts';
import { parseCsv } from '../../core/csv.ts';
import { formatNumber } from '../../core/format.ts';
import { ledgerEntryInput, type LedgerEntryInput } from '../../schemas/finance.ts';
import { insertLedgerRows, ledgerConstraints } from './service.ts';
import { labelIn, listCategories, listEvents, listFunds, listProjects, yearStatus, type Category, type YearStatus } from './queries.ts';

type Reader = Db | Tx;

/** The largest file read: a year of the ledger is a few MB. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface ParsedLedgerFile {
	header: string[];
	/** The rows under the header, empty ones included, so each keeps its line number. */
	rows: string[][];
	/** The line (spreadsheet row) of rows[0]: the header's line + 1. */
	firstLine?: number;
}

export interface LedgerImportPreview {
	good: { line: number; values: LedgerEntryInput }[];
	refused: { line: number; raw: string[]; errors: string[] }[];
}

// ---------------------------------------------------------------------------
// Reading the file

const isXlsx = (name: string, c: Uint8Array) => /\.xlsx$/i.test(name) || (c[0] === 0x50 && c[1] === 0x4b && c[2] === 0x03 && c[3] === 0x04);
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
	const line = text.split(/\r\n|\n|\r/).find((l) => l.trim() !== '') ?? '';
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

async function readXlsx(content: Uint8Array): Promise<string[][]> {
	let data: unknown[][];
	try {
		data = (await readSheet(Buffer.from(content.buffer, content.byteOffset, content.byteLength), {
			// Numbers as written in the file: no float arithmetic on amounts.
			parseNumber: (s: string) => new ExcelNumber(s)
		})) as unknown[][];
	} catch {
		throw fieldError('file', 'Filen kunde inte läsas som en Excel-fil (.xlsx). Spara den på nytt som .xlsx eller som CSV och försök igen.');
	}
	return data.map((row) => row.map(cellText));
}

/**
 * A CSV (';', ',' or tab) or .xlsx file as text cells. Excel dates become
 * YYYY-MM-DD and numbers their text with a decimal comma. The header is the
 * first row that names known columns (a title row above it is skipped).
 */
export async function parseLedgerFile(name: string, content: Uint8Array): Promise<ParsedLedgerFile & { firstLine: number }> {
	if (content.byteLength === 0) throw fieldError('file', 'Filen är tom.');
	if (content.byteLength > MAX_IMPORT_BYTES) throw fieldError('file', `Filen får vara högst ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`);
	let rows: string[][];
	if (isXlsx(name, content)) rows = await readXlsx(content);
	else if (isOldExcel(name, content))
		throw fieldError('file', 'Filen är i Excels äldre format (.xls). Spara den som Excel-arbetsbok (.xlsx) eller som CSV och försök igen.');
	else {
		const text = decodeText(content);
		rows = parseCsv(text, detectSeparator(text), { keepEmptyLines: true });
	}
	rows = rows.map((r) => r.map((c) => c.trim()));
	const headerIndex = findHeader(rows);
	if (headerIndex < 0) throw fieldError('file', 'Filen har inga rader.');
	return { header: rows[headerIndex], rows: rows.slice(headerIndex + 1), firstLine: headerIndex + 2 };
}

const isEmptyRow = (r: string[]) => r.every((c) => c.trim() === '');

/** The header row: among the first ten non-empty rows, the first that names the most known columns. */
function findHeader(rows: string[][]): number {
	let best = -1;
	let bestKnown = 0;
	let seen = 0;
	for (let i = 0; i < rows.length && seen < 10; i++) {
		if (isEmptyRow(rows[i])) continue;
		if (best < 0) best = i;
		seen++;
		const known = new Set(rows[i].map(columnOf).filter(Boolean)).size;
		if (known > bestKnown) [best, bestKnown] = [i, known];
	}
	return best;
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

/** A name looked up exactly, else regardless of case and spacing. */
function byName<T extends { id: number; name: string }>(items: T[], value: string): T[] {
	const exact = items.filter((i) => i.name === value);
	if (exact.length) return exact;
	const k = nameKey(value);
	return items.filter((i) => nameKey(i.name) === k);
}

/** A category by its name, else by a label it has had: the one it has in the row's year first. */
function findCategory(categories: Category[], value: string, year: number | null): Category[] {
	const named = byName(categories, value);
	if (named.length) return named;
	const k = nameKey(value);
	const labelled = categories.filter((c) => c.labels.some((l) => nameKey(l.label) === k));
	if (labelled.length > 1 && year !== null) {
		const thatYear = labelled.filter((c) => nameKey(labelIn(c, year)) === k);
		if (thatYear.length) return thatYear;
	}
	return labelled;
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

/**
 * Checks every row as the ledger form would, and looks up fund, category,
 * project and event by name. Empty rows are skipped. Nothing is written.
 */
export async function previewLedgerImport(db: Reader, file: ParsedLedgerFile): Promise<LedgerImportPreview> {
	const cols = mapColumns(file.header);
	const firstLine = file.firstLine ?? 2;
	const [funds, categories, projects, events] = [
		await listFunds(db),
		await listCategories(db),
		await listProjects(db),
		await listEvents(db)
	];
	const statusOf = new Map<number, YearStatus>();
	const good: LedgerImportPreview['good'] = [];
	const refused: LedgerImportPreview['refused'] = [];

	for (let i = 0; i < file.rows.length; i++) {
		const raw = file.rows[i];
		if (isEmptyRow(raw)) continue;
		const line = firstLine + i;
		const cell = (c: Column) => (cols[c] === undefined ? '' : unguard((raw[cols[c]] ?? '').trim()));
		const errors: string[] = [];
		const own = new Set<string>(); // fields already refused here, so the schema's message does not repeat it
		const refuse = (field: string, message: string) => {
			own.add(field);
			errors.push(`Rad ${line}: ${message}`);
		};

		const date = normaliseDate(cell('date'));
		const year = /^\d{4}-\d{2}-\d{2}$/.test(date) ? Number(date.slice(0, 4)) : null;

		const lookup = <T extends { id: number; name: string }>(
			field: string,
			label: string,
			noun: string,
			value: string,
			found: T[],
			required: boolean
		): number | null => {
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
			fundId: lookup('fundId', 'Fond', 'ingen fond', fundName, byName(funds, fundName), true),
			categoryId: lookup('categoryId', 'Kategori', 'ingen kategori', categoryName, findCategory(categories, categoryName, year), true),
			amount: cell('amount'),
			counterparty: cell('counterparty'),
			voucher: cell('voucher'),
			description: cell('description'),
			projectId: lookup('projectId', 'Projekt', 'inget projekt', projectName, byName(projects, projectName), false),
			eventId: lookup('eventId', 'Evenemang', 'inget evenemang', eventName, byName(events, eventName), false)
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
		if (year !== null && !own.has('date')) {
			if (!statusOf.has(year)) statusOf.set(year, await yearStatus(db, year));
			if (statusOf.get(year) === 'closed')
				refuse(
					'date',
					`Året ${year} är stängt: bokslutet är gjort och inget kan läggas till i det. En administratör kan öppna året igen med ett skäl.`
				);
		}

		if (errors.length || !parsed.success) refused.push({ line, raw, errors });
		else good.push({ line, values: parsed.data });
	}
	return { good, refused };
}

// ---------------------------------------------------------------------------
// Staging and saving

const plural = (n: number, one: string, many: string) => `${formatNumber(n)} ${n === 1 ? one : many}`;

export interface StagedImport extends LedgerImportPreview {
	/** The stored file the confirmation refers to; null when there is nothing to save. */
	fileId: number | null;
	name: string;
	/** Ledger rows already read in from a file of the same name. */
	alreadyImported: number;
}

export const importSource = (name: string) => `Import: ${name}`.slice(0, 250);

function checkUpload(file: { name: string; content: Uint8Array } | null): asserts file is { name: string; content: Uint8Array } {
	if (!file || !file.name || file.content.byteLength === 0) throw fieldError('file', 'Fil: välj en CSV- eller Excel-fil att läsa in.');
	if (file.content.byteLength > MAX_IMPORT_BYTES)
		throw fieldError('file', `Fil: filen får vara högst ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`);
}

async function previewWithContext(db: Db, name: string, content: Uint8Array) {
	const preview = await previewLedgerImport(db, await parseLedgerFile(name, content));
	const [{ n }] = await db
		.select({ n: count() })
		.from(ledgerEntry)
		.where(eq(ledgerEntry.source, importSource(name)));
	return { ...preview, alreadyImported: n };
}

/**
 * The preview of an uploaded file. When it has rows to save, the file is kept
 * (stored_file, once per content) so the confirmation can refer to it by id.
 */
export async function stageLedgerImport(
	db: Db,
	actor: Actor,
	file: { name: string; mediaType?: string; content: Uint8Array } | null
): Promise<StagedImport> {
	requireRole(actor, 'editor');
	checkUpload(file);
	const name = file.name.slice(0, 200);
	const preview = await previewWithContext(db, name, file.content);
	const fileId = preview.good.length
		? await inTransaction(db, (tx) =>
				storeFile(tx, {
					name,
					mediaType: file.mediaType || (isXlsx(name, file.content) ? XLSX_TYPE : 'text/csv'),
					content: file.content
				})
			)
		: null;
	return { ...preview, fileId, name };
}

async function loadStored(db: Db, fileId: number) {
	if (!Number.isSafeInteger(fileId) || fileId <= 0) throw new NotFoundError('Den inlästa filen');
	const [f] = await db.select({ name: storedFile.name, content: storedFile.content }).from(storedFile).where(eq(storedFile.id, fileId));
	if (!f) throw new NotFoundError('Den inlästa filen');
	return f;
}

/** The preview of a file stored by stageLedgerImport, shown again (e.g. when the confirmation was refused). */
export async function previewStoredImport(db: Db, actor: Actor, fileId: number): Promise<StagedImport> {
	requireRole(actor, 'editor');
	const f = await loadStored(db, fileId);
	return { ...(await previewWithContext(db, f.name, f.content)), fileId, name: f.name };
}

async function importRows(db: Db, actor: Actor, file: { name: string; content: Uint8Array }, acceptGood: boolean) {
	requireRole(actor, 'editor');
	checkUpload(file);
	const parsed = await parseLedgerFile(file.name, file.content);
	return inTransaction(
		db,
		async (tx) => {
			// Checked again inside the transaction: the registers or a year may have changed since the preview.
			const { good, refused } = await previewLedgerImport(tx, parsed);
			if (!good.length) throw fieldError('file', 'Filen har inga rader som kan sparas: rätta raderna och läs in filen igen.');
			if (refused.length && !acceptGood)
				throw fieldError(
					'acceptGood',
					`${plural(refused.length, 'rad', 'rader')} kunde inte läsas in. Rätta filen, eller bekräfta att bara ${good.length === 1 ? 'den godkända raden' : `de ${formatNumber(good.length)} godkända raderna`} ska sparas.`
				);
			const values = good.map((g) => g.values);
			const saved = await insertLedgerRows(tx, actor, values, importSource(file.name));
			const years = [...new Set(values.map((v) => Number(v.date.slice(0, 4))))].sort((a, b) => a - b);
			return { saved, years, refused: refused.length };
		},
		ledgerConstraints
	);
}

/**
 * Saves the good rows of a file in one transaction, with one audit row. With
 * refused rows, only when acceptGood says the editor wants just the good ones.
 */
export async function commitLedgerImport(
	db: Db,
	actor: Actor,
	file: { name: string; content: Uint8Array },
	acceptGood: boolean
): Promise<number> {
	return (await importRows(db, actor, file, acceptGood)).saved;
}

/** The confirmation of a preview: the stored file read in; returns what was saved and in which years. */
export async function commitStoredImport(db: Db, actor: Actor, fileId: number, acceptGood: boolean) {
	requireRole(actor, 'editor');
	const f = await loadStored(db, fileId);
	return { ...(await importRows(db, actor, f, acceptGood)), name: f.name };
}
