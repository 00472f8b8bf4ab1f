// How wide text is in a Word document, and on which page each heading of one
// falls, both from the layout `docx` itself has (`docx/layout`), which lays out
// a document's pages with the widths of the fonts Word uses (Arial among them)
// and Word's rules for lines, spacing, keeps and tables.
//
// Widths: each character's width in a font face is taken once from that layout
// (a line of the character repeated, laid out on a wide page) and kept, so a
// text's width is the sum of its characters' (Word does not kern unless asked
// to, and these documents do not ask). Measuring a text is then a few map
// look-ups, where laying out a probe document costs tens of milliseconds.
//
// Page numbers: `estimatePageNumbers` lays the document out as Word would and
// writes the page numbers of its table of contents into the file, so a word
// processor that does not update fields (LibreOffice, a viewer, a converter)
// shows them too. It is given the measuring above instead of its own, which
// looks the font up again for every word and took about a second for the
// annual report; the page numbers are the same.
import { Document, Paragraph, TextRun, type PageNumberEstimator } from 'docx';
import { estimatePageNumbersWith, layoutDocument, type FontToMeasure } from 'docx/layout';

/** How many times a character is repeated on its probe line: spreads the layout's rounding over several. */
const REPEAT = 5;
/** The probe's font size, in points: large, so that rounding to the layout's units hardly counts, yet a line of the widest characters fits the page. */
const PROBE_SIZE = 40;

/** The characters measured when a face is first used, in one layout: ASCII, the Nordic letters and the punctuation the documents use. */
const COMMON = [...Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)), ...'åäöÅÄÖéÉüÜæøÆØ–—−…’”•\u00a0\u202f'];

/** Width in ems of each character, by face ("Arial|b|i") and character; undefined: the layout does not know it. */
const widths = new Map<string, Map<string, number | undefined>>();

/** An average letter, for a character the layout has no width for. */
const FALLBACK_EM = 0.556;

const faceKey = (font: FontToMeasure | Face) => `${font.name}|${font.bold ? 'b' : ''}|${font.italic ? 'i' : ''}`;

interface Face {
	name: string;
	bold: boolean;
	italic: boolean;
}

/** The widths in ems of lines of text in a face, laid out on a page so wide that none wraps; undefined where the layout gave none. */
function probe(face: Face, texts: string[]): (number | undefined)[] {
	const doc = new Document({
		sections: [
			{
				// 22 inches, Word's largest page.
				properties: { page: { size: { width: 31680, height: 31680 }, margin: { top: 0, bottom: 0, left: 0, right: 0 } } },
				children: texts.map(
					(text) =>
						new Paragraph({
							children: [new TextRun({ text, font: face.name, bold: face.bold, italics: face.italic, size: PROBE_SIZE * 2 })]
						})
				)
			}
		]
	});
	const found = new Map<number, number>();
	// guess: a character the layout has no width for is measured as an average letter rather than ending the layout.
	for (const page of layoutDocument(doc, { guess: true }).pages)
		for (const block of page.body)
			if (block.type === 'paragraph' && block.lines.length === 1) found.set(block.index, block.lines[0].textWidth);
	// Pixels, 96 to the inch; points, 72.
	return texts.map((_, i) => (found.has(i) ? (found.get(i)! * 0.75) / PROBE_SIZE : undefined));
}

/** The width in ems of the two bars that hold each probe line's characters, so that spaces are not trimmed from its ends. */
const bars = new Map<string, number>();

/** Measures the characters not yet measured in a face, each on a line of its own, and keeps their widths. */
function learn(face: Face, chars: string[]): void {
	const key = faceKey(face);
	let known = widths.get(key);
	if (!known) {
		widths.set(key, (known = new Map()));
		chars = [...COMMON, ...chars];
	}
	const todo = [...new Set(chars)].filter((c) => !known.has(c));
	if (!todo.length) return;
	const [bar, ...lines] = probe(face, [bars.has(key) ? '' : '||', ...todo.map((c) => `|${c.repeat(REPEAT)}|`)]);
	if (!bars.has(key)) bars.set(key, bar ?? 2 * FALLBACK_EM);
	todo.forEach((c, i) => known.set(c, lines[i] === undefined ? undefined : (lines[i] - bars.get(key)!) / REPEAT));
}

/** The width of a text on one line, in points. */
export function textWidth(text: string, font: { name: string; size: number; bold?: boolean; italic?: boolean }): number {
	const face: Face = { name: font.name, bold: Boolean(font.bold), italic: Boolean(font.italic) };
	let known = widths.get(faceKey(face));
	const chars = [...text];
	// The layout asks for every word, many times over: only a character not met before costs a probe.
	if (!known || chars.some((c) => !known!.has(c))) {
		learn(face, chars);
		known = widths.get(faceKey(face))!;
	}
	let em = 0;
	for (const c of chars) em += known.get(c) ?? FALLBACK_EM;
	return em * font.size;
}

/**
 * Writes the page numbers of a document's tables of contents and page
 * references, laid out as Word would lay them out, and says whether it could
 * lay out all of the document (`complete()`): where it stops, at something its
 * layout does not know, the numbers after it are left blank.
 */
export function pageNumberEstimator(): { estimator: PageNumberEstimator; complete: () => boolean } {
	let complete = true;
	const inner = estimatePageNumbersWith({ measureWidth: (text, font) => textWidth(text, font) });
	// Without `listNumbers`: the headings are not numbered lists (their numbers are in their text), and it would read the whole document once more.
	const estimator: PageNumberEstimator = (...args) => {
		const result = inner(...args);
		// The number of pages is known only when the whole document was laid out.
		if (result.pageCount === undefined) complete = false;
		return result;
	};
	return { estimator, complete: () => complete };
}
