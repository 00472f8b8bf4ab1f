import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { idParam, load as read, requirePage, runForm } from '#lib/server/web.ts';
import { deleteLedgerEntry, updateLedgerEntry } from '#lib/server/finance/service.ts';
import { getLedgerEntry, yearStatus } from '#lib/server/finance/queries.ts';
import { financeOptions } from '#lib/server/finance/options.ts';
import { amountInput } from '#lib/core/finance.ts';

export const load: PageServerLoad = async (event) => {
	requirePage(event, 'member');
	const id = idParam(event.params.id);
	const d = db();
	const entry = await read(event, () => getLedgerEntry(d, id));
	return {
		entry,
		status: await yearStatus(d, entry.year),
		values: { ...entry, amount: amountInput(entry.amount) },
		lists: await financeOptions(d, entry.year)
	};
};

export const actions: Actions = {
	update: async (event) => {
		const id = idParam(event.params.id);
		const r = await runForm(event, (input) => updateLedgerEntry(db(), event.locals.actor, id, input), { extra: { form: 'update' } });
		if ('ok' in r) redirect(303, `/finance/ledger/${id}`);
		return r;
	},
	delete: async (event) => {
		const id = idParam(event.params.id);
		const r = await runForm(event, (input) => deleteLedgerEntry(db(), event.locals.actor, id, input), { extra: { form: 'delete' } });
		if ('ok' in r) redirect(303, `/finance/ledger?year=${r.result.year}`);
		return r;
	}
};
