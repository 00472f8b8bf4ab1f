// JSON API plumbing: service errors become statuses with Swedish messages.
import type { RequestEvent } from '@sveltejs/kit';
import type { Page } from '../organisation/queries.ts';
import { FIRST_YEAR, LAST_YEAR, MAX_INTEGER, requiredDate } from '../../schemas/fields.ts';
import { unsafeText } from '../../core/input-text.ts';
import {
	DATABASE_UNAVAILABLE,
	dataRefusedByDatabase,
	isDatabaseUnavailable,
	isServiceError,
	NotFoundError,
	ValidationError
} from '../errors.ts';

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
	const refused = dataRefusedByDatabase(e);
	if (refused) return errorResponse(refused);
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

/**
 * What each kind of query parameter accepts, as the OpenAPI document declares it:
 * written beside the functions below that check it, and held to them by
 * tests/integration/api-contract.test.ts, which sends every declared parameter
 * values its schema refuses (422 naming it) and values it allows (never 422).
 */
export const PARAMETER_SCHEMAS = {
	/** numberParam: an id or a year, a whole number from 1 */
	integer: { type: 'integer', minimum: 1, maximum: MAX_INTEGER },
	/** yearParam: a year dates may fall in */
	year: { type: 'integer', minimum: FIRST_YEAR, maximum: LAST_YEAR },
	/** dateParam: a real day of the years dates may fall in */
	date: {
		type: 'string',
		format: 'date',
		// FIRST_YEAR to LAST_YEAR (1900–2100)
		pattern: '^(19\\d\\d|20\\d\\d|2100)-\\d\\d-\\d\\d$',
		description: `ÅÅÅÅ-MM-DD, år ${FIRST_YEAR}–${LAST_YEAR}`
	},
	/** booleanParam */
	boolean: { type: 'boolean' },
	/** textParam: at most 200 characters, no control characters (core/input-text unsafeText) */
	string: { type: 'string', maxLength: 200, pattern: '^[^\\u0000-\\u001f\\u007f-\\u009f\\ufffe\\uffff]*$' }
} as const;

/** limit and offset as pageParams checks them. */
export const pageParameters = (defaultLimit = 50, maxLimit = 500) => [
	{ name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: maxLimit, default: defaultLimit } },
	{ name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0, maximum: MAX_INTEGER, default: 0 } }
];

export function numberParam(url: URL, name: string): number | undefined {
	const v = url.searchParams.get(name);
	if (v === null || v === '') return undefined;
	const n = Number(v);
	if (!/^\d+$/.test(v) || n <= 0 || n > MAX_INTEGER)
		throw new ValidationError([{ field: name, message: `${name} måste vara ett positivt heltal.` }]);
	return n;
}

/** A year filter: a whole year from FIRST_YEAR to LAST_YEAR, or refused. */
export function yearParam(url: URL, name: string): number | undefined {
	const v = url.searchParams.get(name);
	if (v === null || v === '') return undefined;
	const n = Number(v);
	if (!/^\d+$/.test(v) || n < FIRST_YEAR || n > LAST_YEAR)
		throw new ValidationError([{ field: name, message: `${name} måste vara ett år från ${FIRST_YEAR} till ${LAST_YEAR}.` }]);
	return n;
}

/** A list's page: limit 1–max and offset ≥ 0, whole numbers, or refused. */
export function pageParams(url: URL, defaultLimit = 50, maxLimit = 500): Page {
	const whole = (name: string, min: number, max: number, fallback: number) => {
		const v = url.searchParams.get(name);
		if (v === null || v === '') return fallback;
		const n = Number(v);
		if (!/^\d+$/.test(v) || n < min || n > max)
			throw new ValidationError([{ field: name, message: `${name} måste vara ett heltal från ${min} till ${max}.` }]);
		return n;
	};
	return { limit: whole('limit', 1, maxLimit, defaultLimit), offset: whole('offset', 0, MAX_INTEGER, 0) };
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
	const parsed = requiredDate(name).safeParse(v);
	if (!parsed.success)
		throw new ValidationError([
			{ field: name, message: `${name} måste vara ett datum som ÅÅÅÅ-MM-DD mellan år ${FIRST_YEAR} och ${LAST_YEAR}.` }
		]);
	return parsed.data;
}

/** A text filter (a code, a search word): at most 200 characters, no control characters. */
export function textParam(url: URL, name: string): string | undefined {
	const v = url.searchParams.get(name);
	if (v === null || v.trim() === '') return undefined;
	const problem = v.length > 200 ? 'får vara högst 200 tecken' : unsafeText(v, { multiline: false });
	if (problem) throw new ValidationError([{ field: name, message: `${name} ${problem}.` }]);
	return v.trim();
}

export function idOf(event: RequestEvent): number {
	const id = Number(event.params.id);
	if (!/^\d+$/.test(event.params.id ?? '') || id <= 0 || id > MAX_INTEGER) throw new NotFoundError('Posten');
	return id;
}

/** The {year} of an API address; a year that is not one is 404, as a JSON answer (the page helper throws SvelteKit's HTML error). */
export function yearOf(event: RequestEvent): number {
	const v = event.params.year ?? '';
	const year = Number(v);
	if (!/^\d{4}$/.test(v) || year < 1900 || year > 2200) throw new NotFoundError('Året');
	return year;
}
