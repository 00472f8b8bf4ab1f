// The finance figures as the API and the CLI give them: amounts in öre.
import type { Db } from '../db/client.ts';
import { feeBasis, type FeeBasis } from './fees.ts';
import { yearClosing, type Closing } from './closing.ts';

export function closingJson(c: Closing) {
	return {
		year: c.year,
		status: c.status,
		funds: c.funds.map((f) => ({
			fund: f.name,
			opening: f.opening,
			income: f.income,
			costs: f.costs,
			transfersIn: f.transfersIn,
			transfersOut: f.transfersOut,
			closing: f.closing
		})),
		totals: { opening: c.totals.opening, income: c.totals.income, costs: c.totals.costs, closing: c.totals.closing },
		differences: c.differences.map((d) => ({ what: d.what, printed: d.printed, ledger: d.ledger })),
		openingsProvisional: c.openingsProvisional
	};
}

export function feesJson(b: FeeBasis) {
	return {
		year: b.year,
		rate: b.rule?.kind === 'per_inhabitant' ? b.rule.amount : null,
		rule: b.rule,
		total: b.total.amount,
		totalPopulation: b.total.population,
		totalSource: b.total.source,
		municipalities: b.municipalities.map((m) => ({
			code: m.code,
			name: m.name,
			populationDate: b.populationDate,
			population: m.population,
			source: m.source,
			amount: m.amount,
			paidOn: m.paidOn
		})),
		missing: b.missing
	};
}

export const closingOf = async (db: Db, year: number) => closingJson(await yearClosing(db, year));
export const feesOf = async (db: Db, year: number) => feesJson(await feeBasis(db, year));
