import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { listFeeRules, createFeeRule, feeHistoryOf } from '#lib/server/finance/fees.ts';
import { feeYears } from '#lib/server/finance/fee-route.ts';
import { runForm } from '#lib/server/web.ts';
import { todayIso } from '#lib/core/format.ts';

// Public: a fee is public record. Only the form is for editors (the service checks).
export const load: PageServerLoad = async () => {
	const [rules, years] = await Promise.all([listFeeRules(db()), feeYears(db())]);
	const currentYear = Number(todayIso().slice(0, 4));
	const history = rules.length
		? await feeHistoryOf(
				db(),
				rules,
				years.filter((y) => y <= currentYear)
			)
		: [];
	return {
		currentYear,
		years,
		history,
		rules: rules.map((r, i) => ({
			id: r.id,
			kind: r.kind as 'per_inhabitant' | 'fixed_total',
			amount: r.amount,
			validFromYear: r.validFromYear,
			validToYear: i + 1 < rules.length ? rules[i + 1].validFromYear - 1 : null,
			source: r.source,
			decision: r.decision
		}))
	};
};

export const actions: Actions = {
	rule: async (event) => {
		const r = await runForm(event, (input) => createFeeRule(db(), event.locals.actor, input), { done: null, extra: { form: 'rule' } });
		if ('ok' in r) redirect(303, `/finance/fees?created=${r.result.validFromYear}#rules`);
		return r;
	}
};
