// What the API answers about the published documents: the years, a report as data, its template (see ../answers.ts).
import { z } from 'zod';
import { CHAPTER_CONTENTS } from '../../../core/report.ts';
import { instant, int, isoDate } from './fields.ts';

export const reportsAnswer = z.object({
	items: z.array(
		z.object({
			year: int,
			plan: z
				.object({
					status: z.string(),
					decidedOn: isoDate.nullable(),
					html: z.string(),
					docx: z.string(),
					pdf: z.string()
				})
				.nullable(),
			annual: z
				.object({
					status: z.string(),
					decidedOn: isoDate.nullable(),
					html: z.string(),
					docx: z.string(),
					pdf: z.string()
				})
				.nullable()
		})
	)
});

/** A list item of a document, with its sub-items (recursive: a component of its own in the document). */
export const reportListItem: z.ZodType = z.lazy(() => z.object({ text: z.string(), children: z.array(reportListItem).optional() }));
const docTable = z.object({
	caption: z.string(),
	columns: z.array(z.object({ header: z.string(), align: z.enum(['left', 'right']).optional() })),
	rows: z.array(z.object({ cells: z.array(z.string()), total: z.boolean().optional() })),
	notes: z.array(z.string()).optional()
});
/** A block of a published document (core/report.ts Block). */
const reportBlock = z.discriminatedUnion('kind', [
	z.object({
		kind: z.literal('heading'),
		level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
		number: z.string().nullable(),
		text: z.string(),
		id: z.string()
	}),
	z.object({ kind: z.literal('paragraph'), text: z.string(), style: z.enum(['lead', 'note']).optional() }),
	z.object({ kind: z.literal('labelled'), label: z.string(), text: z.string() }),
	z.object({ kind: z.literal('list'), items: z.array(reportListItem) }),
	z.object({ kind: z.literal('table'), table: docTable })
]);

export const reportsKindYearAnswer = z.object({
	kind: z.enum(['annual', 'plan']),
	year: int,
	adopted: z.boolean(),
	edition: z
		.object({
			decidedOn: isoDate.nullable(),
			frozenAt: instant,
			docxSha256: z.string(),
			pdfSha256: z.string()
		})
		.nullable(),
	html: z.string(),
	docx: z.string(),
	pdf: z.string(),
	report: z.object({
		kind: z.enum(['annual', 'plan']),
		year: int,
		title: z.string(),
		cooperationName: z.string(),
		kindLabel: z.string(),
		cover: z.object({
			issuer: z.string(),
			title: z.string(),
			decided: z.string().nullable(),
			responsible: z.string().nullable()
		}),
		tableOfContents: z.boolean(),
		blocks: z.array(reportBlock)
	})
});

export const reportsKindYearTemplateAnswer = z.object({
	kind: z.enum(['annual', 'plan']),
	year: int,
	title: z.string(),
	issuer: z.string().nullable(),
	responsible: z.string().nullable(),
	tableOfContents: z.boolean(),
	introText: z.string().nullable(),
	chapters: z.array(
		z.object({
			number: z.string(),
			title: z.string(),
			content: z.enum(CHAPTER_CONTENTS),
			text: z.string().nullable().optional(),
			area: z.string().nullable().optional(),
			rule: z.enum(['written', 'submitted', 'either']).nullable().optional()
		})
	),
	id: int.nullable(),
	version: int.nullable(),
	derivedFrom: int.nullable()
});
