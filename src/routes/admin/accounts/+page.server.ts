import type { Actions, PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
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
		const result = await runForm(event, (input) => createAccount(db(), event.locals.actor, input));
		if (!('ok' in result)) return { ...result, data: { ...result.data, values: { ...result.data.values, password: '' }, form: 'create' } };
		return { created: result.result.email };
	},
	disable: async (event) => {
		const result = await runForm(event, (input) =>
			setAccountDisabled(db(), event.locals.actor, idParam(input.id), input.disabled === 'true')
		);
		if (!('ok' in result)) return result;
	},
	token: async (event) => {
		const result = await runForm(event, (input) => issueApiToken(db(), event.locals.actor, idParam(input.accountId), input));
		if (!('ok' in result)) return { ...result, data: { ...result.data, form: 'token' } };
		return { token: result.result.token, tokenName: result.result.name };
	},
	revoke: async (event) => {
		const result = await runForm(event, (input) => revokeApiToken(db(), event.locals.actor, idParam(input.id)));
		if (!('ok' in result)) return result;
	}
} satisfies Actions;
