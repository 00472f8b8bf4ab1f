// `npm start` on a fresh clone (or after a change of the sources) builds first.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const built = 'build/handler.js';

function newestMtime(dir: string): number {
	let newest = 0;
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const p = path.join(dir, entry.name);
		newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
	}
	return newest;
}

const stale =
	!fs.existsSync(built) ||
	['src', 'static'].some((d) => newestMtime(d) > fs.statSync(built).mtimeMs) ||
	['vite.config.ts', 'package.json'].some((f) => fs.statSync(f).mtimeMs > fs.statSync(built).mtimeMs);

if (stale) {
	console.log('Bygger Samverka …');
	execSync('npm run build', { stdio: 'inherit' });
}
