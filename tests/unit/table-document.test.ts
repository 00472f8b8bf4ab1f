import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { TableDocument } from '../../src/lib/core/table-document.ts';
import { tableDocumentDocx } from '../../src/lib/server/documents/table-docx.ts';
import { tableDocumentPdf, tableDocumentTypst } from '../../src/lib/server/documents/table-pdf.ts';
import { flat, latin1, pdfText, unescapeXml } from './document-reading.ts';

const HOSTILE = '#"hej" *bold* $x$ <lbl> @ref = [x]';

const NOTE = '1) medel som överförts från Nynäshamn 28 jan 2020';

const right = 'right' as const;

/** A year's closing, as the committee writes it, with a hostile cell and paragraph. */
const bokslut: TableDocument = {
	title: 'Bokslut 2020',
	subtitle: 'Fonder och projekt',
	cooperationName: 'Södertörnskommunernas samarbetskommitté',
	kindLabel: 'Bokslut',
	sections: [
		{
			heading: 'Fonderna',
			paragraphs: ['Bokslutet omfattar samarbetets fonder per den 31 december 2020.', HOSTILE],
			tables: [
				{
					caption: 'Sammanställning 2020',
					columns: [
						{ header: 'Fond' },
						{ header: 'Ingående balans', align: right },
						{ header: 'Intäkter', align: right },
						{ header: 'Kostnader', align: right },
						{ header: 'Utgående balans', align: right }
					],
					rows: [
						{ cells: ['Södertörnssamarbetet drift', '', '2 012 800', '−1 824 368', '188 432'] },
						{ cells: ['Utvecklingsfonden 1)', '1 250 000', '350 000', '−412 115', '1 187 885'] },
						{ cells: [HOSTILE, '0', '0', '0', '0'] },
						{ cells: ['Summa', '1 250 000', '2 362 800', '−2 236 483', '1 376 317'], total: true }
					],
					notes: [NOTE]
				}
			]
		}
	]
};

// ---------------------------------------------------------------------------
// Reading the files back

/** The text of each of a piece of word/document.xml's paragraphs. */
function paragraphTexts(xml: string): string[] {
	return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) =>
		[...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescapeXml(m[1])).join('')
	);
}

