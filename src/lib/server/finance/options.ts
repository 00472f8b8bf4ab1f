// The choices the finance forms offer: funds, categories (as a year labels them), projects, events.
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { OptionLists } from '../../forms/spec.ts';
import { event, fund, municipality, project } from '../db/schema/index.ts';
import { swedish } from '../db/order.ts';
import { categoriesJson, labelIn, type Category } from './queries.ts';

const KIND = { income: 'Intäkt', cost: 'Kostnad' } as const;

type Named = { id: number; name: string };

/** What the finance forms choose from, as financeOptionsJson reads it. */
export interface FinanceOptionData {
	municipalities: Named[];
	funds: Named[];
	categories: Category[];
	projects: Named[];
	events: Named[];
}

export async function financeOptions(db: Db, year: number): Promise<OptionLists> {
	const r = await db.execute<{ options: FinanceOptionData }>(sql`select ${financeOptionsJson} as options`);
	return financeOptionsFrom(r.rows[0].options, year);
}

/** The option lists' rows as one JSON value, each list in the order its form shows it. */
export const financeOptionsJson = sql`json_build_object(
	'municipalities', (select coalesce(json_agg(json_build_object('id', m.id, 'name', m.name) order by ${swedish(sql`m.name`)}), '[]') from ${municipality} m),
	'funds', (select coalesce(json_agg(json_build_object('id', f.id, 'name', f.name) order by f.sort_order, f.id), '[]') from ${fund} f),
	'categories', ${categoriesJson},
	'projects', (select coalesce(json_agg(json_build_object('id', p.id, 'name', p.name) order by p.name), '[]') from ${project} p),
	'events', (select coalesce(json_agg(json_build_object('id', e.id, 'name', e.name) order by e.held_from desc nulls last, e.name), '[]') from ${event} e)
)`;

/** The categories a budget line may cover, as the year labels them. */
export const budgetCategoryOptions = (categories: Category[], year: number) =>
	categories.map((c) => ({ value: String(c.id), label: `${labelIn(c, year)} (${KIND[c.kind]})` }));

export function financeOptionsFrom(o: FinanceOptionData, year: number): OptionLists {
	const list = (rows: Named[]) => rows.map((r) => ({ value: String(r.id), label: r.name }));
	return {
		municipalities: list(o.municipalities),
		funds: list(o.funds),
		categories: budgetCategoryOptions(o.categories, year),
		projects: list(o.projects),
		events: list(o.events)
	};
}
