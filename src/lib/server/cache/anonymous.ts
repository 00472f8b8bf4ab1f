// Serving anonymous GETs from the response cache: only requests that carry no
// session and no token, only complete 200 answers that set no cookie; and a
// few members' pages, per account.
import { runtime } from '../app.ts';
import { SESSION_COOKIE } from '../auth/sessions.ts';
import { todayIso } from '../../core/format.ts';
import { ResponseCache } from './response-cache.ts';
import { carriesFlash } from '../flash.ts';

const cache = new ResponseCache();
const CACHEABLE_TYPE = /^(text\/html|application\/json)\b/;

/**
 * The address as asked for. SvelteKit's own URL drops the `/__data.json` of a
 * client-side navigation's data request, which would let the page and its data
 * share one entry.
 */
const askedFor = (request: Request) => {
	const u = new URL(request.url);
	return u.pathname + u.search;
};

/** The cache key of a request that may be served from the cache, else null. */
export function anonymousCacheKey(request: Request): string | null {
	if (request.method !== 'GET') return null;
	if (request.headers.has('authorization')) return null;
	const cookie = request.headers.get('cookie');
	if (cookie && cookie.includes(`${SESSION_COOKIE}=`)) return null;
	// A page that says the confirmation of a change is for this browser alone.
	if (carriesFlash(cookie)) return null;
	// Pages that show "today" (members on a date, what is due) change at midnight.
	const kind = request.headers.get('accept')?.includes('application/json') ? 'json' : 'any';
	return `${todayIso()} ${kind} ${askedFor(request)}`;
}

/**
 * Members' pages that depend only on who asks, the address, the day and the
 * data: the secretariat's week and search. Kept per account, so a name in the
 * header or a hit only a member may see never reaches anyone else; like every
 * entry, valid only until the next committed change.
 */
const MEMBER_CACHED = ['/governance/week', '/search'];

export function memberCacheKey(request: Request, url: URL, accountId: number | null): string | null {
	if (request.method !== 'GET' || accountId === null || !MEMBER_CACHED.includes(url.pathname)) return null;
	if (carriesFlash(request.headers.get('cookie'))) return null;
	const kind = request.headers.get('accept')?.includes('application/json') ? 'json' : 'any';
	return `${todayIso()} account ${accountId} ${kind} ${askedFor(request)}`;
}

export function cachedResponse(key: string): Response | null {
	const changes = runtime().changes;
	if (!changes.listening) return null;
	const hit = cache.get(key, changes.generation);
	if (!hit) return null;
	const headers = new Headers(hit.headers);
	headers.set('x-samverka-cache', 'hit');
	return new Response(hit.body, { status: hit.status, headers });
}

/**
 * Keeps a copy of a response rendered for an anonymous visitor. `generation` is
 * the one read before rendering: a change committed meanwhile makes the copy stale at once.
 */
export async function storeResponse(key: string, generation: number, response: Response): Promise<Response> {
	const type = response.headers.get('content-type') ?? '';
	if (response.status !== 200 || response.headers.has('set-cookie') || !CACHEABLE_TYPE.test(type) || !response.body) return response;
	const body = new Uint8Array(await response.arrayBuffer());
	const headers: [string, string][] = [...response.headers].filter(([name]) => name !== 'content-length');
	cache.set(key, { generation, status: 200, headers, body });
	const fresh = new Headers(headers);
	fresh.set('x-samverka-cache', 'miss');
	return new Response(body, { status: 200, headers: fresh });
}