/** The rows of word/document.xml's tables: each cell's paragraph XML and text. */
function docxRows(xml: string): { header: boolean; cells: { xml: string; text: string }[] }[] {
	return [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map(([tr]) => ({
		header: /<w:tblHeader(?: w:val="(?:true|1|on)")?\/>/.test(tr),
		cells: [...tr.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map(([tc]) => ({ xml: tc, text: paragraphTexts(tc).join('\n') }))
	}));
}

// ---------------------------------------------------------------------------

describe('tableDocumentDocx', () => {
	it('writes the sections and a real Word table with a repeated header, amounts on the right and a bold sum', async () => {
		const files = unzipSync(await tableDocumentDocx(bokslut));
		const xml = strFromU8(files['word/document.xml']);
		const texts = paragraphTexts(xml);

		expect(xml).toMatch(/<w:pStyle w:val="Title"\/>[\s\S]*?<w:t(?: [^>]*)?>Bokslut 2020<\/w:t>/);
		expect(xml).toMatch(/<w:pStyle w:val="Heading1"\/>[\s\S]*?<w:t(?: [^>]*)?>Fonderna<\/w:t>/);
		expect(texts).toContain('Fonder och projekt');
		expect(texts).toContain('Sammanställning 2020');
		expect(texts).toContain(NOTE);
		expect(texts).toContain(HOSTILE);
		expect(xml).toContain('<w:tbl>');
		expect(xml).toContain('<w:tblHeader');

		const rows = docxRows(xml);
		expect(rows).toHaveLength(5);
		expect(rows.map((r) => r.header)).toEqual([true, false, false, false, false]);
		expect(rows[0].cells.map((c) => c.text)).toEqual(['Fond', 'Ingående balans', 'Intäkter', 'Kostnader', 'Utgående balans']);
		expect(rows[1].cells.map((c) => c.text)).toEqual(['Södertörnssamarbetet drift', '', '2 012 800', '−1 824 368', '188 432']);
		expect(rows[3].cells[0].text).toBe(HOSTILE);
		expect(rows[4].cells.map((c) => c.text)).toEqual(['Summa', '1 250 000', '2 362 800', '−2 236 483', '1 376 317']);

		// Amounts (and their headers) on the right, the names on the left.
		for (const row of rows) {
			expect(row.cells[0].xml).not.toContain('<w:jc w:val="right"/>');
			for (const c of row.cells.slice(1)) expect(c.xml).toContain('<w:jc w:val="right"/>');
		}
		// The header and the sum in bold, the other rows not.
		const bold = (c: { xml: string }) => /<w:b\/>|<w:b w:val="(?:true|1|on)"\/>/.test(c.xml);
		expect(rows[0].cells.every(bold)).toBe(true);
		expect(rows[4].cells.every(bold)).toBe(true);
		expect(rows.slice(1, 4).some((r) => r.cells.some(bold))).toBe(false);
	});

	it('is Swedish, with the cooperation and the kind in the header and the page numbers in the footer', async () => {
		const files = unzipSync(await tableDocumentDocx(bokslut));
		expect(strFromU8(files['word/styles.xml'])).toMatch(/<w:docDefaults>[\s\S]*<w:lang w:val="sv-SE"\/>[\s\S]*<\/w:docDefaults>/);
		const part = (re: RegExp) => strFromU8(Object.entries(files).find(([name]) => re.test(name))![1]);
		const header = part(/^word\/header\d*\.xml$/);
		expect(header).toContain('Södertörnskommunernas samarbetskommitté');
		expect(header).toContain('Bokslut');
		const footer = part(/^word\/footer\d*\.xml$/);
		expect(footer).toContain('PAGE');
		expect(footer).toContain('NUMPAGES');
		expect(strFromU8(files['docProps/core.xml'])).toContain('<dc:title>Bokslut 2020</dc:title>');
	});
});

describe('tableDocumentTypst', () => {
	it('puts user text into the source only as string literals', () => {
		const source = tableDocumentTypst(bokslut);
		expect(source).toContain('#"#\\"hej\\" *bold* $x$ <lbl> @ref = [x]";');
		expect(source).toContain('"#\\"hej\\" *bold* $x$ <lbl> @ref = [x]"');
		const outside = source.replace(/"(?:[^"\\]|\\.)*"/g, '""');
		for (const bit of ['hej', '*bold*', '$x$', '<lbl>', '@ref', '[x]', 'Södertörn', '2 012 800', 'Nynäshamn', 'Fonderna'])
			expect(outside).not.toContain(bit);
	});

	it('lets the first column take the width left over and aligns the amounts right', () => {
		const source = tableDocumentTypst(bokslut);
		expect(source).toContain('columns: (1fr, auto, auto, auto, auto,)');
		expect(source).toContain('align: (left, right, right, right, right,)');
		expect(source).toContain('table.header(');
		expect(source).toContain('lang: "sv"');
	});
});

describe('tableDocumentPdf', () => {
	it('compiles, hostile text included, and shows the figures and the text literally', async () => {
		const pdf = await tableDocumentPdf(bokslut);
		const raw = latin1(pdf);
		expect(raw.startsWith('%PDF-')).toBe(true);
		// A4.
		expect(raw).toMatch(/\/MediaBox \[0 0 595\.27\d* 841\.8\d*\]/);

		const text = flat(pdfText(pdf));
		expect(text).toContain('Bokslut 2020');
		expect(text).toContain('Fonder och projekt');
		expect(text).toContain('Sammanställning 2020');
		expect(text).toContain('Fond Ingående balans Intäkter Kostnader Utgående balans');
		expect(text).toContain('Södertörnssamarbetet drift 2 012 800 −1 824 368 188 432');
		expect(text).toContain('Summa 1 250 000 2 362 800 −2 236 483 1 376 317');
		expect(text).toContain(NOTE);
		expect(text).toContain(`${HOSTILE} 0 0 0 0`);
		expect(text.split(HOSTILE)).toHaveLength(3);
		expect(text).toContain('Södertörnskommunernas samarbetskommitté Bokslut');
		expect(text).toContain('Sida 1 (1)');
	});

	it('keeps a wide table within the page', async () => {
		const long = 'Ett mycket långt fondnamn som inte får plats på en rad i tabellens första kolumn';
		const wide: TableDocument = {
			...bokslut,
			sections: [
				{
					...bokslut.sections[0],
					tables: [
						{ ...bokslut.sections[0].tables[0], rows: [{ cells: [long, '123 456 789', '123 456 789', '−123 456 789', '123 456 789'] }] }
					]
				}
			]
		};
		const text = pdfText(await tableDocumentPdf(wide));
		// The name wraps in its column; the amounts stay whole.
		expect(text.split('\n').map((l) => l.trim())).not.toContain(long);
		expect(flat(text)).toContain(flat(long));
		expect(flat(text)).toContain('123 456 789 123 456 789 −123 456 789 123 456 789');
	});
});
