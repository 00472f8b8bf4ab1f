import type { Actions, PageServerLoad } from './$types';
import type { RequestEvent } from '@sveltejs/kit';
import { db } from '#lib/server/app.ts';
import { load as read, runForm, yearParam } from '#lib/server/web.ts';
import { hasRole } from '#lib/server/actor.ts';
import { yearPage } from '#lib/server/finance/pages.ts';
import { closeYear, reopenYear } from '#lib/server/finance/closing.ts';
import { closingDocument } from '#lib/server/finance/closing-document.ts';
import { createBudgetLine, createTransfer, setOpeningBalance } from '#lib/server/finance/service.ts';

export const load: PageServerLoad = async (event) => {
	const year = yearParam(event.params.year);
	const d = db();
	return read(event, async () => {
		const { closing, budget, lists, cooperation } = await yearPage(d, year, hasRole(event.locals.actor, 'editor'));
		return {
			year,
			status: closing.status,
			openingsMissing: closing.openingsMissing,
			openingsProvisional: closing.openingsProvisional,
			differences: closing.differences.length,
			printed: closing.printedCount,
			document: closingDocument(closing, cooperation),
			budget,
			lists
		};
	});
};

const act =
	(name: string, work: (event: RequestEvent, year: number, input: Record<string, unknown>) => Promise<unknown>) =>
	async (event: RequestEvent) => {
		const year = yearParam(event.params.year);
		const r = await runForm(event, (input) => work(event, year, input), { done: null, extra: { form: name } });
		return 'ok' in r ? { form: name, done: true } : r;
	};

export const actions: Actions = {
	close: act('close', (e, year) => closeYear(db(), e.locals.actor, year)),
	reopen: act('reopen', (e, year, input) => reopenYear(db(), e.locals.actor, year, input)),
	opening: act('opening', (e, year, input) => setOpeningBalance(db(), e.locals.actor, year, input)),
	transfer: act('transfer', (e, year, input) => createTransfer(db(), e.locals.actor, input)),
	budget: act('budget', (e, year, input) => createBudgetLine(db(), e.locals.actor, { ...input, year }))
};
