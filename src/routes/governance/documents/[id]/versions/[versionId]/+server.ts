// A governing document version's file, as it was stored (checksum in the header). Public, like the document.
import type { RequestHandler } from './$types';
import { db } from '#lib/server/app.ts';
import { idParam, load } from '#lib/server/web.ts';
import { versionFile } from '#lib/server/governance/documents.ts';
import { contentDisposition } from '#lib/server/export/disposition.ts';

export const GET: RequestHandler = (event) =>
	load(event, async () => {
		const file = await versionFile(db(), idParam(event.params.id), idParam(event.params.versionId));
		return new Response(Buffer.from(file.content), {
			headers: {
				'content-type': file.mediaType || 'application/octet-stream',
				'content-disposition': contentDisposition(file.name),
				'x-content-sha256': file.sha256
			}
		});
	});
