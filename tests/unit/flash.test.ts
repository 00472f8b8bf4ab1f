import { describe, expect, it } from 'vitest';
import { anonymousCacheKey, memberCacheKey } from '../../src/lib/server/cache/anonymous.ts';
import { FLASH_COOKIE, carriesFlash } from '../../src/lib/server/flash.ts';

// A confirmation is for the browser that made the change: a request carrying one is never
// answered from, nor kept in, the response caches (else a visitor could be shown another's
// "Ändringen sparades.", or the confirmation would be lost behind a cached copy).
describe('the flash cookie and the caches', () => {
	const get = (cookie?: string) => new Request('http://localhost/governance/week', { headers: cookie ? { cookie } : {} });

	it('recognises the cookie among others', () => {
		expect(carriesFlash(null)).toBe(false);
		expect(carriesFlash('theme=dark')).toBe(false);
		expect(carriesFlash(`theme=dark; ${FLASH_COOKIE}=%C3%84ndringen%20sparades.`)).toBe(true);
	});

	it('keeps a request with a confirmation out of the anonymous and the per-account cache', () => {
		expect(anonymousCacheKey(get())).not.toBeNull();
		expect(anonymousCacheKey(get(`${FLASH_COOKIE}=x`))).toBeNull();
		const url = new URL('http://localhost/governance/week');
		expect(memberCacheKey(get(), url, 1)).not.toBeNull();
		expect(memberCacheKey(get(`${FLASH_COOKIE}=x`), url, 1)).toBeNull();
	});
});
