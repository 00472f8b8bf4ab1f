// The confirmation of a successful change, carried across the redirect that
// follows it: a short-lived cookie the action sets and the next page's load reads
// and clears (the "flash" of many frameworks). One mechanism for every form.
import type { Cookies } from '@sveltejs/kit';

export const FLASH_COOKIE = 'samverka_flash';
/** Longest a confirmation is kept: a message is for the page that follows at once. */
const FLASH_SECONDS = 60;
const MAX_LENGTH = 300;

const options = (secure: boolean) => ({ path: '/', httpOnly: true, sameSite: 'lax' as const, secure });

/** Says `message` on the next page shown to this browser. */
export function setFlash(cookies: Cookies, message: string, secure: boolean): void {
	cookies.set(FLASH_COOKIE, message.slice(0, MAX_LENGTH), { ...options(secure), maxAge: FLASH_SECONDS });
}

/** The confirmation waiting for this page, if any, cleared so it is said once. */
export function takeFlash(cookies: Cookies, secure: boolean): string | null {
	const message = cookies.get(FLASH_COOKIE);
	if (message === undefined) return null;
	cookies.delete(FLASH_COOKIE, options(secure));
	return message.trim() ? message.slice(0, MAX_LENGTH) : null;
}

/** Whether a request carries a confirmation: such a page is never served from, or kept in, a cache. */
export const carriesFlash = (cookieHeader: string | null): boolean => !!cookieHeader && cookieHeader.includes(`${FLASH_COOKIE}=`);
