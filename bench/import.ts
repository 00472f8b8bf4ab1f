// The ledger import against a running production server (npm start's flags,
// started by bench/server.ts): a 10 MB CSV of 130 000 rows uploaded and
// previewed, then accepted, while a pinger asks for a cheap page every 100 ms;
// then a zip bomb and a workbook with a giant cell, which must be refused fast
// with a message that says why. Issue 21's targets.
import { readFileSync } from 'node:fs';
import { createDb } from '../src/lib/server/db/client.ts';
import { listCategories, listFunds } from '../src/lib/server/finance/queries.ts';
import { BIG_REFUSED, BIG_ROWS, bigCsv, giantCellWorkbook, zipBomb } from './import-files.ts';
import type { Started } from './server.ts';

export const TARGET_PREVIEW_MS = 10_000;
export const TARGET_PING_P99_MS = 500;
export const TARGET_RSS_MB = 400;
export const TARGET_REFUSAL_MS = 5_000;

const PING_PATH = '/ping.txt';
const YEAR = 2024;

export interface ImportFigures {
	bytes: number;
	previewMs: number;
	previewCounts: string;
	saveMs: number;
	saved: string;
	during: { pings: number; p50: number; p99: number; max: number; failed: number; peakRssMb: number };
	baseRssMb: number;
	refusals: { what: string; bytes: number; ms: number; message: string }[];
}

const rssMb = (pid: number) => {
	try {
		return Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;
	} catch {
		return NaN;
	}
};

/** Pings PING_PATH every 100 ms and samples the server's RSS every 50 ms until stopped. */
function watch(server: Started) {
	const times: number[] = [];
	let failed = 0;
	let peak = 0;
	let running = true;
	const sampler = setInterval(() => (peak = Math.max(peak, rssMb(server.pid) || 0)), 50);
	const pinger = (async () => {
		while (running) {
			const start = performance.now();
			try {
				const res = await fetch(server.base + PING_PATH);
				await res.arrayBuffer();
				if (res.ok) times.push(performance.now() - start);
				else failed++;
			} catch {
				failed++;
			}
			await new Promise((r) => setTimeout(r, Math.max(0, 100 - (performance.now() - start))));
		}
	})();
	return async () => {
		running = false;
		clearInterval(sampler);
		await pinger;
		const sorted = times.sort((a, b) => a - b);
		const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
		return { pings: times.length, p50: at(0.5), p99: at(0.99), max: sorted.at(-1) ?? NaN, failed, peakRssMb: peak };
	};
}

/** A form action posted as a browser without JavaScript does; the page's HTML back. */
async function post(server: Started, cookie: string, action: string, body: FormData) {
	const res = await fetch(`${server.base}/finance/import?/${action}`, {
		method: 'POST',
		headers: { cookie, origin: server.base, accept: 'text/html' },
		body,
		redirect: 'manual'
	});
	return { status: res.status, location: res.headers.get('location'), html: await res.text() };
}

const fileForm = (name: string, content: Uint8Array, type: string) => {
	const form = new FormData();
	form.set('file', new File([new Uint8Array(content)], name, { type }));
	return form;
};

