// A table document (a year's closing, a fee's invoice basis) as a Word
// document, built to be edited like the meeting documents: Word's own Title and
// Heading 1 styles, Swedish as the language, the cooperation's name in the
// header and "Sida 1 (2)" in the footer. The tables are real Word tables: a
// header row repeated on each page, amounts aligned right, sum rows in bold
// under a rule, the notes in small paragraphs under the table.

import { cleanTexts, xmlText } from '../../core/document-text.ts';
import {
	AlignmentType,
	BorderStyle,
	HeadingLevel,
	Paragraph,
	Table,
	TableCell,
	TableLayoutType,
	TableRow,
	TextRun,
	WidthType,
	type IBorderOptions
} from 'docx';
import type { DocSection, DocTable, TableDocument } from '../../core/table-document.ts';
import { BASE_STYLES, FONT, GREY, TEXT_WIDTH, pagedDocx } from './docx-page.ts';
import { textWidth } from './docx-measure.ts';
import { shareWidth, unbreakable, type ColumnNeed } from '../../core/column-widths.ts';

/** The tables' text: 9.5 pt. */
const TABLE_SIZE = 19;

const styles = { default: BASE_STYLES };

const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'auto' };
const RULE: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: 'BFBFBF' };
const STRONG_RULE: IBorderOptions = { style: BorderStyle.SINGLE, size: 6, color: '404040' };

function head(doc: TableDocument): Paragraph[] {
	const subtitle = doc.subtitle?.trim();
	const out = [
		new Paragraph({ children: [new TextRun(doc.title)], heading: HeadingLevel.TITLE, spacing: subtitle ? { after: 60 } : undefined })
	];
	if (subtitle)
		out.push(
			new Paragraph({
				children: [new TextRun({ text: subtitle, color: GREY, size: 23 })],
				spacing: { before: 0, after: 240 }
			})
		);
	return out;
}

/** A row's cells, as many as the table has columns. */
function fit(cells: string[], count: number): string[] {
	return Array.from({ length: count }, (_, i) => cells[i] ?? '');
}

/** A cell's margins on either side, in twentieths of a point. */
const CELL_MARGIN = 100;

/**
 * Room beyond a text's measured width, in twentieths of a point: 2 pt, for
 * the rounding of word processors that measure in other units (LibreOffice
 * lays Arial out in Liberation Sans, whose widths are Arial's).
 */
const SLACK = 40;

/**
 * The columns' widths: as a browser's automatic table layout shares the page
 * (see shareWidth), from the widths of the header's and cells' words and lines
 * in the table's font, so no word is broken across lines where the page has
 * room for it, and a column of amounts is as wide as its widest figure.
 */
export function columnWidths(tbl: DocTable): number[] {
	const twips = (text: string, bold: boolean) => Math.ceil(textWidth(text, { name: FONT, size: TABLE_SIZE / 2, bold }) * 20);
	const needs: ColumnNeed[] = tbl.columns.map((column, i) => {
		const texts = [{ text: column.header, bold: true }, ...tbl.rows.map((r) => ({ text: r.cells[i] ?? '', bold: Boolean(r.total) }))];
		const widest = (parts: (text: string) => string[]) =>
			Math.max(0, ...texts.flatMap(({ text, bold }) => parts(text).map((p) => twips(p, bold))));
		const pad = 2 * CELL_MARGIN + SLACK;
		return { min: widest(unbreakable) + pad, max: widest((t) => [t]) + pad, grow: column.align !== 'right' };
	});
	return shareWidth(needs, TEXT_WIDTH);
}

export function docxTable(tbl: DocTable): (Paragraph | Table)[] {
	const n = tbl.columns.length;
	if (!n) return [];
	const widths = columnWidths(tbl);
	const cell = (value: string, i: number, opts: { bold?: boolean; top?: IBorderOptions; bottom?: IBorderOptions }) =>
		new TableCell({
			children: [
				new Paragraph({
					children: [new TextRun({ text: value, bold: opts.bold, size: TABLE_SIZE })],
					alignment: tbl.columns[i].align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
					spacing: { before: 0, after: 0 }
				})
			],
			width: { size: widths[i], type: WidthType.DXA },
			margins: { top: 70, bottom: 70, left: CELL_MARGIN, right: CELL_MARGIN },
			borders: { top: opts.top ?? NONE, bottom: opts.bottom ?? NONE, left: NONE, right: NONE }
		});
	const header = new TableRow({
		tableHeader: true,
		cantSplit: true,
		children: tbl.columns.map((c, i) => cell(c.header, i, { bold: true, bottom: STRONG_RULE }))
	});
	const rows = tbl.rows.map(
		(row, r) =>
			new TableRow({
				cantSplit: true,
				children: fit(row.cells, n).map((value, i) =>
					cell(value, i, { bold: row.total, top: row.total ? STRONG_RULE : r > 0 ? RULE : undefined })
				)
			})
	);
	const out: (Paragraph | Table)[] = [];
	if (tbl.caption.trim())
		out.push(
			new Paragraph({
				children: [new TextRun({ text: tbl.caption.trim(), bold: true })],
				keepNext: true,
				spacing: { before: 240, after: 100 }
			})
		);
	out.push(
		new Table({
			rows: [header, ...rows],
			width: { size: TEXT_WIDTH, type: WidthType.DXA },
			columnWidths: widths,
			layout: TableLayoutType.FIXED,
			borders: { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE }
		})
	);
	const notes = (tbl.notes ?? []).map((s) => s.trim()).filter(Boolean);
	// Also keeps two tables apart: Word joins tables with nothing between them.
	if (!notes.length) out.push(new Paragraph({ children: [], spacing: { before: 0, after: 120 } }));
	notes.forEach((note, i) =>
		out.push(
			new Paragraph({
				children: [new TextRun({ text: note, color: GREY, size: 17 })],
				spacing: { before: i === 0 ? 100 : 0, after: i === notes.length - 1 ? 200 : 0 }
			})
		)
	);
	return out;
}

function section(sec: DocSection): (Paragraph | Table)[] {
	const out: (Paragraph | Table)[] = [];
	if (sec.heading.trim()) out.push(new Paragraph({ children: [new TextRun(sec.heading.trim())], heading: HeadingLevel.HEADING_1 }));
	for (const p of sec.paragraphs) {
		const lines = p.trim().split(/\r?\n/);
		if (p.trim()) out.push(new Paragraph({ children: lines.map((l, i) => new TextRun({ text: l, break: i > 0 ? 1 : undefined })) }));
	}
	for (const tbl of sec.tables) out.push(...docxTable(tbl));
	return out;
}

/** The document as a .docx file; characters XML cannot hold are left out. */
export function tableDocumentDocx(original: TableDocument): Promise<Uint8Array> {
	const doc = cleanTexts(original, xmlText);
	return pagedDocx({
		title: doc.title,
		cooperationName: doc.cooperationName,
		kindLabel: doc.kindLabel,
		styles,
		children: [...head(doc), ...doc.sections.flatMap(section)]
	});
}
