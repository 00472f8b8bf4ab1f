// Calls the API's own route modules (src/routes/api/v1/**/+server.ts) the way
// SvelteKit would, without a server: the path of the OpenAPI document is
// matched to its folder ({kind} → [kind=reportkind], a register's path →
// [resource]), and the handler gets a RequestEvent with the actor given.
import fs from 'node:fs';
import path from 'node:path';
import type { Actor } from '../../src/lib/server/actor.ts';

const ROUTES = path.resolve(import.meta.dirname, '../../src/routes');

/** The route folder of an OpenAPI path and the params its dynamic segments bind. */
function routeOf(template: string, concrete: string): { file: string; params: Record<string, string> } {
	const want = template.split('/').filter(Boolean);
	const got = concrete.split('/').filter(Boolean);
	let dir = ROUTES;
	const params: Record<string, string> = {};
	want.forEach((segment, i) => {
		const entries = fs.readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory());
		const literal = entries.find((e) => e.name === segment);
		if (literal && !segment.startsWith('{')) {
			dir = path.join(dir, literal.name);
			return;
		}
		const name = segment.startsWith('{') ? segment.slice(1, -1) : 'resource';
		const dynamic = entries.find((e) => e.name === `[${name}]` || e.name.startsWith(`[${name}=`));
		if (!dynamic) throw new Error(`No route folder for ${segment} of ${template} in ${dir}`);
		params[name] = got[i];
		dir = path.join(dir, dynamic.name);
	});
	return { file: path.join(dir, '+server.ts'), params };
}

type Handler = (event: unknown) => Promise<Response> | Response;

/** GET (or another method) of `concrete` (with its query), as the OpenAPI path `template`, for `actor`. */
export async function callRoute(
	template: string,
	concrete: string,
	actor: Actor,
	method = 'GET',
	body?: unknown
): Promise<{ status: number; body: unknown; headers: Headers }> {
	const url = new URL(concrete, 'http://samverka.test');
	const { file, params } = routeOf(template, url.pathname);
	const mod = (await import(file)) as Record<string, Handler>;
	const handler = mod[method];
	if (!handler) throw new Error(`${file} has no ${method}`);
	const request = new Request(url, {
		method,
		headers: body === undefined ? {} : { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body)
	});
	const response = await handler({
		url,
		params,
		request,
		locals: { actor, sessionToken: null },
		route: { id: null },
		cookies: { get: () => undefined, set: () => {}, delete: () => {}, getAll: () => [], serialize: () => '' },
		getClientAddress: () => '127.0.0.1',
		setHeaders: () => {},
		isDataRequest: false,
		isSubRequest: false
	});
	const text = await response.text();
	return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
}
