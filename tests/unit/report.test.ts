// The published documents' pure parts: the model's headings, contents and
// text; a new year's template from the last; the secretariat's placeholders;
// and the comparison of a generated report with the published one.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	chaptersOf,
	countWord,
	decidedLine,
	fillPlaceholders,
	heading,
	headingId,
	plainText,
	tableOfContents,
	templateForYear,
	textToBlocks,
	uniqueIds,
	type Block
} from '../../src/lib/core/report.ts';
import { agreement, compareWithSeed, facts, figures, seedChapters, statementHeld } from '../../src/lib/core/report-compare.ts';

describe('the report model', () => {
	it('gives headings stable anchors without Swedish letters or punctuation', () => {
		expect(headingId('3.1', 'Infrastruktur')).toBe('kap-3-1-infrastruktur');
		expect(headingId(null, 'Möten, konferenser och administration')).toBe('kap-moten-konferenser-och-administration');
		fc.assert(fc.property(fc.string(), fc.string(), (n, t) => /^kap-[a-z0-9-]*$/.test(headingId(n, t))));
	});

	it('makes repeated anchors unique and lists levels 1 and 2 in the contents', () => {
		const blocks = uniqueIds([
			heading(1, '1', 'Inledning'),
			heading(2, null, 'Kansli'),
			heading(3, null, 'Detalj'),
			heading(2, null, 'Kansli')
		]);
		const toc = tableOfContents(blocks);
		expect(toc.map((e) => e.text)).toEqual(['1 Inledning', 'Kansli', 'Kansli']);
		expect(new Set(toc.map((e) => e.id)).size).toBe(3);
	});

	it('reads the secretariat’s text as paragraphs and nested lists', () => {
		const blocks = textToBlocks('Inledning.\n\n- Ett\n  - Ett a\n- Två\n\nSlut.');
		expect(blocks).toEqual([
			{ kind: 'paragraph', text: 'Inledning.' },
			{ kind: 'list', items: [{ text: 'Ett', children: [{ text: 'Ett a' }] }, { text: 'Två' }] },
			{ kind: 'paragraph', text: 'Slut.' }
		]);
		expect(textToBlocks(null)).toEqual([]);
	});

	it('splits the blocks into chapters at each level-1 heading, and reads all text back', () => {
		const blocks: Block[] = [
			heading(1, '1', 'Inledning'),
			{ kind: 'paragraph', text: 'Text' },
			heading(1, '2', 'Bokslut'),
			{ kind: 'table', table: { caption: 'T', columns: [{ header: 'A' }, { header: 'B', align: 'right' }], rows: [{ cells: ['x', '1'] }] } }
		];
		expect(chaptersOf(blocks).map((c) => [c.heading.text, c.blocks.length])).toEqual([
			['Inledning', 1],
			['Bokslut', 1]
		]);
		expect(plainText(blocks)).toBe('1 Inledning\nText\n2 Bokslut\nT\nA | B\nx | 1');
	});

	it('starts a new year’s template from the last one, the year in the titles moved on', () => {
		const last = {
			year: 2021,
			title: 'Årsredovisning och bokslut 2021',
			chapters: [
				{ number: '2', title: 'Övergripande mål och fokusområden 2021', content: 'goals_table' as const },
				{ number: '8', title: 'Bokslut 2021', content: 'closing' as const }
			]
		};
		const next = templateForYear(last, 2022);
		expect(next.title).toBe('Årsredovisning och bokslut 2022');
		expect(next.chapters.map((c) => c.title)).toEqual(['Övergripande mål och fokusområden 2022', 'Bokslut 2022']);
		expect(last.chapters[1].title).toBe('Bokslut 2021');
	});

	it('fills in the data’s figures and leaves an unknown placeholder as written', () => {
		expect(fillPlaceholders('{befolkning} personer, {förändring} fler, {okänd}', { befolkning: '513 445', förändring: '5 893' })).toBe(
			'513 445 personer, 5 893 fler, {okänd}'
		);
	});

	it('writes the decision date and small counts in words as the reports do', () => {
		expect(decidedLine('2022-02-09')).toBe('Beslutad 9 februari 2022');
		expect(countWord(7)).toBe('sju');
		expect(countWord(13)).toBe('13');
	});
});

