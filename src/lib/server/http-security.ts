// The security headers every answer carries, and the rules an API write must
// meet before it is read (issue 21). Pages get their Content-Security-Policy
// from SvelteKit (kit.csp in vite.config.ts, hashes for its inline scripts);
// everything else (API JSON, downloads, static files) gets a policy that allows nothing.

/** For answers SvelteKit gave no policy: JSON, downloads (PDF, DOCX, CSV, ICS, Atom), plain text, static files. */
export const STRICT_CSP = "default-src 'none'; frame-ancestors 'none'";

/** Powerful features no page of Samverka uses; nothing embedded or injected may ask for them either. */
export const PERMISSIONS_POLICY = [
	'accelerometer',
	'autoplay',
	'camera',
	'display-capture',
	'geolocation',
	'gyroscope',
	'magnetometer',
	'microphone',
	'midi',
	'payment',
	'usb'
]
	.map((f) => `${f}=()`)
	.join(', ');

/** A year, with the subdomains: sent only where the public address is https (behind a TLS proxy). */
export const HSTS = 'max-age=31536000; includeSubDomains';

/** The headers that do not depend on the answer, as name-value pairs (server.ts sets them on static files too). */
export function baseSecurityHeaders(https: boolean): [string, string][] {
	const headers: [string, string][] = [
		['x-content-type-options', 'nosniff'],
		['referrer-policy', 'same-origin'],
		// frame-ancestors 'none' in the policy; this for browsers that predate it.
		['x-frame-options', 'DENY'],
		['permissions-policy', PERMISSIONS_POLICY]
	];
	if (https) headers.push(['strict-transport-security', HSTS]);
	return headers;
}

/** Sets the security headers on an answer; a policy SvelteKit set for a page is kept. */
export function withSecurityHeaders(response: Response, https: boolean): Response {
	// Response.redirect() and a fetched answer have immutable headers: answer with a copy then.
	try {
		response.headers.set('x-content-type-options', 'nosniff');
	} catch {
		response = new Response(response.body, { status: response.status, statusText: response.statusText, headers: response.headers });
	}
	for (const [name, value] of baseSecurityHeaders(https)) response.headers.set(name, value);
	// Not on a 304: a browser merges its headers into the copy it holds, and a page's own policy (its script's hash) would be replaced.
	if (response.status !== 304 && !response.headers.has('content-security-policy'))
		response.headers.set('content-security-policy', STRICT_CSP);
	return response;
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Why an API request may not be handled, as the answer to give, or null when it
 * may. A write with a body must say it is JSON (415 otherwise: a form or text/plain
 * body is what a cross-site page can send without asking). A write signed in by
 * the session cookie must come from this site's own pages (403 otherwise): a
 * browser always sends Origin with a cross-site write, so a foreign or "null"
 * Origin with our cookie is another site's page acting for the user. A client
 * that sends no Origin at all is no browser (server.ts then fills in our own);
 * a bearer token is never sent by a browser on its own, so it is exempt.
 */
export function apiRequestRefusal(request: Request, url: URL, signedInBy: 'cookie' | 'token' | null): Response | null {
	if (!WRITES.has(request.method) || !url.pathname.startsWith('/api/')) return null;
	if (hasBody(request)) {
		const type = request.headers.get('content-type')?.split(';')[0].trim().toLowerCase();
		if (type !== 'application/json') {
			return Response.json(
				{ message: 'Begäran måste skickas som JSON, med Content-Type: application/json. Inget sparades.' },
				{ status: 415 }
			);
		}
	}
	if (signedInBy === 'cookie' && request.headers.get('origin') !== url.origin) {
		return Response.json({ message: 'Begäran kom från en annan webbplats än Samverka och avvisades. Inget sparades.' }, { status: 403 });
	}
	return null;
}

function hasBody(request: Request): boolean {
	const length = request.headers.get('content-length');
	if (length !== null) return Number(length) > 0;
	return request.headers.has('transfer-encoding');
}
