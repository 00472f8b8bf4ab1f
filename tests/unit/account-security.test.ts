import { describe, expect, it } from 'vitest';
import { ACCOUNT_AND_ADDRESS, ADDRESS, mayCheck, pauseSeconds, waitText } from '../../src/lib/core/throttle.ts';
import { isCommonPassword, newPasswordField } from '../../src/lib/schemas/password.ts';

describe('the sign-in throttle rules', () => {
	it('lets three checks go back to back, then pauses 1, 2, 4 … seconds up to the maximum', () => {
		expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => pauseSeconds(ACCOUNT_AND_ADDRESS, n))).toEqual([0, 0, 0, 1, 2, 4, 8, 16, 32, 64]);
		expect(pauseSeconds(ACCOUNT_AND_ADDRESS, 30)).toBe(64);
		expect(pauseSeconds(ADDRESS, 50)).toBe(0);
	});

	it('allows a check below the limit once the pause is over, and any check in a new window', () => {
		const now = new Date('2026-03-01T12:00:00Z');
		const ago = (s: number) => new Date(now.getTime() - s * 1000);
		expect(mayCheck(ACCOUNT_AND_ADDRESS, { failures: 9, windowStart: ago(60), pausedUntil: ago(1) }, now)).toBe(true);
		expect(mayCheck(ACCOUNT_AND_ADDRESS, { failures: 9, windowStart: ago(60), pausedUntil: ago(-1) }, now)).toBe(false);
		expect(mayCheck(ACCOUNT_AND_ADDRESS, { failures: 10, windowStart: ago(60), pausedUntil: null }, now)).toBe(false);
		expect(mayCheck(ACCOUNT_AND_ADDRESS, { failures: 10, windowStart: ago(15 * 60), pausedUntil: ago(-30) }, now)).toBe(true);
	});

	it('says how long to wait in Swedish', () => {
		expect(waitText(0.2)).toBe('1 sekund');
		expect(waitText(32)).toBe('32 sekunder');
		expect(waitText(60)).toBe('1 minut');
		expect(waitText(14 * 60 + 1)).toBe('15 minuter');
	});
});

describe('the password rule', () => {
	const check = (p: unknown) => {
		const r = newPasswordField('Lösenord').safeParse(p);
		return r.success ? null : r.error.issues[0].message;
	};

	it('wants at least 12 characters', () => {
		expect(check('elva-tecken')).toBe('Lösenord måste ha minst 12 tecken.');
		expect(check(undefined)).toBe('Lösenord måste fyllas i.');
		expect(check('tolv-tecken!')).toBeNull();
	});

	it('refuses the common passwords whatever their case, with the message naming the field', () => {
		for (const p of ['password1234', 'PASSWORD1234', '123456789012']) {
			expect(check(p)).toBe('Lösenord: det är ett av de vanligaste lösenorden. Välj ett annat.');
		}
		expect(isCommonPassword('Password1234')).toBe(true);
		expect(isCommonPassword('123qweasdzxc')).toBe(true);
		expect(isCommonPassword('ett-langt-losenord-123')).toBe(false);
		expect(check('1qaz2wsx3edc')).toBe('Lösenord: det är ett av de vanligaste lösenorden. Välj ett annat.');
	});
});
