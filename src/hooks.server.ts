import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit/hooks';
import {
	DATABASE_UNAVAILABLE,
	DATA_REFUSED,
	dataRefusedByDatabase,
	isDatabaseUnavailable,
	UnauthenticatedError
} from '#lib/server/errors.ts';
import { startRuntime } from '#lib/server/runtime.ts';
import { stopReportDocxWorker } from '#lib/server/documents/report-docx.ts';
import { setRuntime, db, runtime } from '#lib/server/app.ts';
import { PUBLIC, hasRole } from '#lib/server/actor.ts';
import { SESSION_COOKIE, actorFromToken, sessionOf } from '#lib/server/auth/sessions.ts';
import { SessionCache } from '#lib/server/cache/session-cache.ts';
import { languageOfPath } from '#lib/core/site-language.ts';
import { anonymousCacheKey, cachedResponse, memberCacheKey, storeResponse } from '#lib/server/cache/anonymous.ts';
import { apiRequestRefusal, withSecurityHeaders } from '#lib/server/http-security.ts';
import { countingRoundTrips, installRoundTripCounter } from '#lib/server/db/round-trips.ts';

// The port opens only once the database is up, migrated and seeded.
export const init: ServerInit = async () => {
	const runtime = await startRuntime();
	setRuntime(runtime);
	// server.ts emits this once every request has been answered; then the database can go.
	process.once('sveltekit:shutdown' as never, () => {
		const t0 = Date.now();
		void Promise.all([runtime.stop(), stopReportDocxWorker()]).then(
			() => {
				console.log(`Databasen stoppad efter ${Date.now() - t0} ms.`);
				process.exit(0);
			},
			(e: unknown) => {
				console.error('Databasen kunde inte stoppas:', e);
				process.exit(1);
			}
		);
	});
};

const sessions = new SessionCache(() => runtime().changes);

/** With SAMVERKA_ROUND_TRIPS=1 (tests, bench) every answer says how many database round trips it took. */
const countRoundTrips = process.env.SAMVERKA_ROUND_TRIPS === '1';
if (countRoundTrips) installRoundTripCounter();

export const handle: Handle = async (input) => {
	if (!countRoundTrips) return answer(input);
	const { result, roundTrips } = await countingRoundTrips(async () => answer(input));
	result.headers.set('x-samverka-round-trips', String(roundTrips));
	return result;
};

const answer: Handle = async (input) => {
	// Every answer, a page, a copy from the cache, JSON, a download or a refusal, carries the security headers.
	const https = input.event.url.protocol === 'https:';
	try {
		const response = await respond(input);
		// A page whose load met a dropped connection: the database was out of reach, which is no defect of the page;
		// one whose address held a value the database refused (a number past its type): the address's fault.
		const { databaseUnavailable, dataRefused } = input.event.locals;
		const answer =
			response.status !== 500 ? response : databaseUnavailable ? unavailable(response) : dataRefused ? withStatus(response, 400) : response;
		return withSecurityHeaders(answer, https);
	} catch (e) {
		if (!isDatabaseUnavailable(e)) throw e;
		console.error(input.event.url.pathname, 'databasen svarade inte:', innermostMessage(e));
		return withSecurityHeaders(
			unavailable(new Response(DATABASE_UNAVAILABLE, { headers: { 'content-type': 'text/plain; charset=utf-8' } })),
			https
		);
	}
};

/** 503 with the same body, and when to try again. */
function unavailable(response: Response): Response {
	const headers = new Headers(response.headers);
	headers.set('retry-after', '5');
	return new Response(response.body, { status: 503, headers });
}

const withStatus = (response: Response, status: number) => new Response(response.body, { status, headers: response.headers });

/** Bodies past this size are files, and only editors send files: anyone else is refused before the body is read. */
const FILE_BODY_BYTES = 1024 * 1024;

const innermostMessage = (e: unknown): string => {
	let x = e as { cause?: unknown; message?: string };
	while (x?.cause) x = x.cause as typeof x;
	return x?.message ?? String(e);
};

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Where someone not signed in may post: signing in and out, and asking for and using a password reset link. */
const OPEN_TO_ALL = new Set(['/login', '/logout', '/api/v1/session', '/login/forgot', '/login/reset']);

