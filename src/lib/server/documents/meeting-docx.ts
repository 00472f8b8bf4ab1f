// A meeting's notice (kallelse) or minutes (minnesanteckningar) as a Word
// document. Built to be edited: Word's own Title, Heading 1 and Heading 2 styles,
// real Word bullet lists, Swedish as the language (spelling and hyphenation), the
// cooperation's name in the header and "Sida 1 (3)" in the footer. The items'
// numbers are written into their headings, since they are the meeting's own
// (other texts refer to "punkt 2") and must not change when a heading is edited.

import { cleanTexts, xmlText } from '../../core/document-text.ts';
import {
	BorderStyle,
	HeadingLevel,
	Paragraph,
	Table,
	TableCell,
	TableRow,
	TabStopType,
	TextRun,
	WidthType,
	type IBorderOptions,
	type IParagraphOptions,
	type ParagraphChild
} from 'docx';
import type { DocItem, DocPerson, MeetingDocument } from '../../core/meetings.ts';
import {
	CHAIR_DECISION,
	KIND_LABELS,
	actionDetails,
	itemHeading,
	openMattersByOrigin,
	personLine,
	tabledLine,
	textBlocks
} from '../../core/meeting-text.ts';
import { BASE_STYLES, BULLETS, BULLET_NUMBERING as numbering, FONT, GREY, TEXT_WIDTH, pagedDocx } from './docx-page.ts';
import { textWidth } from './docx-measure.ts';
import { shareWidth, unbreakable, type ColumnNeed } from '../../core/column-widths.ts';

const styles = {
	default: {
		...BASE_STYLES,
		heading2: {
			run: { font: FONT, size: 21, bold: true, color: '000000' },
			paragraph: { spacing: { before: 200, after: 80 }, keepNext: true, keepLines: true }
		},
		listParagraph: { paragraph: { spacing: { after: 60 } } }
	}
};

const text = (s: string, opts: { bold?: boolean; italics?: boolean; color?: string; size?: number } = {}) =>
	new TextRun({ text: s, ...opts });

const para = (children: ParagraphChild[], opts: Omit<IParagraphOptions, 'children'> = {}) => new Paragraph({ children, ...opts });

const bullet = (children: ParagraphChild[], level: 0 | 1 = 0) => new Paragraph({ children, numbering: { reference: BULLETS, level } });

/** Grey, smaller lines such as "Föredragande: …"; several lines in one paragraph. */
function small(lines: string[], opts: { keepNext?: boolean } = {}): Paragraph {
	const runs = lines.map((l, i) => new TextRun({ text: l, color: GREY, size: 19, break: i > 0 ? 1 : undefined }));
	return para(runs, { keepNext: opts.keepNext });
}

function heading(s: string, level: 1 | 2): Paragraph {
	return new Paragraph({ children: [text(s)], heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2 });
}

function head(doc: MeetingDocument): Paragraph[] {
	const out = [new Paragraph({ children: [text(doc.title)], heading: HeadingLevel.TITLE })];
	if (doc.statusNote?.trim())
		out.push(
			para([text(doc.statusNote.trim(), { bold: true, size: 28, color: 'A4262C' })], {
				border: { left: { style: BorderStyle.SINGLE, size: 24, color: 'A4262C', space: 8 } },
				shading: { type: 'clear', fill: 'FBEAEA', color: 'auto' },
				spacing: { after: 240 }
			})
		);
	const rows: [string, string | null][] = [
		['Tid:', doc.when],
		['Plats:', doc.place]
	];
	if (doc.kind === 'notice') rows.push(['Mötesform:', doc.format]);
	for (const [label, value] of rows) {
		if (!value?.trim()) continue;
		out.push(para([text(label, { bold: true }), text(`\t${value.trim()}`)], { tabStops: [{ type: TabStopType.LEFT, position: 1300 }] }));
	}
	if (doc.chairNote?.trim()) out.push(para([text(doc.chairNote.trim(), { italics: true })], { spacing: { before: 120 } }));
	return out;
}

function people(label: string, list: DocPerson[]): Paragraph[] {
	if (!list.length) return [];
	return [
		heading(label, 2),
		...list.map((p, i) =>
			para([text(personLine(p))], { spacing: { after: i === list.length - 1 ? 120 : 0 }, keepNext: i < list.length - 1 })
		)
	];
}

function blocks(s: string | null): Paragraph[] {
	const out: Paragraph[] = [];
	for (const b of textBlocks(s)) {
		if (b.kind === 'paragraph') out.push(para(b.lines.map((l, i) => new TextRun({ text: l, break: i > 0 ? 1 : undefined }))));
		else for (const e of b.entries) out.push(bullet([text(e.text)], e.level));
	}
	return out;
}

function meta(item: DocItem): Paragraph[] {
	const lines: string[] = [];
	if (item.presenter?.trim()) lines.push(`Föredragande: ${item.presenter.trim()}`);
	const docs = item.documents.map((d) => d.trim()).filter(Boolean);
	if (docs.length) lines.push(`Handlingar: ${docs.join(', ')}`);
	return lines.length ? [small(lines)] : [];
}

function decisions(item: DocItem): Paragraph[] {
	if (!item.decisions.length) return [];
	const runs = (d: DocItem['decisions'][number]) => [
		...(d.chairDecision ? [text(`${CHAIR_DECISION}: `, { bold: true })] : []),
		text(d.text.trim())
	];
	const body = item.decisions.length === 1 ? [para(runs(item.decisions[0]))] : item.decisions.map((d) => bullet(runs(d)));
	return [heading('Beslut', 2), ...body];
}

