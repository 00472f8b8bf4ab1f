import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit/hooks';
import { startRuntime } from '#lib/server/runtime.ts';
import { setRuntime, db, runtime } from '#lib/server/app.ts';
import { PUBLIC } from '#lib/server/actor.ts';
import { SESSION_COOKIE, actorFromToken, sessionOf } from '#lib/server/auth/sessions.ts';
import { SessionCache } from '#lib/server/cache/session-cache.ts';
import { languageOfPath } from '#lib/core/site-language.ts';
import { anonymousCacheKey, cachedResponse, memberCacheKey, storeResponse } from '#lib/server/cache/anonymous.ts';

// The port opens only once the database is up, migrated and seeded.
export const init: ServerInit = async () => {
	const runtime = await startRuntime();
	setRuntime(runtime);
	// adapter-node emits this after draining requests; then the database can go.
	process.once('sveltekit:shutdown' as never, () => void runtime.stop().then(() => process.exit(0)));
};

const sessions = new SessionCache(() => runtime().changes);

export const handle: Handle = async ({ event, resolve }) => {
	const cacheKey = anonymousCacheKey(event.request);
	if (cacheKey) {
		const hit = cachedResponse(cacheKey);
		if (hit) return withSecurityHeaders(hit);
	}
	event.locals.actor = PUBLIC;
	event.locals.sessionToken = null;
	const bearer = event.request.headers.get('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
	if (bearer) {
		event.locals.actor = (await actorFromToken(db(), bearer)) ?? PUBLIC;
	} else {
		const token = event.cookies.get(SESSION_COOKIE);
		if (token) {
			const actor = await sessions.actor(token, (t) => sessionOf(db(), t));
			if (actor) {
				event.locals.actor = actor;
				event.locals.sessionToken = token;
			} else {
				event.cookies.delete(SESSION_COOKIE, { path: '/', secure: event.url.protocol === 'https:' });
			}
		}
	}
	const memberKey = cacheKey ? null : memberCacheKey(event.request, event.url, event.locals.actor.accountId);
	if (memberKey) {
		const hit = cachedResponse(memberKey);
		if (hit) return withSecurityHeaders(hit);
	}
	const key = cacheKey ?? memberKey;
	const generation = key ? runtime().changes.generation : 0;
	const response = await resolve(event, languageOfPath(event.url.pathname) === 'en' ? { transformPageChunk: english } : undefined);
	if (event.request.method !== 'GET' && event.request.method !== 'HEAD') runtime().changes.touch();
	return withSecurityHeaders(key ? await storeResponse(key, generation, response) : response);
};

const english = ({ html }: { html: string }) => html.replace('<html lang="sv">', '<html lang="en">');

function withSecurityHeaders(response: Response): Response {
	response.headers.set('x-content-type-options', 'nosniff');
	response.headers.set('referrer-policy', 'same-origin');
	return response;
}

// error() keeps its own message; anything unexpected is logged and told plainly.
export const handleError: HandleServerError = ({ kind, error, event }) => {
	if (kind === 'unknown') {
		console.error(event.url.pathname, error);
		return { message: 'Ett oväntat fel inträffade. Försök igen om en stund.' };
	}
};