const respond: Handle = async ({ event, resolve }) => {
	const cacheKey = anonymousCacheKey(event.request);
	// A request that asks for no cached copy (Cache-Control: no-cache, as a browser's reload sends) is rendered; its answer is kept all the same.
	const fresh = /\bno-cache\b/i.test(event.request.headers.get('cache-control') ?? '');
	if (cacheKey && !fresh) {
		const hit = cachedResponse(cacheKey);
		if (hit) return hit;
	}
	event.locals.actor = PUBLIC;
	event.locals.sessionToken = null;
	let signedInBy: 'cookie' | 'token' | null = null;
	const bearer = event.request.headers.get('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
	if (bearer) {
		event.locals.actor = (await actorFromToken(db(), bearer)) ?? PUBLIC;
		if (event.locals.actor.accountId !== null) signedInBy = 'token';
	} else {
		const token = event.cookies.get(SESSION_COOKIE);
		if (token) {
			const actor = await sessions.actor(token, (t) => sessionOf(db(), t));
			if (actor) {
				event.locals.actor = actor;
				event.locals.sessionToken = token;
				signedInBy = 'cookie';
			} else {
				event.cookies.delete(SESSION_COOKIE, { path: '/', secure: event.url.protocol === 'https:' });
			}
		}
	}
	// Nobody signed in may change anything but the session: refused before a body, however large, is read.
	if (!READS.has(event.request.method) && event.locals.actor.accountId === null && !OPEN_TO_ALL.has(event.url.pathname)) {
		if (event.url.pathname.startsWith('/api/')) return Response.json({ message: new UnauthenticatedError().message }, { status: 401 });
		const next = encodeURIComponent(event.url.pathname + event.url.search);
		return new Response(null, { status: 303, headers: { location: `/login?next=${next}` } });
	}
	if (
		!READS.has(event.request.method) &&
		Number(event.request.headers.get('content-length') ?? 0) > FILE_BODY_BYTES &&
		!hasRole(event.locals.actor, 'editor') &&
		!OPEN_TO_ALL.has(event.url.pathname)
	) {
		const message = 'Bara redaktörer och administratörer kan skicka filer.';
		return event.url.pathname.startsWith('/api/')
			? Response.json({ message }, { status: 413 })
			: new Response(message, { status: 413, headers: { 'content-type': 'text/plain; charset=utf-8' } });
	}
	// An API write must be JSON, and one signed in by the cookie must come from our own pages.
	const refusal = apiRequestRefusal(event.request, event.url, signedInBy);
	if (refusal) return refusal;
	const memberKey = cacheKey ? null : memberCacheKey(event.request, event.url, event.locals.actor.accountId);
	if (memberKey && !fresh) {
		const hit = cachedResponse(memberKey);
		if (hit) return hit;
	}
	const key = cacheKey ?? memberKey;
	const generation = key ? runtime().changes.generation : 0;
	const response = await resolve(event, languageOfPath(event.url.pathname) === 'en' ? { transformPageChunk: english } : undefined);
	if (event.request.method !== 'GET' && event.request.method !== 'HEAD') runtime().changes.touch();
	return key ? await storeResponse(key, generation, response) : response;
};

const english = ({ html }: { html: string }) => html.replace('<html lang="sv">', '<html lang="en">');

// error() keeps its own message; anything unexpected is logged and told plainly.
export const handleError: HandleServerError = ({ kind, error, event }) => {
	if (kind === 'unknown') {
		// A database out of reach for a moment is said as such, not logged as a defect with its query.
		if (isDatabaseUnavailable(error)) {
			event.locals.databaseUnavailable = true;
			console.error(event.url.pathname, 'databasen svarade inte:', innermostMessage(error));
			return { message: DATABASE_UNAVAILABLE };
		}
		if (dataRefusedByDatabase(error)) {
			event.locals.dataRefused = true;
			return { message: DATA_REFUSED };
		}
		console.error(event.url.pathname, error);
		return { message: 'Ett oväntat fel inträffade. Försök igen om en stund.' };
	}
};
