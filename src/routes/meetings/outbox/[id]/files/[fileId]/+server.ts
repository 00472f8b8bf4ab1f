// An attachment of one message in the outbox, for editors.
import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { db } from '#lib/server/app.ts';
import { getOutboxAttachment } from '#lib/server/mail/outbox.ts';
import { idParam, load, requirePage } from '#lib/server/web.ts';
import { contentDisposition } from '#lib/server/export/disposition.ts';

export const GET: RequestHandler = async (event) => {
	requirePage(event, 'editor');
	const file = await load(event, () => getOutboxAttachment(db(), idParam(event.params.id), idParam(event.params.fileId)));
	if (!file) error(404, 'Bilagan finns inte.');
	return new Response(Buffer.from(file.content), {
		headers: {
			'content-type': file.mediaType,
			'content-disposition': contentDisposition(file.name),
			'cache-control': 'private, no-store'
		}
	});
};
