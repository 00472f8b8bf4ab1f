import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { DocItem, MeetingDocument } from '../../src/lib/core/meetings.ts';
import { meetingDocx } from '../../src/lib/server/documents/meeting-docx.ts';
import { personLine, textBlocks } from '../../src/lib/core/meeting-text.ts';
import { meetingPdf, meetingTypst } from '../../src/lib/server/documents/meeting-pdf.ts';
import { TypstError, typstPdf, typstString, typstText } from '../../src/lib/server/documents/typst.ts';
import { minutes20201120 as minutes, notice20201120 as notice } from '../fixtures/minutes-2020-11-20.ts';
import { flat, latin1, pageCount, pdfText, unescapeXml } from './document-reading.ts';

const HOSTILE = '#set page(width: 1cm) *x* _y_ $z$ @ref <l> \\ "q"';

/** The minutes with what the fixture lacks: a chair's decision, action items, a tabled item, notes. */
const extended: MeetingDocument = {
	...minutes,
	chairNote: 'Boel Godner leder mötet i Daniel Dronjaks frånvaro.',
	versionNote: 'Version 2, justerad 2020-11-27. Ändrad: stavning i punkt 4.',
	items: minutes.items.map((i): DocItem =>
		i.number === 3
			? {
					...i,
					decisions: [...i.decisions, { text: 'Ordföranden kallar till extrainsatt möte.', chairDecision: true }],
					actionItems: [
						{ text: 'Upprätta grupp i social app.', responsible: 'Rickard Sundbom', dueOn: '2020-11-26' },
						{ text: 'Sammanställa läget i kommunerna.', responsible: null, dueOn: null }
					],
					tabledTo: 'extrainsatt möte den 26 november 2020'
				}
			: i
	)
};

/** A document whose every free text is hostile to Typst markup. */
const hostile: MeetingDocument = {
	...extended,
	cooperationName: HOSTILE,
	title: HOSTILE,
	when: `= ${HOSTILE}`,
	place: `- ${HOSTILE}`,
	chairNote: `+ ${HOSTILE}`,
	present: [{ name: HOSTILE, organisation: '/* x', role: '// y', note: '~ \' "' }],
	items: [
		{
			number: 1,
			title: HOSTILE,
			presenter: `#panic("p")`,
			text: `${HOSTILE}\n\n- ${HOSTILE}\n  - ]) } #}\n\n#"a";.len()`,
			documents: ['```raw```', '\\u{41}'],
			decisions: [{ text: HOSTILE, chairDecision: true }],
			actionItems: [{ text: HOSTILE, responsible: '@ref', dueOn: '2021-01-14' }],
			openMatters: [{ text: HOSTILE, from: '<l>', note: '$ x $' }],
			tabledTo: HOSTILE
		}
	],
	signatures: [{ label: '*', name: HOSTILE }],
	versionNote: HOSTILE
};

// ---------------------------------------------------------------------------
// Reading the files back

/** The text of each paragraph of word/document.xml. */
function docxParagraphs(docx: Uint8Array): { style: string | null; numbered: boolean; text: string }[] {
	const xml = strFromU8(unzipSync(docx)['word/document.xml']);
	return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => ({
		style: /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1] ?? null,
		numbered: p.includes('<w:numPr>'),
		text: [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:(br|tab)\/>/g)]
			.map((m) => (m[2] === 'br' ? '\n' : m[2] === 'tab' ? '\t' : unescapeXml(m[1])))
			.join('')
	}));
}

// ---------------------------------------------------------------------------

describe('item text', () => {
	it('comes apart into paragraphs and lists, nested entries included', () => {
		expect(textBlocks('Ett.\nTvå.\n\n- a\n  - b\n- c\nEfter.')).toEqual([
			{ kind: 'paragraph', lines: ['Ett.', 'Två.'] },
			{
				kind: 'list',
				entries: [
					{ level: 0, text: 'a' },
					{ level: 1, text: 'b' },
					{ level: 0, text: 'c' }
				]
			},
			{ kind: 'paragraph', lines: ['Efter.'] }
		]);
		expect(textBlocks(null)).toEqual([]);
		expect(personLine({ name: 'Rickard Sundbom', organisation: 'Södertälje', role: 'ordförande', note: null })).toBe(
			'Rickard Sundbom, Södertälje, ordförande'
		);
	});
});

