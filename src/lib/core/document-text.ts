// What each generated format can hold, and text made to fit it. Input
// validation refuses control characters on every write, but documents are made
// from data stored before that, from imports, and from characters that are
// legal input but that a format cannot hold: a document must never fail for
// everyone because of one stored text. Each generator passes its text through
// one of these at its boundary.
//
// Every profile first replaces a lone surrogate (half of a UTF-16 pair) with
// U+FFFD, the replacement character, and then removes what the format cannot
// hold; ordinary text, Swedish or not, comes out unchanged.

/** The XML 1.0 Char production's complement: C0 controls but tab, LF and CR, lone surrogates, U+FFFE and U+FFFF. */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * Characters no font draws and a PDF cannot show: every control character but
 * tab, LF and CR (C0, DEL, C1) and the 66 noncharacters (U+FDD0–U+FDEF and the
 * last two code points of every plane).
 */
// eslint-disable-next-line no-control-regex
const NOT_PRINTABLE =
	/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\uFDD0-\uFDEF]|[\uFFFE\uFFFF]|[\u{1FFFE}\u{1FFFF}\u{2FFFE}\u{2FFFF}\u{3FFFE}\u{3FFFF}\u{4FFFE}\u{4FFFF}\u{5FFFE}\u{5FFFF}\u{6FFFE}\u{6FFFF}\u{7FFFE}\u{7FFFF}\u{8FFFE}\u{8FFFF}\u{9FFFE}\u{9FFFF}\u{AFFFE}\u{AFFFF}\u{BFFFE}\u{BFFFF}\u{CFFFE}\u{CFFFF}\u{DFFFE}\u{DFFFF}\u{EFFFE}\u{EFFFF}\u{FFFFE}\u{FFFFF}\u{10FFFE}\u{10FFFF}]/gu;

/** Lone surrogates as U+FFFD; everything else as it is. */
export function wellFormed(text: string): string {
	return text.toWellFormed();
}

/**
 * Text an XML 1.0 document can hold (DOCX, XLSX, ODF, Atom, the sitemap):
 * only the characters of the Char production. Escaping &, < and the quotes is
 * the writer's business; this removes what no escape can carry (XML 1.0 has no
 * character reference for U+0001 either).
 */
export function xmlText(text: string): string {
	return wellFormed(text).replace(NOT_XML_CHAR, '');
}

/**
 * Text a PDF can show (through Typst): what XML holds, less DEL, the C1
 * controls and the noncharacters, for which no font has a glyph. A character
 * that is valid but missing from every font (an emoji) is the Typst
 * compiler's business (see typstPdf): it becomes U+FFFD there.
 */
export function pdfText(text: string): string {
	return wellFormed(text).replace(NOT_PRINTABLE, '');
}

/**
 * Text for a CSV file or an iCalendar property (RFC 5545 TEXT allows no
 * control character but tab; the writer escapes line breaks): what a PDF shows,
 * since a control character in a cell or a calendar entry is never meant.
 */
export const plainText = pdfText;

/**
 * A document's model with every string in it passed through clean: arrays and
 * plain objects are copied, anything else (numbers, dates, null) is kept.
 */
export function cleanTexts<T>(value: T, clean: (text: string) => string): T {
	if (typeof value === 'string') return clean(value) as T;
	if (Array.isArray(value)) return value.map((v) => cleanTexts(v, clean)) as T;
	if (value !== null && typeof value === 'object') {
		const proto = Object.getPrototypeOf(value);
		if (proto !== Object.prototype && proto !== null) return value;
		const out: Record<string, unknown> = {};
		for (const [k, v] of Object.entries(value)) out[k] = cleanTexts(v, clean);
		return out as T;
	}
	return value;
}
