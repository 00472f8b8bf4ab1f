// GET /finance/years/{year}/closing.{pdf,docx,xlsx}: the year's closing as a file.
import type { RequestEvent } from '@sveltejs/kit';
import { db } from '../app.ts';
import { load as read, yearParam } from '../web.ts';
import { getCooperation } from '../organisation/queries.ts';
import { yearClosing } from './closing.ts';
import { closingDocument, closingWorkbook } from './closing-document.ts';
import { tableDocumentPdf } from '../documents/table-pdf.ts';
import { tableDocumentDocx } from '../documents/table-docx.ts';
import { toXlsx } from '../export/table.ts';
import { contentDisposition } from '../export/disposition.ts';

const TYPES = {
	pdf: 'application/pdf',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
} as const;

export function closingHandler(format: keyof typeof TYPES) {
	return async (event: RequestEvent) => {
		const year = yearParam(event.params.year);
		const doc = await read(event, async () => {
			const d = db();
			return closingDocument(await yearClosing(d, year), (await getCooperation(d))?.name ?? '');
		});
		const body =
			format === 'pdf'
				? await tableDocumentPdf(doc)
				: format === 'docx'
					? await tableDocumentDocx(doc)
					: await toXlsx(closingWorkbook(doc));
		return new Response(body as Uint8Array<ArrayBuffer>, {
			headers: { 'content-type': TYPES[format], 'content-disposition': contentDisposition(`bokslut-${year}.${format}`) }
		});
	};
}
