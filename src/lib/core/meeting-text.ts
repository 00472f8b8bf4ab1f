// The plain-text shape of a meeting's documents, shared by the web page, the
// DOCX and the PDF: an item's text as paragraphs and lists, a person's line,
// the labels. Pure, so the browser can use it too.
import { formatDate } from './format.ts';
import type { DocItem, DocPerson, MeetingDocument } from './meetings.ts';

/** A block of an item's text: a paragraph (its lines) or a list (its entries, level 0 or 1). */
export type TextBlock = { kind: 'paragraph'; lines: string[] } | { kind: 'list'; entries: { level: 0 | 1; text: string }[] };

const LIST_LINE = /^( *|\t*)[-–•] +(.*)$/;

/**
 * An item's text as blocks: paragraphs are separated by blank lines; lines
 * starting with "- " are list entries, indented ones ("  - ") nested. A list
 * and a paragraph in one block without a blank line between still come apart.
 */
export function textBlocks(text: string | null): TextBlock[] {
	if (!text) return [];
	const blocks: TextBlock[] = [];
	for (const chunk of text.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/)) {
		let current: TextBlock | null = null;
		for (const raw of chunk.split('\n')) {
			const line = raw.replace(/\s+$/, '');
			if (!line.trim()) continue;
			const m = LIST_LINE.exec(line);
			if (m && m[2].trim()) {
				const level: 0 | 1 = m[1].length > 0 ? 1 : 0;
				if (current?.kind !== 'list') blocks.push((current = { kind: 'list', entries: [] }));
				current.entries.push({ level, text: m[2].trim() });
			} else {
				if (current?.kind !== 'paragraph') blocks.push((current = { kind: 'paragraph', lines: [] }));
				current.lines.push(line.trim());
			}
		}
	}
	// A nested entry needs an entry above it to hang from.
	for (const b of blocks) if (b.kind === 'list' && b.entries[0]?.level === 1) b.entries[0].level = 0;
	return blocks;
}

/** "Rickard Sundbom, Södertälje, ordförande", "Gustav Fridlund, Botkyrka, endast punkt 2". */
export function personLine(p: DocPerson): string {
	return [p.name, p.organisation, p.role, p.note]
		.map((s) => s?.trim())
		.filter(Boolean)
		.join(', ');
}

/** "1. Välkommen" */
export const itemHeading = (item: DocItem) => `${item.number}. ${item.title.trim()}`;

/** "Ansvarig: Helene Olofsson", "Klart senast: 1 december 2020", as far as known. */
export function actionDetails(a: DocItem['actionItems'][number]): string[] {
	const out: string[] = [];
	if (a.responsible?.trim()) out.push(`Ansvarig: ${a.responsible.trim()}`);
	if (a.dueOn) out.push(`Klart senast: ${formatDate(a.dueOn)}`);
	return out;
}

/** The open matters grouped by the meeting they come from, in the order they come. */
export function openMattersByOrigin(matters: DocItem['openMatters']): { from: string; matters: DocItem['openMatters'] }[] {
	const groups: { from: string; matters: DocItem['openMatters'] }[] = [];
	for (const m of matters) {
		const from = m.from.trim();
		let g = groups.find((x) => x.from === from);
		if (!g) groups.push((g = { from, matters: [] }));
		g.matters.push(m);
	}
	return groups;
}

/** "Bordläggs till extra möte den 26 november 2020." */
export function tabledLine(to: string): string {
	const t = to.trim();
	return `Bordläggs till ${t}${/[.!?]$/.test(t) ? '' : '.'}`;
}

export const KIND_LABELS: Record<MeetingDocument['kind'], string> = { minutes: 'Minnesanteckningar', notice: 'Kallelse' };
export const CHAIR_DECISION = 'Ordförandebeslut';
