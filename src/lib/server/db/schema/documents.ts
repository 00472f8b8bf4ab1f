// The published documents: each year's template (the chapters of that year's
// annual report or operational plan, the cover and the secretariat's own text),
// and the adopted edition of a document, frozen as files with their checksums.
import { sql } from 'drizzle-orm';
import { boolean, check, date, integer, jsonb, pgTable, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { timestamps, version } from './columns.ts';
import { account } from './auth.ts';
import { decision } from './planning.ts';
import { storedFile } from './meetings.ts';
import type { Report, TemplateChapter } from '../../../core/report.ts';

export const reportTemplate = pgTable(
	'report_template',
	{
		id: integer().primaryKey().generatedAlwaysAsIdentity(),
		/** 'annual' (årsredovisning och bokslut) or 'plan' (verksamhetsplan). */
		kind: text().notNull(),
		year: integer().notNull(),
		title: text().notNull(),
		/** The issuer on the cover ("Södertörnskommunernas Samarbetskommitté"); the cooperation's name when empty. */
		issuer: text(),
		/** The officer responsible, printed on the cover as "Handläggare/referens". */
		responsible: text(),
		tableOfContents: boolean().notNull().default(true),
		/** Chapter 1's text, the secretariat's; the population figures are added from the data. */
		introText: text(),
		chapters: jsonb().$type<TemplateChapter[]>().notNull(),
		source: text(),
		...version,
		...timestamps
	},
	(t) => [
		unique('report_template_kind_year').on(t.kind, t.year),
		check('report_template_kind', sql`${t.kind} in ('annual', 'plan')`),
		check('report_template_chapters', sql`jsonb_typeof(${t.chapters}) = 'array' and jsonb_array_length(${t.chapters}) > 0`)
	]
);

/**
 * The adopted edition of a document: the model as it was on the day of the
 * decision and its DOCX and PDF, stored once with their SHA-256. Once frozen,
 * the public addresses serve these, whatever the data says later.
 */
export const reportEdition = pgTable(
	'report_edition',
	{
		id: integer().primaryKey().generatedAlwaysAsIdentity(),
		kind: text().notNull(),
		year: integer().notNull(),
		/** Null when the seeds say the document was adopted but not when. */
		decidedOn: date({ mode: 'string' }),
		decisionId: integer().references(() => decision.id),
		model: jsonb().$type<Report>().notNull(),
		docxFileId: integer()
			.notNull()
			.references(() => storedFile.id),
		pdfFileId: integer()
			.notNull()
			.references(() => storedFile.id),
		frozenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		frozenBy: integer().references(() => account.id, { onDelete: 'set null' })
	},
	(t) => [unique('report_edition_kind_year').on(t.kind, t.year), check('report_edition_kind', sql`${t.kind} in ('annual', 'plan')`)]
);

/**
 * A document as it was published before the system (a year's printed annual
 * report as text, its chapters under "# 1. Inledning" headings), kept to
 * compare the generated document with: what it says that the data does not hold.
 */
export const reportReference = pgTable(
	'report_reference',
	{
		id: integer().primaryKey().generatedAlwaysAsIdentity(),
		kind: text().notNull(),
		year: integer().notNull(),
		title: text().notNull(),
		text: text().notNull(),
		source: text(),
		...timestamps
	},
	(t) => [unique('report_reference_kind_year').on(t.kind, t.year), check('report_reference_kind', sql`${t.kind} in ('annual', 'plan')`)]
);
