// What each generated format can hold: any string in gives text valid for the
// format, ordinary text comes out unchanged, and a model's strings are cleaned
// without touching its numbers and dates.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanTexts, pdfText, plainText, wellFormed, xmlText } from '../../src/lib/core/document-text.ts';
import { typstString, unshownTexts } from '../../src/lib/server/documents/typst.ts';

/** Any UTF-16 string: lone surrogates, controls, noncharacters and astral characters. */
const anyText = fc.oneof(
	fc.string({ unit: 'binary', maxLength: 40 }),
	fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 40 }).map((units) => String.fromCharCode(...units)),
	fc
		.array(
			fc.constantFrom(
				'\u0000',
				'\u0001',
				'\u001f',
				'\u007f',
				'\u0085',
				'\uD800',
				'\uDC00',
				'\uFFFE',
				'\uFFFF',
				'\uFDD0',
				'\u{1FFFF}',
				'\u{10FFFF}',
				'✅',
				'å',
				'\t',
				'\r\n'
			),
			{
				maxLength: 12
			}
		)
		.map((a) => a.join(''))
);

/** The XML 1.0 Char production, written code point by code point. */
const isXmlChar = (c: number) =>
	c === 9 || c === 10 || c === 13 || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff);

const codePoints = (s: string) => [...s].map((ch) => ch.codePointAt(0)!);
const isLoneSurrogate = (c: number) => c >= 0xd800 && c <= 0xdfff;

const ORDINARY = [
	'Södertörnskommunernas samarbetskommitté',
	'Möte i Huddinge kl. 13.00–15.00, sal "Ågesta"',
	'Rad ett\nrad två\r\nrad tre\tmed tabb',
	'Årsredovisning 2021: 4 kr/invånare; §12 & <beslut> = 1 381 130 kr',
	'Ett ✅ och 😀, ett namn på arabiska: مرحبا\u200F, och Œuvre ß 漢字'
];

describe('xmlText', () => {
	it('gives text of XML 1.0 Chars only, whatever goes in, with lone surrogates as U+FFFD', () => {
		fc.assert(
			fc.property(anyText, (s) => {
				const out = xmlText(s);
				expect(codePoints(out).every(isXmlChar)).toBe(true);
				expect(out.isWellFormed()).toBe(true);
				// Nothing but what XML cannot hold is lost.
				const expected = codePoints(s.toWellFormed()).filter(isXmlChar);
				expect(codePoints(out)).toEqual(expected);
			}),
			{ numRuns: 500 }
		);
	});

	it('keeps ordinary text as it is', () => {
		for (const s of ORDINARY) expect(xmlText(s)).toBe(s);
	});

	it('removes C0 controls and U+FFFE/U+FFFF, and replaces a lone surrogate', () => {
		expect(xmlText('Nacka\u0001 kommun\u0000\uFFFE\uFFFF')).toBe('Nacka kommun');
		expect(xmlText('a\uD800b\uDC00c')).toBe('a\uFFFDb\uFFFDc');
		expect(wellFormed('😀\uD83D')).toBe('😀\uFFFD');
	});
});

describe('pdfText and plainText', () => {
	it('give text without controls (but tab, LF, CR) or noncharacters, valid XML too', () => {
		fc.assert(
			fc.property(anyText, (s) => {
				const out = pdfText(s);
				expect(out.isWellFormed()).toBe(true);
				for (const c of codePoints(out)) {
					expect(isXmlChar(c)).toBe(true);
					expect(c < 0x20 && c !== 9 && c !== 10 && c !== 13).toBe(false);
					expect(c >= 0x7f && c <= 0x9f).toBe(false);
					expect(c >= 0xfdd0 && c <= 0xfdef).toBe(false);
					expect((c & 0xfffe) === 0xfffe).toBe(false);
				}
				expect(plainText(s)).toBe(out);
			}),
			{ numRuns: 500 }
		);
	});

	it('keep ordinary text as it is', () => {
		for (const s of ORDINARY) expect(pdfText(s)).toBe(s);
	});

	it('remove DEL, C1 and the noncharacters of every plane', () => {
		expect(pdfText('a\u007fb\u0085c\u009fd\uFDD0e\u{1FFFE}f\u{10FFFF}g\u0001')).toBe('abcdefg');
	});
});

