// The 2021 annual report's DOCX (with its table of contents, whose page numbers
// take a layout of the whole document) made on this thread and in the worker
// thread (docx-worker.ts): the wall time of each, the CPU time of the process,
// and the event loop's longest gap meanwhile, from a setInterval(1 ms) probe.
// An idle stretch of the same probe shows what the machine's load alone costs.
//
// Against the database of a running application with the demo data:
//   DATA_DIR=/tmp/h24-docx-data node bench/docx-event-loop.ts [rounds]
import { performance } from 'node:perf_hooks';
import { databaseUrl } from './planning-data.ts';
import { createDb } from '../src/lib/server/db/client.ts';
import { buildReport } from '../src/lib/server/documents/reports.ts';
import { reportDocx, reportDocxHere, stopReportDocxWorker } from '../src/lib/server/documents/report-docx.ts';
import type { Report } from '../src/lib/core/report.ts';

const YEAR = 2021;

interface Round {
	wall: number;
	gap: number;
	cpu: number;
}

/** Runs `work` under the probe: its wall time, the process's CPU time and the loop's longest gap. */
async function probed(work: () => Promise<unknown>): Promise<Round> {
	let last = performance.now();
	let gap = 0;
	const probe = setInterval(() => {
		const now = performance.now();
		gap = Math.max(gap, now - last);
		last = now;
	}, 1);
	await new Promise((r) => setTimeout(r, 5));
	last = performance.now();
	const t0 = performance.now();
	const c0 = process.cpuUsage();
	await work();
	const wall = performance.now() - t0;
	const c = process.cpuUsage(c0);
	gap = Math.max(gap, performance.now() - last);
	clearInterval(probe);
	return { wall, gap, cpu: (c.user + c.system) / 1000 };
}

const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const range = (xs: number[]) => `p50 ${p50(xs).toFixed(0)} (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}) ms`;

async function series(label: string, make: (r: Report) => Promise<Uint8Array>, report: Report, rounds: number) {
	// Each round a report that differs in one cover line, as a draft that changed since it was last downloaded.
	let n = 0;
	const variant = (): Report => ({ ...report, cover: { ...report.cover, responsible: `Handläggare ${label} ${++n}` } });
	const first = await probed(() => make(variant()));
	const warm: Round[] = [];
	for (let i = 0; i < rounds; i++) warm.push(await probed(() => make(variant())));
	console.log(
		`${label.padEnd(12)} first: wall ${first.wall.toFixed(0)} ms, gap ${first.gap.toFixed(0)} ms | ` +
			`warm: wall ${range(warm.map((r) => r.wall))}, longest gap ${range(warm.map((r) => r.gap))}, CPU ${range(warm.map((r) => r.cpu))}`
	);
}

const rounds = Number(process.argv[2] ?? 8);
const db = createDb(databaseUrl(process.env.DATA_DIR ?? 'data'), 2);
try {
	const report = await buildReport(db, 'annual', YEAR, null);
	if (!report.tableOfContents || report.blocks.length === 0)
		throw new Error(`the annual report of ${YEAR} has no table of contents or no text`);
	const idle = await probed(() => new Promise((r) => setTimeout(r, 1500)));
	console.log(`idle 1.5 s: longest gap ${idle.gap.toFixed(0)} ms`);
	await series('this thread', reportDocxHere, report, rounds);
	await series('worker', reportDocx, report, rounds);
} finally {
	await stopReportDocxWorker();
	await db.$client.end();
}
