// `samverka finance closing|fees YEAR [--json]`, run as a user runs it, on the demo's ledger.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from './db.ts';
import { loadDemo } from '../../src/lib/server/demo/load.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let url: string;

beforeAll(async () => {
	const fresh = await freshDb();
	url = fresh.url;
	await loadDemo(fresh.db);
});

function samverka(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
	return new Promise((resolve) => {
		execFile(
			process.execPath,
			['cli/samverka.ts', ...args],
			{ cwd: ROOT, env: { ...process.env, DATABASE_URL: url, NODE_NO_WARNINGS: '1' }, timeout: 45_000 },
			(error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr })
		);
	});
}

describe('samverka finance', { timeout: 60_000 }, () => {
	it('closing 2021 --json gives the API figures in öre, with the printed sums that are off', async () => {
		const r = await samverka('finance', 'closing', '2021', '--json');
		expect(r.stderr).toBe('');
		expect(r.code).toBe(0);
		const c = JSON.parse(r.stdout);
		expect(c.totals).toEqual({ opening: 138113100, income: 203020800, costs: 207879400, closing: 133254500 });
		expect(c.funds.find((f: { fund: string }) => f.fund === 'Södertörnssamarbetet drift').closing).toBe(-4699900);
		expect(c.differences).toContainEqual(expect.objectContaining({ printed: 138113000, ledger: 138113100 }));
	});

	it('closing 2020 as a table, and fees 2021 with the missing figures', async () => {
		const closing = await samverka('finance', 'closing', '2020');
		expect(closing.code).toBe(0);
		expect(closing.stdout).toMatch(/Bokslut 2020 \(stängt\)/);
		expect(closing.stdout).toMatch(/188\s432 kr/);
		const fees = await samverka('finance', 'fees', '2021');
		expect(fees.code).toBe(0);
		expect(fees.stdout).toMatch(/2\s030\s208 kr/);
		expect(fees.stdout).toMatch(/Botkyrka\s+saknas/);
	});

	it('a missing or bad year is a usage error', async () => {
		const r = await samverka('finance', 'closing', 'tjugo');
		expect(r.code).toBe(2);
		expect(r.stderr).toMatch(/ange ett år/);
	});
});
