// A generated document against the one published before the system, both ways:
// per chapter, the statements of the published text whose facts (its figures,
// dates and longer words) the generated chapter does not hold, and the
// generated statements whose figures the published chapter does not print (a
// count, an amount or a date that differs, or one it never said). The score
// cannot reach 100 % while a figure differs.

export interface SeedChapter {
	number: string;
	title: string;
	/** Its statements: paragraphs, list items and table rows, as plain text. */
	statements: string[];
}

export interface ChapterComparison {
	number: string;
	title: string;
	/** The generated chapter's title, or null when the generated document has no such chapter. */
	generatedTitle: string | null;
	statements: number;
	held: number;
	missing: string[];
	/** Generated statements with figures the published chapter does not print, and those figures. */
	differing: { statement: string; figures: string[] }[];
}

/** The share a chapter is true to the published one: what it holds, over what the published says plus what the generated adds that differs. */
export const agreement = (c: Pick<ChapterComparison, 'held' | 'statements' | 'differing'>) =>
	c.statements + c.differing.length ? c.held / (c.statements + c.differing.length) : 1;

const CHAPTER = /^#{1,2}\s+(\d+)\.\s+(.+?)\s*$/;
const ANY_TOP_HEADING = /^#{1,2}\s+/;

/** Markdown's marks off a line: "- **Text**" → "Text"; a table row's cells joined. */
function plain(line: string): string {
	let s = line.trim();
	if (/^\|?\s*-{3,}/.test(s)) return '';
	if (s.startsWith('|'))
		s = s
			.split('|')
			.map((c) => c.trim())
			.filter(Boolean)
			.join(' | ');
	return s
		.replace(/^#{1,6}\s+/, '')
		.replace(/^>\s*/, '')
		.replace(/^[-*•]\s+/, '')
		.replace(/\*\*|__|\*|`/g, '')
		.replace(/\[\^?\d+\]/g, '')
		.trim();
}

/** The published text's numbered chapters ("# 1. Inledning", "## 4. Gemensamma remissvar"); any other top heading ends the last. */
export function seedChapters(text: string): SeedChapter[] {
	const out: SeedChapter[] = [];
	let current: SeedChapter | null = null;
	for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
		const m = CHAPTER.exec(raw);
		if (m) {
			out.push((current = { number: m[1], title: plain(m[2]), statements: [] }));
			continue;
		}
		if (ANY_TOP_HEADING.test(raw)) {
			current = null;
			continue;
		}
		const line = plain(raw);
		if (current && line.length > 2 && !/^<!--/.test(line)) current.statements.push(line);
	}
	return out;
}

/** The facts of a text: its numbers (with the spaces of "513 445" closed up) and its words of six letters or more, in lower case. */
export function facts(text: string): string[] {
	const numbers = [...text.matchAll(/\d[\d\u00a0 ]*\d|\d/g)].map((m) => m[0].replace(/[\s\u00a0]/g, ''));
	const words = [...text.toLowerCase().matchAll(/[a-zåäöéü]{6,}/g)].map((m) => m[0]);
	return [...numbers, ...words];
}

const COUNT_WORDS: Record<string, string> = {
	två: '2',
	tre: '3',
	fyra: '4',
	fem: '5',
	sex: '6',
	sju: '7',
	åtta: '8',
	nio: '9',
	tio: '10',
	elva: '11',
	tolv: '12'
};

/** The figures of a text, a count written as a word ("fem möten") read as its digits; a leading section number ("7.1 ") is no figure. */
export function figures(text: string): string[] {
	const body = text.replace(/^\d+(\.\d+)*\s+/, '');
	const digits = [...body.matchAll(/\d[\d\u00a0 ]*\d|\d/g)].map((m) => m[0].replace(/[\s\u00a0]/g, ''));
	const words = [...body.toLowerCase().matchAll(/[a-zåäö]+/g)].map((m) => COUNT_WORDS[m[0]]).filter((x): x is string => !!x);
	return [...digits, ...words];
}

/** A statement is held when at least this share of its facts is in the generated chapter. */
export const HELD_SHARE = 0.6;

export function statementHeld(statement: string, generated: Set<string>): boolean {
	const f = facts(statement);
	if (!f.length) return true;
	return f.filter((x) => generated.has(x)).length / f.length >= HELD_SHARE;
}

/**
 * Each published chapter against the generated chapter of the same number (or,
 * failing that, the same title): how many of its statements the generated one
 * holds, and those it does not.
 */
export function compareWithSeed(
	seedText: string,
	generated: { number: string | null; title: string; text: string }[],
	/** Figures the published document states as a whole, such as its year. */
	documentFigures: string[] = []
): ChapterComparison[] {
	return seedChapters(seedText).map((c) => {
		const match =
			generated.find((g) => g.number === c.number && similarTitle(g.title, c.title)) ??
			generated.find((g) => similarTitle(g.title, c.title)) ??
			generated.find((g) => g.number === c.number) ??
			null;
		const have = new Set(match ? facts(match.text) : []);
		const missing = c.statements.filter((s) => !statementHeld(s, have));
		const printed = new Set([...documentFigures, ...c.statements.flatMap(figures)]);
		const differing = (match?.text.split('\n').slice(1) ?? [])
			// A zero is what a published table leaves blank; it contradicts nothing.
			.map((statement) => ({ statement, figures: [...new Set(figures(statement).filter((f) => f !== '0' && !printed.has(f)))] }))
			.filter((d) => d.figures.length > 0);
		return {
			number: c.number,
			title: c.title,
			generatedTitle: match ? `${match.number ? match.number + ' ' : ''}${match.title}` : null,
			statements: c.statements.length,
			held: c.statements.length - missing.length,
			missing,
			differing
		};
	});
}

/** "Projekt" and "Projekt", "Bokslut 2021" and "Bokslut 2021": the first word decides. */
function similarTitle(a: string, b: string): boolean {
	const first = (s: string) => s.toLowerCase().split(/\s+/)[0] ?? '';
	return first(a) === first(b);
}
