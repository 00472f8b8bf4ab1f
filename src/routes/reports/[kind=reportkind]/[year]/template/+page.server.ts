import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { requirePage, runForm, yearParam } from '#lib/server/web.ts';
import { resolveTemplate, saveTemplate } from '#lib/server/documents/report-template.ts';
import { CHAPTER_CONTENT_LABELS, CHAPTER_CONTENTS } from '#lib/core/report.ts';
import type { ReportKind } from '#lib/schemas/documents.ts';

export const load: PageServerLoad = async (event) => {
	requirePage(event, 'editor');
	const kind = event.params.kind as ReportKind;
	const year = yearParam(event.params.year);
	return {
		kind,
		year,
		template: await resolveTemplate(db(), kind, year),
		contents: CHAPTER_CONTENTS.map((value) => ({ value, label: CHAPTER_CONTENT_LABELS[value] })),
		saved: event.url.searchParams.has('saved')
	};
};

/** The form's rows "chapter-0-title" … as the template's chapters; a row marked for removal, or left empty, is dropped. */
function withChapters(input: Record<string, string | string[]>) {
	const one = (k: string) => {
		const v = input[k];
		return Array.isArray(v) ? v[0] : (v ?? '');
	};
	const rows = new Set(Object.keys(input).flatMap((k) => /^chapter-(\d+)-/.exec(k)?.[1] ?? []));
	const chapters = [...rows]
		.map(Number)
		.sort((a, b) => Number(one(`chapter-${a}-position`) || a) - Number(one(`chapter-${b}-position`) || b) || a - b)
		.filter((i) => !one(`chapter-${i}-remove`) && (one(`chapter-${i}-title`).trim() || one(`chapter-${i}-number`).trim()))
		.map((i) => ({
			number: one(`chapter-${i}-number`),
			title: one(`chapter-${i}-title`),
			content: one(`chapter-${i}-content`),
			text: one(`chapter-${i}-text`),
			area: one(`chapter-${i}-area`),
			rule: one(`chapter-${i}-rule`)
		}));
	return { ...input, tableOfContents: one('tableOfContents'), chapters };
}

export const actions: Actions = {
	default: async (event) => {
		requirePage(event, 'editor');
		const kind = event.params.kind as ReportKind;
		const year = yearParam(event.params.year);
		const r = await runForm(event, (input) => saveTemplate(db(), event.locals.actor, kind, year, withChapters(input)), { done: null });
		if ('ok' in r) redirect(303, `/reports/${kind}/${year}/template?saved=1`);
		return r;
	}
};
