// The choices the finance forms offer: funds, categories (as a year labels them), projects, events.
import type { Db } from '../db/client.ts';
import type { OptionLists } from '../../forms/spec.ts';
import { optionLists } from '../organisation/options.ts';
import { labelIn, listCategories, listEvents, listFunds, listProjects } from './queries.ts';

const KIND = { income: 'Intäkt', cost: 'Kostnad' } as const;

export async function financeOptions(db: Db, year: number): Promise<OptionLists> {
	const funds = await listFunds(db);
	const categories = await listCategories(db);
	const projects = await listProjects(db);
	const events = await listEvents(db);
	return {
		...(await optionLists(db, ['municipalities'])),
		funds: funds.map((f) => ({ value: String(f.id), label: f.name })),
		categories: categories.map((c) => ({ value: String(c.id), label: `${labelIn(c, year)} (${KIND[c.kind]})` })),
		projects: projects.map((p) => ({ value: String(p.id), label: p.name })),
		events: events.map((e) => ({ value: String(e.id), label: e.name }))
	};
}