describe('comparison with the published report', () => {
	const seed = [
		'# Titel',
		'> transkriberarens not',
		'# 1. Inledning',
		'Vid årets slut var antalet invånare på Södertörn **513 445** personer.',
		'## 4. Gemensamma remissvar',
		'- Regional cykelplan för Stockholms län (april)',
		'- Ett remissvar som systemet inte känner till (maj)',
		'| Sammanställning | 1 381 130 |',
		'|---|---|',
		'## Kontroll',
		'Det här hör inte till något kapitel.'
	].join('\n');

	it('reads the numbered chapters and their statements, and stops at an unnumbered heading', () => {
		const chapters = seedChapters(seed);
		expect(chapters.map((c) => c.number)).toEqual(['1', '4']);
		expect(chapters[1].statements).toEqual([
			'Regional cykelplan för Stockholms län (april)',
			'Ett remissvar som systemet inte känner till (maj)',
			'Sammanställning | 1 381 130'
		]);
	});

	it('takes figures with their spaces closed up, and words of six letters or more', () => {
		expect(facts('invånare 513 445 den 3 juni')).toEqual(['513445', '3', 'invånare']);
		expect(statementHeld('inga fakta här', new Set())).toBe(true);
	});

	it('names what the published chapter says that the generated one does not hold', () => {
		const result = compareWithSeed(seed, [
			{ number: '1', title: 'Inledning', text: 'Vid årets slut var antalet invånare på Södertörn 513\u00a0445 personer.' },
			{
				number: '4',
				title: 'Gemensamma remissvar',
				text: 'Regional cykelplan för Stockholms län – Region Stockholm (april 2021)\nSammanställning 1 381 131'
			}
		]);
		expect(result[0]).toMatchObject({ number: '1', statements: 1, held: 1, missing: [], differing: [] });
		expect(result[1].missing).toEqual(['Ett remissvar som systemet inte känner till (maj)', 'Sammanställning | 1 381 130']);
		expect(result[1].generatedTitle).toBe('4 Gemensamma remissvar');
	});

	it('reads counts written as words as figures, and a section number as none', () => {
		expect(figures('7.1 Under 2021 har nätverket haft fem digitala möten och ett extra')).toEqual(['2021', '5']);
		expect(figures('Samarbetskommittén har träffats vid 6 ordinarie möten.')).toEqual(['6']);
	});

	it('names what the generated chapter says with figures the published one does not print, and then stays below 100 %', () => {
		const seed6 = '## 6. Möten\nSamarbetskommittén har träffats vid fem ordinarie möten. Ordförande har varit Boel Godner.';
		const right = compareWithSeed(
			seed6,
			[
				{
					number: '6',
					title: 'Möten',
					text: '6 Möten\nUnder 2021 har samarbetskommittén haft fem ordinarie möten.\n- Ordförande: Boel Godner'
				}
			],
			['2021']
		);
		expect(right[0].differing).toEqual([]);
		expect(agreement(right[0])).toBe(1);
		// The published text is all there, but the generated one counts two meetings: a contradiction, not agreement.
		const wrong = compareWithSeed(
			seed6,
			[
				{
					number: '6',
					title: 'Möten',
					text: '6 Möten\nUnder 2021 har samarbetskommittén haft fem ordinarie möten och två extra möten.\n- Ordförande: Boel Godner'
				}
			],
			['2021']
		);
		expect(wrong[0].held).toBe(wrong[0].statements);
		expect(wrong[0].differing).toEqual([
			{ statement: 'Under 2021 har samarbetskommittén haft fem ordinarie möten och två extra möten.', figures: ['2'] }
		]);
		expect(agreement(wrong[0])).toBeLessThan(1);
	});

	it('finds a chapter renumbered between the years by its title', () => {
		const [c] = compareWithSeed('## 5. Projekt\n- Kartor', [{ number: '6', title: 'Projekt', text: 'Kartor' }]);
		expect(c.generatedTitle).toBe('6 Projekt');
		expect(c.held).toBe(1);
	});
});
