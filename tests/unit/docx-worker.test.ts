// A report's Word document with a table of contents is made in a worker thread
// (docx-worker.ts): the same file as on the server's own thread, one worker for
// every document, its errors carried back, a bounded queue, and the server's
// thread as the fallback when the worker cannot be used.
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import type { Block, Report } from '../../src/lib/core/report.ts';
import { heading } from '../../src/lib/core/report.ts';
import { reportDocx, reportDocxHere, stopReportDocxWorker } from '../../src/lib/server/documents/report-docx.ts';
import { docxWorkerThreadId, limits, MAX_WAITING, reportDocxInWorker, stopDocxWorker } from '../../src/lib/server/documents/docx-worker.ts';
import { TooManyRequestsError } from '../../src/lib/server/errors.ts';

const LOREM =
	'Samverkansrådet följde upp verksamhetsplanens mål och aktiviteter, och kommunerna rapporterade sina insatser inom regional utveckling, kompetensförsörjning och infrastruktur under året.';

/** Three chapters of several pages each, so the table of contents has numbers beyond the first page. */
function report(title = 'Årsredovisning 2021'): Report {
	const blocks: Block[] = [];
	for (let c = 1; c <= 3; c++) {
		blocks.push(heading(1, String(c), `Kapitel ${c}`));
		for (let s = 1; s <= 2; s++) {
			blocks.push(heading(2, `${c}.${s}`, `Avsnitt ${c}.${s}`));
			for (let p = 0; p < 12; p++) blocks.push({ kind: 'paragraph', text: LOREM });
		}
	}
	return {
		kind: 'annual',
		year: 2021,
		title,
		cooperationName: 'Södertörns kommuner',
		kindLabel: title,
		cover: { issuer: 'Södertörns kommuner', title, decided: null, responsible: null },
		tableOfContents: true,
		blocks
	};
}

const documentXml = (docx: Uint8Array) => strFromU8(unzipSync(docx)['word/document.xml']);
/** The page numbers written into the table of contents. */
const tocNumbers = (docx: Uint8Array) =>
	[
		...documentXml(docx).matchAll(/PAGEREF _Toc\w+ \\h<\/w:instrText><w:fldChar w:fldCharType="separate"\/>(?:<w:t[^>]*>([^<]*)<\/w:t>)?/g)
	].map((m) => m[1] ?? '');

afterAll(() => stopReportDocxWorker());

/** The page of each chapter and section of report(): the table of contents is on page 2, the text begins on page 3. */
const PAGES = ['3', '3', '3', '4', '4', '5', '6', '6', '7'];

/** A slow, shared machine: the worker's first document loads docx and its layout in the thread. */
const SLOW = 60_000;

describe('the Word documents’ worker', () => {
	it(
		'makes the same document as the server’s thread, in one worker kept for the next',
		async () => {
			const here = await reportDocxHere(report());
			const there = await reportDocx(report());
			const worker = docxWorkerThreadId();
			expect(worker).not.toBeNull();
			expect(documentXml(there)).toBe(documentXml(here));
			expect(tocNumbers(there)).toEqual(PAGES);
			await reportDocx(report('Verksamhetsplan 2022'));
			expect(docxWorkerThreadId()).toBe(worker);
		},
		SLOW
	);

	it(
		'carries an error in the document back as an error, and goes on with the next',
		async () => {
			const broken = { ...report(), blocks: null } as unknown as Report;
			await expect(reportDocxInWorker(broken)).rejects.toThrow(/Word-dokumentet kunde inte göras: .*TypeError/s);
			expect(tocNumbers(await reportDocxInWorker(report()))).toEqual(PAGES);
		},
		SLOW
	);

	it(
		'refuses documents beyond its queue at once, and makes those in it',
		async () => {
			const queued = Array.from({ length: MAX_WAITING }, () => reportDocxInWorker(report()));
			await expect(reportDocxInWorker(report())).rejects.toBeInstanceOf(TooManyRequestsError);
			for (const docx of await Promise.all(queued)) expect(tocNumbers(docx)).toEqual(PAGES);
		},
		SLOW
	);

	it(
		'makes a document on the server’s thread when the worker is gone under it',
		async () => {
			const waiting = [reportDocxInWorker(report()), reportDocxInWorker(report())];
			const worker = docxWorkerThreadId();
			expect(worker).not.toBeNull();
			await stopDocxWorker();
			expect(docxWorkerThreadId()).toBeNull();
			for (const docx of await Promise.all(waiting)) expect(tocNumbers(docx)).toEqual(PAGES);
			// The next document starts a new worker.
			await reportDocxInWorker(report());
			expect(docxWorkerThreadId()).not.toBe(worker);
		},
		SLOW
	);

	it(
		'refuses a document that outlasts the time limit, and makes the next in a new worker',
		async () => {
			await reportDocxInWorker(report());
			const worker = docxWorkerThreadId();
			const before = limits.timeMs;
			limits.timeMs = 1;
			try {
				await expect(reportDocxInWorker(report())).rejects.toThrow(/blev inte klart på 0.001 sekunder/);
			} finally {
				limits.timeMs = before;
			}
			expect(tocNumbers(await reportDocxInWorker(report()))).toEqual(PAGES);
			expect(docxWorkerThreadId()).not.toBe(worker);
		},
		SLOW
	);
});
