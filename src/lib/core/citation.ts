// A record's source as a citation in words. The demo data was transcribed from
// numbered seed documents, and each record carries the transcriber's note:
// "seed 001, 3.1 (001:104–114) och 5 (001:269); bodyKey ssk …". Visitors are
// shown what a reader can look up instead: "Årsredovisning och bokslut 2021,
// avsnitt 3.1 Infrastruktur och 5 Externa möten". Pure.

export interface SourceSection {
	/** The line of the referenced file where the section starts. */
	line: number;
	/** "3.1", "Bilaga 1", "SUP"; null ends the section before (a cover, a transcriber's check). */
	number: string | null;
	title: string;
}

export interface SourceDocument {
	/** The three digits a note names it by ("seed 004", "004:178", "clean/004:12"). */
	seed: string;
	title: string;
	/** Which file a line reference points into: the plain text ("001:86") or the cleaned transcription ("clean/000:44"). */
	lines: 'text' | 'clean';
	/** How the document names its parts where not "kapitel 7" / "avsnitt 3.1": "punkt" in minutes. */
	word?: string;
	sections: SourceSection[];
}

export interface SourceCatalogue {
	documents: SourceDocument[];
}

/** More sections than this are cited by number alone. */
const TITLED_SECTIONS = 3;

/** A section named after "seed NNN, " or "seed NNN (…), ": "3.1", "3.2–3.3", "Bilaga 1", "punkt 4", "SUP-delen". */
const SECTION = String.raw`(?:\d+(?:\.\d+)*|Bilaga \d+|punkt \d+|SUP(?:-delen)?)`;
const SEED_WITH_SECTIONS = new RegExp(
	String.raw`\bseed (\d{3})(?: \([^)]*\))?(?:,? (${SECTION}(?:(?:, | och |–|-)${SECTION})*)(?![\d:]))?`,
	'gi'
);
/** "001:104–114", "clean/000:44, 107–109", "004_4c37b0cea99b3132.txt:353, 369", "clean/000_arsredovisning_2020.md:17". */
const LINE_REFERENCE = /(clean\/)?\b(\d{3})(?:_[\w-]+\.(?:txt|md))?:(\d+(?:[–-]\d+)?(?:, ?\d+(?:[–-]\d+)?)*)/g;
/** Technical traces that must not reach a reader: file names, JSON keys, keys of records. */
const TECHNICAL = /\bseed \d|clean\/|\b[\w-]+\.(?:json|csv|md|txt)\b|\b[a-z]+[A-Z][A-Za-z]*\b|\b(?:null|true|false)\b|\b\d{3}:\d+/;

interface Found {
	doc: SourceDocument;
	sections: Set<number>;
}

function sectionAt(doc: SourceDocument, line: number): number | null {
	let at: number | null = null;
	doc.sections.forEach((s, i) => {
		if (s.line <= line) at = s.number === null ? null : i;
	});
	return at;
}

function sectionNamed(doc: SourceDocument, name: string): number | null {
	const wanted = name.replace(/^punkt /i, '').replace(/^SUP-delen$/i, 'SUP');
	const i = doc.sections.findIndex((s) => s.number !== null && s.number.toLowerCase() === wanted.toLowerCase());
	return i < 0 ? null : i;
}

function sectionWords(doc: SourceDocument, indexes: number[]): string {
	const titled = indexes.length <= TITLED_SECTIONS;
	// "kapitel 7", "avsnitt 3.1 Infrastruktur" (and "avsnitt 1 och 3.1" when the list mixes them), or the document's own word.
	const word = doc.word ?? (indexes.some((i) => doc.sections[i].number!.includes('.')) ? 'avsnitt' : 'kapitel');
	const parts = indexes.map((i) => {
		const s = doc.sections[i];
		const n = s.number!;
		if (/^\d/.test(n)) return titled ? `${n} ${s.title}` : n;
		return /^Bilaga/.test(n) ? `${n} ${s.title}` : s.title;
	});
	const numbered = indexes.some((i) => /^\d/.test(doc.sections[i].number!));
	const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} och ${parts[parts.length - 1]}`;
	return numbered ? `${word} ${list}` : list;
}

/** True when a text carries a transcriber's technical trace (a seed reference, a file name, a JSON key). */
export function isTranscriptionNote(text: string): boolean {
	return TECHNICAL.test(text);
}

/**
 * The citation of a source note: the seed documents it names, each with the
 * sections it points to, in the order the note names them. A note that names
 * no seed document is returned as it is when it reads as words (a source an
 * editor typed, "SCB 2020-12-31"), and as null when it is only a technical trace.
 */
export function citeSource(note: string | null | undefined, catalogue: SourceCatalogue): string | null {
	const text = note?.trim();
	if (!text) return null;
	const bySeed = new Map(catalogue.documents.map((d) => [d.seed, d]));
	const found = new Map<string, Found>();
	const at = (seed: string, index: number) => ({ seed, index });
	const mentions: { seed: string; index: number }[] = [];
	const add = (seed: string, section: number | null) => {
		const doc = bySeed.get(seed);
		if (!doc) return;
		let f = found.get(seed);
		if (!f) found.set(seed, (f = { doc, sections: new Set() }));
		if (section !== null) f.sections.add(section);
	};

	for (const m of text.matchAll(SEED_WITH_SECTIONS)) {
		mentions.push(at(m[1], m.index));
		const doc = bySeed.get(m[1]);
		if (!doc) continue;
		add(m[1], null);
		for (const name of m[2]?.split(/, | och |–|-(?!delen)/) ?? []) add(m[1], sectionNamed(doc, name.trim()));
	}
	for (const m of text.matchAll(LINE_REFERENCE)) {
		mentions.push(at(m[2], m.index));
		const doc = bySeed.get(m[2]);
		if (!doc) continue;
		add(m[2], null);
		// Only lines in the file the catalogue maps: the OCR text of a cleaned seed is cited as the document.
		const mapped = doc.lines === 'clean' ? Boolean(m[1]) : !m[1];
		if (!mapped) continue;
		for (const n of m[3].match(/\d+/g) ?? []) add(m[2], sectionAt(doc, Number(n)));
	}

	if (found.size === 0) return isTranscriptionNote(text) ? null : text;
	const order = [...new Set(mentions.sort((a, b) => a.index - b.index).map((m) => m.seed))].filter((s) => found.has(s));
	return order
		.map((seed) => {
			const { doc, sections } = found.get(seed)!;
			const indexes = [...sections].sort((a, b) => a - b);
			// A chapter and its own subsections: the subsections say more.
			const kept = indexes.filter((i) => !indexes.some((j) => j !== i && doc.sections[j].number?.startsWith(`${doc.sections[i].number}.`)));
			return kept.length ? `${doc.title}, ${sectionWords(doc, kept)}` : doc.title;
		})
		.join('; ');
}
