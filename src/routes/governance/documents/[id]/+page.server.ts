import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { hasRole } from '#lib/server/actor.ts';
import { idParam, load as read, requirePage, runForm, uploadedFile } from '#lib/server/web.ts';
import { addDocumentVersion, getGoverningDocument, updateGoverningDocument } from '#lib/server/governance/documents.ts';
import { governanceOptions } from '#lib/server/governance/options.ts';

export const load: PageServerLoad = async (event) => {
	const d = db();
	const doc = await read(event, () => getGoverningDocument(d, idParam(event.params.id)));
	const editor = hasRole(event.locals.actor, 'editor');
	return { doc, editor, lists: editor ? await governanceOptions(d, ['decisions']) : {}, saved: event.url.searchParams.get('saved') };
};

export const actions: Actions = {
	version: async (event) => {
		requirePage(event, 'editor');
		const id = idParam(event.params.id);
		const file = await uploadedFile(event);
		const r = await runForm(event, (input) => addDocumentVersion(db(), event.locals.actor, id, input, file), {
			done: null,
			extra: { form: 'version' }
		});
		if ('ok' in r) redirect(303, `/governance/documents/${id}?saved=version`);
		return r;
	},
	save: async (event) => {
		requirePage(event, 'editor');
		const id = idParam(event.params.id);
		const r = await runForm(event, (input) => updateGoverningDocument(db(), event.locals.actor, id, input), {
			done: null,
			extra: { form: 'save' }
		});
		if ('ok' in r) redirect(303, `/governance/documents/${id}?saved=save`);
		return r;
	}
};
