// An exclusive lock file on the data directory: one application per embedded
// server. It holds the owner's pid, so a lock left by a crashed run is taken over.
import fs from 'node:fs';

export interface Lock {
	release(): void;
}

/** Whether a process with this pid is alive (EPERM: alive, but another user's). */
export function isAlive(pid: number): boolean {
	if (!Number.isInteger(pid) || pid <= 0) return false;
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return (e as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** Locks this process holds: a second start in the same process is refused too. */
const held = new Set<string>();

function inUse(file: string, owner: number) {
	return new Error(
		`Datakatalogen används redan av en annan Samverka (process ${owner}). ` +
			`Stoppa den först, eller starta med en annan DATA_DIR (låsfil: ${file}).`
	);
}

export function acquireLock(file: string): Lock {
	if (held.has(file)) throw inUse(file, process.pid);
	for (let attempt = 0; attempt < 3; attempt++) {
		try {
			fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
			held.add(file);
			let released = false;
			return {
				release() {
					if (released) return;
					released = true;
					held.delete(file);
					try {
						if (fs.readFileSync(file, 'utf8') === String(process.pid)) fs.unlinkSync(file);
					} catch {
						/* already gone */
					}
				}
			};
		} catch (e) {
			if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
			const owner = Number(fs.readFileSync(file, 'utf8'));
			// Our own pid in a lock we do not hold is a pid reused after a crash: take it over.
			if (isAlive(owner) && owner !== process.pid) throw inUse(file, owner);
			fs.rmSync(file, { force: true });
		}
	}
	throw new Error(`Kunde inte låsa ${file}.`);
}
