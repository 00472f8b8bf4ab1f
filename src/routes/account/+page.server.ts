import type { Actions, PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { ACCOUNT_ROLES } from '#lib/server/actor.ts';
import { changePassword, ownAccount } from '#lib/server/auth/accounts.ts';
import { load as loadPage, requirePage, runForm } from '#lib/server/web.ts';

export const load: PageServerLoad = async (event) => {
	const actor = requirePage(event, 'member');
	const own = await loadPage(event, () => ownAccount(db(), actor));
	const roleLabel = ACCOUNT_ROLES[own.role as keyof typeof ACCOUNT_ROLES] ?? own.role;
	return { own: { name: own.name, email: own.email, roleLabel, passwordChangedAt: own.passwordChangedAt } };
};

export const actions = {
	password: async (event) => {
		const result = await runForm(
			event,
			(input) => changePassword(db(), event.locals.actor, input, { ip: event.getClientAddress(), sessionToken: event.locals.sessionToken }),
			{ done: null, hide: ['currentPassword', 'newPassword', 'repeatPassword'] }
		);
		if (!('ok' in result)) return result;
		return { changed: true, endedSessions: result.result.endedSessions };
	}
} satisfies Actions;
