// The thin glue between SvelteKit routes and the services: form posts in,
// service errors out as statuses and field messages.
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import {
	CHANGE_UNCONFIRMED,
	ConflictError,
	DATABASE_UNAVAILABLE,
	DATA_REFUSED,
	dataRefusedByDatabase,
	ForbiddenError,
	isDatabaseUnavailable,
	NotFoundError,
	TooManyRequestsError,
	UnauthenticatedError,
	ValidationError
} from './errors.ts';
import type { Actor } from './actor.ts';
import { hasRole } from './actor.ts';
import type { Page } from './organisation/queries.ts';
import { MAX_INTEGER } from '../schemas/fields.ts';
import { setFlash } from './flash.ts';

/** A form post as an object; a name sent more than once (checkboxes) becomes a list. */
export function formValues(data: FormData): Record<string, string | string[]> {
	const out: Record<string, string | string[]> = {};
	for (const [k, v] of data) {
		if (typeof v !== 'string') continue;
		const prev = out[k];
		out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
	}
	return out;
}

function toLogin(event: RequestEvent): never {
	redirect(303, `/login?next=${encodeURIComponent(event.url.pathname + event.url.search)}`);
}

/** What is said after a form's change succeeded, unless the form names its own confirmation. */
export const DEFAULT_CONFIRMATION = 'Ändringen sparades.';

export interface FormOptions<T = unknown> {
	/**
	 * The confirmation shown on the next page ("Uppföljningen sparades."), or one made
	 * from the result; null when the page says it itself. Default: DEFAULT_CONFIRMATION.
	 */
	done?: string | ((result: T) => string | null) | null;
	/** added to a refused form's data, e.g. which of a page's forms it was */
	extra?: Record<string, unknown>;
	/** fields never sent back, e.g. a password */
	hide?: string[];
}

/**
 * Runs a service call from a form post; a refused one returns the form with what
 * was typed (an ActionFailure: a copy of it would be taken for success).
 */
export async function runForm<T>(
	event: RequestEvent,
	work: (input: Record<string, string | string[]>) => Promise<T>,
	options: FormOptions<T> = {}
) {
	const input = formValues(await formDataOf(event));
	const values = Object.fromEntries(Object.entries(input).filter(([k]) => !options.hide?.includes(k)));
	const refused = (status: number, errors: Record<string, string>, message?: string) =>
		fail(status, { values, errors, message, ...options.extra });
	let result: T;
	try {
		result = await work(input);
	} catch (e) {
		if (e instanceof ValidationError) return refused(422, e.byField());
		if (e instanceof ConflictError) return refused(409, {}, e.message);
		if (e instanceof TooManyRequestsError) return refused(429, {}, e.message);
		if (e instanceof UnauthenticatedError) toLogin(event);
		if (e instanceof ForbiddenError) error(403, e.message);
		if (e instanceof NotFoundError) error(404, e.message);
		if (isDatabaseUnavailable(e)) return refused(503, {}, CHANGE_UNCONFIRMED);
		if (dataRefusedByDatabase(e)) return refused(422, {}, DATA_REFUSED);
		throw e;
	}
	const done = options.done === undefined ? DEFAULT_CONFIRMATION : typeof options.done === 'function' ? options.done(result) : options.done;
	if (done) setFlash(event.cookies, done, event.url.protocol === 'https:');
	return { ok: true as const, result };
}

/** Runs a read for a page: a missing record is a 404, a forbidden one a 403. */
export async function load<T>(event: RequestEvent, work: () => Promise<T>): Promise<T> {
	try {
		return await work();
	} catch (e) {
		if (e instanceof NotFoundError) error(404, e.message);
		if (e instanceof UnauthenticatedError) toLogin(event);
		if (e instanceof ForbiddenError) error(403, e.message);
		if (isDatabaseUnavailable(e)) error(503, DATABASE_UNAVAILABLE);
		if (dataRefusedByDatabase(e)) error(400, DATA_REFUSED);
		throw e;
	}
}

/** A page for editors only: others are sent to log in, or refused. */
export function requirePage(event: RequestEvent, least: 'member' | 'editor' | 'admin'): Actor {
	const actor = event.locals.actor;
	if (hasRole(actor, least)) return actor;
	if (actor.role === 'public') toLogin(event);
	error(403, 'Du har inte behörighet till den här sidan.');
}

export function idParam(value: string | string[] | undefined): number {
	const id = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
	if (!Number.isInteger(id) || id <= 0 || id > MAX_INTEGER) error(404, 'Sidan finns inte.');
	return id;
}

export function pageOf(url: URL, defaultLimit = 50, maxLimit = 500): Page {
	// A page's address forgives: what is not a whole number in range falls back or is clamped.
	const limit = Math.min(maxLimit, Math.max(1, Math.trunc(Number(url.searchParams.get('limit'))) || defaultLimit));
	const offset = Math.min(MAX_INTEGER, Math.max(0, Math.trunc(Number(url.searchParams.get('offset'))) || 0));
	return { limit, offset };
}

/** A list page's filter from the query string: a positive whole number, or not given (anything else is ignored). */
export function positiveParam(url: URL, name: string): number | undefined {
	const n = Number(url.searchParams.get(name));
	return Number.isInteger(n) && n > 0 && n <= MAX_INTEGER ? n : undefined;
}

/** A year in a path: a plan's year. */
export function yearParam(value: string | undefined): number {
	const year = Number(value);
	if (!Number.isInteger(year) || year < 1900 || year > 2200) error(404, 'Sidan finns inte.');
	return year;
}

const parsedForms = new WeakMap<Request, Promise<FormData>>();

/** The request's form, parsed once however many helpers ask for it (a 10 MB upload was parsed twice). */
export function formDataOf(event: RequestEvent): Promise<FormData> {
	let form = parsedForms.get(event.request);
	if (!form) {
		form = event.request.formData();
		parsedForms.set(event.request, form);
	}
	return form;
}

/** The file a multipart form posted, or null. */
export async function uploadedFile(event: RequestEvent, name = 'file') {
	const data = await formDataOf(event);
	const f = data.get(name);
	if (!(f instanceof File) || f.size === 0) return null;
	return { name: f.name, mediaType: f.type || 'application/octet-stream', content: new Uint8Array(await f.arrayBuffer()) };
}
