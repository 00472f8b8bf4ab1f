// A year's closing with 100 000 ledger entries: in a database of its own (created
// on the bench server's PostgreSQL and migrated, so the application's data and its
// response cache are untouched), one fund and two categories are made with the
// finance services, 100 000 entries for one year are inserted in batches, and
// `yearClosing` is timed: once to warm up, then the median of five runs.
// Run on its own, `node bench/finance.ts` starts an embedded PostgreSQL of its
// own under .tmp/ and prints the same figures.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createDb } from '../src/lib/server/db/client.ts';
import { migrate } from '../src/lib/server/db/migrate.ts';
import { ledgerEntry } from '../src/lib/server/db/schema/finance.ts';
import { SYSTEM } from '../src/lib/server/actor.ts';
import { createCategory, createFund } from '../src/lib/server/finance/service.ts';
import { yearClosing } from '../src/lib/server/finance/closing.ts';

/** The closing of a year with ENTRIES ledger entries should take less than this, in milliseconds. */
export const TARGET_MS = 300;
export const ENTRIES = 100_000;
export const YEAR = 2024;
const BATCH = 5_000;
const RUNS = 5;

export interface ClosingFigures {
	entries: number;
	year: number;
	/** Creating and migrating the database, the fund and categories, and inserting the entries. */
	setupMs: number;
	insertMs: number;
	warmupMs: number;
	runsMs: number[];
	medianMs: number;
	/** The closing's totals, checked against what was inserted. */
	income: number;
	costs: number;
}

/** mulberry32: the same entries on every run. */
function random(seed: number) {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	const mid = Math.floor(s.length / 2);
	return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

async function admin<T>(url: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
	const c = new pg.Client({ connectionString: url });
	await c.connect();
	try {
		return await work(c);
	} finally {
		await c.end();
	}
}

/**
 * Times `yearClosing` for a year of `entries` ledger entries, in a fresh database
 * created next to the one `serverUrl` points to (same server, same credentials)
 * and dropped afterwards.
 */
export async function benchYearClosing(serverUrl: string, entries = ENTRIES): Promise<ClosingFigures> {
	const name = `bench_finance_${process.pid}`;
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	await admin(serverUrl, async (c) => {
		await c.query(`drop database if exists ${name} with (force)`);
		await c.query(`create database ${name}`);
	});
	const db = createDb(url.toString(), 2);
	try {
		const t0 = performance.now();
		await migrate(db.$client);
		const fund = await createFund(db, SYSTEM, { name: 'Bänkfonden drift', kind: 'operations', activeFromYear: YEAR - 1 });
		const income = await createCategory(db, SYSTEM, { kind: 'income', name: 'Bänkintäkter', sortOrder: 1 });
		const cost = await createCategory(db, SYSTEM, { kind: 'cost', name: 'Bänkkostnader', sortOrder: 2 });

		const rnd = random(20240101);
		const t1 = performance.now();
		let incomeSum = 0;
		let costSum = 0;
		for (let done = 0; done < entries; done += BATCH) {
			const rows: (typeof ledgerEntry.$inferInsert)[] = [];
			for (let i = done; i < Math.min(entries, done + BATCH); i++) {
				const isIncome = i % 10 === 0;
				const amount = 100 + Math.floor(rnd() * 5_000_000); // 1 kr to 50 000 kr, in öre
				if (isIncome) incomeSum += amount;
				else costSum += amount;
				const day = new Date(Date.UTC(YEAR, 0, 1 + Math.floor(rnd() * 365))).toISOString().slice(0, 10);
				rows.push({
					date: day,
					year: YEAR,
					fundId: fund.id,
					categoryId: isIncome ? income.id : cost.id,
					amount,
					counterparty: isIncome ? 'Medlemskommun' : `Leverantör ${i % 400}`,
					voucher: `V${YEAR}-${i}`,
					source: 'bench'
				});
			}
			await db.insert(ledgerEntry).values(rows);
		}
		await db.$client.query('analyze');
		const t2 = performance.now();

		const w0 = performance.now();
		const warm = await yearClosing(db, YEAR);
		const warmupMs = performance.now() - w0;
		const runsMs: number[] = [];
		for (let i = 0; i < RUNS; i++) {
			const s = performance.now();
			await yearClosing(db, YEAR);
			runsMs.push(performance.now() - s);
		}
		if (warm.totals.income !== incomeSum || warm.totals.costs !== costSum)
			throw new Error(
				`the closing's totals (${warm.totals.income} / ${warm.totals.costs}) are not what was inserted (${incomeSum} / ${costSum})`
			);
		return {
			entries,
			year: YEAR,
			setupMs: t1 - t0,
			insertMs: t2 - t1,
			warmupMs,
			runsMs,
			medianMs: median(runsMs),
			income: warm.totals.income,
			costs: warm.totals.costs
		};
	} finally {
		await db.$client.end();
		await admin(serverUrl, (c) => c.query(`drop database if exists ${name} with (force)`));
	}
}

const ms = (v: number) => `${v.toFixed(v < 100 ? 1 : 0)} ms`;

/** "yearClosing(db, 2024), 100 000 entries   median 123.4 ms   target < 300 ms   PASS" and the details. */
export function describeClosing(f: ClosingFigures, verdict: (pass: boolean) => string = (p) => (p ? 'PASS' : 'FAIL')): string[] {
	return [
		`   yearClosing(db, ${f.year}), ${f.entries.toLocaleString('sv-SE')} entries   median of ${f.runsMs.length} ${ms(f.medianMs)}` +
			`   target < ${TARGET_MS} ms   ${verdict(f.medianMs < TARGET_MS)}`,
		`   (runs ${f.runsMs.map(ms).join(', ')}; warm-up ${ms(f.warmupMs)}; database, migrations, fund and categories ${ms(f.setupMs)};` +
			` ${f.entries.toLocaleString('sv-SE')} entries inserted in batches of ${BATCH.toLocaleString('sv-SE')} and ANALYZE ${ms(f.insertMs)})`
	];
}

const runDirectly = import.meta.main ?? (process.argv[1] != null && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url));

if (runDirectly) {
	const { startEmbedded } = await import('../src/lib/server/db/embedded.ts');
	const dataDir = path.resolve(import.meta.dirname, '..', '.tmp', 'bench-finance-pg');
	fs.rmSync(dataDir, { recursive: true, force: true });
	const server = await startEmbedded({ dataDir, database: 'postgres', log: () => {} });
	try {
		for (const line of describeClosing(await benchYearClosing(server.url))) console.log(line);
	} finally {
		await server.stop();
		fs.rmSync(dataDir, { recursive: true, force: true });
	}
}
