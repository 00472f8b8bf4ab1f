// The published documents on a real database, over the demo data: the 2020 and
// 2021 annual reports hold, chapter by chapter, what seeds 000 and 001 hold
// (the population, the goals table, the activities, the joint responses, the
// external meetings, the meetings and the closing figures); 2018 comes out of
// the same generator in its own chapters; the 2020 plan has its action plan and
// the agreement as Bilaga 2. The DOCX is read back as XML (real headings, real
// tables) and the PDF as text. Adoption freezes the files with their checksum,
// and later changes to the data do not touch them; a draft is for editors
// only; a new year starts from the last year's template; bad input is refused
// with nothing saved.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from './db.ts';
import { refused } from './refused.ts';
import type { Db } from '../../src/lib/server/db/client.ts';
import { auditLog, organisation, reportEdition, reportTemplate, storedFile } from '../../src/lib/server/db/schema/index.ts';
import { demoDir, loadDemo } from '../../src/lib/server/demo/load.ts';
import { decidedOnOf, freezeDemoEditions } from '../../src/lib/server/demo/documents.ts';
import { adoptReport, buildReport, readReport, reportFile } from '../../src/lib/server/documents/reports.ts';
import { resolveTemplate, saveTemplate } from '../../src/lib/server/documents/report-template.ts';
import { compareAnnualReport } from '../../src/lib/server/documents/compare.ts';
import { reportPdf } from '../../src/lib/server/documents/report-pdf.ts';
import { reportDocx } from '../../src/lib/server/documents/report-docx.ts';
import { publicAddresses } from '../../src/lib/server/documents/sitemap.ts';
import { chaptersOf, plainText, type Report } from '../../src/lib/core/report.ts';
import { PUBLIC, type Actor } from '../../src/lib/server/actor.ts';
import { ForbiddenError, UnauthenticatedError } from '../../src/lib/server/errors.ts';
import { createExternalMeeting } from '../../src/lib/server/projects/service.ts';

const editor: Actor = { accountId: null, name: 'Kansliet', role: 'editor', personId: null };
const member: Actor = { accountId: null, name: 'Ledamot', role: 'member', personId: null };

let db: Db;
let r2021: Report;
let r2020: Report;

/** Figures are set with no-break spaces ("513\u00a0445"); the assertions write plain ones. */
const spaces = (s: string) => s.replace(/\u00a0/g, ' ');

/** The text of the chapter whose heading starts with the number. */
const chapter = (r: Report, number: string) => {
	const c = chaptersOf(r.blocks).find((x) => x.heading.number === number);
	if (!c) throw new Error(`no chapter ${number}`);
	return spaces(plainText([c.heading, ...c.blocks]));
};

const pdfText = (pdf: Uint8Array) => {
	const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-pdf-')), 'r.pdf');
	fs.writeFileSync(file, pdf);
	return spaces(execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }));
};

beforeAll(async () => {
	({ db } = await freshDb());
	await loadDemo(db);
	r2021 = await buildReport(db, 'annual', 2021, null);
	r2020 = await buildReport(db, 'annual', 2020, null);
}, 120_000);

