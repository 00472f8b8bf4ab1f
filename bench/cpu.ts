// What one request costs in CPU under load: the server process's and its
// PostgreSQL's (the postmaster and every backend below it) user + system time,
// read from /proc right before and after a measured run and divided by the
// requests it completed. Measured one request at a time instead, the static
// route cost 2 ms (the wake-ups of an idle process, not the work), which made
// every page look cheap beside it; under load the fixed costs are shared and
// what is left is the work, so the ratio to the static route's explains the
// req/s ratio on a machine where Node, PostgreSQL and the load generator share
// two cores.
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

export interface CpuMs {
	server: number;
	database: number;
}

/** CPU milliseconds so far of `root` and of the processes below it (its PostgreSQL and the backends). */
function treeCpuMs(root: number): CpuMs {
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

/**
 * A meter for one measured run: `around` goes to load(); `perRequest(n)` then
 * gives the CPU milliseconds per request of the server and of its database
 * (null off Linux, where there is no /proc). Backends that exit during the run
 * take their time with them, so the database figure is a lower bound; the
 * pool keeps its connections, so it is close.
 */
export function cpuMeter(serverPid: number) {
	const linux = fs.existsSync(`/proc/${serverPid}/stat`);
	let before: CpuMs | null = null;
	let after: CpuMs | null = null;
	return {
		around: {
			before: () => void (before = linux ? treeCpuMs(serverPid) : null),
			after: () => void (after = linux ? treeCpuMs(serverPid) : null)
		},
		perRequest(requests: number): CpuMs | null {
			if (!before || !after || requests <= 0) return null;
			return { server: (after.server - before.server) / requests, database: (after.database - before.database) / requests };
		}
	};
}
