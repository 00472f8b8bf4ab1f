// The published documents (the annual report, the operational plan) as one
// model: a cover, then chapters of headings, paragraphs, lists and tables. The
// web page, the DOCX and the PDF are three renderings of it, so a figure is
// computed once. Pure, so the browser and the tests use it as it is.
import type { DocTable } from './table-document.ts';
import { textBlocks } from './meeting-text.ts';

export type { DocTable } from './table-document.ts';

/** What a chapter of a template is filled with. */
export const CHAPTER_CONTENTS = [
	'intro_text',
	'goals_table',
	'focus_area_followup',
	'consultations',
	'external_meetings',
	'projects',
	'meetings_administration',
	'closing',
	'plan_purpose',
	'plan_principles',
	'plan_focus_areas',
	'plan_ways_of_working',
	'plan_conferences',
	'plan_calendar',
	'plan_budget',
	'plan_action_plan',
	'plan_agreement',
	'text'
] as const;
export type ChapterContent = (typeof CHAPTER_CONTENTS)[number];

export const CHAPTER_CONTENT_LABELS: Record<ChapterContent, string> = {
	intro_text: 'Inledning (text och befolkning)',
	goals_table: 'Övergripande mål och fokusområden',
	focus_area_followup: 'Uppföljning per fokusområde',
	consultations: 'Gemensamma remissvar',
	external_meetings: 'Externa möten',
	projects: 'Projekt',
	meetings_administration: 'Möten, konferenser och administration',
	closing: 'Bokslut',
	plan_purpose: 'Syfte och inriktning',
	plan_principles: 'Principer',
	plan_focus_areas: 'Fokusområden och mål',
	plan_ways_of_working: 'Arbetsformer',
	plan_conferences: 'Återkommande konferenser',
	plan_calendar: 'Mötesplan',
	plan_budget: 'Budget',
	plan_action_plan: 'Bilaga: handlingsplan',
	plan_agreement: 'Bilaga: samverkansavtal',
	text: 'Fri text'
};

export const isChapterContent = (v: unknown): v is ChapterContent => CHAPTER_CONTENTS.includes(v as ChapterContent);

/** A chapter of a year's template: its number ("3", "Bilaga 1"), title, what fills it, and its own text. */
export interface TemplateChapter {
	number: string;
	title: string;
	content: ChapterContent;
	/** Text the secretariat writes, printed before what the data gives. */
	text?: string | null;
	/** A follow-up chapter of one of the plan's own areas (2018's "Verksamhetsfrågor"), by name. */
	area?: string | null;
	/** Which joint responses the chapter lists: written that year, sent that year, or either. */
	rule?: 'written' | 'submitted' | 'either' | null;
}

export interface ListItem {
	text: string;
	children?: ListItem[];
}

export type Block =
	| { kind: 'heading'; level: 1 | 2 | 3; number: string | null; text: string; id: string }
	| { kind: 'paragraph'; text: string; style?: 'lead' | 'note' }
	/** "Huvudmål: …" — a bold label and its text. */
	| { kind: 'labelled'; label: string; text: string }
	| { kind: 'list'; items: ListItem[] }
	| { kind: 'table'; table: DocTable };

export interface ReportCover {
	issuer: string;
	title: string;
	/** "Beslutad 9 februari 2022", or null for a draft. */
	decided: string | null;
	/** "Handläggare/referens: Helene Olofsson" */
	responsible: string | null;
}

export interface Report {
	kind: 'annual' | 'plan';
	year: number;
	title: string;
	cooperationName: string;
	/** Shown in the page header, right. */
	kindLabel: string;
	cover: ReportCover;
	/** Whether the document shows a table of contents after the cover. */
	tableOfContents: boolean;
	blocks: Block[];
}

/** "3.1 Infrastruktur" → "kap-3-1-infrastruktur": a stable anchor for a heading. */
export function headingId(number: string | null, text: string): string {
	const words = `${number ?? ''} ${text}`
		.toLowerCase()
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
	return `kap-${words.slice(0, 60).replace(/-$/, '') || 'rubrik'}`;
}

export function heading(level: 1 | 2 | 3, number: string | null, text: string): Block {
	return { kind: 'heading', level, number, text, id: headingId(number, text) };
}

/** "3.1 Infrastruktur", "Bilaga 2 Samverkansavtal". */
export const headingText = (b: { number: string | null; text: string }) => (b.number ? `${b.number} ${b.text}` : b.text);

