// The embedded server's life: start, refuse a second application, stop, and
// recover from a crashed one. These tests start servers of their own, in data
// directories of their own under .tmp/ (the service user must traverse the
// parents, which a mkdtemp directory under /tmp does not allow), so they run in
// the embedded project only; the server project checks its own server instead.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { runningServerUrl, startEmbedded, type EmbeddedServer } from '../../src/lib/server/db/embedded.ts';
import { acquireLock } from '../../src/lib/server/db/lock.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const EMBEDDED_MODULE = path.join(ROOT, 'src/lib/server/db/embedded.ts');
const LONG = 90_000;

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return (e as NodeJS.ErrnoException).code === 'EPERM';
	}
}

async function query<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
	const c = new pg.Client({ connectionString: url });
	c.on('error', () => {});
	await c.connect();
	try {
		return (await c.query<T>(text, values)).rows;
	} finally {
		await c.end();
	}
}

if (inject('target') === 'server') {
	describe('the PostgreSQL server of TEST_DATABASE_URL', () => {
		it('answers (the embedded server tests run in the embedded project)', async () => {
			const url = inject('serverUrl');
			expect(url).toBeTruthy();
			expect(await query<{ one: number }>(url!, 'select 1 as one')).toEqual([{ one: 1 }]);
		});
	});
} else {
	const dirs: string[] = [];
	const servers: EmbeddedServer[] = [];
	/** postgres pids this file caused, stopped at the end whatever happened */
	const pids = new Set<number>();

	function newDir(): string {
		const dir = path.join(ROOT, '.tmp', `embedded-test-${process.pid}-${randomBytes(4).toString('hex')}`);
		dirs.push(dir);
		return dir;
	}

	async function start(dataDir: string) {
		const s = await startEmbedded({
			dataDir,
			database: 'samverka',
			log: () => {}
		});
		servers.push(s);
		pids.add(s.pid);
		return s;
	}

	/** Runs a script in another Node process (another application), with embedded.ts importable. */
	function runNode(
		script: string,
		args: string[]
	): Promise<{
		pid: number;
		code: number | null;
		signal: NodeJS.Signals | null;
		stdout: string;
		stderr: string;
	}> {
		return new Promise((resolve, reject) => {
			const child = spawn(process.execPath, ['--input-type=module', '-e', script, '--', ...args], {
				cwd: ROOT,
				stdio: ['ignore', 'pipe', 'pipe']
			});
			let stdout = '';
			let stderr = '';
			child.stdout.on('data', (d) => (stdout += d));
			child.stderr.on('data', (d) => (stderr += d));
			child.on('error', reject);
			// 'exit' comes after Node has reaped the child, so its pid is then free
			child.on('exit', (code, signal) => resolve({ pid: child.pid!, code, signal, stdout, stderr }));
		});
	}

	afterAll(async () => {
		for (const s of servers) await s.stop().catch(() => {});
		for (const pid of pids) {
			if (isAlive(pid)) {
				process.kill(pid, 'SIGINT');
				for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 50));
			}
		}
		for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
	}, LONG);

	describe('the embedded PostgreSQL server', () => {
		it(
			'starts on a free loopback port with a generated password, and tells a CLI where it listens',
			async () => {
				const dir = newDir();
				const s = await start(dir);
				const url = new URL(s.url);
				expect(url.protocol).toBe('postgresql:');
				expect(url.hostname).toBe('127.0.0.1');
				expect(Number(url.port)).toBeGreaterThan(0);
				expect(url.username).toBe('samverka');
				expect(decodeURIComponent(url.password).length).toBeGreaterThanOrEqual(24);
				expect(url.pathname).toBe('/samverka');
				expect(s.dataDir).toBe(dir);
				expect(isAlive(s.pid)).toBe(true);

				const [row] = await query<{
					one: number;
					who: string;
					db: string;
					addr: string;
				}>(s.url, 'select 1 as one, current_user as who, current_database() as db, host(inet_server_addr()) as addr');
				expect(row).toEqual({
					one: 1,
					who: 'samverka',
					db: 'samverka',
					addr: '127.0.0.1'
				});

				// the password is required: a wrong one is refused
				const wrong = new URL(s.url);
				wrong.password = 'fel';
				await expect(query(wrong.toString(), 'select 1')).rejects.toThrow(/password authentication failed/);

				// the data directory holds the server, the lock of this process and the address for a CLI
				expect(fs.existsSync(path.join(dir, 'pg', 'PG_VERSION'))).toBe(true);
				expect(fs.readFileSync(path.join(dir, 'samverka.lock'), 'utf8')).toBe(String(process.pid));
				expect(JSON.parse(fs.readFileSync(path.join(dir, 'server.json'), 'utf8'))).toEqual({
					pid: process.pid,
					port: Number(url.port),
					database: 'samverka'
				});
				expect(runningServerUrl(dir)).toBe(s.url);
				expect(runningServerUrl(path.relative(process.cwd(), dir))).toBe(s.url);

				// another data directory: another server, another password, another port
				const other = await start(newDir());
				const o = new URL(other.url);
				expect(o.password).not.toBe(url.password);
				expect(o.port).not.toBe(url.port);
				await other.stop();
				await s.stop();
			},
			LONG
		);

		it(
			'refuses a second application on the same data directory, and the first keeps running',
			async () => {
				const dir = newDir();
				const s = await start(dir);
				const script = `
					const { startEmbedded } = await import(${JSON.stringify(EMBEDDED_MODULE)});
					try {
						const s = await startEmbedded({ dataDir: process.argv[1], log: () => {} });
						console.log('STARTED ' + s.pid);
						await s.stop();
						process.exit(0);
					} catch (e) {
						console.error(e.message);
						process.exit(3);
					}`;
				const second = await runNode(script, [dir]);
				expect(second.stdout).not.toMatch(/STARTED/);
				expect(second.code).toBe(3);
				expect(second.stderr).toContain('används redan');
				expect(second.stderr).toContain(String(process.pid));

				// nothing of the first was disturbed
				expect(isAlive(s.pid)).toBe(true);
				expect(await query<{ one: number }>(s.url, 'select 1 as one')).toEqual([{ one: 1 }]);
				expect(fs.readFileSync(path.join(dir, 'samverka.lock'), 'utf8')).toBe(String(process.pid));
				expect(runningServerUrl(dir)).toBe(s.url);
				await s.stop();
			},
			LONG
		);

		it(
			'stops the server process and releases the data directory; a restart keeps the data and the password',
			async () => {
				const dir = newDir();
				const s = await start(dir);
				await query(s.url, 'create table kvar (x int); insert into kvar values (42)');
				const password = new URL(s.url).password;
				expect(runningServerUrl(dir)).toBe(s.url);

				await s.stop();
				expect(isAlive(s.pid)).toBe(false);
				expect(fs.existsSync(path.join(dir, 'server.json'))).toBe(false);
				expect(fs.existsSync(path.join(dir, 'samverka.lock'))).toBe(false);
				expect(fs.existsSync(path.join(dir, 'pg', 'postmaster.pid'))).toBe(false);
				expect(runningServerUrl(dir)).toBeNull();
				await expect(query(s.url, 'select 1')).rejects.toThrow();
				await s.stop(); // twice is harmless

				const again = await start(dir);
				expect(again.pid).not.toBe(s.pid);
				expect(new URL(again.url).password).toBe(password);
				expect(await query<{ x: number }>(again.url, 'select x from kvar')).toEqual([{ x: 42 }]);
				expect(runningServerUrl(dir)).toBe(again.url);
				await again.stop();
				expect(runningServerUrl(dir)).toBeNull();
			},
			LONG
		);

		it(
			'stops a server left running by a crashed application and starts afresh',
			async () => {
				const dir = newDir();
				// an application that starts its server, writes a row, and is killed with SIGKILL
				const script = `
					const { startEmbedded } = await import(${JSON.stringify(EMBEDDED_MODULE)});
					const pg = (await import('pg')).default;
					const s = await startEmbedded({ dataDir: process.argv[1], log: () => {} });
					const c = new pg.Client({ connectionString: s.url });
					await c.connect();
					await c.query('create table före_kraschen (x int); insert into före_kraschen values (7)');
					await c.end();
					console.log(JSON.stringify({ pid: s.pid, url: s.url, app: process.pid }));
					process.kill(process.pid, 'SIGKILL');`;
				const crashed = await runNode(script, [dir]);
				expect(crashed.signal, crashed.stderr).toBe('SIGKILL');
				const left = JSON.parse(crashed.stdout.trim()) as {
					pid: number;
					url: string;
					app: number;
				};
				pids.add(left.pid);

				// the crash left the server running, the lock and server.json naming a dead application
				expect(isAlive(left.app)).toBe(false);
				expect(isAlive(left.pid)).toBe(true);
				expect(await query<{ x: number }>(left.url, 'select x from före_kraschen')).toEqual([{ x: 7 }]);
				expect(fs.readFileSync(path.join(dir, 'samverka.lock'), 'utf8')).toBe(String(left.app));
				expect(fs.existsSync(path.join(dir, 'server.json'))).toBe(true);
				// no live application owns it, so a CLI must not use it
				expect(runningServerUrl(dir)).toBeNull();

				const s = await start(dir);
				expect(isAlive(left.pid)).toBe(false);
				expect(s.pid).not.toBe(left.pid);
				expect(await query<{ x: number }>(s.url, 'select x from före_kraschen')).toEqual([{ x: 7 }]);
				expect(fs.readFileSync(path.join(dir, 'samverka.lock'), 'utf8')).toBe(String(process.pid));
				expect(runningServerUrl(dir)).toBe(s.url);
				await s.stop();
				expect(isAlive(s.pid)).toBe(false);
				expect(runningServerUrl(dir)).toBeNull();
			},
			LONG
		);
	});

	describe('the data directory lock', () => {
		it('is exclusive to a live process and taken over from a dead one', async () => {
			const dir = newDir();
			fs.mkdirSync(dir, { recursive: true });
			const file = path.join(dir, 'samverka.lock');

			// a lock held by another live process (this one's parent stands in for it)
			fs.writeFileSync(file, String(process.ppid));
			expect(() => acquireLock(file)).toThrow(/används redan av en annan Samverka \(process \d+\)/);
			expect(fs.readFileSync(file, 'utf8')).toBe(String(process.ppid));

			// a lock left by a process that is gone
			const gone = await runNode('process.exit(0)', []);
			expect(gone.code).toBe(0);
			expect(isAlive(gone.pid)).toBe(false);
			fs.writeFileSync(file, String(gone.pid));
			const lock = acquireLock(file);
			expect(fs.readFileSync(file, 'utf8')).toBe(String(process.pid));
			lock.release();
			expect(fs.existsSync(file)).toBe(false);
			lock.release(); // twice is harmless

			// a second lock in the same process is refused, not taken over from itself
			const mine = acquireLock(file);
			expect(() => acquireLock(file)).toThrow(/används redan av en annan Samverka \(process \d+\)/);
			mine.release();
			expect(fs.existsSync(file)).toBe(false);

			// a garbled lock file is no owner either
			fs.writeFileSync(file, 'skräp');
			acquireLock(file).release();
			expect(fs.existsSync(file)).toBe(false);
		});
	});
}
