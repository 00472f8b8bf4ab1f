// How long the 2021 annual report of the demo data takes to make: its model
// (buildReport, which reads the database), its DOCX and its PDF, each round
// building the model anew and then writing both documents from it, timed after
// one warm-up round; and, for comparison, the same DOCX converted to PDF by
// LibreOffice headless, a new soffice process each time, as a server without
// a typesetter of its own would have to. The HTML is served by the application
// and measured by the caller over HTTP; its p50 is printed here when given.
// Run on its own, `node bench/reports.ts <databaseUrl>` prints the figures for a
// database that holds the demo data.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { Percentiles } from './documents.ts';
import { createDb } from '../src/lib/server/db/client.ts';
import { buildReport } from '../src/lib/server/documents/reports.ts';
import { reportDocx } from '../src/lib/server/documents/report-docx.ts';
import { reportPdf } from '../src/lib/server/documents/report-pdf.ts';
import type { Report } from '../src/lib/core/report.ts';
import { clearTypstCache, lastTypstTimings, typstStartup } from '../src/lib/server/documents/typst.ts';

const run = promisify(execFile);

export const YEAR = 2021;

/** The targets, in milliseconds, for the p50 of each: the HTML page, the DOCX and the PDF. */
export const TARGET_HTML_MS = 50;
export const TARGET_DOCX_MS = 150;
export const TARGET_PDF_MS = 100;
/** LibreOffice's conversion of our DOCX should take at least this many times as long as our PDF. */
export const TARGET_RATIO = 40;

/** Each soffice spawn takes seconds: a few are enough for a median. */
const LIBREOFFICE_ROUNDS = 5;
const LIBREOFFICE_TIMEOUT_MS = 120_000;

/** Where the PDF's time went, per round: Typst's compile (parse, evaluate, lay out), its PDF export, and the rest (the Typst source written from the model, the IPC to the child and back, the scheduling of both processes). */
export interface PdfSplit {
	compile: Percentiles;
	export: Percentiles;
	other: Percentiles;
	/** The Typst child's CPU time (all threads) for compile and export. */
	cpu: Percentiles;
}

export interface ReportFigures {
	year: number;
	rounds: number;
	/** buildReport: the model read from the database. */
	build: Percentiles;
	/** reportDocx on the built model. */
	docx: Percentiles;
	/**
	 * reportPdf with Typst's world warm, as the server keeps it: each round the
	 * report with one paragraph changed (a data edit), so only what changed is
	 * laid out again. The figure the ratio to LibreOffice is taken on.
	 */
	pdf: Percentiles;
	pdfSplit: PdfSplit;
	/** reportPdf with Typst's memoized work cleared before each round, as for the first document a server makes (the fonts stay loaded). */
	pdfCold: Percentiles;
	pdfColdSplit: PdfSplit;
	/** The Typst child's start, when this run started it: addon, compiler and fonts, and its first document. */
	startup: ReturnType<typeof typstStartup>;
	docxBytes: number;
	pdfBytes: number;
	/** The DOCX converted by a spawned soffice, or why it could not be measured. */
	libreOffice: { rounds: number; p50: number; runsMs: number[]; pdfBytes: number; cpuP50: number | null } | { error: string };
	/** LibreOffice's p50 over our (warm) PDF's p50; null when LibreOffice was not measured. */
	ratio: number | null;
}