/** The table of contents: the headings of levels 1 and 2, in order; ids made unique. */
export function tableOfContents(blocks: Block[]): { level: 1 | 2; text: string; id: string }[] {
	return blocks.flatMap((b) => (b.kind === 'heading' && b.level <= 2 ? [{ level: b.level as 1 | 2, text: headingText(b), id: b.id }] : []));
}

/** Gives each heading an id of its own: a repeated one gets "-2", "-3". */
export function uniqueIds(blocks: Block[]): Block[] {
	const seen = new Map<string, number>();
	return blocks.map((b) => {
		if (b.kind !== 'heading') return b;
		const n = (seen.get(b.id) ?? 0) + 1;
		seen.set(b.id, n);
		return n === 1 ? b : { ...b, id: `${b.id}-${n}` };
	});
}

/**
 * Text the secretariat wrote (a report text, a follow-up) as blocks: blank lines
 * part paragraphs, "- " lines are list items and indented ones nest under the
 * item above.
 */
export function textToBlocks(text: string | null | undefined): Block[] {
	return textBlocks(text ?? null).map((b): Block => {
		if (b.kind === 'paragraph') return { kind: 'paragraph', text: b.lines.join('\n') };
		const items: ListItem[] = [];
		for (const e of b.entries) {
			const parent = items.at(-1);
			if (e.level === 1 && parent) (parent.children ??= []).push({ text: e.text });
			else items.push({ text: e.text });
		}
		return { kind: 'list', items };
	});
}

/** All the text of a report, in reading order: what a test or the comparison view reads. */
export function plainText(blocks: Block[]): string {
	const lines: string[] = [];
	const items = (list: ListItem[], depth: number) => {
		for (const i of list) {
			lines.push(`${'  '.repeat(depth)}- ${i.text}`);
			if (i.children) items(i.children, depth + 1);
		}
	};
	for (const b of blocks) {
		if (b.kind === 'heading') lines.push(headingText(b));
		else if (b.kind === 'paragraph') lines.push(b.text);
		else if (b.kind === 'labelled') lines.push(`${b.label}: ${b.text}`);
		else if (b.kind === 'list') items(b.items, 0);
		else {
			if (b.table.caption) lines.push(b.table.caption);
			lines.push(b.table.columns.map((c) => c.header).join(' | '));
			for (const r of b.table.rows) lines.push(r.cells.join(' | '));
			for (const n of b.table.notes ?? []) lines.push(n);
		}
	}
	return lines.join('\n');
}

/** The blocks of each chapter (a level-1 heading and what follows up to the next). */
export function chaptersOf(blocks: Block[]): { heading: Extract<Block, { kind: 'heading' }>; blocks: Block[] }[] {
	const out: { heading: Extract<Block, { kind: 'heading' }>; blocks: Block[] }[] = [];
	for (const b of blocks) {
		if (b.kind === 'heading' && b.level === 1) out.push({ heading: b, blocks: [] });
		else out.at(-1)?.blocks.push(b);
	}
	return out;
}

/**
 * A template for a new year from the last one: the same chapters, with the old
 * year in the titles replaced by the new ("Bokslut 2021" → "Bokslut 2022").
 */
export function templateForYear<T extends { year: number; title: string; chapters: TemplateChapter[] }>(last: T, year: number): T {
	const swap = (s: string) => s.replaceAll(String(last.year), String(year));
	return {
		...last,
		year,
		title: swap(last.title),
		chapters: last.chapters.map((c) => ({ ...c, title: swap(c.title) }))
	};
}

/**
 * The secretariat's text with the data's figures put in: "{befolkning}" becomes
 * "513 445". A name the values do not have stays as it is, so a typo shows.
 */
export function fillPlaceholders(text: string, values: Record<string, string>): string {
	return text.replace(/\{([a-zåäö]+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** "Beslutad 9 februari 2022" from an ISO date. */
export function decidedLine(isoDate: string): string {
	const [y, m, d] = isoDate.split('-').map(Number);
	const months = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];
	return `Beslutad ${d} ${months[m - 1]} ${y}`;
}

/** How many words a count is written with in the reports: "fyra digitala möten". */
export function countWord(n: number): string {
	const words = ['inga', 'ett', 'två', 'tre', 'fyra', 'fem', 'sex', 'sju', 'åtta', 'nio', 'tio', 'elva', 'tolv'];
	return words[n] ?? String(n);
}
