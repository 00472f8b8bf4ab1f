// Resident memory from /proc: the application process, and the database's
// postmaster with every process under it.
import fs from 'node:fs';

function kbField(text: string, name: string): number {
	return Number(text.match(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm'))?.[1] ?? NaN);
}

/**
 * VmRSS and VmHWM (peak) of a process in kB, and its proportional set size (Pss:
 * shared pages divided among the processes sharing them), or null when it is gone.
 */
export function rssOf(pid: number): { rssKb: number; peakKb: number; pssKb: number } | null {
	try {
		const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
		let pssKb = NaN;
		try {
			pssKb = kbField(fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'), 'Pss');
		} catch {
			/* older kernels */
		}
		return { rssKb: kbField(status, 'VmRSS'), peakKb: kbField(status, 'VmHWM'), pssKb };
	} catch {
		return null;
	}
}

/** Parent pid from /proc/<pid>/stat (the command name in parentheses may itself hold spaces or parentheses). */
function ppidOf(pid: number): number | null {
	try {
		const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
		return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
	} catch {
		return null;
	}
}

/** A process and all its descendants. */
export function treeOf(root: number): number[] {
	const children = new Map<number, number[]>();
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		const pid = Number(entry);
		const ppid = ppidOf(pid);
		if (ppid === null) continue;
		if (!children.has(ppid)) children.set(ppid, []);
		children.get(ppid)!.push(pid);
	}
	const out: number[] = [];
	const queue = [root];
	while (queue.length) {
		const pid = queue.shift()!;
		out.push(pid);
		queue.push(...(children.get(pid) ?? []));
	}
	return out;
}

export interface DatabaseMemory {
	processes: number;
	rssKb: number;
	pssKb: number;
	/** The largest processes, for the report. */
	byName: { name: string; count: number; rssKb: number }[];
}

function nameOf(pid: number): string {
	try {
		const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
		if (!cmd.startsWith('postgres: ')) return 'postmaster';
		const rest = cmd.slice('postgres: '.length);
		// Backends are "postgres: <user> <db> <host> <state>": group them as one kind.
		return /^\S+ \S+ \d+\.\d+\.\d+\.\d+\(/.test(rest) ? 'client backend' : rest.replace(/\s+$/, '');
	} catch {
		return '?';
	}
}

export function databaseMemory(postmaster: number): DatabaseMemory {
	const groups = new Map<string, { count: number; rssKb: number }>();
	let processes = 0;
	let rssKb = 0;
	let pssKb = 0;
	for (const pid of treeOf(postmaster)) {
		const m = rssOf(pid);
		if (!m) continue;
		processes++;
		rssKb += m.rssKb;
		pssKb += m.pssKb;
		const name = nameOf(pid);
		const g = groups.get(name) ?? { count: 0, rssKb: 0 };
		g.count++;
		g.rssKb += m.rssKb;
		groups.set(name, g);
	}
	const byName = [...groups].map(([name, g]) => ({ name, ...g })).sort((a, b) => b.rssKb - a.rssKb);
	return { processes, rssKb, pssKb, byName };
}