describe('meetingDocx', () => {
	it('writes the minutes with their attendance, items, decisions and signatures', async () => {
		const docx = await meetingDocx(minutes);
		const paragraphs = docxParagraphs(docx);
		const texts = paragraphs.map((p) => p.text);
		const all = texts.join('\n');

		expect(paragraphs.find((p) => p.style === 'Title')?.text).toBe(minutes.title);
		expect(texts).toContain('Tid:\tFredagen den 20 november 2020 kl 8.30–11.00');
		expect(texts).toContain('Plats:\tDigitalt via Teams');
		expect(paragraphs.filter((p) => p.style === 'Heading2').map((p) => p.text)).toEqual(
			expect.arrayContaining(['Närvarande', 'Frånvarande', 'Beslut', 'Utestående ärenden'])
		);
		for (const p of [...minutes.present, ...minutes.absent]) expect(texts).toContain(personLine(p));
		expect(texts).toContain('Gustav Fridlund, Botkyrka, endast punkt 2');
		expect(texts.filter((t) => t.endsWith('endast punkt 2'))).toHaveLength(6);

		const headings = paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text);
		expect(headings).toEqual([
			'1. Välkommen',
			'2. Näringslivscheferna gästar',
			'3. Uppdatering av läget kring Covid-19',
			'4. Föregående möten',
			'5. Kommande möten',
			'6. Verksamhetsplan och budget'
		]);
		expect(paragraphs.filter((p) => p.text === 'Beslut')).toHaveLength(2);
		for (const item of minutes.items) {
			for (const d of item.decisions) expect(texts).toContain(d.text);
			for (const m of item.openMatters) {
				expect(paragraphs.find((p) => p.text === m.text)).toMatchObject({ numbered: true });
				expect(paragraphs.find((p) => p.text === m.note)).toMatchObject({ numbered: true });
			}
		}
		// Five decisions under item 5 are a bullet list; item 3's one decision is a paragraph.
		expect(paragraphs.filter((p) => p.numbered && minutes.items[4].decisions.some((d) => d.text === p.text))).toHaveLength(5);
		expect(paragraphs.find((p) => p.text === minutes.items[2].decisions[0].text)?.numbered).toBe(false);
		// Item 5's list of coming meetings is a Word list.
		expect(paragraphs.find((p) => p.text.startsWith('Den 24 november är alla'))?.numbered).toBe(true);
		expect(texts).toContain(
			'Föredragande: Helene Olofsson\nHandlingar: Förslag till verksamhetsplan och budget 2021, Förslag om fler/nya objekt att driva gemensamt'
		);
		expect(all).toContain('Kort paus.');

		const signatures = texts.slice(texts.indexOf('Vid anteckningarna'));
		expect(signatures.slice(0, 4)).toEqual(['Vid anteckningarna', 'Justerades', 'Anna Söderström', 'Helene Olofsson']);
	});

	it('is Swedish, numbered with Word lists, with the cooperation in the header', async () => {
		const files = unzipSync(await meetingDocx(minutes));
		const styles = strFromU8(files['word/styles.xml']);
		expect(styles).toMatch(/<w:docDefaults>[\s\S]*<w:lang w:val="sv-SE"\/>[\s\S]*<\/w:docDefaults>/);
		expect(styles).toContain('w:styleId="Heading1"');
		expect(strFromU8(files['word/numbering.xml'])).toContain('<w:numFmt w:val="bullet"/>');
		const header = Object.entries(files).find(([name]) => /^word\/header\d*\.xml$/.test(name));
		expect(strFromU8(header![1])).toContain('Södertörnskommunerna');
		expect(strFromU8(files['docProps/core.xml'])).toContain(`<dc:title>${minutes.title}</dc:title>`);
	});

	it('writes a chair decision, action items with Swedish dates, a tabled item and the notes', async () => {
		const texts = docxParagraphs(await meetingDocx(extended)).map((p) => p.text);
		expect(texts).toContain('Ordförandebeslut: Ordföranden kallar till extrainsatt möte.');
		expect(texts).toContain('Att göra');
		expect(texts).toContain('Upprätta grupp i social app.\nAnsvarig: Rickard Sundbom   Klart senast: 26 november 2020');
		expect(texts).toContain('Sammanställa läget i kommunerna.');
		expect(texts).toContain('Bordläggs till extrainsatt möte den 26 november 2020.');
		expect(texts).toContain(extended.chairNote);
		expect(texts).toContain(extended.versionNote);
	});

	it('writes the notice with its agenda and none of the minutes', async () => {
		const paragraphs = docxParagraphs(await meetingDocx({ ...notice, statusNote: 'Inställt' }));
		const texts = paragraphs.map((p) => p.text);
		expect(paragraphs.find((p) => p.style === 'Title')?.text).toBe(notice.title);
		expect(texts).toContain('Inställt');
		expect(texts).toContain('Mötesform:\tDigitalt');
		expect(paragraphs.find((p) => p.text === 'Dagordning')?.style).toBe('Heading1');
		expect(paragraphs.filter((p) => p.style === 'Heading2').map((p) => p.text)).toEqual(notice.items.map((i) => `${i.number}. ${i.title}`));
		const all = texts.join('\n');
		for (const absent of [
			'Närvarande',
			'Beslut',
			'Vid anteckningarna',
			'Kort paus.',
			minutes.items[0].text!,
			minutes.items[4].decisions[0].text
		])
			expect(all).not.toContain(absent);
	});

	it('leaves the minutes out of a notice even when its items have them', async () => {
		const texts = docxParagraphs(await meetingDocx({ ...extended, kind: 'notice' })).map((p) => p.text);
		expect(texts).toContain('Dagordning');
		for (const absent of ['Närvarande', 'Frånvarande', 'Beslut', 'Att göra', 'Utestående ärenden', 'Vid anteckningarna', 'Anna Söderström'])
			expect(texts).not.toContain(absent);
		expect(texts.join('\n')).not.toContain('Bordläggs');
	});

	it('keeps hostile text as text', async () => {
		const paragraphs = docxParagraphs(await meetingDocx(hostile));
		expect(paragraphs.find((p) => p.style === 'Title')?.text).toBe(HOSTILE);
		expect(paragraphs.find((p) => p.style === 'Heading1')?.text).toBe(`1. ${HOSTILE}`);
	});
});

