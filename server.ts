// Samverka's HTTP server: adapter-node's handler behind a plain node:http
// server, so that ORIGIN is read at run time (adapter-node 6 bakes it in at
// build time and otherwise assumes https, which refuses every plain-http form).
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { baseSecurityHeaders, STRICT_CSP } from './src/lib/server/http-security.ts';

const origin = process.env.ORIGIN ? new URL(process.env.ORIGIN) : null;
process.env.PROTOCOL_HEADER = 'x-samverka-proto';
process.env.HOST_HEADER = 'x-samverka-host';
// Uploads (meeting documents up to 20 MB, ledger exports up to 10 MB) need more than adapter-node's 512 kB default.
process.env.BODY_SIZE_LIMIT ??= '25M';
/** Seconds a stop waits for the requests in flight before it closes what is left. */
const shutdownTimeout = Number(process.env.SHUTDOWN_TIMEOUT || 5) * 1000;

// Importing the handler runs the init hook: the database is up before we listen.
// (A path in a variable: the build is not part of the type-checked sources.)
const entry = './build/handler.js';
const { handler } = (await import(entry)) as { handler: (req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => void };

// Static files never reach the hooks: they get the security headers here (SvelteKit sets its own on what it answers).
const securityHeaders = baseSecurityHeaders(origin?.protocol === 'https:');
/** The first segment of every static file's address (`_app`, `favicon.svg`, …): those get the policy that allows nothing. */
const staticRoots = new Set(fs.readdirSync(path.join(import.meta.dirname, 'build', 'client')));
// Only there: a page's 304 must carry no policy, or the browser would replace the page's own with it.
const isStatic = (url = '/') => staticRoots.has(url.split(/[/?#]/)[1] ?? '');

let stopping = false;
/** The answers being worked on: a stop lets them finish, and tells their clients to go. */
const inFlight = new Set<http.ServerResponse>();

const server = http.createServer((req, res) => {
	for (const [name, value] of securityHeaders) res.setHeader(name, value);
	if (isStatic(req.url)) res.setHeader('content-security-policy', STRICT_CSP);
	if (stopping) {
		// A request on a kept-alive connection after SIGTERM: not begun, so nothing of it is half done; the client may try again.
		res.writeHead(503, { connection: 'close', 'retry-after': '5', 'content-type': 'text/plain; charset=utf-8' });
		res.end('Samverka startas om. Försök igen om en stund.');
		return;
	}
	inFlight.add(res);
	res.once('close', () => {
		inFlight.delete(res);
		// The connection is idle now: close it rather than wait for the client's next request.
		if (stopping) setImmediate(() => server.closeIdleConnections());
	});
	// Never trust these from outside: they are ours.
	req.headers['x-samverka-proto'] = origin ? origin.protocol.slice(0, -1) : 'http';
	req.headers['x-samverka-host'] = origin ? origin.host : req.headers.host;
	// Browsers always send Origin with a POST, PATCH or DELETE, and Kit refuses a
	// form-like one from elsewhere. A script calling the API sends none and carries
	// a bearer token or a cookie, so it is no cross-site form: let it through
	// (the hooks still refuse a cookie-signed write with a foreign Origin).
	if (!req.headers.origin && req.url?.startsWith('/api/')) {
		req.headers.origin = `${req.headers['x-samverka-proto']}://${req.headers['x-samverka-host']}`;
	}
	handler(req, res, () => {
		res.statusCode = 404;
		res.end('Not found');
	});
});

const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || '0.0.0.0';
server.listen(port, host, () => {
	console.log(`Samverka svarar på ${origin?.origin ?? `http://localhost:${port}`}`);
});

/**
 * A graceful stop: take no new connections, let every request in flight finish
 * (one that has begun its transaction is never cut after its commit) and answer it
 * with Connection: close, answer a new request on a kept-alive connection 503, close
 * idle connections; then stop the database. Whatever still runs after
 * SHUTDOWN_TIMEOUT seconds is closed.
 */
function shutdown(reason: string) {
	if (stopping) return;
	stopping = true;
	const t0 = Date.now();
	for (const res of inFlight) if (!res.headersSent) res.setHeader('connection', 'close');
	server.close(() => {
		console.log(`Samverka stängdes (${reason}) efter ${Date.now() - t0} ms.`);
		process.emit('sveltekit:shutdown' as never, reason as never);
	});
	server.closeIdleConnections();
	setTimeout(() => {
		if (inFlight.size) console.error(`${inFlight.size} förfrågningar var inte klara efter ${shutdownTimeout / 1000} s och avbröts.`);
		server.closeAllConnections();
	}, shutdownTimeout).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
