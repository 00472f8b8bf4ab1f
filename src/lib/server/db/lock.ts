// An exclusive lock file on the data directory: one application per embedded
// server. It holds the owner's pid, so a lock left by a crashed run is taken over.
import fs from 'node:fs';

export interface Lock {
	release(): void;
}

function ownerAlive(pid: number): boolean {
	if (!Number.isInteger(pid) || pid <= 0) return false;
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return (e as NodeJS.ErrnoException).code === 'EPERM';
	}
}

export function acquireLock(file: string): Lock {
	for (let attempt = 0; attempt < 3; attempt++) {
		try {
			fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
			let released = false;
			return {
				release() {
					if (released) return;
					released = true;
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
			if (ownerAlive(owner) && owner !== process.pid) {
				throw new Error(
					`Datakatalogen används redan av en annan Samverka (process ${owner}). ` +
						`Stoppa den först, eller starta med en annan DATA_DIR.`
				);
			}
			fs.rmSync(file, { force: true });
		}
	}
	throw new Error(`Kunde inte låsa ${file}.`);
}
