// A published document (annual report, operational plan) as Typst source and
// tagged PDF/UA-1: a cover page with the issuer, the title, the decision and the officer
// responsible; a table of contents with page numbers; then the chapters, with
// real headings (which Typst also writes as the PDF's bookmarks), lists and the
// tables of figures. User text enters the source only through typstText and typstString.
import type { Block, ListItem, Report } from '../../core/report.ts';
import { headingText } from '../../core/report.ts';
import { TYPST_GREY as GREY, typstPage, typstPdf, typstString, typstText } from './typst.ts';
import { typstTable } from './table-pdf.ts';

const t = typstText;
const s = typstString;

/** Lines of one paragraph, kept as lines. */
const lines = (text: string) =>
	text
		.split(/\r?\n/)
		.map((l) => l.trim())
		.filter(Boolean)
		.map(t)
		.join(' \\\n');

function preamble(r: Report): string {
	return (
		typstPage({ title: r.title, author: r.cooperationName, headRight: r.title }) +
		`#set list(indent: 0.4em, body-indent: 0.6em, spacing: 0.7em)
#show heading.where(level: 1): set text(size: 15pt)
#show heading.where(level: 1): set block(above: 2em, below: 1em, sticky: true)
#show heading.where(level: 2): set text(size: 12.5pt)
#show heading.where(level: 2): set block(above: 1.6em, below: 0.8em, sticky: true)
#show heading.where(level: 3): set text(size: 11pt)
#show heading.where(level: 3): set block(above: 1.3em, below: 0.7em, sticky: true)
#show outline.entry.where(level: 1): set text(weight: "bold")
#set outline.entry(fill: box(width: 1fr, baseline: -0.1em, line(length: 100%, stroke: (paint: luma(110), thickness: 0.9pt, dash: (0pt, 3.2pt), cap: "round"))))
#show title: set text(size: 26pt, weight: "bold")
`
	);
}

function cover(r: Report): string {
	const c = r.cover;
	let out = `#page(header: none, footer: none)[\n#v(3cm)\n#text(size: 13pt)[${t(c.issuer)}]\n#v(1.2cm)\n#title[${t(c.title)}]\n`;
	out += `#v(0.8cm)\n#text(size: 12pt, style: "italic")[${t(c.decided ?? 'Utkast, ej fastställd')}]\n`;
	if (c.responsible) out += `#v(1fr)\n#text(size: 10pt, fill: ${GREY})[Handläggare/referens: ${t(c.responsible)}]\n`;
	return out + ']\n';
}

/**
 * The table of contents. Its leaders are one dotted line per entry, drawn as a
 * shape (an artifact in the tagged PDF), not Typst's default of a repeated "."
 * glyph: a thousand dots in the 2021 report, each placed and written on its own,
 * took 4 of the export's 22 ms CPU.
 */
function toc(r: Report): string {
	if (!r.tableOfContents) return '';
	return `#outline(title: ${s('Innehållsförteckning')}, depth: 2, indent: 1.2em)\n#pagebreak()\n`;
}

function list(items: ListItem[], depth: number): string {
	return items.map((i) => `${'  '.repeat(depth)}- ${lines(i.text)}\n${i.children?.length ? list(i.children, depth + 1) : ''}`).join('');
}

function block(b: Block): string {
	switch (b.kind) {
		case 'heading':
			return `${'='.repeat(b.level)} ${t(headingText(b))}\n\n`;
		case 'paragraph':
			if (b.style === 'lead') return `#block(sticky: true, above: 1.1em, below: 0.6em)[#strong[${lines(b.text)}]]\n\n`;
			if (b.style === 'note') return `#text(fill: ${GREY})[${lines(b.text)}]\n\n`;
			return `${lines(b.text)}\n\n`;
		case 'labelled':
			return `#strong[${t(b.label)}:] ${lines(b.text)}\n\n`;
		case 'list':
			return `${list(b.items, 0)}\n`;
		case 'table':
			return typstTable(b.table);
	}
}

/**
 * The blocks with no heading level skipped: a heading at most one level below
 * the one before it (the first at level 1), as PDF/UA-1 requires. The model
 * may put a level-3 heading right under a chapter (in some of the demo's
 * years, under a level 2 that has no name and so is left out): in the PDF that
 * heading is one level up. The DOCX and the web page keep the model's levels.
 */
function consecutiveHeadings(blocks: Block[], afterOutline: boolean): Block[] {
	let previous = afterOutline ? 1 : 0;
	return blocks.map((b) => {
		if (b.kind !== 'heading') return b;
		const level = Math.min(b.level, previous + 1) as 1 | 2 | 3;
		previous = level;
		return level === b.level ? b : { ...b, level };
	});
}

export function reportTypst(r: Report): string {
	return preamble(r) + cover(r) + toc(r) + consecutiveHeadings(r.blocks, r.tableOfContents).map(block).join('');
}

export function reportPdf(r: Report): Promise<Uint8Array> {
	return typstPdf(reportTypst(r));
}
