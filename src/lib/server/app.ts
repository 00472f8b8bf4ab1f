// The running application's runtime, set once by the server's init hook.
import type { Runtime } from './runtime.ts';

let current: Runtime | undefined;

export function setRuntime(r: Runtime) {
	current = r;
}

export function runtime(): Runtime {
	if (!current) throw new Error('Samverka har inte startat än.');
	return current;
}

export const db = () => runtime().db;
