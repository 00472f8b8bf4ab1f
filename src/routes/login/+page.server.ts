import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { SESSION_COOKIE, SESSION_DAYS, login } from '#lib/server/auth/sessions.ts';
import { TooManyRequestsError, UnauthenticatedError } from '#lib/server/errors.ts';

const safeNext = (next: string | null) => (next && next.startsWith('/') && !next.startsWith('//') ? next : '/');

export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.actor.accountId !== null) redirect(303, safeNext(url.searchParams.get('next')));
	return { next: safeNext(url.searchParams.get('next')), reset: url.searchParams.get('reset') === '1' };
};

export const actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const form = await request.formData();
		const email = String(form.get('email') ?? '').trim();
		const password = String(form.get('password') ?? '');
		const errors: Record<string, string> = {};
		const none: Record<string, string> = {};
		if (!email) errors.email = 'E-post måste fyllas i.';
		if (!password) errors.password = 'Lösenord måste fyllas i.';
		if (Object.keys(errors).length) return fail(422, { email, errors, message: undefined });
		try {
			const { token } = await login(db(), email, password, { ip: getClientAddress() });
			cookies.set(SESSION_COOKIE, token, {
				path: '/',
				httpOnly: true,
				sameSite: 'lax',
				secure: url.protocol === 'https:',
				maxAge: SESSION_DAYS * 86400
			});
		} catch (e) {
			if (e instanceof UnauthenticatedError) return fail(401, { email, errors: none, message: e.message });
			if (e instanceof TooManyRequestsError) return fail(429, { email, errors: none, message: e.message });
			throw e;
		}
		redirect(303, safeNext(String(form.get('next') ?? '/')));
	}
} satisfies Actions;
