import type { Actions, PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { ACCOUNT_ROLES } from '#lib/server/actor.ts';
import { changePassword, ownAccount } from '#lib/server/auth/accounts.ts';
import { load as loadPage, requirePage, runForm } from '#lib/server/web.ts';
import { digestSetting, setWeeklyDigest } from '#lib/server/governance/digest.ts';
import { todayIso } from '#lib/core/format.ts';

export const load: PageServerLoad = async (event) => {
	const actor = requirePage(event, 'member');
	const [own, digest] = await loadPage(event, () => Promise.all([ownAccount(db(), actor), digestSetting(db(), actor, todayIso())]));
	const roleLabel = ACCOUNT_ROLES[own.role as keyof typeof ACCOUNT_ROLES] ?? own.role;
	return { own: { name: own.name, email: own.email, roleLabel, passwordChangedAt: own.passwordChangedAt }, digest };
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
	},
	digest: async (event) => {
		const result = await runForm(event, (input) => setWeeklyDigest(db(), event.locals.actor, input), {
			done: null,
			extra: { form: 'digest' }
		});
		if (!('ok' in result)) return result;
		return { form: 'digest', digestSaved: result.result.weeklyDigest };
	}
} satisfies Actions;
