// The download routes of a meeting's documents: the notice and the minutes as
// PDF and DOCX (the web pages render the same MeetingDocument in Svelte).
import { error, type RequestEvent } from '@sveltejs/kit';
import { db } from '../app.ts';
import { idParam } from '../web.ts';
import { NotFoundError } from '../errors.ts';
import { documentFor } from './document.ts';
import { meetingDocx } from '../documents/meeting-docx.ts';
import { meetingPdf } from '../documents/meeting-pdf.ts';
import { utcToStockholm } from '../../core/meetings.ts';
import { getMeeting } from './queries.ts';
import { contentDisposition } from '../export/disposition.ts';

const TYPES = {
	pdf: 'application/pdf',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
} as const;

export async function readDocument(event: RequestEvent, kind: 'minutes' | 'notice') {
	const id = idParam(event.params.id);
	const v = Number(event.url.searchParams.get('version')) || undefined;
	try {
		const m = await getMeeting(db(), event.locals.actor, id);
		const doc = await documentFor(db(), event.locals.actor, m, kind, v);
		if (!doc) error(404, 'Anteckningarna är inte justerade än.');
		return { doc, date: utcToStockholm(m.startsAt).date, id };
	} catch (e) {
		if (e instanceof NotFoundError) error(404, e.message);
		throw e;
	}
}

export function documentHandler(kind: 'minutes' | 'notice', format: 'pdf' | 'docx') {
	return async (event: RequestEvent) => {
		const { doc, date } = await readDocument(event, kind);
		const bytes = format === 'pdf' ? await meetingPdf(doc) : await meetingDocx(doc);
		const name = `${kind === 'minutes' ? 'minnesanteckningar' : 'kallelse'}-${date}.${format}`;
		return new Response(Buffer.from(bytes), {
			headers: {
				'content-type': TYPES[format],
				'content-disposition': contentDisposition(name),
				'cache-control': 'private, no-store'
			}
		});
	};
}