describe('the annual report 2021 against seed 001', () => {
	it('has the eight chapters of the year’s template, in order', () => {
		const headings = chaptersOf(r2021.blocks).map((c) => `${c.heading.number} ${c.heading.text}`);
		expect(headings).toEqual([
			'1 Inledning',
			'2 Övergripande mål och fokusområden 2021',
			'3 Uppföljning av fokusområdena',
			'4 Gemensamma remissvar',
			'5 Externa möten',
			'6 Projekt',
			'7 Möten, konferenser och administration',
			'8 Bokslut 2021'
		]);
		expect(r2021.cover).toMatchObject({ issuer: 'Södertörnskommunernas Samarbetskommitté', responsible: 'Helene Olofsson' });
	});

	it('fills in the population at the end of the year and its change from the data', () => {
		const text = chapter(r2021, '1');
		expect(text).toContain('Vid årets slut var antalet invånare på Södertörn 513 445 personer.');
		expect(text).toContain('Mellan 2020 – 2021 var ökningen 5 893 personer.');
		expect(text).not.toMatch(/\{[a-zåäö]+\}/);
	});

	it('sets out the goals, the focus areas with their sub-goals, each activity and each network’s year', () => {
		expect(chapter(r2021, '2')).toMatch(/Regionala utvecklingsfrågor \|.*\| Infrastruktur, Utbildning, Näringsliv/);
		const c3 = chapter(r2021, '3');
		for (const h of ['3.1 Infrastruktur', '3.2 Utbildning', '3.3 Näringsliv', '3.4 Funktionell samordning']) expect(c3).toContain(h);
		expect(c3).toContain('Huvudmål: Stark infrastruktur är en förutsättning för hållbar utveckling');
		expect(c3).toContain('Uppföljning av aktiviteter i handlingsplanen');
		expect(c3).toContain('Tvärförbindelse Södertörn');
		expect(c3).toMatch(/Nätverket för planeringschefer: Under 2021 har nätverket haft/);
	});

	it('lists the joint responses sent, and those answered but sent the year after', () => {
		const c4 = chapter(r2021, '4');
		expect(c4).toContain('Under 2021 har sju Södertörnsgemensamma remissvar skickats in:');
		expect(c4).toContain('Inriktningsunderlag inför den långsiktiga infrastrukturplaneringen – Regeringen (skickat 29 januari 2021)');
		expect(c4).toContain('Granskning vägplan Tvärförbindelse Södertörn – Trafikverket (mars 2021)');
		expect(c4).toContain('Förslag till nationell plan för transportinfrastrukturen 2022–2033 – Regeringen (februari 2022)');
	});

	it('groups the external meetings by who met whom', () => {
		const c5 = chapter(r2021, '5');
		expect(c5).toContain('Samarbetskommittén har träffat:');
		expect(c5).toContain('Kommundirektörerna har träffat:');
		expect(c5).toMatch(/Irene Svenonius och Gustav Hemming.*\(26 oktober 2021\)/);
	});

	it('names the projects, the bodies’ meetings with their chairs, the conference, and the closing tables with the ledger’s figures', () => {
		const c6 = chapter(r2021, '6');
		expect(c6).toContain('Påverkansarbete Tvärförbindelse Södertörn');
		const c7 = chapter(r2021, '7');
		expect(c7).toContain('Under 2021 har samarbetskommittén haft fem ordinarie möten och en planeringskonferens (digitalt).');
		expect(c7).toContain('171 deltagare, varav 124 från kommunerna.');
		const c8 = chapter(r2021, '8');
		expect(c8).toContain('Avgiften för 2021 är 4 kr per invånare');
		expect(c8).toContain('Sammanställning 2021');
		expect(c8).toMatch(/Summa \| 1 381 131 \| 2 030 208 \| 2 078 794 \| 1 332 545/);
	});

	it('compared with seed 001: every chapter matched, and what the data does not hold is named', async () => {
		const c = await compareAnnualReport(db, member, 2021);
		expect(c.chapters.map((x) => x.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
		expect(c.chapters.every((x) => x.generatedTitle)).toBe(true);
		// The closing figures come from the ledger; most of the chapter is held.
		const closing = c.chapters.find((x) => x.number === '8')!;
		expect(closing.held / closing.statements).toBeGreaterThan(0.8);
		// The networks' meeting counts the seed prints are not all in the demo's meeting register.
		const meetings = c.chapters.find((x) => x.number === '7')!;
		expect(meetings.missing.length).toBeGreaterThan(0);
		expect(meetings.held + meetings.missing.length).toBe(meetings.statements);
	});
});

describe('the annual report 2020 against seed 000, and 2018 from the same generator', () => {
	it('has seven chapters: no Externa möten, so Projekt is 5, Möten 6 and Bokslut 7', () => {
		expect(chaptersOf(r2020.blocks).map((c) => `${c.heading.number} ${c.heading.text}`)).toEqual([
			'1 Inledning',
			'2 Övergripande mål och fokusområden 2020',
			'3 Uppföljning av fokusområdena',
			'4 Gemensamma remissvar',
			'5 Projekt',
			'6 Möten, konferenser och administration',
			'7 Bokslut 2020'
		]);
		expect(chapter(r2020, '1')).toContain('Vid årets slut var antalet invånare på Södertörn 507 552 personer.');
	});

	it('counts the three responses written in 2020, as seed 000 does, Inriktningsunderlaget among them though sent in 2021, with the days they went in', () => {
		const c4 = chapter(r2020, '4');
		expect(c4).toContain('Under 2020 har tre Södertörnsgemensamma remissvar skrivits:');
		expect(c4).toContain('Vägplan E4/E20 Södertäljebroarna, kapacitetsförstärkning – Trafikverket (skickat 14 december 2020)');
		expect(c4).toContain('Inriktningsunderlag inför den långsiktiga infrastrukturplaneringen – Regeringen (skickat 29 januari 2021)');
		expect(c4).not.toContain('skickats in');
	});

	it('prints the 2020 closing from the ledger', () => {
		const c7 = chapter(r2020, '7');
		expect(c7).toContain('Sammanställning 2020');
		expect(c7).toContain('Södertörnssamarbetet drift');
	});

	it('builds 2018 in its own chapters: the programme’s areas in 3, the plan’s own area in 4', async () => {
		const r = await buildReport(db, 'annual', 2018, null);
		const heads = chaptersOf(r.blocks).map((c) => `${c.heading.number} ${c.heading.text}`);
		expect(heads.slice(0, 4)).toEqual([
			'1 Inledning',
			'2 Samverkansområden och inriktning 2018',
			'3 Uppföljning av regionala utvecklingsfrågor',
			'4 Verksamhetsfrågor'
		]);
		expect(chapter(r, '3')).toContain('3.1 Infrastruktur');
		expect(chapter(r, '4')).toContain('4.1 Uppdaterat utvecklingsprogram SUP 2019');
		expect(chapter(r, '1')).toContain('494 358');
	});
});

describe('the published text', () => {
	it('reads as the cooperation publishes it: no transcription references ("seed 001:156", "(004:365)") in any report or plan', async () => {
		const reference = /seed 0\d\d|clean\/0\d\d|\(0\d\d:\d/;
		const reports = [r2021, r2020, await buildReport(db, 'annual', 2018, null)];
		for (const year of [2018, 2020, 2021]) reports.push(await buildReport(db, 'plan', year, null));
		for (const r of reports) {
			const lines = plainText(r.blocks)
				.split('\n')
				.filter((l) => reference.test(l));
			expect(lines, `${r.kind} ${r.year}`).toEqual([]);
		}
	});
});

describe('the operational plan 2020 in the structure of seed 003', () => {
	let plan: Report;
	beforeAll(async () => {
		plan = await buildReport(db, 'plan', 2020, { decidedOn: null });
	});

	it('has the action plan as a table per focus area and the agreement’s ten paragraphs as Bilaga 2', () => {
		const heads = chaptersOf(plan.blocks).map((c) => `${c.heading.number} ${c.heading.text}`);
		expect(heads).toContain('Bilaga 1 Handlingsplan 2020');
		expect(heads).toContain('Bilaga 2 Samarbetskommitténs samarbetsavtal');
		const b1 = chapter(plan, 'Bilaga 1');
		expect(b1).toContain('Delmål | Aktivitet | Ansvarig | När | Kommentar');
		const b2 = chapter(plan, 'Bilaga 2');
		for (let n = 1; n <= 10; n++) expect(b2).toContain(`§ ${n} `);
		expect(b2).toContain('§ 9 Utträde ur kommittén');
	});

	it('has the calendar of the year’s meetings and the budget with its sums', () => {
		const text = spaces(plainText(plan.blocks));
		expect(text).toMatch(/Datum \| Dag \| Tid \| Plats \| Anmärkning/);
		expect(text).toContain('Summa intäkter');
		expect(text).toContain('Summa kostnader');
		expect(text).toContain('Avgiften är 4 kr per invånare');
	});
});

describe('DOCX and PDF read back', () => {
	it('the DOCX has real Word headings, real tables and a table of contents field', async () => {
		const docx = await reportDocx(r2021);
		const zip = unzipSync(docx);
		const xml = strFromU8(zip['word/document.xml']);
		const headings = [...xml.matchAll(/<w:pStyle w:val="Heading1"\/>.*?<\/w:p>/g)].map((m) => m[0].replace(/<[^>]+>/g, ''));
		expect(headings).toEqual(chaptersOf(r2021.blocks).map((c) => `${c.heading.number} ${c.heading.text}`));
		expect(xml).toContain('<w:pStyle w:val="Heading2"/>');
		expect((xml.match(/<w:tbl>/g) ?? []).length).toBeGreaterThanOrEqual(3);
		expect(xml).toContain('TOC \\h \\o &quot;1-2&quot;');
		expect(spaces(xml)).toContain('1 332 545');
		// The table of contents is written with its page numbers, clean: Word is not asked to update fields on opening.
		expect(xml).toMatch(/1 Inledning<\/w:t>.*?PAGEREF _Toc\w+ \\h<\/w:instrText><w:fldChar w:fldCharType="separate"\/><w:t[^>]*>3<\/w:t>/);
		const settings = strFromU8(zip['word/settings.xml']);
		expect(settings).not.toContain('updateFields');
	});

	it('the PDF is PDF/UA-1 with the cover, a table of contents with page numbers, the chapters and the figures', async () => {
		const pdf = await reportPdf(r2021);
		const head = Buffer.from(pdf.subarray(0, 200_000)).toString('latin1');
		expect(head.startsWith('%PDF-')).toBe(true);
		const all = Buffer.from(pdf).toString('latin1');
		expect(all).toContain('<pdfuaid:part>1</pdfuaid:part>');
		const text = pdfText(pdf);
		expect(text).toContain('Årsredovisning och bokslut 2021');
		expect(text).toContain('Innehållsförteckning');
		// Typst 0.14 puts a word joiner (U+2060) before the page number.
		expect(text).toMatch(/4 Gemensamma remissvar[ .\u2060]*\d+\n/);
		expect(text).toContain('8 Bokslut 2021');
		expect(text).toContain('513 445');
		expect(text).toContain('1 332 545');
	});
});

describe('adoption and access', () => {
	it('a draft is for editors: the public is sent to log in, a member refused', async () => {
		await expect(readReport(db, PUBLIC, 'annual', 2021)).rejects.toBeInstanceOf(UnauthenticatedError);
		await expect(readReport(db, member, 'annual', 2021)).rejects.toBeInstanceOf(ForbiddenError);
		const draft = await readReport(db, editor, 'annual', 2021);
		expect(draft.edition).toBeNull();
		expect(draft.report.cover.decided).toBeNull();
	});

	it('an adopted plan is public before it is frozen', async () => {
		const r = await readReport(db, PUBLIC, 'plan', 2020);
		expect(r.adopted).toBe(true);
	});

	it('refuses a bad decision date, naming the field, and saves nothing', async () => {
		const before = (await db.select({ n: count() }).from(auditLog))[0].n;
		expect(await refused(() => adoptReport(db, editor, 'annual', 2021, { decidedOn: '2022-02-30' }))).toHaveProperty('decidedOn');
		expect(await refused(() => adoptReport(db, editor, 'annual', 2021, { decidedOn: '2020-05-01' }))).toEqual({
			decidedOn: 'Årsredovisningen 2021 kan inte beslutas före 2021.'
		});
		await expect(adoptReport(db, member, 'annual', 2021, { decidedOn: '2022-02-09' })).rejects.toBeInstanceOf(ForbiddenError);
		expect((await db.select({ n: count() }).from(reportEdition))[0].n).toBe(0);
		expect((await db.select({ n: count() }).from(auditLog))[0].n).toBe(before);
	});

	it('freezes the adopted report: the files keep their checksum whatever the data says later', async () => {
		const edition = await adoptReport(db, editor, 'annual', 2021, { decidedOn: '2022-02-09' });
		expect(edition.decidedOn).toBe('2022-02-09');
		const pdf = await reportFile(db, PUBLIC, 'annual', 2021, 'pdf');
		expect(pdf.frozen).toBe(true);
		expect(pdf.sha256).toBe(createHash('sha256').update(pdf.content).digest('hex'));
		expect(pdfText(pdf.content)).toContain('Beslutad 9 februari 2022');
		const [audit] = await db.select().from(auditLog).where(eq(auditLog.entity, 'report_edition'));
		expect(audit.action).toBe('adopt');

		// A meeting recorded afterwards changes a new draft, not the adopted edition.
		const [trafikverket] = await db.select({ id: organisation.id }).from(organisation).where(eq(organisation.name, 'Trafikverket'));
		await createExternalMeeting(db, editor, {
			heldOn: '2021-12-01',
			organisationIds: [trafikverket.id],
			topic: 'Ett möte som registrerades i efterhand',
			status: 'held'
		});
		expect(chapter(await buildReport(db, 'annual', 2021, null), '5')).toContain('Ett möte som registrerades i efterhand');
		const again = await readReport(db, PUBLIC, 'annual', 2021);
		expect(spaces(plainText(again.report.blocks))).not.toContain('Ett möte som registrerades i efterhand');
		const pdfAgain = await reportFile(db, PUBLIC, 'annual', 2021, 'pdf');
		expect(pdfAgain.sha256).toBe(pdf.sha256);
		const docx = await reportFile(db, PUBLIC, 'annual', 2021, 'docx');
		const [stored] = await db.select({ sha256: storedFile.sha256 }).from(storedFile).where(eq(storedFile.sha256, docx.sha256!));
		expect(stored).toBeDefined();

		expect(await refused(() => adoptReport(db, editor, 'annual', 2021, { decidedOn: '2022-02-10' }))).toEqual({
			decidedOn: 'Årsredovisning 2021 är redan fastställd.'
		});
		expect(await publicAddresses(db)).toContain('/reports/annual/2021.html');
	});
});

describe('templates', () => {
	it('a new year starts from the last year’s template, with the year moved on and no introduction carried over', async () => {
		const t = await resolveTemplate(db, 'annual', 2022);
		expect(t.derivedFrom).toBe(2021);
		expect(t.id).toBeNull();
		expect(t.chapters.map((c) => c.title)).toContain('Bokslut 2022');
		expect(t.chapters.map((c) => c.title)).toContain('Övergripande mål och fokusområden 2022');
		expect(t.introText).toBeNull();
	});

	it('saving makes it the year’s own; a stale version is refused; a chapter without a title is refused by name', async () => {
		const t = await resolveTemplate(db, 'annual', 2022);
		const saved = await saveTemplate(db, editor, 'annual', 2022, {
			title: t.title,
			tableOfContents: 'on',
			introText: 'Vid årets slut bodde {befolkning} personer i samarbetet.',
			chapters: t.chapters.filter((c) => c.content !== 'external_meetings')
		});
		const own = await resolveTemplate(db, 'annual', 2022);
		expect(own.id).toBe(saved.id);
		expect(own.chapters).toHaveLength(7);
		expect(
			await refused(() =>
				saveTemplate(db, editor, 'annual', 2022, { title: 'X', chapters: [{ title: '', content: 'text' }], version: saved.version })
			)
		).toHaveProperty('chapters.0.title');
		await expect(
			saveTemplate(db, editor, 'annual', 2022, { title: 'X', chapters: own.chapters, version: saved.version + 5 })
		).rejects.toThrow();
		const [row] = await db.select().from(reportTemplate).where(eq(reportTemplate.id, saved.id));
		expect(row.title).toBe(t.title);
		await expect(saveTemplate(db, member, 'annual', 2022, { title: 'X', chapters: own.chapters })).rejects.toBeInstanceOf(ForbiddenError);
	});

	it('the demo’s adopted documents are frozen with the decision on their cover', async () => {
		const { db: other } = await freshDb();
		await loadDemo(other);
		expect(await freezeDemoEditions(other, demoDir())).toBe(6);
		const rows = await other
			.select({ kind: reportEdition.kind, year: reportEdition.year, decidedOn: reportEdition.decidedOn })
			.from(reportEdition);
		expect(rows).toContainEqual({ kind: 'annual', year: 2021, decidedOn: '2022-02-09' });
		expect(rows).toContainEqual({ kind: 'annual', year: 2018, decidedOn: '2019-02-07' });
		expect(rows).toContainEqual({ kind: 'annual', year: 2020, decidedOn: null });
		expect(decidedOnOf('Beslutad 9 februari 2022')).toBe('2022-02-09');
		expect(decidedOnOf(null)).toBeNull();
		const r = await readReport(other, PUBLIC, 'annual', 2020);
		expect(r.report.cover.decided).toBe('Fastställd, beslutsdatum saknas');
	}, 120_000);
});