describe('Typst escaping', () => {
	it('writes string literals that hold any text, less the control characters no font can show', () => {
		expect(typstString('Sä "ja" \\ nu')).toBe('"Sä \\"ja\\" \\\\ nu"');
		expect(typstString('a\nb\tc\r\u0000\u0001\uFFFF\u2028')).toBe('"a\\nb\\tc\\r\\u{2028}"');
		expect(typstText('x')).toBe('#"x";');
		expect(typstString('\ud800')).toBe('"\ufffd"');
	});

	it('puts hostile user text into the source only as string literals', () => {
		const source = meetingTypst(hostile);
		const literal = '#"#set page(width: 1cm) *x* _y_ $z$ @ref <l> \\\\ \\"q\\"";';
		expect(source).toContain(literal);
		expect(source).toContain(`= #"1. #set page(width: 1cm) *x* _y_ $z$ @ref <l> \\\\ \\"q\\"";`);
		// Outside the string literals nothing of the user's text is left.
		const outside = source.replace(/"(?:[^"\\]|\\.)*"/g, '""');
		for (const bit of ['width: 1cm', '*x*', '_y_', '$z$', '@ref', '<l>', 'panic', '```', ']) }']) expect(outside).not.toContain(bit);
	});

	it('compiles hostile text and shows it literally', async () => {
		const pdf = await meetingPdf(hostile);
		expect(latin1(pdf.subarray(0, 5))).toBe('%PDF-');
		const text = flat(pdfText(pdf));
		expect(text).toContain(HOSTILE);
		expect(text).toContain(`1. ${HOSTILE}`);
		expect(text).toContain('#panic("p")');
		expect(text).toContain('#"a";.len()');
		expect(text).toContain('Ordförandebeslut:');
		// The page kept its A4 width: `#set page(width: 1cm)` did nothing.
		expect(latin1(pdf)).toMatch(/\/MediaBox \[0 0 595\.27\d* 841\.8\d*\]/);
	});

	it('reports a source that does not compile', async () => {
		await expect(typstPdf('#let x = (')).rejects.toBeInstanceOf(TypstError);
	});
});

