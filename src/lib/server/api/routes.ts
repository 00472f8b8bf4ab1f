// The handlers behind /api/v1/{resource} and /api/v1/{resource}/{id}.
import type { RequestEvent } from '@sveltejs/kit';
import { db } from '../app.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import { createEntry, updateEntry } from '../register.ts';

import { api, idOf, pageParams, readJson } from './http.ts';
import { resourceByPath, updateFields, type Resource } from './resources.ts';

function resourceOf(event: RequestEvent): Resource {
	const r = resourceByPath.get(event.params.resource ?? '');
	if (!r) throw new NotFoundError('Resursen');
	return r;
}

export const list = api(async (event) => {
	const r = resourceOf(event);
	return Response.json(await r.list(db(), event.locals.actor, event.url, pageParams(event.url, 50, 500)));
});

export const create = api(async (event) => {
	const r = resourceOf(event);
	const input = await readJson(event.request);
	const row = r.create ? await r.create(db(), event.locals.actor, input) : await createEntry(db(), event.locals.actor, r.register, input);
	return Response.json(row, { status: 201, headers: { location: `/api/v1/${r.path}/${row.id}` } });
});

export const get = api(async (event) => {
	const r = resourceOf(event);
	return Response.json(await r.get(db(), event.locals.actor, idOf(event)));
});

/**
 * A partial update: what is sent replaces what is stored; `version` must be the
 * one read. A record read by GET may be sent back whole: a field that cannot be
 * changed here is refused only when its value differs from the stored one, so a
 * change is never silently dropped.
 */
export const patch = api(async (event) => {
	const r = resourceOf(event);
	if (r.update === false)
		return Response.json({ message: `En ${r.what} kan inte ändras genom API:t.` }, { status: 405, headers: { allow: 'GET' } });
	const id = idOf(event);
	const changes = await readJson(event.request);
	const current = (await r.get(db(), event.locals.actor, id)) as Record<string, unknown>;
	const accepted = updateFields(r);
	const readOnly = Object.keys(changes).filter(
		(k) => k !== 'version' && !accepted.has(k) && JSON.stringify(changes[k]) !== JSON.stringify(current[k])
	);
	if (readOnly.length)
		throw new ValidationError(
			readOnly.map((field) => ({
				field,
				message: `${field} kan inte ändras så här: skicka fälten ${[...accepted].join(', ')} (se API-beskrivningen).`
			}))
		);
	const merged = { ...current, ...(r.editable?.(current) ?? {}), ...changes };
	const row = r.update
		? await r.update(db(), event.locals.actor, id, merged)
		: await updateEntry(db(), event.locals.actor, r.register, id, merged);
	return Response.json(row);
});

/** DELETE with ?version= (or a JSON body with version): removes the record if it is still at that version. */
export const remove = api(async (event) => {
	const r = resourceOf(event);
	if (!r.remove)
		return Response.json({ message: `En ${r.what} kan inte tas bort genom API:t.` }, { status: 405, headers: { allow: 'GET, PATCH' } });
	const version =
		event.url.searchParams.get('version') ?? (await readJson(event.request).catch(() => ({}) as Record<string, unknown>)).version;
	await r.remove(db(), event.locals.actor, idOf(event), { version });
	return new Response(null, { status: 204 });
});
