// The contract: every GET of the OpenAPI document, run through the API's own
// route modules on the demo (with its adopted documents), answers with a status
// the document declares and a body that its schema accepts (ajv, JSON Schema
// 2020-12 as OpenAPI 3.1 uses). The answers' objects are closed, so a field the
// schema does not name, or a required one missing, fails. Each list is read, and
// for each register the first, a middle and the last record, as a visitor and as
// an administrator. Query parameters are refused as declared: 422 naming the
// parameter, in the error body the document declares.
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from './db.ts';
import { demoDir, loadDemo } from '../../src/lib/server/demo/load.ts';
import { freezeDemoEditions } from '../../src/lib/server/demo/documents.ts';
import { setRuntime } from '../../src/lib/server/app.ts';
import type { Runtime } from '../../src/lib/server/runtime.ts';
import { createFirstAdmin } from '../../src/lib/server/auth/accounts.ts';
import { PUBLIC, type Actor } from '../../src/lib/server/actor.ts';
import { openApiDocument } from '../../src/lib/server/api/openapi.ts';
import { callRoute } from './api-routes.ts';

interface Operation {
	parameters?: { name: string; in: string; required?: boolean; schema: { type?: string; enum?: string[] } }[];
	responses: Record<string, { content?: { 'application/json': { schema: { $ref?: string } } } }>;
}
type PathItem = Record<string, Operation> & { parameters?: Operation['parameters'] };
interface Document {
	paths: Record<string, PathItem>;
	components: { schemas: Record<string, unknown> };
}

const { db } = await freshDb();
const doc = openApiDocument() as unknown as Document;
const DOC_ID = 'urn:samverka:openapi';
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
addFormats(ajv);
// The document's own fields are no JSON Schema keywords: named, not checked.
ajv.addVocabulary(['openapi', 'info', 'servers', 'components', 'security', 'paths', 'tags']);
ajv.addSchema({ ...doc, $id: DOC_ID });
const validators = new Map<string, ValidateFunction>();
function validatorOf(schema: { $ref?: string }): ValidateFunction {
	if (!schema.$ref?.startsWith('#/components/schemas/'))
		throw new Error(`An answer's schema is not a component: ${JSON.stringify(schema)}`);
	let v = validators.get(schema.$ref);
	if (!v) {
		v = ajv.compile({ $ref: `${DOC_ID}${schema.$ref}` });
		validators.set(schema.$ref, v);
	}
	return v;
}

let admin: Actor;
beforeAll(async () => {
	await loadDemo(db);
	await freezeDemoEditions(db, demoDir());
	const a = await createFirstAdmin(db, { email: 'kontrakt@kommun.se', name: 'Kontrakt', password: 'ett-langt-losenord-123' });
	admin = { accountId: a.id, name: 'Kontrakt', role: 'admin', personId: null };
	setRuntime({ db } as Runtime);
}, 120_000);

