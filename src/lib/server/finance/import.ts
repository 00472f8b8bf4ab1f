// Ledger rows from the host municipality's accounting: a CSV or Excel export is
// read, each row checked as a typed-in transaction would be (plus fund, category
// and project names looked up, and the year open), and shown as a preview with
// every refused row and why. Nothing is saved until an editor accepts; with
// refused rows, only the good ones, and only when the editor says so. The good
// rows go in one transaction with one audit row.
//
// The file is read and checked in a worker thread with limits and a time box
// (import-worker.ts, import-read.ts); this module reads the registers the rows
// are checked against (one query each, whatever the file's size), and stores
// and saves.
import { count, eq } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import type { Actor } from '../actor.ts';
import { fiscalYear, ledgerEntry, storedFile } from '../db/schema/index.ts';
import { fieldError, NotFoundError } from '../errors.ts';
import { inTransaction, requireRole } from '../service.ts';
import { storeFile } from '../mail/outbox.ts';
import { formatNumber } from '../../core/format.ts';
import { insertLedgerRows, ledgerConstraints } from './service.ts';
import { listCategories, listEvents, listFunds, listProjects } from './queries.ts';
import {
	checkLedgerRows,
	isXlsx,
	MAX_IMPORT_BYTES,
	type CheckedLedgerFile,
	type GoodRow,
	type ImportRegisters,
	type ParsedLedgerFile,
	type RefusedRow
} from './import-read.ts';

export { IMPORT_COLUMNS, MAX_IMPORT_BYTES, type ParsedLedgerFile } from './import-read.ts';

type Reader = Db | Tx;

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The good rows a preview keeps to show (all are counted, and all are saved). */
export const PREVIEW_GOOD = 100;
/** The refused rows a preview keeps to show; the rest are counted. */
export const PREVIEW_REFUSED = 200;

export interface LedgerImportPreview {
	good: GoodRow[];
	refused: RefusedRow[];
}

/** The worker module, loaded on first use: a dynamic import, so the build gives it a chunk of its own. */
const worker = () => import('./import-worker.ts');

/**
 * A CSV (';', ',' or tab) or .xlsx file as text cells, read in the import's
 * worker with its limits. Excel dates become YYYY-MM-DD and numbers their text
 * with a decimal comma. The header is the first row that names known columns
 * (a title row above it is skipped).
 */
export async function parseLedgerFile(name: string, content: Uint8Array): Promise<ParsedLedgerFile & { firstLine: number }> {
	return (await worker()).runImportJob({ kind: 'parse', name, content });
}

/** What rows are checked against: every register read once, in the reader's snapshot. */
async function importRegisters(db: Reader): Promise<ImportRegisters> {
	const named = (rows: { id: number; name: string }[]) => rows.map(({ id, name }) => ({ id, name }));
	const [funds, categories, projects, events, closed] = [
		await listFunds(db),
		await listCategories(db),
		await listProjects(db),
		await listEvents(db),
		await db.select({ year: fiscalYear.year }).from(fiscalYear).where(eq(fiscalYear.status, 'closed'))
	];
	return {
		funds: named(funds),
		categories,
		projects: named(projects),
		events: named(events),
		closedYears: closed.map((r) => r.year)
	};
}

/**
 * Checks every row as the ledger form would, and looks up fund, category,
 * project and event by name. Empty rows are skipped. Nothing is written.
 * (A file already read; the services check files in the worker instead.)
 */
export async function previewLedgerImport(db: Reader, file: ParsedLedgerFile): Promise<LedgerImportPreview> {
	const { good, refused } = checkLedgerRows({ ...file, firstLine: file.firstLine ?? 2 }, await importRegisters(db));
	return { good, refused };
}

/** A file read and checked in the worker against the registers as the reader sees them. */
async function checkFile(db: Reader, name: string, content: Uint8Array, keep: { keepGood: number; keepRefused: number }) {
	const registers = await importRegisters(db);
	return (await worker()).runImportJob({ kind: 'check', name, content, registers, ...keep });
}

// ---------------------------------------------------------------------------
// Staging and saving

const plural = (n: number, one: string, many: string) => `${formatNumber(n)} ${n === 1 ? one : many}`;

export interface StagedImport extends CheckedLedgerFile {
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

/** The preview: every row counted, the first PREVIEW_REFUSED refused and PREVIEW_GOOD good rows kept to show. */
async function previewWithContext(db: Db, name: string, content: Uint8Array) {
	const preview = await checkFile(db, name, content, { keepGood: PREVIEW_GOOD, keepRefused: PREVIEW_REFUSED });
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
	const fileId = preview.goodCount
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
	return inTransaction(
		db,
		async (tx) => {
			// Checked again inside the transaction, against the registers as it sees them: they or a year may have changed since the preview.
			const { good, goodCount, refusedCount, years } = await checkFile(tx, file.name, file.content, { keepGood: Infinity, keepRefused: 0 });
			if (!goodCount) throw fieldError('file', 'Filen har inga rader som kan sparas: rätta raderna och läs in filen igen.');
			if (refusedCount && !acceptGood)
				throw fieldError(
					'acceptGood',
					`${plural(refusedCount, 'rad', 'rader')} kunde inte läsas in. Rätta filen, eller bekräfta att bara ${goodCount === 1 ? 'den godkända raden' : `de ${formatNumber(goodCount)} godkända raderna`} ska sparas.`
				);
			// In batches of 1 000 rows (insertLedgerRows), far below PostgreSQL's 65 535 parameters a statement.
			const saved = await insertLedgerRows(
				tx,
				actor,
				good.map((g) => g.values),
				importSource(file.name)
			);
			return { saved, years, refused: refusedCount };
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
