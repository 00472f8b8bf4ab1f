// The OpenAPI 3.1 document of /api/v1, made from the same zod schemas that
// validate the forms and the API, so the two cannot drift apart.
import { z } from 'zod';
import { resources, type Filter, type Resource } from './resources.ts';
import { PARAMETER_SCHEMAS, pageParameters } from './http.ts';
import { endpointPaths, errors, jsonSchema, type Answer } from './openapi-paths.ts';
import { errorAnswer, pageOf, reportListItem, resourceAnswers, savedAnswer } from './answers.ts';

/** "focus-areas" → "FocusAreas": the stem of a register's operationIds. */
const pascal = (path: string) => path.replace(/(^|-)([a-z])/g, (_, _d, c: string) => c.toUpperCase());

/** A filter's schema: the one its check declares (http.ts), or the values it is one of. */
const schemaOf = (f: Filter) => (f.values ? { type: 'string', enum: [...f.values] } : PARAMETER_SCHEMAS[f.type]);

export function openApiDocument(serverUrl = '/') {
	const paths: Record<string, unknown> = {};
	const schemas: Record<string, unknown> = {};
	// What the API answers: zod schemas (answers.ts), written out together so that
	// a schema used twice, or recursively, is one component referred to by $ref.
	const registry = z.registry<{ id: string }>();
	const answer: Answer = (id, schema) => {
		registry.add(schema, { id });
		return { $ref: `#/components/schemas/${id}` };
	};
	answer('Error', errorAnswer);
	answer('Saved', savedAnswer);
	answer('ReportListItem', reportListItem);
	const saved = (description: string) => ({
		description,
		content: { 'application/json': { schema: { $ref: '#/components/schemas/Saved' } } }
	});
	for (const r of resources) {
		const name = r.path;
		const op = pascal(name);
		const shapes = resourceAnswers[name];
		if (!shapes) throw new Error(`answers.ts describes no answer of /api/v1/${name}`);
		const record = answer(`${name}Record`, shapes.detail);
		// A register whose list item is its record has the one component.
		if (shapes.item !== shapes.detail) answer(`${name}Item`, shapes.item);
		const page = answer(`${name}Page`, pageOf(shapes.item));
		schemas[`${name}Input`] = jsonSchema(r.register.input);
		const ref = { $ref: `#/components/schemas/${name}Input` };
		paths[`/api/v1/${name}`] = {
			get: {
				operationId: `list${op}`,
				tags: [r.tag],
				summary: `Lista (${r.what})`,
				parameters: [
					...pageParameters(50, 500),
					...r.filters.map((f) => ({ name: f.name, in: 'query', description: f.description, schema: schemaOf(f) }))
				],
				responses: {
					'200': { description: 'En sida av listan', content: { 'application/json': { schema: page } } },
					...(r.membersOnly ? { '401': errors['401'] } : {}),
					'422': errors['422']
				}
			},
			post: {
				operationId: `create${op}`,
				tags: [r.tag],
				summary: `Skapa (${r.what})`,
				description: 'Kräver rollen redaktör eller administratör.',
				requestBody: { required: true, content: { 'application/json': { schema: ref } } },
				responses: { '201': saved('Skapad: posten som den sparades'), '401': errors['401'], '403': errors['403'], '422': errors['422'] }
			}
		};
		paths[`/api/v1/${name}/{id}`] = {
			// idOf (http.ts): any other id is 404.
			parameters: [{ name: 'id', in: 'path', required: true, schema: PARAMETER_SCHEMAS.integer }],
			get: {
				operationId: `get${op}`,
				tags: [r.tag],
				summary: `Hämta (${r.what})`,
				responses: {
					'200': { description: 'Posten', content: { 'application/json': { schema: record } } },
					...(r.membersOnly ? { '401': errors['401'] } : {}),
					'404': errors['404']
				}
			},
			...(r.update === false ? {} : { patch: patchOf(r, updateSchema(r, schemas), saved('Ändrad: posten som den sparades')) }),
			...(r.remove
				? {
						delete: {
							operationId: `delete${op}`,
							tags: [r.tag],
							summary: `Ta bort (${r.what})`,
							parameters: [{ name: 'version', in: 'query', required: true, schema: { type: 'integer' } }],
							responses: {
								'204': { description: 'Borttagen' },
								'401': errors['401'],
								'403': errors['403'],
								'404': errors['404'],
								'422': errors['422']
							}
						}
					}
				: {})
		};
	}
	Object.assign(paths, endpointPaths(schemas, answer));
	// Every request with a body is refused before its handler unless it is JSON (hooks, http-security.ts).
	for (const item of Object.values(paths) as Record<string, { requestBody?: unknown; responses?: Record<string, unknown> }>[])
		for (const op of Object.values(item)) if (op?.requestBody && op.responses) op.responses['415'] = errors['415'];
	const written = z.toJSONSchema(registry, {
		io: 'output',
		unrepresentable: 'any',
		uri: (id) => `#/components/schemas/${id}`
	}) as { schemas: Record<string, Record<string, unknown>> };
	for (const [id, { $schema: _s, $id: _i, ...schema }] of Object.entries(written.schemas)) {
		if (id === '__shared') throw new Error('An answer schema is shared or recursive without an id of its own: register it in openapi.ts.');
		schemas[id] = schema;
	}
	return {
		openapi: '3.1.0',
		info: {
			title: 'Samverka API',
			version: '1',
			description:
				'Samverkas register. Läsning är öppen (utom personers kontaktuppgifter); ändringar kräver en session (POST /api/v1/session) eller en personlig API-nyckel i Authorization: Bearer. ' +
				'En ändring med innehåll skickas som Content-Type: application/json (annars 415); en ändring med sessionen ska komma från Samverkas egen Origin eller utan Origin (annars 403), vilket inte gäller API-nycklar.'
		},
		servers: [{ url: serverUrl }],
		components: {
			schemas,
			securitySchemes: {
				session: { type: 'apiKey', in: 'cookie', name: 'samverka_session' },
				token: { type: 'http', scheme: 'bearer' }
			}
		},
		security: [{}, { session: [] }, { token: [] }],
		paths
	};
}

/** What PATCH accepts: the fields of its input, each optional, and the version read. */
function updateSchema(r: Resource, schemas: Record<string, unknown>) {
	const name = `${r.path}Update`;
	const {
		required: _all,
		properties,
		...rest
	} = jsonSchema(r.updateInput ?? r.register.input) as {
		required?: string[];
		properties?: Record<string, unknown>;
	};
	schemas[name] = {
		...rest,
		type: 'object',
		properties: { ...properties, version: { type: 'integer', description: 'Versionen när posten lästes.' } },
		required: ['version']
	};
	return { $ref: `#/components/schemas/${name}` };
}

function patchOf(r: { path: string; tag: string; what: string }, schema: unknown, answer: unknown) {
	return {
		operationId: `update${pascal(r.path)}`,
		tags: [r.tag],
		summary: `Ändra (${r.what})`,
		description:
			'Skicka de fält som ändras och `version` från när posten lästes. En inaktuell version ger 409. Posten som GET gav får skickas tillbaka hel: ett fält som inte kan ändras här (id, tider, uppslagna namn) ger 422 bara om dess värde skiljer sig från det sparade.',
		requestBody: { required: true, content: { 'application/json': { schema } } },
		responses: {
			'200': answer,
			'401': errors['401'],
			'403': errors['403'],
			'404': errors['404'],
			'409': errors['409'],
			'422': errors['422']
		}
	};
}