describe('cleanTexts', () => {
	it('cleans every string of a model, in arrays and nested objects, and keeps the rest', () => {
		const when = new Date('2021-03-15T12:00:00Z');
		const model = { title: 'Möte\u0001', n: 3, when, none: null, items: [{ text: 'a\uFFFF', tags: ['x\u0000'] }], flag: true };
		const out = cleanTexts(model, xmlText);
		expect(out).toEqual({ title: 'Möte', n: 3, when, none: null, items: [{ text: 'a', tags: ['x'] }], flag: true });
		expect(out.when).toBe(when);
		// The original is left as it was.
		expect(model.title).toBe('Möte\u0001');
	});

	it('gives valid text in any position of any model', () => {
		fc.assert(
			fc.property(fc.anything({ maxDepth: 3, withDate: true, withNullPrototype: true }), (value) => {
				const out = cleanTexts(value, xmlText);
				const strings: string[] = [];
				const walk = (v: unknown) => {
					if (typeof v === 'string') strings.push(v);
					else if (Array.isArray(v)) v.forEach(walk);
					else if (v && typeof v === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(v)))
						Object.values(v).forEach(walk);
				};
				walk(out);
				for (const s of strings) expect(codePoints(s).every((c) => isXmlChar(c) && !isLoneSurrogate(c))).toBe(true);
			}),
			{ numRuns: 200 }
		);
	});
});

describe('typstString', () => {
	/** A Typst string literal read back by its own escapes. */
	const readLiteral = (lit: string) => {
		expect(lit.startsWith('"') && lit.endsWith('"')).toBe(true);
		const body = lit.slice(1, -1);
		// No unescaped quote inside: the literal cannot end early.
		expect(/(^|[^\\])(\\\\)*"/.test(body)).toBe(false);
		const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', '\\': '\\', '"': '"' };
		return body.replace(/\\(u\{([0-9a-f]+)\}|.)/g, (_, e: string, hex?: string) =>
			hex ? String.fromCodePoint(parseInt(hex, 16)) : simple[e]
		);
	};

	it('holds any text as a literal that reads back as the text a PDF can show', () => {
		fc.assert(
			fc.property(fc.oneof(anyText, fc.constantFrom('# $ * _ ` < > @ [ ] \\ = rubrik', '"citat" \\"', '\\u{41}')), (s) => {
				const lit = typstString(s);
				expect(readLiteral(lit)).toBe(pdfText(s));
				// The literal is one line of the source, and no control character is in it.
				expect(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(lit)).toBe(false);
			}),
			{ numRuns: 500 }
		);
	});
});

describe('unshownTexts', () => {
	it('reads the text Typst could not show from its compile diagnostics and from the PDF export’s error', () => {
		expect(unshownTexts(['the text "✅" could not be displayed with any font'])).toEqual(['✅']);
		const exportError =
			'[SourceDiagnostic { severity: Error, span: Span(598084488081907), message: "the text \\"✅\\\\u{fe0f}\\" could not be displayed with any font", trace: [], hints: [] }]';
		expect(unshownTexts([exportError])).toEqual(['✅\uFE0F']);
		// Typst 0.14's PDF/UA-1 export names the text and the font in backticks.
		const uaError =
			'[SourceDiagnostic { severity: Error, span: Span(575789758454082), message: "PDF/UA-1 error: the text `\\"✅\\"` could not be displayed with font `\\"Liberation Sans\\"`", trace: [], hints: ["try using a different font"] }]';
		expect(unshownTexts([uaError])).toEqual(['✅']);
		expect(unshownTexts(['expected expression', 'unknown variable: x'])).toEqual([]);
	});
});
