import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { resetPassword, resetTokenState } from '#lib/server/auth/reset.ts';
import { runForm } from '#lib/server/web.ts';

export const load: PageServerLoad = async ({ url, setHeaders }) => {
	// The address holds a secret: no copy in any cache.
	setHeaders({ 'cache-control': 'no-store' });
	const token = url.searchParams.get('token') ?? '';
	const state = await resetTokenState(db(), token);
	return { token: state ? token : null, email: state?.email ?? null };
};

export const actions = {
	default: async (event) => {
		const result = await runForm(event, (input) => resetPassword(db(), input, { ip: event.getClientAddress() }), {
			done: null,
			hide: ['newPassword', 'repeatPassword', 'token']
		});
		if (!('ok' in result)) return result;
		redirect(303, '/login?reset=1');
	}
} satisfies Actions;