describe('meetingPdf', () => {
	it('sets the minutes on several A4 pages with embedded fonts, in Swedish', async () => {
		const pdf = await meetingPdf(minutes);
		const raw = latin1(pdf);
		expect(raw.startsWith('%PDF-')).toBe(true);
		expect(pageCount(pdf)).toBeGreaterThan(1);
		expect(raw).toMatch(/\/FontFile[23]?\s+\d+ 0 R/);
		// Tagged PDF/UA-1 (ISO 14289-1), declared in the XMP metadata.
		expect(raw).toContain('<pdfuaid:part>1</pdfuaid:part>');
		expect(raw).toMatch(/\/MarkInfo\s*<<\s*\/Marked true/);
		expect(raw).toMatch(/\/StructTreeRoot\s+\d+ 0 R/);
		// The XMP metadata is UTF-8: the title with its å and ö.
		expect(Buffer.from(pdf).toString('utf8')).toContain(`<rdf:li xml:lang="x-default">${minutes.title}</rdf:li>`);

		const text = pdfText(pdf);
		const lines = text.split('\n').map((l) => l.trim());
		const flatText = flat(text);
		expect(flatText).toContain('Minnesanteckningar från möte med Södertörnskommunernas ledningsgrupp');
		expect(flatText).toContain('Tid: Fredagen den 20 november 2020 kl 8.30–11.00');
		expect(lines).toContain('Närvarande');
		expect(lines).toContain('Frånvarande');
		for (const p of [...minutes.present, ...minutes.absent]) expect(lines).toContain(personLine(p));
		for (const item of minutes.items) {
			expect(lines).toContain(`${item.number}. ${item.title}`);
			for (const d of item.decisions) expect(flatText).toContain(d.text);
			for (const m of item.openMatters) expect(flatText).toContain(m.note);
		}
		expect(lines.filter((l) => l === 'Beslut')).toHaveLength(2);
		expect(flatText).toMatch(/Vid anteckningarna\s*Justerades/);
		expect(flatText).toMatch(/Anna Söderström\s*Helene Olofsson/);
		expect(flatText).toContain('Sida 1 (');
		expect(flatText).toContain('Södertörnskommunerna Minnesanteckningar');
	});

	it('sets the extended minutes: chair decision, action items, tabled item, notes', async () => {
		const text = flat(pdfText(await meetingPdf(extended)));
		expect(text).toContain('Ordförandebeslut: Ordföranden kallar till extrainsatt möte.');
		expect(text).toContain('Ansvarig: Rickard Sundbom');
		expect(text).toContain('Klart senast: 26 november 2020');
		expect(text).toContain('Bordläggs till extrainsatt möte den 26 november 2020.');
		expect(text).toContain(extended.chairNote);
		expect(text).toContain(extended.versionNote);
	});

	it('sets the notice: agenda, status, none of the minutes', async () => {
		const pdf = await meetingPdf({ ...notice, statusNote: 'Inställt' });
		expect(pageCount(pdf)).toBe(1);
		const text = flat(pdfText(pdf));
		expect(text).toContain(notice.title);
		expect(text).toContain('Inställt');
		expect(text).toContain('Dagordning');
		expect(text).toContain('Mötesform: Digitalt');
		for (const item of notice.items) expect(text).toContain(`${item.number}. ${item.title}`);
		expect(text).toContain('Föredragande: Helene Olofsson');
		for (const absent of ['Närvarande', 'Beslut', 'Vid anteckningarna', 'Kort paus.', minutes.items[4].decisions[0].text])
			expect(text).not.toContain(absent);

		const fromMinutes = flat(pdfText(await meetingPdf({ ...extended, kind: 'notice' })));
		expect(fromMinutes).toContain('Dagordning');
		for (const absent of ['Närvarande', 'Beslut', 'Att göra', 'Utestående ärenden', 'Bordläggs', 'Vid anteckningarna', 'Ordförandebeslut'])
			expect(fromMinutes).not.toContain(absent);
	});
});
