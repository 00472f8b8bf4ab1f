// JSON API plumbing: service errors become statuses with Swedish messages.
import type { RequestEvent } from '@sveltejs/kit';
import { DATABASE_UNAVAILABLE, isDatabaseUnavailable, isServiceError, NotFoundError, ValidationError } from '../errors.ts';

export async function readJson(request: Request): Promise<Record<string, unknown>> {
	let body: unknown;
	try {
		body = await request.json();
	} catch {
		throw new ValidationError([{ field: '_', message: 'Begäran måste vara giltig JSON.' }]);
	}
	if (!body || typeof body !== 'object' || Array.isArray(body)) {
		throw new ValidationError([{ field: '_', message: 'Begäran måste vara ett JSON-objekt.' }]);
	}
	return body as Record<string, unknown>;
}

export function errorResponse(e: unknown): Response {
	if (isServiceError(e)) {
		const body: Record<string, unknown> = { message: e.message };
		if (e instanceof ValidationError) {
			body.message = 'Uppgifterna är ogiltiga. Inget sparades.';
			body.errors = e.errors;
		}
		return Response.json(body, { status: e.status });
	}
	if (isDatabaseUnavailable(e)) return Response.json({ message: DATABASE_UNAVAILABLE }, { status: 503, headers: { 'retry-after': '5' } });
	console.error(e);
	return Response.json({ message: 'Ett oväntat fel inträffade.' }, { status: 500 });
}

export function api(handler: (event: RequestEvent) => Promise<Response>) {
	return async (event: RequestEvent) => {
		try {
			return await handler(event);
		} catch (e) {
			return errorResponse(e);
		}
	};
}

export function numberParam(url: URL, name: string): number | undefined {
	const v = url.searchParams.get(name);
	if (v === null || v === '') return undefined;
	const n = Number(v);
	if (!Number.isInteger(n) || n <= 0) throw new ValidationError([{ field: name, message: `${name} måste vara ett positivt heltal.` }]);
	return n;
}

export function booleanParam(url: URL, name: string): boolean | undefined {
	const v = url.searchParams.get(name);
	if (v === null || v === '') return undefined;
	if (v !== 'true' && v !== 'false') throw new ValidationError([{ field: name, message: `${name} måste vara true eller false.` }]);
	return v === 'true';
}

export function dateParam(url: URL, name: string): string | undefined {
	const v = url.searchParams.get(name);
	if (v === null || v === '') return undefined;
	if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new ValidationError([{ field: name, message: `${name} måste vara ett datum som ÅÅÅÅ-MM-DD.` }]);
	return v;
}

export function idOf(event: RequestEvent): number {
	const id = Number(event.params.id);
	if (!/^\d+$/.test(event.params.id ?? '') || id <= 0) throw new NotFoundError('Posten');
	return id;
}

/** The {year} of an API address; a year that is not one is 404, as a JSON answer (the page helper throws SvelteKit's HTML error). */
export function yearOf(event: RequestEvent): number {
	const v = event.params.year ?? '';
	const year = Number(v);
	if (!/^\d{4}$/.test(v) || year < 1900 || year > 2200) throw new NotFoundError('Året');
	return year;
}