function actionItems(item: DocItem): Paragraph[] {
	if (!item.actionItems.length) return [];
	return [
		heading('Att göra', 2),
		...item.actionItems.map((a) => {
			const details = actionDetails(a);
			return bullet([
				text(a.text.trim()),
				...(details.length ? [new TextRun({ text: details.join('   '), color: GREY, size: 19, break: 1 })] : [])
			]);
		})
	];
}

function openMatters(item: DocItem): Paragraph[] {
	if (!item.openMatters.length) return [];
	const out = [heading('Utestående ärenden', 2)];
	for (const g of openMattersByOrigin(item.openMatters)) {
		if (g.from) out.push(small([`Från ${g.from}`], { keepNext: true }));
		for (const m of g.matters) {
			out.push(bullet([text(m.text.trim())]));
			if (m.note?.trim()) out.push(bullet([text(m.note.trim(), { italics: true })], 1));
		}
	}
	return out;
}

function minutesItem(item: DocItem): Paragraph[] {
	return [
		heading(itemHeading(item), 1),
		...meta(item),
		...blocks(item.text),
		...openMatters(item),
		...decisions(item),
		...actionItems(item),
		...(item.tabledTo?.trim() ? [para([text(tabledLine(item.tabledTo), { bold: true })])] : [])
	];
}

function noticeItem(item: DocItem): Paragraph[] {
	return [heading(itemHeading(item), 2), ...meta(item), ...blocks(item.text)];
}

const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'auto' };
const LINE: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

/** The signature line's gap to the next column, in twentieths of a point. */
const SIGNATURE_GAP = 567;

/**
 * The signature columns' widths: equal, so the lines to sign on are as long as
 * each other, unless a label or name has a word longer than its share (a long
 * surname among four signatures): then the page is shared so that no word breaks.
 */
function signatureWidths(sigs: { label: string; name: string }[], cols: number): number[] {
	const equal = TEXT_WIDTH / cols;
	// The body text's size, 10.5 pt; 2 pt of slack for word processors that round otherwise.
	const twips = (t: string, bold: boolean) => Math.ceil(textWidth(t, { name: FONT, size: 10.5, bold }) * 20) + 40;
	const needs: ColumnNeed[] = Array.from({ length: cols }, (_, i) => {
		const s = sigs[i];
		const words = s
			? [...unbreakable(s.label).map((w) => twips(w, true)), ...unbreakable(s.name).map((w) => twips(w, false) + SIGNATURE_GAP)]
			: [];
		const lines = s ? [twips(s.label.trim(), true), twips(s.name.trim(), false) + SIGNATURE_GAP] : [];
		return { min: Math.max(0, ...words), max: Math.max(equal, ...lines), grow: true };
	});
	return shareWidth(needs, TEXT_WIDTH);
}

/** "Vid anteckningarna" | "Justerades": the labels, a line to sign on, the names under it. */
function signatures(doc: MeetingDocument): (Paragraph | Table)[] {
	const sigs = doc.signatures.filter((s) => s.label.trim() || s.name.trim());
	if (!sigs.length) return [];
	const cols = Math.max(2, sigs.length);
	const widths = signatureWidths(sigs, cols);
	const cell = (children: Paragraph[], i: number) =>
		new TableCell({
			children,
			width: { size: widths[i], type: WidthType.DXA },
			margins: { left: 0, right: 0 },
			borders: { top: NONE, bottom: NONE, left: NONE, right: NONE }
		});
	const columns = Array.from({ length: cols }, (_, i) => sigs[i]);
	const labels = columns.map((s, i) =>
		cell(s ? [para([text(s.label.trim(), { bold: true })], { spacing: { after: 720 }, keepNext: true })] : [para([])], i)
	);
	const names = columns.map((s, i) =>
		cell(
			s
				? [
						// The line to sign on: the name paragraph's top border, kept short of the next column.
						para([text(s.name.trim())], {
							spacing: { before: 0, after: 0 },
							indent: { right: SIGNATURE_GAP },
							border: { top: { ...LINE, space: 4 } }
						})
					]
				: [para([])],
			i
		)
	);
	return [
		para([], { spacing: { before: 480 } }),
		new Table({
			rows: [new TableRow({ children: labels, cantSplit: true }), new TableRow({ children: names, cantSplit: true })],
			width: { size: TEXT_WIDTH, type: WidthType.DXA },
			columnWidths: widths,
			borders: { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE }
		})
	];
}

function body(doc: MeetingDocument): (Paragraph | Table)[] {
	const out: (Paragraph | Table)[] = head(doc);
	if (doc.kind === 'minutes') {
		out.push(...people('Närvarande', doc.present), ...people('Frånvarande', doc.absent));
		for (const item of doc.items) out.push(...minutesItem(item));
		out.push(...signatures(doc));
		if (doc.versionNote?.trim()) out.push(para([], { spacing: { before: 240 } }), small([doc.versionNote.trim()]));
	} else {
		out.push(heading('Dagordning', 1));
		for (const item of doc.items) out.push(...noticeItem(item));
	}
	return out;
}

/** The meeting's notice or minutes as a .docx file; characters XML cannot hold are left out. */
export function meetingDocx(original: MeetingDocument): Promise<Uint8Array> {
	const doc = cleanTexts(original, xmlText);
	return pagedDocx({
		title: doc.title,
		cooperationName: doc.cooperationName,
		kindLabel: KIND_LABELS[doc.kind],
		styles,
		numbering,
		children: body(doc)
	});
}
