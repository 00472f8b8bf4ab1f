// GET /reports/{annual|plan}/{year}.{docx,pdf}: the document as a file, the
// frozen one once adopted (with its checksum in a header), else made now.
import type { RequestEvent } from '@sveltejs/kit';
import { db } from '../app.ts';
import { load as read, yearParam } from '../web.ts';
import { FILE_STEMS, reportFile } from './reports.ts';
import type { ReportKind } from '../../schemas/documents.ts';
import { contentDisposition } from '../export/disposition.ts';

const TYPES = {
	pdf: 'application/pdf',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
} as const;

export function reportFileHandler(format: keyof typeof TYPES) {
	return async (event: RequestEvent) => {
		const kind = event.params.kind as ReportKind;
		const year = yearParam(event.params.year);
		const f = await read(event, () => reportFile(db(), event.locals.actor, kind, year, format));
		const headers: Record<string, string> = {
			'content-type': TYPES[format],
			'content-disposition': contentDisposition(`${FILE_STEMS[kind]}-${year}${f.frozen ? '' : '-utkast'}.${format}`)
		};
		// The frozen file's SHA-256 lets a reader check it is the adopted one.
		if (f.sha256) headers['x-content-sha256'] = f.sha256;
		return new Response(f.content as Uint8Array<ArrayBuffer>, { headers });
	};
}
