// The rule for a new password, shared by account creation, the own page's
// change, the reset link, the API and the CLI: at least 12 characters and not
// one of the commonly used passwords.
import { z } from 'zod';
import { dictionary } from '@zxcvbn-ts/language-common';

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 200;
export const COMMON_PASSWORD = 'det är ett av de vanligaste lösenorden. Välj ett annat.';

let common: Set<string> | undefined;
/**
 * zxcvbn-ts's list of common passwords (about 49 000, ranked by frequency in
 * leaked password sets), compared without regard to case.
 */
export function isCommonPassword(password: string): boolean {
	common ??= new Set(dictionary['passwords-common']);
	return common.has(password.toLowerCase());
}

/** A new password's field, named by its label ("Lösenord", "Nytt lösenord"). */
export function newPasswordField(label = 'Lösenord') {
	return z
		.string({ error: `${label} måste fyllas i.` })
		.min(PASSWORD_MIN, `${label} måste ha minst ${PASSWORD_MIN} tecken.`)
		.max(PASSWORD_MAX, `${label} får vara högst ${PASSWORD_MAX} tecken.`)
		.refine((p) => !isCommonPassword(p), `${label}: ${COMMON_PASSWORD}`);
}

/** A password typed to prove who one is: only present, never judged. */
export const currentPasswordField = (label = 'Nuvarande lösenord') =>
	z
		.string({ error: `${label} måste fyllas i.` })
		.min(1, `${label} måste fyllas i.`)
		.max(PASSWORD_MAX, `${label} är för långt.`);

/** A new password typed twice (forms); the API may leave out the repetition. */
export function withRepetition<T extends z.ZodRawShape>(shape: T, field = 'newPassword') {
	return z.object({ ...shape, repeatPassword: z.string().optional() }).refine(
		(v) => {
			const o = v as Record<string, unknown>;
			return o.repeatPassword === undefined || o.repeatPassword === o[field];
		},
		{
			path: ['repeatPassword'],
			message: 'Upprepa lösenordet: de två lösenorden är inte lika.'
		}
	);
}
