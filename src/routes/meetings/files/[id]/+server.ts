// A meeting document, to whoever may see the meeting.
import type { RequestHandler } from './$types';
import { db } from '#lib/server/app.ts';
import { idParam, load } from '#lib/server/web.ts';
import { getMeetingFile } from '#lib/server/meetings/queries.ts';
import { contentDisposition } from '#lib/server/export/disposition.ts';

export const GET: RequestHandler = async (event) => {
	const file = await load(event, () => getMeetingFile(db(), event.locals.actor, idParam(event.params.id)));
	return new Response(Buffer.from(file.content), {
		headers: { 'content-type': file.mediaType, 'content-disposition': contentDisposition(file.name) }
	});
};
