// SIGTERM under load: keep-alive clients write (POST /api/v1/persons) as fast as
// they are answered; a signal lands in the middle; the server must be gone
// within SHUTDOWN_TIMEOUT (5 s), every write it acknowledged must be in the
// database, and no client may have seen its request fail after the commit.
// Used by the bench (time to exit) and by tests/e2e/shutdown.spec.ts (the rules).
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import pg from 'pg';
import { startEmbedded } from '../src/lib/server/db/embedded.ts';
import { startServer } from './server.ts';

export interface ShutdownFigures {
	clients: number;
	/** Milliseconds from SIGTERM until the process and its database were gone. */
	exitMs: number;
	/** Writes answered 2xx in all, and of those the ones answered after the signal (requests in flight then). */
	acknowledged: number;
	acknowledgedAfterSignal: number;
	/** Requests on kept-alive connections after the signal, answered 503 and not begun. */
	refused503: number;
	/** Requests that got no answer (connection refused, reset, hung up). */
	noAnswer: number;
	/** Of those, the ones that were saved all the same: cut after their commit. Must be 0. */
	cutAfterCommit: number;
	/** Acknowledged writes not found in the database afterwards. Must be 0. */
	lostAcknowledged: number;
	/** Answers with another status (a failure of the bench, or of the server). */
	otherStatuses: Record<string, number>;
	/** Whether the server said it stopped cleanly. */
	cleanStop: boolean;
	output: string;
}

interface Outcome {
	name: string;
	status: number | null;
	error?: string;
	afterSignal: boolean;
}

function post(agent: http.Agent, base: string, cookie: string, name: string): Promise<{ status: number | null; error?: string }> {
	return new Promise((resolve) => {
		const body = JSON.stringify({ name });
		const req = http.request(
			`${base}/api/v1/persons`,
			{ method: 'POST', agent, headers: { cookie, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
			(res) => {
				res.resume();
				res.on('end', () => resolve({ status: res.statusCode ?? null }));
				res.on('error', (e) => resolve({ status: null, error: e.message }));
			}
		);
		req.on('error', (e: NodeJS.ErrnoException) => resolve({ status: null, error: e.code ?? e.message }));
		req.end(body);
	});
}

export async function shutdownUnderLoad({
	dataDir,
	clients = 8,
	loadMs = 1500,
	admin
}: {
	dataDir: string;
	clients?: number;
	loadMs?: number;
	admin: { email: string; password: string };
}): Promise<ShutdownFigures> {
	const server = await startServer({
		dataDir,
		env: { SAMVERKA_ADMIN_EMAIL: admin.email, SAMVERKA_ADMIN_PASSWORD: admin.password }
	});
	// Names of this run alone: a data directory used before holds other runs' writes.
	const tag = `Avslut ${randomBytes(4).toString('hex')}`;
	let signalled = false;
	let exitMs = NaN;
	const outcomes: Outcome[] = [];
	try {
		const session = await fetch(server.base + '/api/v1/session', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(admin)
		});
		const cookie = session.headers.getSetCookie()[0]?.split(';')[0];
		if (!session.ok || !cookie) throw new Error(`signing in failed: ${session.status}`);

		const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
		let running = true;
		const client = async (c: number) => {
			for (let i = 0; running; i++) {
				const name = `${tag} ${c}-${i}`;
				const r = await post(agent, server.base, cookie, name);
				outcomes.push({ name, ...r, afterSignal: signalled });
				// Once the server has said no (or is gone), there is nothing more to ask of it.
				if (signalled && (r.status === 503 || r.status === null)) await new Promise((res) => setTimeout(res, 20));
			}
		};
		const load = Array.from({ length: clients }, (_, c) => client(c));
		await new Promise((r) => setTimeout(r, loadMs));
		signalled = true;
		exitMs = await server.stop();
		running = false;
		await Promise.all(load);
		agent.destroy();
	} finally {
		await server.stop();
	}

	// What the database holds, read with the server stopped.
	const db = await startEmbedded({ dataDir, log: () => {} });
	let saved: Set<string>;
	try {
		const c = new pg.Client({ connectionString: db.url });
		await c.connect();
		saved = new Set((await c.query<{ name: string }>(`select name from person where name like $1`, [`${tag} %`])).rows.map((r) => r.name));
		await c.end();
	} finally {
		await db.stop();
	}

	const ok = outcomes.filter((o) => o.status !== null && o.status >= 200 && o.status < 300);
	const noAnswer = outcomes.filter((o) => o.status === null);
	const otherStatuses: Record<string, number> = {};
	for (const o of outcomes) {
		if (o.status !== null && (o.status < 200 || o.status >= 300) && o.status !== 503)
			otherStatuses[o.status] = (otherStatuses[o.status] ?? 0) + 1;
	}
	return {
		clients,
		exitMs,
		acknowledged: ok.length,
		acknowledgedAfterSignal: ok.filter((o) => o.afterSignal).length,
		refused503: outcomes.filter((o) => o.status === 503).length,
		noAnswer: noAnswer.length,
		cutAfterCommit: noAnswer.filter((o) => saved.has(o.name)).length,
		lostAcknowledged: ok.filter((o) => !saved.has(o.name)).length,
		otherStatuses,
		cleanStop: /Samverka stängdes \(SIGTERM\)/.test(server.output()),
		output: server.output()
	};
}
