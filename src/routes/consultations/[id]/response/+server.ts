// The uploaded response document, as it was stored (checksum in the header).
import type { RequestHandler } from './$types';
import { db } from '#lib/server/app.ts';
import { idParam, load } from '#lib/server/web.ts';
import { responseFile } from '#lib/server/consultations/queries.ts';
import { contentDisposition } from '#lib/server/export/disposition.ts';

export const GET: RequestHandler = (event) =>
	load(event, async () => {
		const file = await responseFile(db(), event.locals.actor, idParam(event.params.id));
		return new Response(Buffer.from(file.content), {
			headers: {
				'content-type': file.mediaType || 'application/octet-stream',
				'content-disposition': contentDisposition(file.name),
				'x-content-sha256': file.sha256,
				'cache-control': 'private, no-store'
			}
		});
	});
