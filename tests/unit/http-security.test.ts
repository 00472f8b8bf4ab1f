import { describe, expect, it } from 'vitest';
import { apiRequestRefusal, baseSecurityHeaders, HSTS, STRICT_CSP, withSecurityHeaders } from '../../src/lib/server/http-security.ts';

const names = (https: boolean) => baseSecurityHeaders(https).map(([n]) => n);

describe('security headers', () => {
	it('send HSTS only when the public address is https', () => {
		expect(names(false)).not.toContain('strict-transport-security');
		expect(withSecurityHeaders(new Response('x'), false).headers.get('strict-transport-security')).toBeNull();
		expect(withSecurityHeaders(new Response('x'), true).headers.get('strict-transport-security')).toBe(HSTS);
		expect(HSTS).toBe('max-age=31536000; includeSubDomains');
	});

	it('keep the policy SvelteKit gave a page, and give everything else one that allows nothing', () => {
		const page = new Response('<p>', { headers: { 'content-security-policy': "default-src 'self'" } });
		expect(withSecurityHeaders(page, false).headers.get('content-security-policy')).toBe("default-src 'self'");
		const json = withSecurityHeaders(Response.json({}), false);
		expect(json.headers.get('content-security-policy')).toBe(STRICT_CSP);
		expect(json.headers.get('x-frame-options')).toBe('DENY');
		expect(json.headers.get('x-content-type-options')).toBe('nosniff');
		expect(json.headers.get('permissions-policy')).toMatch(/camera=\(\), .*geolocation=\(\), .*microphone=\(\)/);
	});

	it('set them on an answer whose headers cannot be changed, through a copy', async () => {
		const redirect = withSecurityHeaders(Response.redirect('http://localhost/x', 303), false);
		expect(redirect.status).toBe(303);
		expect(redirect.headers.get('location')).toBe('http://localhost/x');
		expect(redirect.headers.get('x-frame-options')).toBe('DENY');
	});
});

describe('the rules an API write must meet', () => {
	const url = new URL('http://samverka.test/api/v1/persons');
	const post = (headers: Record<string, string>, body: string | null = '{}') =>
		new Request(url, { method: 'POST', headers: body === null ? headers : { 'content-length': String(body.length), ...headers }, body });

	it('a body must be JSON: 415 otherwise, with a Swedish message', async () => {
		for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonp']) {
			const r = apiRequestRefusal(post({ 'content-type': type }), url, 'token');
			expect(r?.status, type).toBe(415);
			expect((await r!.json()).message).toMatch(/Content-Type: application\/json/);
		}
		expect(apiRequestRefusal(post({}), url, 'token')?.status).toBe(415);
		expect(apiRequestRefusal(post({ 'content-type': 'application/json; charset=utf-8' }), url, 'token')).toBeNull();
		expect(apiRequestRefusal(post({ 'content-type': 'Application/JSON' }), url, 'token')).toBeNull();
		// A DELETE without a body needs no type; reads are not concerned.
		expect(apiRequestRefusal(new Request(url, { method: 'DELETE' }), url, 'cookie')?.status).toBe(403);
		expect(apiRequestRefusal(new Request(url, { method: 'DELETE', headers: { origin: url.origin } }), url, 'cookie')).toBeNull();
		expect(apiRequestRefusal(new Request(url, { headers: { 'content-type': 'text/plain' } }), url, 'cookie')).toBeNull();
	});

	it('a write signed in by the cookie must come from our own origin; a bearer token need not', async () => {
		const json = { 'content-type': 'application/json' };
		const foreign = apiRequestRefusal(post({ ...json, origin: 'http://evil.example' }), url, 'cookie');
		expect(foreign?.status).toBe(403);
		expect((await foreign!.json()).message).toMatch(/annan webbplats/);
		expect(apiRequestRefusal(post({ ...json, origin: 'null' }), url, 'cookie')?.status).toBe(403);
		expect(apiRequestRefusal(post({ ...json, origin: 'https://samverka.test' }), url, 'cookie')?.status).toBe(403);
		expect(apiRequestRefusal(post({ ...json, origin: 'http://samverka.test' }), url, 'cookie')).toBeNull();
		expect(apiRequestRefusal(post({ ...json, origin: 'http://evil.example' }), url, 'token')).toBeNull();
		// Signing in carries no session yet.
		expect(apiRequestRefusal(post({ ...json, origin: 'http://evil.example' }), url, null)).toBeNull();
	});

	it('pages are not concerned (their forms are checked by SvelteKit)', () => {
		const page = new URL('http://samverka.test/organisation/persons/new');
		expect(
			apiRequestRefusal(new Request(page, { method: 'POST', body: 'a=1', headers: { 'content-length': '3' } }), page, 'cookie')
		).toBeNull();
	});
});

describe('a 304', () => {
	it('carries no policy, so the page the browser holds keeps its own', () => {
		const notModified = withSecurityHeaders(new Response(null, { status: 304 }), false);
		expect(notModified.headers.get('content-security-policy')).toBeNull();
		expect(notModified.headers.get('x-frame-options')).toBe('DENY');
	});
});
