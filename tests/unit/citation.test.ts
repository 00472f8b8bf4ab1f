import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { citeSource, isTranscriptionNote, type SourceCatalogue } from '../../src/lib/core/citation.ts';
import { citeSources } from '../../src/lib/server/demo/read.ts';

const demo = path.resolve(import.meta.dirname, '../../demo');
const catalogue = JSON.parse(fs.readFileSync(path.join(demo, 'sources.json'), 'utf8')) as SourceCatalogue;
const cite = (note: string | null) => citeSource(note, catalogue);

describe('citeSource', () => {
	it('names the document and the section a "seed NNN, X.Y" note points to', () => {
		expect(cite('seed 000, 3.1 (clean/000:49); seed 003, Bilaga 1 (”Södertörn + SUP (AG)”, clean/003:174)')).toBe(
			'Årsredovisning och bokslut 2020, avsnitt 3.1 Infrastruktur; Verksamhetsplan 2020, Bilaga 1 Handlingsplan 2020'
		);
		expect(cite('seed 002, punkt 4 (clean/002:83–84; 002_9ff63dd8a74b0927.txt:106–110)')).toBe(
			'Minnesanteckningar från ledningsgruppens möte 20 november 2020, punkt 4 Föregående möten'
		);
	});

	it('finds the section of a bare line reference in the file the catalogue maps', () => {
		// 004 is plain text: line 178 is in 3.3, line 365 in chapter 7.
		expect(cite('004:178, 365')).toBe(
			'Årsredovisning och bokslut 2018, avsnitt 3.3 Näringsliv och högskola och 7 Möten, konferenser och administration'
		);
		// 001's line 382 is in the closing chapter.
		expect(cite('Driftresultatet 2020 (188 432) plus Kommunikationsprojektets 50 500 = 238 932 (001:382).')).toBe(
			'Årsredovisning och bokslut 2021, kapitel 8 Bokslut 2021'
		);
	});

	it('cites the OCR text of a cleaned seed as the document, without guessing a section from its lines', () => {
		expect(cite('rubriken i OCR (000:336)')).toBe('Årsredovisning och bokslut 2020');
		expect(cite('se clean/000_arsredovisning_2020.md:17')).toBe('Årsredovisning och bokslut 2020, kapitel 1 Inledning');
	});

	it('lists documents in the order the note names them, and a chapter only when none of its subsections is named', () => {
		expect(cite('seed 001, 3 och 3.1 (001:100); seed 000, 3.1 (clean/000:44)')).toBe(
			'Årsredovisning och bokslut 2021, avsnitt 3.1 Infrastruktur; Årsredovisning och bokslut 2020, avsnitt 3.1 Infrastruktur'
		);
	});

	it('says "kapitel" for chapters alone and "avsnitt" as soon as a section is named', () => {
		expect(cite('seed 003, 8 (clean/003:150)')).toBe('Verksamhetsplan 2020, kapitel 8 Budget 2020');
		expect(cite('seed 004, 3.1 och 5 (004:327)')).toBe(
			'Årsredovisning och bokslut 2018, avsnitt 3.1 Infrastruktur och 5 Gemensamma remissvar'
		);
	});

	it('gives more than three sections by number alone', () => {
		expect(cite('seed 001, 1 (001:60), 3.1 (001:120), 4 (001:254) och 7 (001:330)')).toBe(
			'Årsredovisning och bokslut 2021, avsnitt 1, 3.1, 4 och 7'
		);
	});

	it("ignores a transcriber's own checks and the cover: the document alone", () => {
		expect(cite('seed 000 (clean/000:364, Kontroll)')).toBe('Årsredovisning och bokslut 2020');
		expect(cite('seed 001 (001:14)')).toBe('Årsredovisning och bokslut 2021');
	});

	it('leaves a source in words as it is, and drops one that is only a technical trace', () => {
		expect(cite('Årsredovisning och bokslut 2021, kapitel 7')).toBe('Årsredovisning och bokslut 2021, kapitel 7');
		expect(cite('SCB 2020-12-31')).toBe('SCB 2020-12-31');
		expect(cite('  ')).toBeNull();
		expect(cite(null)).toBeNull();
		expect(cite('organisation.json bodyKeys')).toBeNull();
		expect(cite('guest true')).toBeNull();
		expect(cite('seed 009, 2')).toBeNull();
	});

	it('tells a transcription note from a citation', () => {
		for (const note of ['seed 002', 'clean/002:5–9', 'bodyKeys', 'carriedFromKey', 'organisation.json', 'status null', '(004:365)'])
			expect(isTranscriptionNote(note), note).toBe(true);
		for (const words of [
			'Årsredovisning 2021, kapitel 7',
			'SCB, folkmängd 31 december 2019',
			'Verksamhetsplan 2021, avsnitt 3.1 Infrastruktur'
		])
			expect(isTranscriptionNote(words), words).toBe(false);
	});
});

describe('the demo data read through the catalogue', () => {
	const files = fs.globSync('**/*.json', { cwd: demo }).filter((f) => f !== 'sources.json');

	it('leaves no transcription trace in any source field of any demo file', () => {
		const bad: string[] = [];
		let sources = 0;
		for (const f of files) {
			const data = citeSources(JSON.parse(fs.readFileSync(path.join(demo, f), 'utf8')), catalogue);
			const visit = (v: unknown) => {
				if (Array.isArray(v)) v.forEach(visit);
				else if (v && typeof v === 'object')
					for (const [k, x] of Object.entries(v)) {
						if (/(?:^s|S)ource$/.test(k) && typeof x === 'string') {
							sources++;
							if (isTranscriptionNote(x) || x === 'Källan är inte angiven') bad.push(`${f}: ${x}`);
						} else visit(x);
					}
			};
			visit(data);
		}
		expect(sources).toBeGreaterThan(500);
		expect(bad).toEqual([]);
	});
});
