// The choices the register's forms offer: municipalities, bodies, persons, organisations.
import type { Db } from '../db/client.ts';
import { body, decision, municipality, organisation, person, programme } from '../db/schema/index.ts';
import { sql } from 'drizzle-orm';
import type { OptionLists } from '../../forms/spec.ts';
import { swedish } from '../db/order.ts';

type ListName = keyof OptionLists;

export async function optionLists(db: Db, names: ListName[]): Promise<OptionLists> {
	const out: OptionLists = {};
	await Promise.all(
		names.map(async (name) => {
			if (name === 'municipalities') {
				const rows = await db
					.select({ id: municipality.id, name: municipality.name })
					.from(municipality)
					.orderBy(swedish(municipality.name));
				out.municipalities = rows.map((r) => ({ value: String(r.id), label: r.name }));
			} else if (name === 'bodies') {
				const rows = await db.select({ id: body.id, name: body.name, shortName: body.shortName }).from(body).orderBy(swedish(body.name));
				out.bodies = rows.map((r) => ({ value: String(r.id), label: r.shortName ? `${r.name} (${r.shortName})` : r.name }));
			} else if (name === 'persons') {
				const rows = await db.select({ id: person.id, name: person.name, title: person.title }).from(person).orderBy(swedish(person.name));
				out.persons = rows.map((r) => ({ value: String(r.id), label: r.title ? `${r.name}, ${r.title}` : r.name }));
			} else if (name === 'programmes') {
				const rows = await db.select({ id: programme.id, name: programme.name, shortName: programme.shortName }).from(programme);
				out.programmes = rows.map((r) => ({ value: String(r.id), label: `${r.shortName} – ${r.name}` }));
			} else if (name === 'decisions') {
				const rows = await db
					.select({ id: decision.id, on: decision.decidedOn, title: decision.title })
					.from(decision)
					.orderBy(sql`${decision.decidedOn} desc nulls last`);
				out.decisions = rows.map((r) => ({ value: String(r.id), label: `${r.on ?? 'odaterat'}: ${r.title}` }));
			} else if (name === 'organisations') {
				const rows = await db
					.select({ id: organisation.id, name: organisation.name })
					.from(organisation)
					.orderBy(swedish(organisation.name));
				out.organisations = rows.map((r) => ({ value: String(r.id), label: r.name }));
			}
		})
	);
	return out;
}
