// The annual report's and the plan's Word document, when it has a table of
// contents, made in a worker thread: its page numbers come from laying the
// whole document out as Word would (docx-measure.ts), about half a second of
// CPU for the annual report, which on the server's own thread would hold up
// every other request meanwhile. In the worker the event loop goes on answering.
//
// One worker, started on first use and kept for the documents after it (it
// keeps the characters' widths it has measured); documents wait their turn in a
// short queue, more are refused (429). A document that fails in the worker fails
// with its error; when the worker itself cannot be used (it could not start, it
// died, it was stopped), the documents it held are made on the server's
// thread instead, as before the worker: slower for the others, but the
// download is not lost. A document the worker has not made within the time
// limit is refused (it would hang the server's thread too), and a new worker
// takes the others. An idle worker does not keep the process alive, and
// stopDocxWorker ends it (the server's shutdown, tests).
//
// This module is its own worker, as the ledger import's is (import-worker.ts):
// the thread loads this same file (import.meta.url), which works for the
// sources (Node strips the types) and for the build alike, as long as the
// module is reached only by a dynamic import() (report-docx.ts does), so that
// the bundler gives it a chunk of its own.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { Report } from '../../core/report.ts';
import { TooManyRequestsError } from '../errors.ts';
import { reportDocxHere } from './report-docx.ts';

/** Documents waiting for the worker, the one being made included; more are refused at once. */
export const MAX_WAITING = 8;
/** A document the worker has not answered after this long has hung it: the worker is stopped and the document refused. */
export const limits = { timeMs: 30_000 };
/** The worker's heap: the annual report's layout needs a few tens of MB. */
const HEAP_MB = 128;

const ROLE = 'samverka-docx-layout';

type Job = { id: number; report: Report };
type Reply = { id: number; ok: true; docx: Uint8Array } | { id: number; ok: false; failed: string };

if (!isMainThread && (workerData as { role?: string } | null)?.role === ROLE) {
	// One document at a time: the main thread sends the next only when this one is answered.
	parentPort!.on('message', (job: Job) => {
		// Through a promise, so that an error thrown before the document's first await is the document's, not the worker's.
		Promise.resolve(job.report)
			.then(reportDocxHere)
			.then(
				(bytes) => {
					// A copy of its own, moved rather than copied again (the packer's buffer may share its memory).
					const docx = bytes.slice();
					parentPort!.postMessage({ id: job.id, ok: true, docx } satisfies Reply, [docx.buffer]);
				},
				(e: unknown) =>
					parentPort!.postMessage({
						id: job.id,
						ok: false,
						failed: e instanceof Error ? (e.stack ?? e.message) : String(e)
					} satisfies Reply)
			);
	});
}

// ---------------------------------------------------------------------------
// The main thread's side

interface Waiting {
	id: number;
	report: Report;
	resolve: (docx: Uint8Array) => void;
	reject: (e: unknown) => void;
}

let worker: Worker | null = null;
/** The document the worker is making, then those waiting for it, in order. */
const queue: Waiting[] = [];
let busy = false;
let timer: NodeJS.Timeout | undefined;
let nextId = 1;
/** Workers in a row that died before answering anything: after a few, the worker is not tried again. */
let failedStarts = 0;
const MAX_FAILED_STARTS = 3;
/** Whether the current worker has answered a document. */
let answered = false;

/** The jobs the worker had, made on this thread instead: the worker could not be used. */
function fallBack(why: string) {
	const jobs = queue.splice(0);
	busy = false;
	clearTimeout(timer);
	if (jobs.length && failedStarts < MAX_FAILED_STARTS)
		console.warn(`Word-dokumentens tråd kunde inte användas (${why}); ${jobs.length} dokument görs i serverns tråd.`);
	for (const job of jobs) reportDocxHere(job.report).then(job.resolve, job.reject);
}

function start(): Worker {
	const w = new Worker(new URL(import.meta.url), {
		workerData: { role: ROLE },
		resourceLimits: { maxOldGenerationSizeMb: HEAP_MB, maxYoungGenerationSizeMb: 16 },
		stdout: false,
		stderr: false
	});
	answered = false;
	w.on('message', (reply: Reply) => {
		answered = true;
		failedStarts = 0;
		const job = queue[0];
		if (!job || job.id !== reply.id) return;
		queue.shift();
		busy = false;
		clearTimeout(timer);
		if (reply.ok) job.resolve(reply.docx);
		else job.reject(new Error(`Word-dokumentet kunde inte göras: ${reply.failed}`));
		next();
	});
	const gone = (why: string) => {
		if (worker !== w) return;
		worker = null;
		if (!answered && ++failedStarts === MAX_FAILED_STARTS)
			console.error(`Word-dokumentens tråd kunde inte startas (${why}): dokumenten görs i serverns tråd från nu.`);
		fallBack(why);
	};
	w.on('error', (e) => gone(e.message));
	w.on('exit', (code) => gone(`avslutades med kod ${code}`));
	return w;
}

/** Sends the first waiting document to the worker; an idle worker lets the process exit. */
function next() {
	if (busy) return;
	const job = queue[0];
	if (!job) {
		worker?.unref();
		return;
	}
	if (failedStarts >= MAX_FAILED_STARTS) {
		fallBack('kan inte startas');
		return;
	}
	try {
		worker ??= start();
	} catch (e) {
		worker = null;
		fallBack(e instanceof Error ? e.message : String(e));
		return;
	}
	busy = true;
	worker.ref();
	const w = worker;
	timer = setTimeout(() => {
		// This document hung the worker: it is refused, not tried again on the server's thread, which it would
		// hang as well; the worker is replaced (no longer this module's, so its exit falls nothing back) for the rest.
		worker = null;
		void w.terminate();
		queue.shift();
		busy = false;
		job.reject(new Error(`Word-dokumentet blev inte klart på ${limits.timeMs / 1000} sekunder och avbröts.`));
		next();
	}, limits.timeMs);
	w.postMessage({ id: job.id, report: job.report } satisfies Job);
}

/** The report as a .docx file, made in the worker; see the top of this module. */
export function reportDocxInWorker(report: Report): Promise<Uint8Array> {
	if (queue.length >= MAX_WAITING)
		return Promise.reject(new TooManyRequestsError('Servern gör redan flera Word-dokument. Försök igen om en stund.'));
	return new Promise<Uint8Array>((resolve, reject) => {
		queue.push({ id: nextId++, report, resolve, reject });
		next();
	});
}

/** The worker thread's id while there is one (tests, diagnostics). */
export function docxWorkerThreadId(): number | null {
	return worker?.threadId ?? null;
}

/** Ends the worker (the server's shutdown, tests); a document still waiting is made on this thread. */
export async function stopDocxWorker(): Promise<void> {
	const w = worker;
	if (!w) return;
	worker = null;
	fallBack('stoppad');
	await w.terminate();
}
