import type { Actions, PageServerLoad } from './$types';
import { db, runtime } from '#lib/server/app.ts';
import { forcePasswordReset } from '#lib/server/auth/reset.ts';
import {
	createAccount,
	issueApiToken,
	listAccounts,
	listApiTokens,
	revokeApiToken,
	setAccountDisabled
} from '#lib/server/auth/accounts.ts';
import { optionLists } from '#lib/server/organisation/options.ts';
import { idParam, requirePage, runForm } from '#lib/server/web.ts';
import { validate } from '#lib/server/service.ts';
import { requiredId } from '#lib/schemas/fields.ts';
import { z } from 'zod';

// An empty choice is a field error, not a missing page.
const tokenAccount = z.object({ accountId: requiredId('Konto') });
const resetAccount = z.object({ accountId: requiredId('Konto för nytt lösenord') });

export const load: PageServerLoad = async (event) => {
	const actor = requirePage(event, 'admin');
	const [accounts, tokens, lists] = await Promise.all([
		listAccounts(db(), actor),
		listApiTokens(db(), actor),
		optionLists(db(), ['persons'])
	]);
	return { accounts, tokens, lists };
};

export const actions = {
	create: async (event) => {
		const result = await runForm(event, (input) => createAccount(db(), event.locals.actor, input), {
			done: null,
			extra: { form: 'create' },
			hide: ['password']
		});
		if (!('ok' in result)) return result;
		return { created: result.result.email };
	},
	disable: async (event) => {
		const result = await runForm(
			event,
			(input) => setAccountDisabled(db(), event.locals.actor, idParam(input.id), input.disabled === 'true'),
			{ done: null }
		);
		if (!('ok' in result)) return result;
	},
	token: async (event) => {
		const result = await runForm(
			event,
			(input) => issueApiToken(db(), event.locals.actor, validate(tokenAccount, input).accountId, input),
			{ done: null, extra: { form: 'token' } }
		);
		if (!('ok' in result)) return result;
		return { token: result.result.token, tokenName: result.result.name };
	},
	reset: async (event) => {
		const baseUrl = runtime().config.publicUrl || event.url.origin;
		const result = await runForm(
			event,
			(input) =>
				forcePasswordReset(
					db(),
					event.locals.actor,
					validate(resetAccount, input).accountId,
					{ invalidate: input.invalidate === 'on' },
					{ baseUrl }
				),
			{ done: null, extra: { form: 'reset' } }
		);
		if (!('ok' in result)) return result;
		runtime().mailer?.kick();
		return { resetFor: result.result.email, invalidated: result.result.invalidated, endedSessions: result.result.endedSessions };
	},
	revoke: async (event) => {
		const result = await runForm(event, (input) => revokeApiToken(db(), event.locals.actor, idParam(input.id)), { done: null });
		if (!('ok' in result)) return result;
	}
} satisfies Actions;
