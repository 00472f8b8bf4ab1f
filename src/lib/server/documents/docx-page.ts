// The page every generated Word document shares: A4 with the same margins,
// Arial in Swedish, Word's own Title and Heading 1 styles, the cooperation's
// name and the document's kind in the header and "Sida 1 (3)" in the footer.
import {
	AlignmentType,
	BorderStyle,
	Document,
	Footer,
	Header,
	LevelFormat,
	LineRuleType,
	Packer,
	PageNumber,
	Paragraph,
	Table,
	TableOfContents,
	TabStopType,
	TextRun,
	type IStylesOptions,
	type PageNumberEstimator
} from 'docx';
import { pageNumberEstimator } from './docx-measure.ts';

export const FONT = 'Arial';
export const GREY = '595959';

/** Sizes in half points, spacing, widths and indents in twentieths of a point. */
export const A4 = { width: 11906, height: 16838 };
export const MARGIN = { top: 1588, bottom: 1361, left: 1418, right: 1418 };
export const TEXT_WIDTH = A4.width - MARGIN.left - MARGIN.right;

/** The bullet list every document shares: "•", then "–", then "◦", each level indented further. */
export const BULLETS = 'punktlista';
export const BULLET_NUMBERING = {
	config: [
		{
			reference: BULLETS,
			levels: (['•', '–', '◦'] as const).map((text, level) => ({
				level,
				format: LevelFormat.BULLET,
				text,
				alignment: AlignmentType.LEFT,
				style: { paragraph: { indent: { left: 397 * (level + 1), hanging: 284 } } }
			}))
		}
	]
};

/** The default paragraph, the title and Heading 1; a document adds its own styles beside them. */
export const BASE_STYLES = {
	document: {
		run: { font: FONT, size: 21, language: { value: 'sv-SE' } },
		paragraph: { spacing: { after: 120, line: 264, lineRule: LineRuleType.AUTO } }
	},
	title: { run: { font: FONT, size: 32, bold: true, color: '000000' }, paragraph: { spacing: { after: 240 } } },
	heading1: {
		run: { font: FONT, size: 25, bold: true, color: '000000' },
		paragraph: { spacing: { before: 360, after: 120 }, keepNext: true, keepLines: true }
	}
};

export interface PagedDocx {
	title: string;
	cooperationName: string;
	kindLabel: string;
	styles: IStylesOptions;
	numbering?: ConstructorParameters<typeof Document>[0]['numbering'];
	children: (Paragraph | Table | TableOfContents)[];
	/** Pages before the text (a cover, a table of contents) without the header and footer. */
	front?: (Paragraph | Table | TableOfContents)[];
	/**
	 * The document has a table of contents: its page numbers are worked out by
	 * laying the document out as Word does, and written into the file, so every
	 * word processor shows them; the field stays a TOC field that Word updates.
	 */
	tableOfContents?: boolean;
}

/**
 * The document on the shared page, packed as a .docx file. A table of contents
 * is written with its page numbers, clean, so Word shows it as it is without
 * asking to update fields when the file is opened. Only where the layout
 * could not lay out the whole document (it stops at what it does not know yet)
 * are the numbers after that point blank: then the file asks the word processor
 * to update its fields when it is opened (Word asks the user first).
 */
export async function pagedDocx(d: PagedDocx): Promise<Uint8Array> {
	if (!d.tableOfContents) return pack(d, {});
	const { estimator, complete } = pageNumberEstimator();
	const bytes = await pack(d, { pageNumbers: estimator });
	return complete() ? bytes : pack(d, { pageNumbers: estimator, updateFields: true });
}

async function pack(d: PagedDocx, how: { pageNumbers?: PageNumberEstimator; updateFields?: boolean }): Promise<Uint8Array> {
	const headerLine = new Paragraph({
		children: [
			new TextRun({ text: d.cooperationName, color: GREY, size: 17 }),
			new TextRun({ text: `\t${d.kindLabel}`, color: GREY, size: 17 })
		],
		tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
		border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: 'AAAAAA', space: 4 } }
	});
	const footerLine = new Paragraph({
		alignment: AlignmentType.RIGHT,
		children: [new TextRun({ children: ['Sida ', PageNumber.CURRENT, ' (', PageNumber.TOTAL_PAGES, ')'], color: GREY, size: 17 })]
	});
	const document = new Document({
		title: d.title,
		creator: d.cooperationName,
		description: d.kindLabel,
		styles: d.styles,
		numbering: d.numbering,
		features: how.updateFields ? { updateFields: true } : undefined,
		pageNumbers: how.pageNumbers,
		sections: [
			...(d.front?.length
				? [{ properties: { page: { size: A4, margin: { ...MARGIN, header: 709, footer: 709 } } }, children: d.front }]
				: []),
			{
				properties: { page: { size: A4, margin: { ...MARGIN, header: 709, footer: 709 } } },
				headers: { default: new Header({ children: [headerLine] }) },
				footers: { default: new Footer({ children: [footerLine] }) },
				children: d.children
			}
		]
	});
	const buffer = await Packer.toBuffer(document);
	return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
