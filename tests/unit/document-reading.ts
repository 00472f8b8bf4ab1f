// Reading generated documents back in tests: the text a PDF shows (through its
// fonts' ToUnicode maps) and XML entities of a DOCX part.
import { unzlibSync } from 'fflate';

export const unescapeXml = (s: string) =>
	s
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&apos;/g, "'")
		.replace(/&amp;/g, '&');

/** A PDF's objects: their dictionaries and, inflated, their streams. */
export function pdfObjects(pdf: Uint8Array): Map<number, { dict: string; stream: Uint8Array | null }> {
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

export const latin1 = (b: Uint8Array) => Buffer.from(b).toString('latin1');

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
export function pdfText(pdf: Uint8Array): string {
	const objects = pdfObjects(pdf);
	const ref = (dict: string, key: string) => Number(new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(dict)?.[1] ?? NaN);
	const utf16 = (h: string) => {
		const units = (h.match(/.{4}/g) ?? []).map((x) => parseInt(x, 16));
		return String.fromCharCode(...units);
	};
	// Resource name → ToUnicode map, per content stream: the same name (/f1)
	// may stand for another font on another page (Typst 0.14 numbers each
	// page's fonts anew), so a page's names hold for its own contents only.
	const maps = new Map<number, Map<string, string>>();
	const toUnicode = (fontId: number) => {
		if (!maps.has(fontId)) {
			const map = new Map<string, string>();
			const cmap = objects.get(ref(objects.get(fontId)?.dict ?? '', 'ToUnicode'))?.stream;
			const text = cmap ? latin1(cmap) : '';
			for (const [, block] of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
				for (const [, code, uni] of block.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(code.toUpperCase(), utf16(uni));
			for (const [, block] of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
				for (const [, lo, hi, uni] of block.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g))
					for (let c = parseInt(lo, 16); c <= parseInt(hi, 16); c++)
						map.set(c.toString(16).toUpperCase().padStart(4, '0'), String.fromCharCode(parseInt(uni, 16) + c - parseInt(lo, 16)));
			maps.set(fontId, map);
		}
		return maps.get(fontId)!;
	};
	const fontsOf = new Map<number, Map<string, Map<string, string>>>();
	for (const [id, { dict, stream }] of objects) {
		const fonts = new Map<string, Map<string, string>>();
		for (const [, body] of dict.matchAll(/\/Font\s*<<([\s\S]*?)>>/g))
			for (const [, name, fontId] of body.matchAll(/\/(\S+?)\s+(\d+) 0 R/g)) fonts.set(name, toUnicode(Number(fontId)));
		if (!fonts.size) continue;
		// A page's fonts hold for its contents; a form XObject's for its own stream.
		const contents = ref(dict, 'Contents');
		if (!Number.isNaN(contents)) fontsOf.set(contents, fonts);
		if (stream) fontsOf.set(id, fonts);
	}
	let out = '';
	for (const [id, { dict, stream }] of objects) {
		if (!stream || /\/Type\s*\/CMap|\/Subtype\s*\/(Image|XML)|\/Length1/.test(dict)) continue;
		const fonts = fontsOf.get(id) ?? new Map<string, Map<string, string>>();
		const content = latin1(stream);
		if (!/\bTf\b/.test(content)) continue;
		let font = new Map<string, string>();
		let operands: string[] = [];
		// Strings inside a dictionary (a tagged PDF's marked-content properties, /ActualText, /Alt) are not shown.
		let dictDepth = 0;
		for (const token of pdfTokens(content)) {
			if (token.kind === 'operand') {
				operands.push(token.value);
				continue;
			}
			if (token.kind === 'operator' && (token.value === '<<' || token.value === '>>')) {
				dictDepth += token.value === '<<' ? 1 : -1;
				continue;
			}
			if (token.kind === 'string') {
				if (dictDepth > 0) continue;
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

export const flat = (s: string) => s.replace(/\s+/g, ' ').trim();
export const pageCount = (pdf: Uint8Array) => (latin1(pdf).match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
