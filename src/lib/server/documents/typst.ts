// Typst for the generated documents: user text made safe for Typst markup, and
// the compiler that turns a Typst source into a PDF.
//
// User text never goes into the source as markup. It goes in as a Typst string
// literal (`#"…";`), where only the backslash, the double quote and control
// characters mean anything, so no *, _, $, #, @, <, =, - or [ in it can start
// emphasis, maths, code, a reference, a label, a heading or a list. What no PDF
// can show (control characters, noncharacters) is left out of it (pdfText), and
// a character that no font has (an emoji) is shown as the font's empty box (see typstPdf).
//
// The compiler (@myriaddreamin/typst-ts-node-compiler 0.7, Typst 0.14) is a native
// addon, and it runs in a child process of its own, never in the server's:
//  - it keeps memory: every source compiled leaves about as much behind as its
//    syntax tree takes (0.6 MB for a four-page minutes), in process-wide caches
//    that neither `evictCache` nor dropping the compiler gives back; the child is
//    replaced after RECYCLE_AFTER documents, which returns it all;
//  - a static import makes `vite build` crash (the addon segfaults when a worker
//    thread that loaded it exits), and a crash in the addon would take the
//    server down: in the child it fails only the document being made.
// The child is started on first use and kept; it loads the addon and the fonts once,
// and its memoized work stays warm between documents (results older than ten
// compilations are dropped), so a document like one made before is laid out
// again only where it differs.
//
// Every PDF is tagged PDF/UA-1: Typst 0.14 writes the structure tree (headings,
// paragraphs, lists, tables with their header cells, the outline) from the
// document's elements, marks page headers and footers as artifacts, and refuses
// what UA-1 forbids (a document without a title, a skipped heading level, an
// image without alt text). The templates give it a title, the language and
// real headings and table headers. The binding takes one PDF standard only
// (`pdfStandard` is a single string; "ua-1,a-2a" is refused), so PDF/UA-1 is
// not also declared PDF/A: accessibility is what the law asks of a published document.

import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { pdfText } from '../../core/document-text.ts';

