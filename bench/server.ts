// Starts `node server.ts` the way an operator does, times it to its first served
// page, and stops it the way an operator does (SIGTERM, then wait for the exit).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { freePort } from '../src/lib/server/db/embedded.ts';
import { isAlive } from '../src/lib/server/db/lock.ts';

export { freePort, isAlive };

export const ROOT = path.resolve(import.meta.dirname, '..');

export interface Started {
	pid: number;
	port: number;
	base: string;
	/** Milliseconds from spawn to the first 200 of GET /. */
	readyMs: number;
	/** Milliseconds from spawn to each line of the server's log that was seen, by marker. */
	marks: { label: string; ms: number }[];
	output(): string;
	/** How much the server has written so far, to read what it writes after this point with `outputSince`. */
	outputMark(): number;
	outputSince(mark: number): string;
	/** SIGTERM, then wait for the process (and its database) to go; resolves to the milliseconds it took. */
	stop(): Promise<number>;
}

function statusOf(url: string): Promise<number | null> {
	return new Promise((resolve) => {
		const req = http.get(url, { agent: false, timeout: 5000 }, (res) => {
			res.resume();
			res.on('end', () => resolve(res.statusCode ?? null));
			res.on('error', () => resolve(null));
		});
		req.on('timeout', () => req.destroy());
		req.on('error', () => resolve(null));
	});
}

const MARKERS: [RegExp, string][] = [
	[/Initierar den inbyggda databasen/, 'initdb begins'],
	[/Databasschemat uppdaterat/, 'migrations applied'],
	[/Demodata laddad/, 'demo data loaded'],
	[/Administratörskonto skapat/, 'administrator created'],
	[/svarar på/, 'port open']
];

export async function waitForPidExit(pid: number, timeoutMs: number): Promise<boolean> {
	const until = Date.now() + timeoutMs;
	while (Date.now() < until) {
		if (!isAlive(pid)) return true;
		await new Promise((r) => setTimeout(r, 50));
	}
	return !isAlive(pid);
}

/** The postmaster's pid: the first line of DATA_DIR/pg/postmaster.pid, or null when none runs. */
export function postmasterPid(dataDir: string): number | null {
	try {
		const pid = Number(fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
		return Number.isInteger(pid) && pid > 0 ? pid : null;
	} catch {
		return null;
	}
}

export interface StartOptions {
	dataDir: string;
	env?: Record<string, string>;
	timeoutMs?: number;
}

/** The servers still running, so that a bench interrupted half-way stops them too. */
export const running = new Set<Started>();

export async function startServer({ dataDir, env = {}, timeoutMs = 120_000 }: StartOptions): Promise<Started> {
	const port = await freePort();
	const base = `http://127.0.0.1:${port}`;
	// As npm start runs it: two malloc arenas, not one per thread that ever allocated (glibc's default, up to 8 per core), which fragments the native heap.
	const childEnv: NodeJS.ProcessEnv = {
		...process.env,
		MALLOC_ARENA_MAX: '2',
		...env,
		DATA_DIR: dataDir,
		PORT: String(port),
		HOST: '127.0.0.1'
	};
	delete childEnv.DATABASE_URL; // the embedded database is what is measured
	delete childEnv.SAMVERKA_DEMO;
	delete childEnv.ORIGIN;

	const t0 = performance.now();
	const child: ChildProcess = spawn(
		process.execPath,
		['--max-semi-space-size=8', '--max-old-space-size=128', 'server.ts'] /* as npm start runs it */,
		{
			cwd: ROOT,
			env: childEnv,
			stdio: ['ignore', 'pipe', 'pipe']
		}
	);
	let output = '';
	let written = 0; // characters written in all, of which `output` holds the last ones
	const marks: { label: string; ms: number }[] = [];
	const onData = (d: Buffer) => {
		const at = performance.now() - t0;
		const text = d.toString();
		output = (output + text).slice(-20_000);
		written += text.length;
		for (const [re, label] of MARKERS) if (re.test(text) && !marks.some((m) => m.label === label)) marks.push({ label, ms: at });
	};
	child.stdout!.on('data', onData);
	child.stderr!.on('data', onData);
	let exitCode: number | string | null = null;
	const exited = new Promise<void>((resolve) => {
		child.once('exit', (code, signal) => {
			exitCode = code ?? signal ?? -1;
			resolve();
		});
		child.once('error', (e) => {
			exitCode = String(e);
			resolve();
		});
	});

	let stopping: Promise<number> | undefined;
	const started: Started = {
		pid: child.pid!,
		port,
		base,
		readyMs: NaN,
		marks,
		output: () => output,
		outputMark: () => written,
		outputSince: (mark) => output.slice(Math.max(0, output.length - (written - mark))),
		stop: () =>
			(stopping ??= (async () => {
				const s0 = performance.now();
				const pm = postmasterPid(dataDir);
				if (exitCode === null) {
					child.kill('SIGTERM');
					const timer = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 60_000).unref());
					if ((await Promise.race([exited, timer])) === 'timeout') {
						console.error(`  ! the server (pid ${child.pid}) did not stop within 60 s of SIGTERM; killing it`);
						child.kill('SIGKILL');
						await exited;
					}
				}
				// The application stops its database before it exits; make sure, and clean up if it did not.
				if (pm !== null && !(await waitForPidExit(pm, 15_000))) {
					console.error(`  ! the database (pid ${pm}) was still running after the server exited; stopping it`);
					try {
						process.kill(pm, 'SIGINT');
					} catch {
						/* gone */
					}
					await waitForPidExit(pm, 30_000);
				}
				running.delete(started);
				return performance.now() - s0;
			})())
	};
	running.add(started);

	try {
		const until = Date.now() + timeoutMs;
		for (;;) {
			if (exitCode !== null) throw new Error(`the server exited (${exitCode}) before serving GET /:\n${output}`);
			if (Date.now() > until) throw new Error(`the server served no 200 for GET / within ${timeoutMs / 1000} s:\n${output}`);
			if ((await statusOf(`${base}/`)) === 200) break;
			await new Promise((r) => setTimeout(r, 10));
		}
		started.readyMs = performance.now() - t0;
		return started;
	} catch (e) {
		await started.stop();
		throw e;
	}
}
