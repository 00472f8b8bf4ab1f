// Form actions shared by the register's "new" and "edit" pages.
import { redirect, type RequestEvent } from '@sveltejs/kit';
import type { z } from 'zod';
import { db } from './app.ts';
import { createEntry, endEntry, updateEntry, type Register } from './register.ts';
import { idParam, runForm } from './web.ts';

type Row = Record<string, unknown> & { id: number };

export function createAction<S extends z.ZodType>(reg: Register<S>, to: (row: Row) => string) {
	return async (event: RequestEvent) => {
		const result = await runForm(event, (input) => createEntry(db(), event.locals.actor, reg, input));
		if (!('ok' in result)) return result;
		redirect(303, to(result.result));
	};
}

export function updateAction<S extends z.ZodType>(reg: Register<S>, to: (row: Row) => string) {
	return async (event: RequestEvent) => {
		const id = idParam(event.params.id);
		const result = await runForm(event, (input) => updateEntry(db(), event.locals.actor, reg, id, input));
		if (!('ok' in result)) return result;
		redirect(303, to(result.result));
	};
}

export function endAction<S extends z.ZodType>(reg: Register<S>, to: (row: Row) => string) {
	return async (event: RequestEvent) => {
		const id = idParam(event.params.id);
		const result = await runForm(event, (input) => endEntry(db(), event.locals.actor, reg, id, input), { extra: { ended: true } });
		if (!('ok' in result)) return result;
		redirect(303, to(result.result));
	};
}