/** What a GET answered, checked against what the document declares for it. */
function conforms(template: string, url: string, who: string, answer: { status: number; body: unknown }): string[] {
	const op = doc.paths[template].get;
	const declared = op.responses[String(answer.status)];
	if (!declared) return [`${who} GET ${url}: ${answer.status} is not declared (${Object.keys(op.responses).join(', ')})`];
	const schema = declared.content?.['application/json']?.schema;
	if (!schema) return answer.body === null ? [] : [`${who} GET ${url}: ${answer.status} has a body the document does not describe`];
	const validate = validatorOf(schema);
	if (validate(answer.body)) return [];
	return (validate.errors ?? [])
		.slice(0, 5)
		.map((e) => `${who} GET ${url}: ${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
}

/** The query a GET needs to answer at all (its required parameters), with values from the demo. */
const REQUIRED_QUERY: Record<string, string> = {
	'/api/v1/search': '?q=trafik',
	'/api/v1/agreement/notice': '?received=2021-03-15',
	'/api/v1/agreement/settlement': '?date=2020-12-31'
};
/** More of the same GETs, to reach the answers' other shapes (a year without figures, a kind's filter). */
const MORE_QUERIES: Record<string, string[]> = {
	'/api/v1/search': ['?q=trafik&kind=meeting', '?q=trafikk', '?q=zzzyyyxxx&limit=1'],
	'/api/v1/agreement/settlement': ['?date=2021-12-31'],
	'/api/v1/agreement': ['?version=1'],
	'/api/v1/meetings': ['?from=2021-01-01&to=2021-12-31'],
	'/api/v1/projects': ['?year=2021'],
	'/api/v1/populations': ['?totals=true']
};
const YEARS = ['2018', '2020', '2021', '2022'];

async function urlsOf(template: string): Promise<string[]> {
	if (template.includes('{id}')) {
		const list = template.replace('/{id}', '');
		const { body } = await callRoute(list, `${list}?limit=500`, admin);
		const ids = ((body as { items?: { id: number }[] }).items ?? []).map((r) => r.id);
		const picked = [...new Set([ids[0], ids[Math.floor(ids.length / 2)], ids.at(-1)])].filter((id) => id !== undefined);
		return picked.map((id) => template.replace('{id}', String(id)));
	}
	if (template.includes('{kind}'))
		return ['annual', 'plan'].flatMap((kind) => YEARS.map((y) => template.replace('{kind}', kind).replace('{year}', y)));
	if (template.includes('{year}')) return YEARS.map((y) => template.replace('{year}', y));
	const base = template + (REQUIRED_QUERY[template] ?? '');
	const more = (MORE_QUERIES[template] ?? []).map((q) => template + q);
	const isList = doc.paths[template].get.parameters?.some((p) => p.name === 'limit') && !REQUIRED_QUERY[template];
	return [base, ...more, ...(isList ? [`${template}?limit=500`, `${template}?limit=1&offset=1`] : [])];
}

describe('every GET of the demo matches the schema the OpenAPI document declares', () => {
	const gets = Object.keys(doc.paths).filter((p) => doc.paths[p].get);

	it('covers every GET of the document', () => {
		expect(gets.length).toBeGreaterThan(60);
		for (const p of gets) {
			const ok = doc.paths[p].get.responses['200']?.content?.['application/json']?.schema;
			expect(ok, `${p}: its 200 answer has no content schema`).toBeTruthy();
		}
	});

	for (const [who, actorOf] of [
		['visitor', () => PUBLIC],
		['administrator', () => admin]
	] as const) {
		it(`as a ${who}`, async () => {
			const problems: string[] = [];
			let checked = 0;
			for (const template of gets) {
				for (const url of await urlsOf(template)) {
					const answer = await callRoute(template, url, actorOf());
					if (answer.status === 200) checked++;
					problems.push(...conforms(template, url, who, answer));
				}
			}
			expect(problems).toEqual([]);
			expect(checked).toBeGreaterThan(who === 'visitor' ? 120 : 140);
		}, 120_000);
	}

	it('refuses an answer with a field the schema does not name, or without a required one (the test can fail)', async () => {
		const template = '/api/v1/meetings/{id}';
		const [url] = await urlsOf(template);
		const answer = await callRoute(template, url, admin);
		expect(conforms(template, url, 'admin', answer)).toEqual([]);
		const record = answer.body as Record<string, unknown>;
		const extra = conforms(template, url, 'admin', { status: 200, body: { ...record, secret: 'x' } });
		expect(extra.join()).toContain('must NOT have additional properties');
		const { id: _id, ...lacking } = record;
		expect(conforms(template, url, 'admin', { status: 200, body: lacking }).join()).toContain("must have required property 'id'");
		const list = await callRoute('/api/v1/meetings', '/api/v1/meetings', admin);
		const page = list.body as { items: Record<string, unknown>[] };
		const nested = { ...page, items: [{ ...page.items[0], bodies: [{ junk: true }] }] };
		expect(conforms('/api/v1/meetings', '/api/v1/meetings', 'admin', { status: 200, body: nested })).not.toEqual([]);
		expect(conforms('/api/v1/meetings', '/api/v1/meetings', 'admin', { status: 418, body: {} }).join()).toContain('not declared');
	});
});

/** Values to try on every query parameter; the declared schema decides which are valid. */
const CANDIDATES = [
	'abc',
	'1.5',
	'1e3',
	'-1',
	'0',
	'1',
	'007',
	'100',
	'101',
	'500',
	'501',
	'2147483647',
	'2147483648',
	'9'.repeat(30),
	'true',
	'false',
	'ja',
	'2021-03-01',
	'2021-02-30',
	'2021-13-01',
	'21-03-01',
	'1899-12-31',
	'1900-01-01',
	'2100-12-31',
	'2101-01-01',
	'x'.repeat(200),
	'x'.repeat(201),
	'a\u0001b',
	'a\u0085b'
];

/** A query value as OpenAPI's form style reads it for the declared type. */
function decoded(schema: { type?: string }, v: string): unknown {
	if (schema.type === 'integer' && /^-?\d+$/.test(v)) return Number(v);
	if (schema.type === 'boolean' && (v === 'true' || v === 'false')) return v === 'true';
	return v;
}

describe('query parameters are validated exactly as declared', () => {
	it('every declared query parameter of every GET: refused (422 naming it) exactly where its schema refuses the value', async () => {
		const problems: string[] = [];
		let tried = 0;
		for (const [template, item] of Object.entries(doc.paths)) {
			const op = item.get;
			if (!op) continue;
			const parameters = [...(item.parameters ?? []), ...(op.parameters ?? [])].filter((p) => p.in === 'query');
			if (!parameters.length) continue;
			const [base] = await urlsOf(template);
			const path = base.split('?')[0];
			for (const parameter of parameters) {
				const validate = ajv.compile(parameter.schema);
				const others = new URLSearchParams(REQUIRED_QUERY[template]?.slice(1) ?? '');
				if (parameter.name !== 'limit') others.set('limit', '1');
				for (const value of [...CANDIDATES, ...(parameter.schema.enum ?? [])]) {
					const query = new URLSearchParams(others);
					query.set(parameter.name, value);
					const url = `${path}?${query}`;
					const valid = validate(decoded(parameter.schema, value));
					// A search needs a searchable word: a valid string that holds none is refused too (said in its description).
					if (valid && template === '/api/v1/search' && parameter.name === 'q') continue;
					const answer = await callRoute(template, url, admin);
					tried++;
					const named = ((answer.body as { errors?: { field: string }[] })?.errors ?? []).map((e) => e.field);
					if (valid && answer.status === 422) problems.push(`${url}: the schema allows ${parameter.name}=${value}, the API refuses it`);
					if (!valid && (answer.status !== 422 || !named.includes(parameter.name)))
						problems.push(`${url}: the schema refuses ${parameter.name}=${value}, the API answers ${answer.status} ${named.join()}`);
					problems.push(...conforms(template, url, 'admin', answer));
				}
			}
		}
		expect(problems).toEqual([]);
		expect(tried).toBeGreaterThan(1500);
	}, 300_000);

	const refused: [string, string][] = [
		['/api/v1/meetings?limit=0', 'limit'],
		['/api/v1/meetings?limit=501', 'limit'],
		['/api/v1/meetings?limit=abc', 'limit'],
		['/api/v1/meetings?offset=-1', 'offset'],
		['/api/v1/meetings?from=2021-02-30', 'from'],
		['/api/v1/meetings?to=2021-13-01', 'to'],
		['/api/v1/meetings?body=abc', 'body'],
		['/api/v1/populations?totals=ja', 'totals'],
		['/api/v1/action-items?open=kanske', 'open'],
		['/api/v1/activities?status=klar', 'status'],
		['/api/v1/search?q=trafik&limit=101', 'limit'],
		['/api/v1/search?q=trafik&kind=allt', 'kind'],
		['/api/v1/agreement?version=x', 'version'],
		['/api/v1/agreement/notice?received=2021-02-30', 'received'],
		['/api/v1/reports/annual/2021?live=ja', 'live']
	];
	for (const [url, parameter] of refused) {
		it(`${url} is 422 naming ${parameter}`, async () => {
			const path = url.slice(0, url.indexOf('?'));
			const template = doc.paths[path] ? path : path.replace(/\/annual\/2021$/, '/{kind}/{year}');
			const answer = await callRoute(template, url, admin);
			expect(answer.status).toBe(422);
			expect(conforms(template, url, 'admin', answer)).toEqual([]);
			const body = answer.body as { errors: { field: string; message: string }[] };
			expect(body.errors.map((e) => e.field)).toEqual([parameter]);
			expect(body.errors[0].message).toContain(parameter);
		});
	}
});
