// What one request costs in CPU: the server process's and its PostgreSQL's
// (the postmaster and every backend below it) user + system time, read from
// /proc over sequential requests. Throughput on a machine this small is CPU
// divided among Node, PostgreSQL and the load generator, so a page's CPU per
// request against the static route's says how far its req/s can get.
import fs from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ: /proc/<pid>/stat counts CPU time in these on Linux.

function stat(pid: number): { ppid: number; ms: number } | null {
	try {
		// The command name may hold spaces and parentheses: the fields start after the last ')'.
		const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
		const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
		return { ppid: Number(f[1]), ms: ((Number(f[11]) + Number(f[12])) * 1000) / TICKS_PER_SECOND };
	} catch {
		return null; // gone between listing and reading
	}
}

/** CPU milliseconds so far of `root` and of the processes below it (its PostgreSQL and the backends). */
function treeCpuMs(root: number): { server: number; database: number } {
	const all = new Map<number, { ppid: number; ms: number }>();
	for (const name of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		const s = stat(Number(name));
		if (s) all.set(Number(name), s);
	}
	const below = (pid: number): number => {
		let sum = 0;
		for (const [child, s] of all) if (s.ppid === pid) sum += s.ms + below(child);
		return sum;
	};
	return { server: all.get(root)?.ms ?? NaN, database: below(root) };
}

export interface CpuPerRequest {
	server: number;
	database: number;
}

/** Milliseconds of CPU per request, server and database, over `n` sequential requests after a warm-up. */
export async function cpuPerRequest(
	serverPid: number,
	url: string,
	headers: Record<string, string>,
	n = 200
): Promise<CpuPerRequest | null> {
	if (!fs.existsSync(`/proc/${serverPid}/stat`)) return null; // not Linux
	const get = async () => {
		const r = await fetch(url, { headers });
		await r.arrayBuffer();
	};
	for (let i = 0; i < 20; i++) await get();
	const before = treeCpuMs(serverPid);
	for (let i = 0; i < n; i++) await get();
	const after = treeCpuMs(serverPid);
	return { server: (after.server - before.server) / n, database: (after.database - before.database) / n };
}
