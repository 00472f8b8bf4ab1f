// A ledger file read and checked in a worker thread of its own, with its own
// heap limit and a time box, one file at a time: a 10 MB export of 130 000 rows,
// a workbook whose one cell is 300 MB or a zip bomb costs the worker, which is
// stopped or dies alone; the server's event loop goes on answering, and its
// 128 MB heap never holds the file's rows.
//
// This module is its own worker: the thread loads this same file (import.meta.url),
// which works for the sources (Node strips the types) and for the build alike,
// as long as the module is reached only by a dynamic import() (import.ts does),
// so that the bundler gives it a chunk of its own.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { TooManyRequestsError, ValidationError, fieldError, type FieldError } from '../errors.ts';
import {
	checkLedgerRows,
	openLedgerFile,
	readLedgerFile,
	type CheckedLedgerFile,
	type ImportRegisters,
	type ParsedLedgerFile
} from './import-read.ts';

/** The worker is stopped after this long: a file that takes longer is refused. */
export const TIME_LIMIT_MS = 20_000;
/**
 * Saving re-reads a file whose preview passed within TIME_LIMIT_MS, and hands
 * every good row back: it may take longer on a busy machine without the file
 * being suspect.
 */
export const SAVE_TIME_LIMIT_MS = 60_000;
/** The worker's heap: enough for 200 000 rows of an .xlsx, far from what the machine has. */
const HEAP_MB = 192;
/** Files waiting for the one worker; more are refused at once. */
const MAX_WAITING = 3;

const ROLE = 'samverka-ledger-import';

export type ImportJob =
	| { kind: 'parse'; name: string; content: Uint8Array }
	| { kind: 'check'; name: string; content: Uint8Array; registers: ImportRegisters; keepGood: number; keepRefused: number };

type Reply = { ok: true; result: unknown } | { ok: false; refused: FieldError[] } | { ok: false; failed: string };

async function work(job: ImportJob): Promise<ParsedLedgerFile | CheckedLedgerFile> {
	if (job.kind === 'parse') return readLedgerFile(job.name, job.content);
	const file = await openLedgerFile(job.name, job.content);
	return checkLedgerRows(file, job.registers, { keepGood: job.keepGood, keepRefused: job.keepRefused });
}

if (!isMainThread && (workerData as { role?: string } | null)?.role === ROLE) {
	parentPort!.once('message', (job: ImportJob) => {
		work(job).then(
			(result) => parentPort!.postMessage({ ok: true, result } satisfies Reply),
			(e: unknown) =>
				parentPort!.postMessage(
					(e instanceof ValidationError
						? { ok: false, refused: e.errors }
						: { ok: false, failed: e instanceof Error ? (e.stack ?? e.message) : String(e) }) satisfies Reply
				)
		);
	});
}

// ---------------------------------------------------------------------------
// The main thread's side

const slow = (ms: number) =>
	`Filen tog för lång tid att läsa (mer än ${ms / 1000} sekunder) och lästes inte in. Dela upp den i mindre filer eller spara den som CSV.`;
const TOO_BIG =
	'Filen kräver mer minne att läsa än servern ger en inläsning och lästes inte in. Dela upp den i mindre filer eller spara den som CSV.';

let queue: Promise<unknown> = Promise.resolve();
let waiting = 0;

function runOnce<T>(job: ImportJob): Promise<T> {
	const limitMs = job.kind === 'check' && job.keepGood === Infinity ? SAVE_TIME_LIMIT_MS : TIME_LIMIT_MS;
	return new Promise<T>((resolve, reject) => {
		const worker = new Worker(new URL(import.meta.url), {
			workerData: { role: ROLE },
			resourceLimits: { maxOldGenerationSizeMb: HEAP_MB, maxYoungGenerationSizeMb: 16 },
			stdout: false,
			stderr: false
		});
		let settled = false;
		const settle = (fn: () => void) => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			fn();
			void worker.terminate();
		};
		const timer = setTimeout(() => settle(() => reject(fieldError('file', slow(limitMs)))), limitMs);
		worker.once('message', (reply: Reply) =>
			settle(() => {
				if (reply.ok) resolve(reply.result as T);
				else if ('refused' in reply) reject(new ValidationError(reply.refused));
				else reject(new Error(`Importen av ${job.name} misslyckades i sin tråd: ${reply.failed}`));
			})
		);
		worker.once('error', (e: Error & { code?: string }) =>
			settle(() => reject(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? fieldError('file', TOO_BIG) : e))
		);
		worker.once('exit', (code) => settle(() => reject(new Error(`Importens tråd avslutades (${code}) utan svar.`))));
		// The worker gets a copy of its own, moved rather than copied again.
		const content = job.content.slice();
		worker.postMessage({ ...job, content }, [content.buffer]);
	});
}

/**
 * Runs a job in a fresh worker, one at a time (the machine has two cores and
 * the server a memory target); a few wait their turn, more are refused (429).
 */
export function runImportJob(job: { kind: 'parse'; name: string; content: Uint8Array }): Promise<ParsedLedgerFile & { firstLine: number }>;
export function runImportJob(job: Extract<ImportJob, { kind: 'check' }>): Promise<CheckedLedgerFile>;
export function runImportJob(job: ImportJob): Promise<unknown> {
	if (waiting >= MAX_WAITING)
		return Promise.reject(new TooManyRequestsError('Servern läser redan in andra filer. Försök igen om en stund.'));
	waiting++;
	const mine = queue.then(() => {
		waiting--;
		return runOnce(job);
	});
	queue = mine.catch(() => undefined);
	return mine;
}
