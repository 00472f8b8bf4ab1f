// The register's API resources: each names its input schema, its filters and
// its reads. The route handlers and the OpenAPI document are both made from this.
import type { z } from 'zod';
import type { Db } from '../db/client.ts';
import type { Actor } from '../actor.ts';
import type { Register } from '../register.ts';
import * as q from '../organisation/queries.ts';
import * as reg from '../organisation/registers.ts';
import { dateParam, numberParam } from './http.ts';

export interface Filter {
	name: string;
	description: string;
	type: 'integer' | 'string' | 'date' | 'boolean';
}

export interface Resource {
	path: string;
	tag: string;
	what: string;
	register: Register<z.ZodType>;
	filters: Filter[];
	list(db: Db, actor: Actor, url: URL, page: q.Page): Promise<q.Paged<unknown>>;
	get(db: Db, actor: Actor, id: number): Promise<unknown>;
}

const pageArray = <T>(rows: T[], page: q.Page): q.Paged<T> => ({
	items: rows.slice(page.offset, page.offset + page.limit),
	total: rows.length,
	...page
});

const str = (url: URL, name: string) => url.searchParams.get(name) || undefined;

export const resources: Resource[] = [
	{
		path: 'municipalities',
		tag: 'Kommuner',
		what: 'kommun',
		register: reg.municipalities,
		filters: [{ name: 'code', description: 'Kommunkod', type: 'string' }],
		list: async (db, _a, url, page) => {
			const code = str(url, 'code');
			return pageArray(
				(await q.listMunicipalities(db)).filter((m) => !code || m.code === code),
				page
			);
		},
		get: (db, _a, id) => q.getMunicipality(db, id)
	},
	{
		path: 'populations',
		tag: 'Befolkning',
		what: 'befolkningsuppgift',
		register: reg.populations,
		filters: [
			{ name: 'municipality', description: 'Kommunens id', type: 'integer' },
			{ name: 'date', description: 'Datum (ÅÅÅÅ-MM-DD)', type: 'date' },
			{ name: 'totals', description: 'Bara samarbetets totaler', type: 'boolean' }
		],
		list: (db, _a, url, page) =>
			q.listPopulations(
				db,
				{
					municipalityId: numberParam(url, 'municipality'),
					date: dateParam(url, 'date'),
					totals: url.searchParams.get('totals') === 'true'
				},
				page
			),
		get: (db, _a, id) => q.getPopulation(db, id)
	},
	{
		path: 'bodies',
		tag: 'Organ',
		what: 'organ',
		register: reg.bodies,
		filters: [
			{
				name: 'kind',
				description: 'Typ: committee, management_group, secretariat, network, working_group, steering_group, reference_group',
				type: 'string'
			},
			{ name: 'activeOn', description: 'Aktiva på datumet (ÅÅÅÅ-MM-DD)', type: 'date' }
		],
		list: async (db, _a, url, page) =>
			pageArray(await q.listBodies(db, { kind: str(url, 'kind'), activeOn: dateParam(url, 'activeOn') }), page),
		get: (db, _a, id) => q.getBody(db, id)
	},
	{
		path: 'persons',
		tag: 'Personer',
		what: 'person',
		register: reg.persons,
		filters: [
			{ name: 'q', description: 'Sök på namn eller titel', type: 'string' },
			{ name: 'municipality', description: 'Arbetsgivande kommuns id', type: 'integer' }
		],
		list: (db, actor, url, page) => q.listPersons(db, actor, { q: str(url, 'q'), municipalityId: numberParam(url, 'municipality') }, page),
		get: (db, actor, id) => q.getPerson(db, actor, id)
	},
	{
		path: 'organisations',
		tag: 'Organisationer',
		what: 'organisation',
		register: reg.organisations,
		filters: [{ name: 'kind', description: 'Typ: authority, region, municipality, company, university, other', type: 'string' }],
		list: async (db, _a, url, page) => pageArray(await q.listOrganisations(db, { kind: str(url, 'kind') }), page),
		get: (db, _a, id) => q.getOrganisation(db, id)
	},
	{
		path: 'memberships',
		tag: 'Uppdrag',
		what: 'uppdrag',
		register: reg.memberships,
		filters: [
			{ name: 'body', description: 'Organets id', type: 'integer' },
			{ name: 'person', description: 'Personens id', type: 'integer' },
			{ name: 'role', description: 'Roll, till exempel chair', type: 'string' },
			{ name: 'activeOn', description: 'Gällande på datumet (ÅÅÅÅ-MM-DD)', type: 'date' }
		],
		list: (db, _a, url, page) =>
			q.listMemberships(
				db,
				{
					bodyId: numberParam(url, 'body'),
					personId: numberParam(url, 'person'),
					role: str(url, 'role'),
					activeOn: dateParam(url, 'activeOn')
				},
				page
			),
		get: (db, _a, id) => q.getMembership(db, id)
	}
];

export const resourceByPath = new Map(resources.map((r) => [r.path, r]));