/** Characters a Typst string literal cannot hold as they are: the backslash, the double quote and the line breaks. */
// eslint-disable-next-line no-control-regex
const STRING_SPECIAL = /[\\"\u0000-\u001f\u007f\u0085\u2028\u2029]/g;

const STRING_ESCAPES: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Any text as a Typst string literal, quotes included: `Sä "ja"` → `"Sä \"ja\""`.
 * Control characters and noncharacters, which no font can show, are left out.
 */
export function typstString(text: string): string {
	const safe = pdfText(text).replace(STRING_SPECIAL, (c) => STRING_ESCAPES[c] ?? `\\u{${c.codePointAt(0)!.toString(16)}}`);
	return `"${safe}"`;
}

/**
 * Any text as a piece of Typst markup that shows exactly that text: an embedded
 * string expression ended by a semicolon, so that a following "." or "(" is not
 * read as a method call or arguments.
 */
export function typstText(text: string): string {
	return `#${typstString(text)};`;
}

// ---------------------------------------------------------------------------
// The page every generated document shares

/** The sans fonts, in order of preference: Liberation Sans has Arial's metrics; DejaVu Sans comes with Debian; Libertinus Serif is built into the compiler, so there is always a font with å, ä and ö. */
const FONTS = ['Liberation Sans', 'DejaVu Sans', 'Libertinus Serif'];

/** The grey of running heads, notes and small print. */
export const TYPST_GREY = 'luma(85)';

/**
 * The start of every document's source: its metadata, the font, an A4 page with
 * the cooperation's name and the document's on a ruled running head and
 * "Sida n (m)" at the foot, the paragraph spacing and bold headings.
 */
export function typstPage(doc: { title: string; author: string; headRight: string }): string {
	return `#set document(title: ${typstString(doc.title)}, author: ${typstString(doc.author)})
#set text(font: (${FONTS.map(typstString).join(', ')}), size: 10.5pt, lang: "sv", region: "SE")
#set page(
  paper: "a4",
  margin: (top: 2.8cm, bottom: 2.4cm, x: 2.5cm),
  header: [
    #set text(size: 8.5pt, fill: ${TYPST_GREY})
    #grid(columns: (1fr, auto), align: (left, right), [${typstText(doc.author)}], [${typstText(doc.headRight)}])
    #v(-5pt)
    #line(length: 100%, stroke: 0.4pt + luma(170))
  ],
  footer: context [
    #set text(size: 8.5pt, fill: ${TYPST_GREY})
    #h(1fr) Sida #counter(page).display("1 (1)", both: true)
  ],
)
#set par(leading: 0.62em, spacing: 0.95em)
#show heading: set text(weight: "bold")
`;
}

// ---------------------------------------------------------------------------
// The compiler

export class TypstError extends Error {
	readonly diagnostics: string[];
	constructor(diagnostics: string[]) {
		super(`Typst kunde inte sätta dokumentet: ${diagnostics.join('; ') || 'okänt fel'}`);
		this.name = 'TypstError';
		this.diagnostics = diagnostics;
	}
}

/** PDF/UA-1: the accessible PDF (ISO 14289-1), tagged, with the title shown and the fonts embedded. */
const PDF_STANDARD = 'ua-1';

/** The child is replaced after this many documents, which gives back the memory the compiler keeps. */
const RECYCLE_AFTER = 100;

/** A document that takes longer than this has hung the child: it is stopped. */
const TIMEOUT_MS = 30_000;

type Request = { id: number; source: string; timestamp: number; archival: boolean } | { id: number; clear: true };

/** Where one document's time went, in the child, in milliseconds. */
export interface TypstTimings {
	/** Parsing, evaluation and layout (what Typst memoizes between documents). */
	compileMs: number;
	/** Writing the PDF: the structure tree, the font subsets, the compressed streams. */
	pdfMs: number;
	/** The child's CPU time for both, all its threads: what the document costs whatever the machine's load. */
	cpuMs: number;
	/** Only in the first reply of a child: loading the addon, and creating the compiler (which finds the fonts). */
	startup?: { loadMs: number; createMs: number };
}

type Reply = { id: number; pdf?: Uint8Array; errors?: string[]; timings?: TypstTimings };

/**
 * The child's program (CommonJS, given to `node -e`). Its fonts: those the
 * compiler embeds (Libertinus Serif, New Computer Modern, DejaVu Sans Mono) and
 * the system's, found through fontconfig's directories. Memoized results older
 * than ten compilations are dropped after each, as typst-cli's watch does.
 */
const CHILD = `
const t0 = performance.now();
const { NodeCompiler } = require(process.argv[1]);
const t1 = performance.now();
const compiler = NodeCompiler.create();
let startup = { loadMs: t1 - t0, createMs: performance.now() - t1 };
const text = (d) => (d && typeof d.message === 'string' ? d.message : JSON.stringify(d));
process.on('message', (m) => {
	if (m.clear) {
		compiler.evictCache(0);
		return process.send({ id: m.id });
	}
	try {
		const start = performance.now();
		const cpu = process.cpuUsage();
		const result = compiler.compile({ mainFileContent: m.source });
		const error = result.takeError();
		const doc = result.result;
		if (error || !doc) return process.send({ id: m.id, errors: (error ? error.shortDiagnostics : []).map(text) });
		const compiled = performance.now();
		const options = { creationTimestamp: m.timestamp };
		if (m.archival) options.pdfStandard = ${JSON.stringify(PDF_STANDARD)};
		const pdf = compiler.pdf(doc, options);
		const used = process.cpuUsage(cpu);
		const timings = { compileMs: compiled - start, pdfMs: performance.now() - compiled, cpuMs: (used.user + used.system) / 1000 };
		if (startup) {
			timings.startup = startup;
			startup = undefined;
		}
		process.send({ id: m.id, pdf: new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength), timings });
	} catch (e) {
		process.send({ id: m.id, errors: [String((e && e.message) || e)] });
	} finally {
		compiler.evictCache(10);
	}
});
process.on('disconnect', () => process.exit(0));
`;

class Child {
	readonly proc: ChildProcess;
	readonly pending = new Map<number, { resolve: (r: Reply) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }>();
	used = 0;
	retiring = false;

	constructor(addon: string) {
		this.proc = spawn(process.execPath, ['-e', CHILD, addon], {
			stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
			serialization: 'advanced',
			env: { ...process.env, NODE_OPTIONS: '' }
		});
		this.proc.on('message', (reply: Reply) => {
			const job = this.pending.get(reply.id);
			if (!job) return;
			clearTimeout(job.timer);
			this.pending.delete(reply.id);
			job.resolve(reply);
			this.settle();
		});
		const fail = (why: string) => {
			for (const job of this.pending.values()) {
				clearTimeout(job.timer);
				job.reject(new TypstError([why]));
			}
			this.pending.clear();
			if (current === this) current = null;
		};
		this.proc.on('error', (e) => fail(`Typst kunde inte startas: ${e.message}`));
		this.proc.on('exit', (code, signal) => fail(`Typst avbröts (${signal ?? `kod ${code}`}).`));
		this.settle();
	}

	request(message: Request): Promise<Reply> {
		return new Promise((resolve, reject) => {
			const timer = setTimeout(() => {
				this.pending.delete(message.id);
				reject(new TypstError(['Typst svarade inte i tid.']));
				this.proc.kill('SIGKILL');
			}, TIMEOUT_MS);
			this.pending.set(message.id, { resolve, reject, timer });
			this.settle();
			this.proc.send(message);
		});
	}

	/** Kept alive while it has work; otherwise it lets the server exit, and a retired child stops. */
	private settle() {
		const channel = this.proc.channel as { ref(): void; unref(): void } | null | undefined;
		if (this.pending.size) {
			this.proc.ref();
			channel?.ref();
		} else if (this.retiring) {
			this.proc.disconnect();
		} else {
			this.proc.unref();
			channel?.unref();
		}
	}
}

let current: Child | null = null;
let nextId = 1;

function child(): Child {
	if (current && current.used >= RECYCLE_AFTER) {
		current.retiring = true;
		if (!current.pending.size) current.proc.disconnect();
		current = null;
	}
	if (!current || current.proc.exitCode !== null || !current.proc.connected) {
		// The addon's path, resolved here so the child finds it wherever this module was bundled to.
		const addon = createRequire(import.meta.url).resolve('@myriaddreamin/typst-ts-node-compiler');
		current = new Child(addon);
	}
	return current;
}

/**
 * What Typst says of a text that no font has a glyph for: at compile time
 * `the text "✅" could not be displayed with any font`, and under PDF/UA-1 (or
 * PDF/A) at export `the text `"✅"` could not be displayed with font `"Liberation Sans"``.
 */
const UNSHOWN = /the text `?(\\?)"(.*?)\1"`? could not be displayed with (?:any )?font/g;

/** A string as Rust's Debug formatting escapes it (`\"`, `\\`, `\n`, `\u{fe0f}`), read back. */
function rustUnescape(s: string): string {
	const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', '0': '\0' };
	return s.replace(/\\(?:u\{([0-9a-fA-F]{1,6})\}|(.))/gu, (_, hex: string | undefined, c: string) =>
		hex ? String.fromCodePoint(parseInt(hex, 16)) : (simple[c] ?? c)
	);
}

/**
 * The texts that Typst could not show with any font, from its diagnostics: as
 * a compile error (`the text "✅" could not…`) or as the PDF export's error,
 * which formats the diagnostics once more (`message: "the text \"✅\" could not…"`).
 * Typst names only the first such text of a document.
 */
export function unshownTexts(diagnostics: string[]): string[] {
	const found = new Set<string>();
	for (const d of diagnostics)
		for (const m of d.matchAll(UNSHOWN)) {
			const text = m[1] ? rustUnescape(rustUnescape(m[2])) : rustUnescape(m[2]);
			if (text) found.add(text);
		}
	return [...found];
}

let lastTimings: TypstTimings | null = null;
let startupTimings: (NonNullable<TypstTimings['startup']> & { firstCompileMs: number; firstPdfMs: number }) | null = null;

/** Where the last document's time went (for the bench). */
export function lastTypstTimings(): TypstTimings | null {
	return lastTimings;
}

/** The current child's start: the addon loaded, the compiler created (its fonts found), and its first document, read lazily from the fonts. */
export function typstStartup() {
	return startupTimings;
}

/**
 * The Typst source as a PDF: PDF/UA-1, the accessible PDF, whenever it can be.
 * PDF/UA-1 forbids the empty box (.notdef) that stands in for a character no
 * font has, so a text with one (an emoji, with a server's fonts) made the
 * export fail: such a document is made again as a plain PDF, still tagged (the
 * same structure tree, without the claim to PDF/UA), where the box shows in
 * its place and everything else is as it was. So is a document that breaks
 * another rule of PDF/UA-1 that the templates keep (a heading level skipped by
 * the data): it is still published, tagged, and the server's log says why it
 * is not UA-1 (the tests hold every template to UA-1). A document is never
 * refused for its text. Throws TypstError when the source does not compile.
 */
export async function typstPdf(source: string): Promise<Uint8Array> {
	let archival = true;
	for (;;) {
		const c = child();
		c.used++;
		const reply = await c.request({ id: nextId++, source, timestamp: Math.floor(Date.now() / 1000), archival });
		if (reply.pdf) {
			lastTimings = reply.timings ?? null;
			if (lastTimings?.startup)
				startupTimings = { ...lastTimings.startup, firstCompileMs: lastTimings.compileMs, firstPdfMs: lastTimings.pdfMs };
			return reply.pdf;
		}
		const errors = reply.errors ?? [];
		const unshown = unshownTexts(errors);
		const uaOnly = errors.some((e) => e.includes('PDF/UA-1 error'));
		if (!archival || !(unshown.length || uaOnly)) throw new TypstError(errors);
		console.warn(
			unshown.length
				? `Typst: ingen font har ${JSON.stringify(unshown[0])}; dokumentet blir en taggad PDF utan PDF/UA.`
				: `Typst: dokumentet uppfyller inte PDF/UA-1 (${errors.join('; ')}); det blir en taggad PDF utan PDF/UA.`
		);
		archival = false;
	}
}

/** Drops everything the compiler has memoized (its fonts stay loaded): for measuring a document made for the first time. */
export async function clearTypstCache(): Promise<void> {
	if (current?.proc.connected) await current.request({ id: nextId++, clear: true });
}
