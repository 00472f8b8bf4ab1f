import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { SESSION_COOKIE, logout } from '#lib/server/auth/sessions.ts';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions = {
	default: async ({ locals, cookies, url }) => {
		if (locals.sessionToken) await logout(db(), locals.sessionToken);
		cookies.delete(SESSION_COOKIE, { path: '/', secure: url.protocol === 'https:' });
		redirect(303, '/');
	}
} satisfies Actions;
