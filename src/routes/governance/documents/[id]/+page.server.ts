import { redirect, type RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { hasRole } from '#lib/server/actor.ts';
import { idParam, load as read, requirePage, runForm } from '#lib/server/web.ts';
import { addDocumentVersion, getGoverningDocument, updateGoverningDocument } from '#lib/server/governance/documents.ts';
import { governanceOptions } from '#lib/server/governance/options.ts';

export const load: PageServerLoad = async (event) => {
	const d = db();
	const doc = await read(event, () => getGoverningDocument(d, idParam(event.params.id)));
	const editor = hasRole(event.locals.actor, 'editor');
	return { doc, editor, lists: editor ? await governanceOptions(d, ['decisions']) : {}, saved: event.url.searchParams.get('saved') };
};

async function uploaded(event: RequestEvent) {
	// Read before runForm takes the body: formValues leaves files out.
	const data = await event.request.clone().formData();
	const f = data.get('file');
	if (!(f instanceof File) || f.size === 0) return null;
	return { name: f.name, mediaType: f.type || 'application/octet-stream', content: new Uint8Array(await f.arrayBuffer()) };
}

export const actions: Actions = {
	version: async (event) => {
		requirePage(event, 'editor');
		const id = idParam(event.params.id);
		const file = await uploaded(event);
		const r = await runForm(event, (input) => addDocumentVersion(db(), event.locals.actor, id, input, file), {
			extra: { form: 'version' }
		});
		if ('ok' in r) redirect(303, `/governance/documents/${id}?saved=version`);
		return r;
	},
	save: async (event) => {
		requirePage(event, 'editor');
		const id = idParam(event.params.id);
		const r = await runForm(event, (input) => updateGoverningDocument(db(), event.locals.actor, id, input), { extra: { form: 'save' } });
		if ('ok' in r) redirect(303, `/governance/documents/${id}?saved=save`);
		return r;
	}
};