/** Nearest-rank percentile of the sorted times. */
function percentile(sorted: number[], p: number): number {
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

function percentiles(times: number[]): Percentiles {
	const sorted = [...times].sort((a, b) => a - b);
	return { p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
	const start = performance.now();
	const result = await work();
	return [result, performance.now() - start];
}

/**
 * The DOCX converted to PDF by LibreOffice headless: one warm-up spawn, which
 * also creates the private profile (a first start's cost, not a conversion's),
 * then `rounds` spawns timed from spawn to exit.
 */
async function benchLibreOffice(docx: Uint8Array, rounds: number): Promise<ReportFigures['libreOffice']> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-bench-lo-'));
	try {
		const input = path.join(dir, `arsredovisning-${YEAR}.docx`);
		const output = path.join(dir, `arsredovisning-${YEAR}.pdf`);
		fs.writeFileSync(input, docx);
		// A profile of its own: a LibreOffice the user has open, or a test converting at the same time, holds the default one's lock.
		const profile = pathToFileURL(path.join(dir, 'profile')).href;
		const args = [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, input];
		// GNU time, when there, reports the CPU time of soffice and the processes it waited for (user and system, seconds).
		const gnuTime = fs.existsSync('/usr/bin/time');
		const cpuMs: number[] = [];
		const convert = async () => {
			fs.rmSync(output, { force: true });
			const { stderr } = gnuTime
				? await run('/usr/bin/time', ['-f', 'cpu %U %S', 'soffice', ...args], { timeout: LIBREOFFICE_TIMEOUT_MS })
				: await run('soffice', args, { timeout: LIBREOFFICE_TIMEOUT_MS });
			const cpu = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(stderr);
			if (cpu) cpuMs.push((Number(cpu[1]) + Number(cpu[2])) * 1000);
			// soffice exits 0 even when it could not read the file.
			if (!fs.existsSync(output)) throw new Error('soffice wrote no PDF');
		};
		try {
			await convert();
		} catch (e) {
			const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'soffice not found (install libreoffice-writer-nogui)' : String(e);
			return { error: why };
		}
		const runsMs: number[] = [];
		cpuMs.length = 0;
		for (let i = 0; i < rounds; i++) runsMs.push((await timed(convert))[1]);
		const cpuP50 = cpuMs.length === rounds ? percentiles(cpuMs).p50 : null;
		return { rounds, p50: percentiles(runsMs).p50, runsMs, pdfBytes: fs.statSync(output).size, cpuP50 };
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

/** The report with its first paragraph changed: a data edit, as between two versions of a draft. */
function edited(r: Report, round: number): Report {
	const at = r.blocks.findIndex((b) => b.kind === 'paragraph');
	if (at < 0) return r;
	const blocks = [...r.blocks];
	const b = blocks[at] as Extract<Report['blocks'][number], { kind: 'paragraph' }>;
	blocks[at] = { ...b, text: `${b.text} (ändrad ${round + 1} gånger)` };
	return { ...r, blocks };
}

/** Times one PDF and splits it by the child's own timings. */
async function timedPdf(report: Report, into: Series) {
	const [, ms] = await timed(() => reportPdf(report));
	const t = lastTypstTimings();
	into.total.push(ms);
	into.compile.push(t?.compileMs ?? NaN);
	into.export.push(t?.pdfMs ?? NaN);
	into.other.push(t ? ms - t.compileMs - t.pdfMs : NaN);
	into.cpu.push(t?.cpuMs ?? NaN);
}

type Series = Record<'total' | 'compile' | 'export' | 'other' | 'cpu', number[]>;
const series = (): Series => ({ total: [], compile: [], export: [], other: [], cpu: [] });
const split = (s: Series): PdfSplit => ({
	compile: percentiles(s.compile),
	export: percentiles(s.export),
	other: percentiles(s.other),
	cpu: percentiles(s.cpu)
});

/**
 * The annual report of 2021 from the database at `databaseUrl` (which holds the
 * demo data): one warm-up round, which also starts the Typst child and loads its
 * fonts, then `rounds` rounds, each building the model and writing the DOCX and
 * the PDF from it. The PDF is timed twice a round: warm, as the server makes
 * documents (Typst's memoized work kept between documents, the report with one
 * paragraph changed each round, so that it is not the same document again),
 * and cold, with that cache cleared first, as for a server's first document
 * (the fonts stay loaded).
 */
export async function benchReports(databaseUrl: string, rounds = 20): Promise<ReportFigures> {
	const db = createDb(databaseUrl, 2);
	try {
		const warm = await buildReport(db, 'annual', YEAR, null);
		if (warm.blocks.length === 0) throw new Error(`the annual report of ${YEAR} is empty: is the demo data loaded?`);
		const docxBytes = (await reportDocx(warm)).byteLength;
		const pdfBytes = (await reportPdf(warm)).byteLength;
		const startup = typstStartup();

		const build: number[] = [];
		const docx: number[] = [];
		const hot = series();
		const cold = series();
		let last: Uint8Array = new Uint8Array();
		for (let i = 0; i < rounds; i++) {
			const [report, b] = await timed(() => buildReport(db, 'annual', YEAR, null));
			const [bytes, d] = await timed(() => reportDocx(report));
			await timedPdf(edited(report, i), hot);
			await clearTypstCache();
			await timedPdf(report, cold);
			build.push(b);
			docx.push(d);
			last = bytes;
		}
		const figures = {
			build: percentiles(build),
			docx: percentiles(docx),
			pdf: percentiles(hot.total),
			pdfSplit: split(hot),
			pdfCold: percentiles(cold.total),
			pdfColdSplit: split(cold)
		};
		const libreOffice = await benchLibreOffice(last, LIBREOFFICE_ROUNDS);
		const ratio = 'p50' in libreOffice ? libreOffice.p50 / figures.pdf.p50 : null;
		return { year: YEAR, rounds, ...figures, startup, docxBytes, pdfBytes, libreOffice, ratio };
	} finally {
		await db.$client.end();
	}
}

const msf = (ms: number) => (ms < 10 ? `${ms.toFixed(2)} ms` : ms < 100 ? `${ms.toFixed(1)} ms` : `${ms.toFixed(0)} ms`);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const pad = (v: string, n: number) => v.padEnd(n);
const splitText = (p: Percentiles) => msf(p.p50);

/**
 * The figures as printable lines, each with a target ending PASS or FAIL (the
 * model's build has none: it is part of every format's time, printed to show
 * how much). `htmlP50` is the HTML page's p50 over HTTP, measured by the caller.
 * `verdict` lets the caller record each target as it prints it.
 */
export function describeReports(
	f: ReportFigures,
	htmlP50?: number | null,
	verdict: (what: string, pass: boolean) => string = (_, pass) => (pass ? 'PASS' : 'FAIL')
): string[] {
	const label = `annual report ${f.year}`;
	const row = (what: string, p: Percentiles | null, p50Only?: number) =>
		'   ' +
		pad(what, 40) +
		(p ? `p50 ${pad(msf(p.p50), 10)} p95 ${pad(msf(p.p95), 10)}` : `p50 ${pad(msf(p50Only ?? NaN), 10)} ${pad('', 14)}`);
	const lines = [row(`${label} model (buildReport)`, f.build) + '(no target)'];
	if (htmlP50 != null) {
		lines.push(
			row(`${label} HTML (over HTTP)`, null, htmlP50) +
				`target p50 < ${TARGET_HTML_MS} ms   ${verdict(`${label} HTML p50 < ${TARGET_HTML_MS} ms`, htmlP50 < TARGET_HTML_MS)}`
		);
	}
	lines.push(
		row(`${label} DOCX`, f.docx) +
			`target p50 < ${TARGET_DOCX_MS} ms   ${verdict(`${label} DOCX p50 < ${TARGET_DOCX_MS} ms`, f.docx.p50 < TARGET_DOCX_MS)}`,
		row(`${label} PDF (Typst, warm)`, f.pdf) +
			`target p50 < ${TARGET_PDF_MS} ms   ${verdict(`${label} PDF p50 < ${TARGET_PDF_MS} ms`, f.pdf.p50 < TARGET_PDF_MS)}`,
		'      warm: Typst keeps its memoized work between documents; each round the report has one paragraph changed (a data edit)',
		`      of which: compile ${splitText(f.pdfSplit.compile)}, PDF export ${splitText(f.pdfSplit.export)}, the Typst source written and sent (IPC) ${splitText(f.pdfSplit.other)} (p50s)`,
		row(`${label} PDF (cache cleared)`, f.pdfCold) + "(no target: a server's first document)",
		`      of which: compile ${splitText(f.pdfColdSplit.compile)}, PDF export ${splitText(f.pdfColdSplit.export)}, the Typst source written and sent (IPC) ${splitText(f.pdfColdSplit.other)} (p50s)`
	);
	if (f.startup)
		lines.push(
			`      the Typst child's start: addon loaded ${msf(f.startup.loadMs)}, compiler created (system fonts found) ${msf(f.startup.createMs)}; ` +
				`its first document compiled in ${msf(f.startup.firstCompileMs)} (fonts read as used), exported in ${msf(f.startup.firstPdfMs)}`
		);
	const what = `LibreOffice's DOCX → PDF ≥ ${TARGET_RATIO}× our PDF`;
	const lo = f.libreOffice;
	if ('error' in lo) {
		lines.push(`   ${pad('LibreOffice headless DOCX → PDF', 40)}not measured: ${lo.error}   ${verdict(what, false)}`);
	} else {
		const ratio = f.ratio ?? 0;
		lines.push(
			row('LibreOffice headless DOCX → PDF', null, lo.p50) +
				`${ratio.toFixed(0)}× our warm PDF's p50 (${f.pdfCold.p50 ? (lo.p50 / f.pdfCold.p50).toFixed(0) : '–'}× the cleared one's), target ≥ ${TARGET_RATIO}×   ${verdict(what, ratio >= TARGET_RATIO)}`
		);
	}
	if (!('error' in lo) && lo.cpuP50 != null)
		lines.push(
			`      CPU time, which the machine's load does not stretch: LibreOffice ${msf(lo.cpuP50)}, the Typst child ${msf(f.pdfSplit.cpu.p50)} warm ` +
				`(${(lo.cpuP50 / f.pdfSplit.cpu.p50).toFixed(0)}×), ${msf(f.pdfColdSplit.cpu.p50)} cleared (${(lo.cpuP50 / f.pdfColdSplit.cpu.p50).toFixed(0)}×); p50s, no target`
		);
	lines.push(
		`   (${f.rounds} rounds after a warm-up, each building the model and writing both documents from it; DOCX ${kb(f.docxBytes)}, PDF ${kb(f.pdfBytes)}` +
			('error' in lo
				? ')'
				: `; LibreOffice: ${lo.rounds} spawns of soffice after one, ${lo.runsMs.map(msf).join(', ')}, its PDF ${kb(lo.pdfBytes)})`)
	);
	return lines;
}

const runDirectly = import.meta.main ?? (process.argv[1] != null && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url));

if (runDirectly) {
	const url = process.argv[2];
	if (!url) {
		console.error('usage: node bench/reports.ts <databaseUrl>   (a database holding the demo data)');
		process.exit(2);
	}
	for (const line of describeReports(await benchReports(url))) console.log(line);
}
