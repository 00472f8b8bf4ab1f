// The page numbers of a Word document's table of contents (pagedDocx): written
// into the file, clean, when the layout could lay out the whole document; and
// when it stops at something it cannot lay out, the file asks the word
// processor to update its fields instead of showing blanks for good.
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { HeadingLevel, PageBreak, Paragraph, Table, TableCell, TableRow, TableOfContents, TextRun } from 'docx';
import { BASE_STYLES, pagedDocx } from '../../src/lib/server/documents/docx-page.ts';

const heading = (text: string) => new Paragraph({ children: [new TextRun(text)], heading: HeadingLevel.HEADING_1 });
const pageBreak = () => new Paragraph({ children: [new TextRun('Slut på sidan.'), new PageBreak()] });

async function parts(children: (Paragraph | Table)[]) {
	const docx = await pagedDocx({
		title: 'Prov',
		cooperationName: 'Samverkan',
		kindLabel: 'Prov',
		styles: { default: BASE_STYLES },
		front: [
			new Paragraph({ children: [new PageBreak()] }),
			new TableOfContents('Innehållsförteckning', { hyperlink: true, headingStyleRange: '1-2' })
		],
		tableOfContents: true,
		children
	});
	const zip = unzipSync(docx);
	const xml = strFromU8(zip['word/document.xml']);
	/** Each TOC entry's page number as written, '' where it is blank. */
	const numbers = [
		...xml.matchAll(/PAGEREF _Toc\w+ \\h<\/w:instrText><w:fldChar w:fldCharType="separate"\/>(?:<w:t[^>]*>([^<]*)<\/w:t>)?/g)
	].map((m) => m[1] ?? '');
	return { numbers, settings: strFromU8(zip['word/settings.xml']) };
}

describe('the table of contents’ page numbers', () => {
	it('are written into the file as the pages fall, and Word is not asked to update fields', async () => {
		// Cover on page 1, the table of contents on 2, the first heading on 3; two page breaks put the second on 5.
		const { numbers, settings } = await parts([heading('Ett'), pageBreak(), pageBreak(), heading('Två')]);
		expect(numbers).toEqual(['3', '5']);
		expect(settings).not.toContain('updateFields');
	});

	it('ask the word processor to update the fields when the layout stops at something it cannot lay out', async () => {
		// A table that text flows around: docx/layout stops there, so the pages after it are not known.
		const floating = new Table({
			rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph('Flytande')] })] })],
			float: { horizontalAnchor: 'page', verticalAnchor: 'page', absoluteHorizontalPosition: 1000, absoluteVerticalPosition: 2000 }
		});
		const { numbers, settings } = await parts([heading('Ett'), floating, pageBreak(), heading('Två')]);
		expect(numbers[1]).toBe('');
		expect(settings).toMatch(/<w:updateFields\b/);
	});
});
