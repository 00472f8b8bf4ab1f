import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { db } from '#lib/server/app.ts';
import { feeBasis, createFeeInvoices, setInvoicePaid } from '#lib/server/finance/fees.ts';
import { feeRuleSentence, feeRuleShort } from '#lib/server/finance/fee-document.ts';
import { feeDueDate } from '#lib/core/finance.ts';
import { idParam, load as read, runForm, yearParam } from '#lib/server/web.ts';
import { todayIso } from '#lib/core/format.ts';

// Public: a fee is public record. The forms are for editors (the services check).
export const load: PageServerLoad = async (event) => {
	const year = yearParam(event.params.year);
	const basis = await read(event, () => feeBasis(db(), year));
	return {
		year,
		basis,
		ruleShort: basis.rule ? feeRuleShort(basis.rule) : null,
		ruleSentence: basis.rule ? feeRuleSentence(basis.rule) : null,
		dueOn: basis.municipalities.find((m) => m.dueOn)?.dueOn ?? feeDueDate(year),
		today: todayIso()
	};
};

export const actions: Actions = {
	invoices: async (event) => {
		const year = yearParam(event.params.year);
		const r = await runForm(event, () => createFeeInvoices(db(), event.locals.actor, year), { done: null, extra: { form: 'invoices' } });
		if ('ok' in r) redirect(303, `/finance/fees/${year}?created=${r.result.length}#municipalities`);
		return r;
	},
	paid: async (event: RequestEvent) => {
		const year = yearParam(event.params.year);
		const data = await event.request.clone().formData();
		const invoiceId = idParam(String(data.get('invoiceId') ?? ''));
		const r = await runForm(event, (input) => setInvoicePaid(db(), event.locals.actor, invoiceId, input), {
			done: null,
			extra: { form: 'paid', invoiceId }
		});
		if ('ok' in r) redirect(303, `/finance/fees/${year}#invoice-${invoiceId}`);
		return r;
	}
};
