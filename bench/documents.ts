// How long the meeting documents take to make: the DOCX and the PDF of one
// meeting, each timed over a number of rounds after one warm-up round (which
// also loads the Typst compiler and its fonts). Run on its own,
// `node bench/documents.ts` prints the figures for the minutes of 20 November
// 2020 and for their notice.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MeetingDocument } from '../src/lib/core/meetings.ts';
import { meetingDocx } from '../src/lib/server/documents/meeting-docx.ts';
import { meetingPdf } from '../src/lib/server/documents/meeting-pdf.ts';
import { clearTypstCache } from '../src/lib/server/documents/typst.ts';
import { minutes20201120, notice20201120 } from '../tests/fixtures/minutes-2020-11-20.ts';

export type Percentiles = { p50: number; p95: number };

/** Generating one document should stay under this, in milliseconds. */
export const TARGET_MS = 200;

/** Nearest-rank percentile of the sorted times. */
function percentile(sorted: number[], p: number): number {
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

async function time(make: () => Promise<Uint8Array>, rounds: number, before?: () => Promise<void>): Promise<Percentiles> {
	const first = await make();
	if (first.byteLength === 0) throw new Error('Dokumentet blev tomt.');
	const times: number[] = [];
	for (let i = 0; i < rounds; i++) {
		await before?.();
		const start = performance.now();
		await make();
		times.push(performance.now() - start);
	}
	times.sort((a, b) => a - b);
	return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

/**
 * The DOCX and the PDF of the meeting, each timed over `rounds` rounds after one
 * warm-up. Typst memoizes its work, so the same source a second time costs next
 * to nothing: the PDF is timed with that cache cleared before each round, as for
 * a document not made before (the fonts stay loaded).
 */
export async function benchMeetingDocuments(doc: MeetingDocument, rounds = 30): Promise<{ docx: Percentiles; pdf: Percentiles }> {
	const docx = await time(() => meetingDocx(doc), rounds);
	const pdf = await time(() => meetingPdf(doc), rounds, clearTypstCache);
	return { docx, pdf };
}

/** "minutes DOCX p50 12.3 ms p95 15.0 ms (target < 200 ms)" */
export function describeFigures(label: string, figures: { docx: Percentiles; pdf: Percentiles }): string[] {
	return (['docx', 'pdf'] as const).map((kind) => {
		const { p50, p95 } = figures[kind];
		const verdict = p95 < TARGET_MS ? 'PASS' : 'FAIL';
		return `${label} ${kind.toUpperCase()} p50 ${p50.toFixed(1)} ms p95 ${p95.toFixed(1)} ms (target < ${TARGET_MS} ms) ${verdict}`;
	});
}

const runDirectly = import.meta.main ?? (process.argv[1] != null && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url));

if (runDirectly) {
	for (const [label, doc] of [
		['minutes', minutes20201120],
		['notice', notice20201120]
	] as const) {
		for (const line of describeFigures(label, await benchMeetingDocuments(doc))) console.log(line);
	}
}
