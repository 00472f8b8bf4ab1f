// The fee pages' reads and downloads: which years have a fee to show, and a
// year's overview or one municipality's invoice basis as PDF or DOCX.
import { error, type RequestEvent } from '@sveltejs/kit';
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import { population } from '../db/schema/index.ts';
import { db } from '../app.ts';
import { load as read, yearParam } from '../web.ts';
import { getCooperation } from '../organisation/queries.ts';
import { tableDocumentPdf } from '../documents/table-pdf.ts';
import { tableDocumentDocx } from '../documents/table-docx.ts';
import { todayIso } from '../../core/format.ts';
import { financeYears } from './queries.ts';
import { feeBasis } from './fees.ts';
import { feeInvoiceDocument, feeOverviewDocument } from './fee-document.ts';
import { contentDisposition } from '../export/disposition.ts';

/**
 * The years a fee page has something to show: those whose population date
 * (31 December the year before) has figures, those with invoices or anything
 * else in the finance module, and the current year. Newest first.
 */
export async function feeYears(reader: Db | Tx, today = todayIso()): Promise<number[]> {
	const rows = await reader
		.selectDistinct({ year: sql<number>`extract(year from ${population.date})::int + 1` })
		.from(population)
		.where(sql`to_char(${population.date}, 'MM-DD') = '12-31'`);
	const years = new Set<number>([Number(today.slice(0, 4)), ...rows.map((r) => Number(r.year))]);
	for (const y of await financeYears(reader)) years.add(y.year);
	return [...years].sort((a, b) => b - a);
}

const TYPES = {
	pdf: 'application/pdf',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
} as const;

async function cooperationName() {
	return (await getCooperation(db()))?.name ?? 'Samverka';
}

function fileResponse(bytes: Uint8Array, format: 'pdf' | 'docx', name: string) {
	return new Response(Buffer.from(bytes), {
		headers: {
			'content-type': TYPES[format],
			'content-disposition': contentDisposition(`${name}.${format}`),
			'cache-control': 'private, no-store'
		}
	});
}

/** The year's overview: /finance/fees/2020/fees.pdf */
export function feeOverviewHandler(format: 'pdf' | 'docx') {
	return async (event: RequestEvent) => {
		const year = yearParam(event.params.year);
		const basis = await read(event, () => feeBasis(db(), year));
		const doc = feeOverviewDocument(basis, await cooperationName());
		const bytes = format === 'pdf' ? await tableDocumentPdf(doc) : await tableDocumentDocx(doc);
		return fileResponse(bytes, format, `avgift-${year}`);
	};
}

/** One municipality's invoice basis, by its municipality code: /finance/fees/2020/0127.pdf */
export function feeInvoiceHandler(format: 'pdf' | 'docx') {
	return async (event: RequestEvent) => {
		const year = yearParam(event.params.year);
		const code = event.params.municipality ?? '';
		const basis = await read(event, () => feeBasis(db(), year));
		const row = basis.municipalities.find((m) => m.code === code);
		if (!row) error(404, 'Kommunen är inte medlem det året eller finns inte.');
		const name = await cooperationName();
		const doc = await read(event, async () => feeInvoiceDocument(basis, row.id, name));
		const bytes = format === 'pdf' ? await tableDocumentPdf(doc) : await tableDocumentDocx(doc);
		return fileResponse(bytes, format, `fakturaunderlag-${year}-${row.code}`);
	};
}
