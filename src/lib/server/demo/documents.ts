// The demo's document templates (demo/documents/report-templates.json, the
// chapter structures of the annual reports 2018, 2020 and 2021 and of the 2020
// plan, transcribed from seeds 000, 001, 003 and 004 with their sources), and
// the adopted editions frozen after the load, as the secretariat would have.
import fs from 'node:fs';
import path from 'node:path';
import type { Db, Tx } from '../db/client.ts';
import { plan, reportReference, reportTemplate } from '../db/schema/index.ts';
import { SYSTEM } from '../actor.ts';
import { isChapterContent, type ChapterContent, type TemplateChapter } from '../../core/report.ts';
import { freezeEdition } from '../documents/reports.ts';
import type { ReportKind } from '../../schemas/documents.ts';
import { readDemoJson } from './read.ts';

interface SeedChapter {
	number: string | null;
	title: string;
	content: string;
	introSentence?: string;
}

interface SeedDocument {
	year: number;
	title: string;
	cover?: { issuer: string | null; decidedText: string | null; responsible: string | null };
	tableOfContents?: { printed: boolean };
	chapters: SeedChapter[];
	introText?: string | null;
	introFigures?: { printed: string; meaning: string; generated: boolean }[];
	source: string;
}

interface DemoTemplates {
	annualReports: SeedDocument[];
	plans: SeedDocument[];
	/** The annual reports as published, to compare the generated ones with. */
	published: { year: number; text: string; source: string }[];
}

const PUBLISHED_SOURCES: Record<number, string> = {
	2020: 'Årsredovisning och bokslut 2020, som den publicerades (inskannad; text och tabeller återställda)',
	2021: 'Årsredovisning och bokslut 2021, som den publicerades'
};

/** The published text alone: a transcription's preface and its check (Kontroll) stay in the file, outside its markers. */
function publishedText(md: string): string {
	const m = /<!-- transkription start -->\n([\s\S]*?)<!-- transkription slut -->/.exec(md);
	return m ? `${md.split('\n')[0]}\n\n${m[1]}` : md;
}

export function templatesFile(dir: string): DemoTemplates {
	const data = readDemoJson<DemoTemplates>(dir, 'documents/report-templates.json');
	const published = path.join(dir, 'documents', 'published');
	data.published = fs
		.readdirSync(published)
		.flatMap((f) => {
			const year = Number(/^arsredovisning-(\d{4})\.md$/.exec(f)?.[1]);
			return year ? [{ year, text: publishedText(fs.readFileSync(path.join(published, f), 'utf8')), source: PUBLISHED_SOURCES[year] ?? `Årsredovisning och bokslut ${year}` }] : [];
		})
		.sort((a: { year: number }, b: { year: number }) => a.year - b.year);
	return data;
}

/** The transcription's names for what fills a plan chapter, as the generator names them. */
const PLAN_CONTENT: Record<string, ChapterContent> = {
	purpose: 'plan_purpose',
	principles: 'plan_principles',
	focus_areas: 'plan_focus_areas',
	ways_of_working: 'plan_ways_of_working',
	conferences: 'plan_conferences',
	calendar: 'plan_calendar',
	budget: 'plan_budget',
	action_plan: 'plan_action_plan',
	agreement: 'plan_agreement'
};

/** Which joint responses a year's report lists, as the seeds do: 2020 those written that year, 2021 those sent (and written). */
const CONSULTATION_RULE: Record<number, TemplateChapter['rule']> = { 2018: 'either', 2020: 'written', 2021: 'either' };

/**
 * The introduction with the figures the data gives as placeholders: the printed
 * "513 445" becomes "{befolkning}", so the report prints what the data says.
 */
function introWithPlaceholders(d: SeedDocument): string | null {
	let text = d.introText ?? null;
	if (!text) return null;
	for (const f of d.introFigures ?? []) {
		if (!f.generated) continue;
		text = text.replace(f.printed, /ökning/.test(f.meaning) ? '{förändring}' : '{befolkning}');
	}
	return text;
}

function chaptersOf(kind: ReportKind, d: SeedDocument): TemplateChapter[] {
	const out: TemplateChapter[] = [];
	for (const c of d.chapters) {
		const content = kind === 'plan' ? PLAN_CONTENT[c.content] : c.content;
		// The plan's attached programme (free text the data does not hold) is left out: it is a document of its own.
		if (!content || !isChapterContent(content)) continue;
		out.push({
			number: c.number ?? '',
			title: c.title,
			content,
			text: c.introSentence ?? null,
			rule: content === 'consultations' ? (CONSULTATION_RULE[d.year] ?? 'either') : null
		});
	}
	return out;
}

export async function insertTemplates(tx: Tx, data: DemoTemplates) {
	const rows = [
		...data.annualReports.map((d) => ({ kind: 'annual' as const, d })),
		...data.plans.map((d) => ({ kind: 'plan' as const, d }))
	].map(({ kind, d }) => ({
		kind,
		year: d.year,
		title: d.title,
		issuer: d.cover?.issuer ?? null,
		responsible: d.cover?.responsible ?? null,
		tableOfContents: d.tableOfContents?.printed ?? true,
		introText: introWithPlaceholders(d),
		chapters: chaptersOf(kind, d),
		source: d.source
	}));
	await tx.insert(reportTemplate).values(rows);
	if (data.published.length)
		await tx.insert(reportReference).values(
			data.published.map((p) => ({ kind: 'annual', year: p.year, title: `Årsredovisning och bokslut ${p.year}`, text: p.text, source: p.source }))
		);
	return { dokumentmallar: rows.length, 'publicerade årsredovisningar': data.published.length };
}

const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

/** "Beslutad 2019-02-07" or "Beslutad 9 februari 2022" as an ISO date; null when the cover gives none. */
export function decidedOnOf(text: string | null | undefined): string | null {
	if (!text) return null;
	const iso = /(\d{4}-\d{2}-\d{2})/.exec(text);
	if (iso) return iso[1];
	const m = /(\d{1,2}) ([a-zåäö]+) (\d{4})/.exec(text);
	const month = m ? MONTHS.indexOf(m[2]) + 1 : 0;
	return m && month ? `${m[3]}-${String(month).padStart(2, '0')}-${m[1].padStart(2, '0')}` : null;
}

/**
 * Freezes the demo's adopted documents: the annual reports the seeds hold (with
 * the date on their cover, or none where the seed has no cover) and every
 * adopted plan. Run after the load, outside its transaction.
 */
export async function freezeDemoEditions(db: Db, dir: string): Promise<number> {
	const data = templatesFile(dir);
	let n = 0;
	for (const d of data.annualReports) {
		await freezeEdition(db, SYSTEM, 'annual', d.year, decidedOnOf(d.cover?.decidedText), null);
		n++;
	}
	const plans = await db.select({ year: plan.year, status: plan.status }).from(plan);
	for (const p of plans.filter((x) => x.status === 'adopted')) {
		await freezeEdition(db, SYSTEM, 'plan', p.year, null, null);
		n++;
	}
	return n;
}
