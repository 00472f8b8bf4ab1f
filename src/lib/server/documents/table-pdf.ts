// A table document (a year's closing, a fee's invoice basis) as Typst source and
// as PDF: the title and subtitle, each section's heading and paragraphs, and its
// tables of figures with their caption, a header row repeated on each page,
// amounts aligned right, sum rows in bold under a rule, and the notes under the
// table. The page is the meeting documents': A4, a sans font, Swedish, the
// cooperation's name in the header and "Sida 1 (2)" in the footer.
//
// User text goes into the source only through typstText and typstString.

import type { DocSection, DocTable, TableDocument } from '../../core/table-document.ts';
import { TYPST_GREY as GREY, typstPage, typstPdf, typstString, typstText } from './typst.ts';

const RULE = '0.4pt + luma(190)';
const STRONG_RULE = '0.7pt + luma(40)';

const t = typstText;
const s = typstString;

function preamble(doc: TableDocument): string {
	return (
		typstPage({ title: doc.title, author: doc.cooperationName, headRight: doc.kindLabel }) +
		`#show heading.where(level: 1): set text(size: 12.5pt)
#show heading.where(level: 1): set block(above: 1.7em, below: 0.85em, sticky: true)
#show title: set text(size: 16pt, weight: "bold")
`
	);
}

function title(doc: TableDocument): string {
	let out = `#block(below: ${doc.subtitle?.trim() ? '0.6em' : '1.3em'})[#title[${t(doc.title)}]]\n\n`;
	if (doc.subtitle?.trim()) out += `#block(below: 1.3em)[#text(size: 11.5pt, fill: ${GREY})[${t(doc.subtitle.trim())}]]\n\n`;
	return out;
}

/** A row's cells, as many as the table has columns. */
function fit(cells: string[], count: number): string[] {
	return Array.from({ length: count }, (_, i) => cells[i] ?? '');
}

/** A table of figures: the first column takes the width left over, the others are as wide as their contents. */
export function typstTable(tbl: DocTable): string {
	const n = tbl.columns.length;
	if (!n) return '';
	let out = '';
	if (tbl.caption.trim()) out += `#block(sticky: true, above: 1.3em, below: 0.65em)[#strong[${t(tbl.caption.trim())}]]\n`;
	const columns = ['1fr', ...Array(n - 1).fill('auto')].join(', ');
	const align = tbl.columns.map((c) => (c.align === 'right' ? 'right' : 'left')).join(', ');
	const args = [
		`columns: (${columns},)`,
		`align: (${align},)`,
		'stroke: none',
		'inset: (x: 5pt, y: 4.5pt)',
		`table.header(${tbl.columns.map((c) => `strong(${s(c.header)})`).join(', ')}, table.hline(stroke: ${STRONG_RULE}))`
	];
	tbl.rows.forEach((row, i) => {
		if (row.total) args.push(`table.hline(stroke: ${STRONG_RULE})`);
		else if (i > 0) args.push(`table.hline(stroke: ${RULE})`);
		args.push(
			fit(row.cells, n)
				.map((c) => (row.total ? `strong(${s(c)})` : s(c)))
				.join(', ')
		);
	});
	out += `#block(above: ${tbl.caption.trim() ? '0em' : '1.3em'}, below: 0.65em)[#set text(size: 9.5pt)\n#table(\n  ${args.join(',\n  ')},\n)]\n`;
	const notes = (tbl.notes ?? []).map((n) => n.trim()).filter(Boolean);
	if (notes.length) out += `#block(above: 0.5em, below: 1.2em)[#set text(size: 8.5pt, fill: ${GREY})\n${notes.map(t).join(' \\\n')}]\n`;
	return out + '\n';
}

function section(sec: DocSection): string {
	let out = sec.heading.trim() ? `= ${t(sec.heading.trim())}\n\n` : '';
	for (const p of sec.paragraphs) if (p.trim()) out += `${t(p.trim())}\n\n`;
	for (const tbl of sec.tables) out += typstTable(tbl);
	return out;
}

/** The Typst source of the document: A4, a sans font, Swedish. */
export function tableDocumentTypst(doc: TableDocument): string {
	return preamble(doc) + '\n' + title(doc) + doc.sections.map(section).join('');
}

/** The document as a tagged PDF/UA-1. */
export async function tableDocumentPdf(doc: TableDocument): Promise<Uint8Array> {
	return typstPdf(tableDocumentTypst(doc));
}
