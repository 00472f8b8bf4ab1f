// The published documents' templates and their adoption, with Swedish messages naming the field.
import { z } from 'zod';
import { checkbox, choice, optionalId, optionalText, requiredDate, requiredText } from './fields.ts';
import { CHAPTER_CONTENTS } from '../core/report.ts';

export const REPORT_KINDS = ['annual', 'plan'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const chapterInput = z.object({
	number: optionalText('Kapitlets nummer', 20).transform((v) => v ?? ''),
	title: requiredText('Kapitlets rubrik', 200),
	content: choice('Kapitlets innehåll', CHAPTER_CONTENTS),
	text: optionalText('Kapitlets text', 20000),
	area: optionalText('Planens område', 200),
	rule: z.preprocess((v) => (v === '' ? null : v), z.enum(['written', 'submitted', 'either']).nullable().default(null))
});

export const templateInput = z.object({
	title: requiredText('Titel', 200),
	issuer: optionalText('Utgivare', 200),
	responsible: optionalText('Handläggare', 200),
	tableOfContents: checkbox('Innehållsförteckning'),
	introText: optionalText('Inledningens text', 20000),
	chapters: z
		.array(chapterInput, { error: 'Kapitlen måste vara en lista.' })
		.min(1, 'Mallen måste ha minst ett kapitel.')
		.max(100, 'Mallen får ha högst 100 kapitel.')
});

export const adoptInput = z.object({
	decidedOn: requiredDate('Beslutsdatum'),
	decisionId: optionalId('Beslut')
});
