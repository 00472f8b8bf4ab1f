// A published document (annual report, operational plan) as a Word document
// the secretariat can go on editing: a cover page, a table of contents field
// written with its entries and page numbers (see pagedDocx), the chapters as
// Word's own Heading 1–3, real bullet lists and real tables.
import { cleanTexts, xmlText } from '../../core/document-text.ts';
import { HeadingLevel, PageBreak, Paragraph, TableOfContents, TextRun, type ParagraphChild } from 'docx';
import type { Block, ListItem, Report } from '../../core/report.ts';
import { headingText } from '../../core/report.ts';
import { BASE_STYLES, BULLETS, BULLET_NUMBERING, FONT, GREY, pagedDocx } from './docx-page.ts';
import { docxTable } from './table-docx.ts';

const styles = {
	default: {
		...BASE_STYLES,
		heading1: { ...BASE_STYLES.heading1, run: { ...BASE_STYLES.heading1.run, size: 30 } },
		heading2: {
			run: { font: FONT, size: 25, bold: true, color: '000000' },
			paragraph: { spacing: { before: 300, after: 120 }, keepNext: true, keepLines: true }
		},
		heading3: {
			run: { font: FONT, size: 22, bold: true, color: '000000' },
			paragraph: { spacing: { before: 240, after: 100 }, keepNext: true, keepLines: true }
		},
		listParagraph: { paragraph: { spacing: { after: 60 } } }
	}
};

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

/** A text's lines as runs with line breaks between. */
function runs(text: string, opts: { bold?: boolean; italics?: boolean; color?: string } = {}): ParagraphChild[] {
	return text
		.split(/\r?\n/)
		.map((l) => l.trim())
		.filter(Boolean)
		.map((l, i) => new TextRun({ text: l, break: i > 0 ? 1 : undefined, ...opts }));
}

function list(items: ListItem[], level: number): Paragraph[] {
	return items.flatMap((i) => [
		new Paragraph({ children: runs(i.text), numbering: { reference: BULLETS, level: Math.min(level, 2) } }),
		...list(i.children ?? [], level + 1)
	]);
}

function block(b: Block) {
	switch (b.kind) {
		case 'heading':
			return [new Paragraph({ children: [new TextRun(headingText(b))], heading: HEADINGS[b.level] })];
		case 'paragraph':
			return [
				new Paragraph({
					children: runs(b.text, b.style === 'lead' ? { bold: true } : b.style === 'note' ? { color: GREY } : {}),
					keepNext: b.style === 'lead'
				})
			];
		case 'labelled':
			return [new Paragraph({ children: [new TextRun({ text: `${b.label}: `, bold: true }), ...runs(b.text)] })];
		case 'list':
			return list(b.items, 0);
		case 'table':
			return docxTable(b.table);
	}
}

function front(r: Report) {
	const c = r.cover;
	const out: (Paragraph | TableOfContents)[] = [
		new Paragraph({ children: [new TextRun({ text: c.issuer, size: 26 })], spacing: { before: 2400, after: 480 } }),
		new Paragraph({ children: [new TextRun(c.title)], heading: HeadingLevel.TITLE }),
		new Paragraph({
			children: [new TextRun({ text: c.decided ?? 'Utkast, ej fastställd', italics: true, size: 24 })],
			spacing: { after: 2400 }
		})
	];
	if (c.responsible) out.push(new Paragraph({ children: [new TextRun({ text: `Handläggare/referens: ${c.responsible}`, color: GREY })] }));
	if (r.tableOfContents) {
		out.push(new Paragraph({ children: [new PageBreak()] }));
		out.push(new Paragraph({ children: [new TextRun({ text: 'Innehållsförteckning', bold: true, size: 28 })], spacing: { after: 240 } }));
		out.push(new TableOfContents('Innehållsförteckning', { hyperlink: true, headingStyleRange: '1-2' }));
	}
	return out;
}

/** The worker module, loaded on first use: a dynamic import, so the build gives it a chunk of its own. */
let workerModule: Promise<typeof import('./docx-worker.ts')> | null = null;
const worker = () => (workerModule ??= import('./docx-worker.ts'));

/** Ends the Word documents' worker thread, if one was started (the server's shutdown, tests). */
export async function stopReportDocxWorker(): Promise<void> {
	if (workerModule) await (await workerModule).stopDocxWorker();
}

/**
 * The report as a .docx file; characters XML cannot hold are left out. With a
 * table of contents, whose page numbers take a layout of the whole document
 * (about half a second), it is made in a worker thread (docx-worker.ts), so
 * the server goes on answering meanwhile.
 */
export async function reportDocx(report: Report): Promise<Uint8Array> {
	if (!report.tableOfContents) return reportDocxHere(report);
	return (await worker()).reportDocxInWorker(report);
}

/** The report as a .docx file, made on this thread. */
export function reportDocxHere(original: Report): Promise<Uint8Array> {
	const r = cleanTexts(original, xmlText);
	return pagedDocx({
		title: r.title,
		cooperationName: r.cooperationName,
		kindLabel: r.title,
		styles,
		numbering: BULLET_NUMBERING,
		front: front(r),
		tableOfContents: r.tableOfContents,
		children: r.blocks.flatMap(block)
	});
}