const text = (html: string) =>
	html
		.replace(/<[^>]+>/g, ' ')
		.replace(/&nbsp;|\s+/g, ' ')
		.replace(/&#39;/g, "'");

export async function benchImport(server: Started, cookie: string, databaseUrl: string): Promise<ImportFigures> {
	const db = createDb(databaseUrl, 1);
	let fund: string, category: string;
	try {
		// The shortest names, so that the rows hold more than names within the 10 MB.
		const shortest = (names: string[]) => names.sort((a, b) => a.length - b.length)[0];
		fund = shortest((await listFunds(db)).map((f) => f.name));
		category = shortest((await listCategories(db)).filter((c) => c.kind === 'cost').map((c) => c.name));
	} finally {
		await db.$client.end();
	}
	const csv = bigCsv({ fund, category, year: YEAR });
	const baseRssMb = rssMb(server.pid);

	// The preview, with the pinger running.
	const stop = watch(server);
	await new Promise((r) => setTimeout(r, 500));
	let start = performance.now();
	const preview = await post(server, cookie, 'preview', fileForm('huvudbok-stor.csv', csv, 'text/csv'));
	const previewMs = performance.now() - start;
	const counts = /<ul class="counts"[^>]*>([\s\S]*?)<\/ul>/.exec(preview.html)?.[1];
	const fileId = /name="fileId" value="(\d+)"/.exec(preview.html)?.[1];
	if (preview.status !== 200 || !counts || !fileId)
		throw new Error(
			`the preview answered ${preview.status}: ${/id="import-file-error"[^>]*>([^<]*)</.exec(preview.html)?.[1] ?? text(preview.html).slice(0, 400)}`
		);

	// Accepting the good rows: one transaction, inserted in batches.
	const accept = new FormData();
	accept.set('fileId', fileId);
	accept.set('acceptGood', 'on');
	start = performance.now();
	const saved = await post(server, cookie, 'commit', accept);
	const saveMs = performance.now() - start;
	await new Promise((r) => setTimeout(r, 500));
	const during = await stop();
	if (saved.status !== 303) throw new Error(`accepting answered ${saved.status}: ${text(saved.html).slice(0, 400)}`);

	const refusals: ImportFigures['refusals'] = [];
	for (const [what, name, content] of [
		['zip bomb, 300 MB unpacked', 'bomb.xlsx', await zipBomb(300)],
		['zip bomb whose directory says 2 000 bytes', 'lögn.xlsx', await zipBomb(300, 2000)],
		['workbook with a cell of 300 000 characters', 'cell.xlsx', await giantCellWorkbook(300_000, { fund, category })]
	] as const) {
		start = performance.now();
		const r = await post(
			server,
			cookie,
			'preview',
			fileForm(name, content, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
		);
		const ms = performance.now() - start;
		const message = /id="import-file-error"[^>]*>([^<]*)</.exec(r.html)?.[1] ?? `(no message on the file field; status ${r.status})`;
		refusals.push({ what, bytes: content.byteLength, ms, message: text(message).trim() });
	}
	return {
		bytes: csv.byteLength,
		previewMs,
		previewCounts: text(counts).trim(),
		saveMs,
		saved: decodeURIComponent(saved.location ?? ''),
		during,
		baseRssMb,
		refusals
	};
}

export function describeImport(f: ImportFigures, verdict: (what: string, pass: boolean) => string): string[] {
	const ms = (v: number) => (Number.isFinite(v) ? `${v.toFixed(0)} ms` : '–');
	const s = (v: number) => `${(v / 1000).toFixed(2)} s`;
	return [
		`   file: ${(f.bytes / 1024 / 1024).toFixed(2)} MB, ${BIG_ROWS.toLocaleString('sv-SE')} rows (${BIG_REFUSED} of them refused: an unknown fund), year ${YEAR}`,
		`   preview (upload, read and checked in the worker, stored): ${s(f.previewMs)}   target < ${s(TARGET_PREVIEW_MS)}   ${verdict(`import preview of ${BIG_ROWS} rows < ${TARGET_PREVIEW_MS / 1000} s`, f.previewMs < TARGET_PREVIEW_MS)}`,
		`      the page says: ${f.previewCounts}`,
		`   accepting the good rows (checked again, inserted in batches in one transaction): ${s(f.saveMs)}   (no target) → ${f.saved}`,
		`   GET ${PING_PATH} every 100 ms throughout: ${f.during.pings} answered, ${f.during.failed} failed; p50 ${ms(f.during.p50)}, p99 ${ms(f.during.p99)}, max ${ms(f.during.max)}` +
			`   target p99 < ${TARGET_PING_P99_MS} ms   ${verdict(`other requests' p99 during the import < ${TARGET_PING_P99_MS} ms`, f.during.p99 < TARGET_PING_P99_MS && f.during.failed === 0)}`,
		`   server RSS: ${f.baseRssMb.toFixed(0)} MB before, peak ${f.during.peakRssMb.toFixed(0)} MB while previewing and saving (sampled every 50 ms)` +
			`   target < ${TARGET_RSS_MB} MB   ${verdict(`server RSS during the import < ${TARGET_RSS_MB} MB`, f.during.peakRssMb < TARGET_RSS_MB)}`,
		...f.refusals.map(
			(r) =>
				`   ${r.what} (${(r.bytes / 1024).toFixed(0)} kB): refused in ${s(r.ms)}   target < ${s(TARGET_REFUSAL_MS)}   ${verdict(`${r.what} refused < ${TARGET_REFUSAL_MS / 1000} s`, r.ms < TARGET_REFUSAL_MS && !r.message.startsWith('(no message'))}\n      «${r.message}»`
		)
	];
}
