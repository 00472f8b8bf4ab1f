import { strFromU8, unzipSync, unzlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { TableDocument } from '../../src/lib/core/table-document.ts';
import { tableDocumentDocx } from '../../src/lib/server/documents/table-docx.ts';
import { tableDocumentPdf, tableDocumentTypst } from '../../src/lib/server/documents/table-pdf.ts';

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
// Reading the files back (as in meeting-documents.test.ts)

const unescapeXml = (s: string) =>
	s
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&apos;/g, "'")
		.replace(/&amp;/g, '&');

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

/** A PDF's objects: their dictionaries and, inflated, their streams. */
function pdfObjects(pdf: Uint8Array): Map<number, { dict: string; stream: Uint8Array | null }> {
	const s = Buffer.from(pdf).toString('latin1');
	const objects = new Map<number, { dict: string; stream: Uint8Array | null }>();
	for (const m of s.matchAll(/(\d+) 0 obj\b([\s\S]*?)endobj/g)) {
		const body = m[2];
		const at = body.search(/stream\r?\n/);
		if (at < 0) {
			objects.set(Number(m[1]), { dict: body, stream: null });
			continue;
		}
		const dict = body.slice(0, at);
		const start = m.index + m[0].indexOf(body) + at + /stream\r?\n/.exec(body.slice(at))![0].length;
		const end = s.lastIndexOf('endstream', m.index + m[0].length);
		let raw = pdf.subarray(start, end);
		if (/\/FlateDecode/.test(dict)) raw = unzlibSync(raw);
		objects.set(Number(m[1]), { dict, stream: raw });
	}
	return objects;
}

const latin1 = (b: Uint8Array) => Buffer.from(b).toString('latin1');

const LITERAL_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };

type PdfToken = { kind: 'string'; bytes: string } | { kind: 'operand' | 'operator'; value: string };

/**
 * The tokens of a content stream: the strings shown (literal strings with their
 * nested parentheses and escapes, hex strings, as bytes), the other operands and
 * the operators. Array brackets are dropped: a TJ array's strings are shown in turn.
 */
function* pdfTokens(content: string): Generator<PdfToken> {
	let i = 0;
	while (i < content.length) {
		const c = content[i];
		if (/\s/.test(c) || c === '[' || c === ']') i++;
		else if (c === '%') while (i < content.length && content[i] !== '\n') i++;
		else if (c === '(') {
			let depth = 1;
			let bytes = '';
			for (i++; i < content.length && depth > 0; i++) {
				const d = content[i];
				if (d === '\\') {
					const octal = /^[0-7]{1,3}/.exec(content.slice(i + 1, i + 4));
					if (octal) {
						bytes += String.fromCharCode(parseInt(octal[0], 8));
						i += octal[0].length;
					} else bytes += LITERAL_ESCAPES[content[++i]] ?? content[i];
				} else if (d === '(' && ++depth) bytes += d;
				else if (d === ')' && --depth > 0) bytes += d;
				else if (d !== ')') bytes += d;
			}
			yield { kind: 'string', bytes };
		} else if (c === '<' && content[i + 1] !== '<') {
			const end = content.indexOf('>', i);
			const hex = content.slice(i + 1, end).replace(/\s/g, '');
			yield { kind: 'string', bytes: String.fromCharCode(...(hex.match(/.{2}/g) ?? []).map((x) => parseInt(x, 16))) };
			i = end + 1;
		} else {
			const value = /^(<<|>>|\/[^\s/[\]()<>{}%]*|[^\s/[\]()<>{}%]+)/.exec(content.slice(i, i + 256))?.[0] ?? content[i];
			i += value.length;
			yield { kind: /^[/\d.+-]/.test(value) || value === 'true' || value === 'false' ? 'operand' : 'operator', value };
		}
	}
}

/**
 * The text a PDF shows, as a reader would copy it: every text-showing operator
 * of the content streams mapped through its font's ToUnicode map; lines by the
 * text-positioning operators. Enough for Typst's PDFs (Identity-H fonts).
 */
function pdfText(pdf: Uint8Array): string {
	const objects = pdfObjects(pdf);
	const ref = (dict: string, key: string) => Number(new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(dict)?.[1] ?? NaN);
	const utf16 = (h: string) => {
		const units = (h.match(/.{4}/g) ?? []).map((x) => parseInt(x, 16));
		return String.fromCharCode(...units);
	};
	// Resource name → ToUnicode map.
	const fonts = new Map<string, Map<string, string>>();
	for (const { dict } of objects.values()) {
		for (const [, body] of dict.matchAll(/\/Font\s*<<([\s\S]*?)>>/g)) {
			for (const [, name, id] of body.matchAll(/\/(\S+?)\s+(\d+) 0 R/g)) {
				const cmap = objects.get(ref(objects.get(Number(id))?.dict ?? '', 'ToUnicode'))?.stream;
				if (!cmap) continue;
				const map = new Map<string, string>();
				const text = latin1(cmap);
				for (const [, block] of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
					for (const [, code, uni] of block.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(code.toUpperCase(), utf16(uni));
				for (const [, block] of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
					for (const [, lo, hi, uni] of block.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g))
						for (let c = parseInt(lo, 16); c <= parseInt(hi, 16); c++)
							map.set(c.toString(16).toUpperCase().padStart(4, '0'), String.fromCharCode(parseInt(uni, 16) + c - parseInt(lo, 16)));
				fonts.set(name, map);
			}
		}
	}
	let out = '';
	for (const { dict, stream } of objects.values()) {
		if (!stream || /\/Type\s*\/CMap|\/Subtype\s*\/(Image|XML)|\/Length1/.test(dict)) continue;
		const content = latin1(stream);
		if (!/\bTf\b/.test(content)) continue;
		let font = new Map<string, string>();
		let operands: string[] = [];
		for (const token of pdfTokens(content)) {
			if (token.kind === 'operand') {
				operands.push(token.value);
				continue;
			}
			if (token.kind === 'string') {
				for (let i = 0; i + 1 < token.bytes.length; i += 2) {
					const code = ((token.bytes.charCodeAt(i) << 8) | token.bytes.charCodeAt(i + 1)).toString(16).toUpperCase().padStart(4, '0');
					out += font.get(code) ?? '\ufffd';
				}
				continue;
			}
			if (token.value === 'Tf') font = fonts.get(operands.at(-2)?.slice(1) ?? '') ?? new Map();
			else if (['Td', 'TD', 'Tm', 'T*', 'ET'].includes(token.value)) out += '\n';
			operands = [];
		}
	}
	return out;
}

const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

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
