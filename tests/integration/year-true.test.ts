// Each year's documents show that year as the cooperation lived it: the
// chairs, vice chairs and staff of that year and no other, and the meetings the
// published report counts, read back from the generated DOCX and PDF of the
// 2018, 2020 and 2021 annual reports and the 2020 plan (seeds 004, 000, 001, 003).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from './db.ts';
import { refused } from './refused.ts';
import type { Db } from '../../src/lib/server/db/client.ts';
import { auditLog, body, meeting, membership, municipality, outbox, person } from '../../src/lib/server/db/schema/index.ts';
import { loadDemo } from '../../src/lib/server/demo/load.ts';
import { createMeeting } from '../../src/lib/server/meetings/service.ts';
import { sendNotice } from '../../src/lib/server/meetings/notices.ts';
import { listMeetingCounts, meetingCounts, turnoverCounts } from '../../src/lib/server/meetings/counts.ts';
import { createEntry, removeEntry } from '../../src/lib/server/register.ts';
import { memberships } from '../../src/lib/server/organisation/registers.ts';
import type { Actor } from '../../src/lib/server/actor.ts';
import { buildReport } from '../../src/lib/server/documents/reports.ts';
import { closeYear, yearClosing } from '../../src/lib/server/finance/closing.ts';
import { financeOverview, yearPage } from '../../src/lib/server/finance/pages.ts';
import { budgetAgainstOutcome, financeYears } from '../../src/lib/server/finance/queries.ts';
import { countingRoundTrips, installRoundTripCounter } from '../../src/lib/server/db/round-trips.ts';
import { reportPdf } from '../../src/lib/server/documents/report-pdf.ts';
import { reportDocx } from '../../src/lib/server/documents/report-docx.ts';
import { chaptersOf, plainText, type Report } from '../../src/lib/core/report.ts';
import { agreement } from '../../src/lib/core/report-compare.ts';
import { compareAnnualReport, publishedYears } from '../../src/lib/server/documents/compare.ts';

const editor: Actor = { accountId: null, name: 'Kansliet', role: 'editor', personId: null };

let db: Db;
const reports = new Map<string, Report>();

const spaces = (s: string) => s.replace(/\u00a0/g, ' ');
const chapter = (r: Report, number: string) => {
	const c = chaptersOf(r.blocks).find((x) => x.heading.number === number);
	if (!c) throw new Error(`no chapter ${number}`);
	return spaces(plainText([c.heading, ...c.blocks]));
};

/** The text of a DOCX, a paragraph a line, and of a PDF as pdftotext reads it, each with its whitespace made single spaces. */
const docxText = (docx: Uint8Array) =>
	spaces(
		[...strFromU8(unzipSync(docx)['word/document.xml']).matchAll(/<w:p[ >].*?<\/w:p>/g)]
			.map((p) => p[0].replace(/<[^>]+>/g, '').replace(/&amp;/g, '&'))
			.join('\n')
	);
const pdfText = (pdf: Uint8Array) => {
	const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-year-')), 'r.pdf');
	fs.writeFileSync(file, pdf);
	return spaces(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }));
};
const oneLine = (s: string) => s.replace(/-\n(?=[a-zåäö])/g, '').replace(/\s+/g, ' ');

const texts = new Map<string, { docx: string; pdf: string }>();

beforeAll(async () => {
	({ db } = await freshDb());
	await loadDemo(db);
	for (const [kind, year] of [
		['annual', 2018],
		['annual', 2020],
		['annual', 2021],
		['plan', 2020]
	] as const)
		reports.set(`${kind}-${year}`, await buildReport(db, kind, year, null));
	// Each document's DOCX and PDF, made once for the file.
	for (const [key, r] of reports) texts.set(key, { docx: docxText(await reportDocx(r)), pdf: pdfText(await reportPdf(r)) });
}, 120_000);

/** Who a document names in a role, as "Role: Name" with any change date, in the order printed. */
const ROLE_LINE =
	/(Ordförande|Vice ordförande|Strateg|Administratör|Utvecklingsledare|Projektanställd): ([A-ZÅÄÖ][a-zåäöé]+(?:[ -][A-ZÅÄÖ][a-zåäöé]+)+)(?:, [A-ZÅÄÖ][a-zåäö]+)?(?: \((fr o m|t o m) (\d+ [a-z]+|[a-z]+)\))?/g;
const rolesIn = (text: string) => [...text.matchAll(ROLE_LINE)].map((m) => `${m[1]}: ${m[2]}${m[3] ? ` (${m[3]} ${m[4]})` : ''}`).sort();

/** The chairs, vice chairs and staff each published document names (seeds 004, 000, 001 and 003). */
const PUBLISHED_ROLES: Record<string, string[]> = {
	// 004, 7: the committee's and the management group's chairs; the secretariat
	'annual-2018': [
		'Ordförande: Fredrik Saweståhl',
		'Vice ordförande: Patrik Isestad',
		'Ordförande: Mattias Jansson',
		'Ordförande: Magdalena Bosson',
		'Ordförande: Rickard Sundbom',
		'Utvecklingsledare: Cecilia Mårtensson',
		'Administratör: Anna Söderström (fr o m juni)',
		'Projektanställd: Karin Hassler (t o m juni)'
	],
	// 000, 6
	'annual-2020': [
		'Ordförande: Daniel Dronjak',
		'Vice ordförande: Boel Godner',
		'Ordförande: Rickard Sundbom',
		'Strateg: Helene Olofsson (fr o m 12 februari)',
		'Administratör: Anna Söderström'
	],
	// 001, 7: "Rickard Sundbom … t o m 12 mars. Magnus Gyllestad … fr o m den 12 mars."
	'annual-2021': [
		'Ordförande: Boel Godner',
		'Vice ordförande: Harry Bouveng',
		'Ordförande: Rickard Sundbom (t o m 12 mars)',
		'Ordförande: Magnus Gyllestad (fr o m 12 mars)',
		'Strateg: Helene Olofsson',
		'Administratör: Anna Söderström'
	],
	// 003, 6 Arbetsformer
	'plan-2020': ['Ordförande: Daniel Dronjak', 'Vice ordförande: Boel Godner', 'Ordförande: Rickard Sundbom']
};

/** The meetings each annual report counts, body by body, as the published one does. */
const PUBLISHED_MEETINGS: Record<string, string[]> = {
	// 004, 7: six each; the committee's planning conference moved to January because of the election
	'annual-2018': ['samarbetskommittén haft sex ordinarie möten.', 'ledningsgruppen haft sex ordinarie möten och en planeringskonferens.'],
	// 000, 3 and 6
	'annual-2020': [
		'samarbetskommittén haft fem ordinarie möten (digitalt) och en planeringskonferens (fysiskt).',
		'ledningsgruppen haft fem ordinarie möten (ett digitalt och fyra där formen inte är angiven), två extra möten och en planeringskonferens (fysiskt).',
		'Nätverket för planeringschefer Under 2020 har nätverket haft fem ordinarie möten (fyra digitalt och ett fysiskt).',
		'Nätverket för klimatstrategier Under 2020 har nätverket haft sex ordinarie möten (fem digitalt och ett fysiskt).',
		'Nätverket för näringslivschefer Under 2020 har nätverket haft sex ordinarie möten (fem digitalt och ett fysiskt), åtta extra möten och ett gemensamt nätverksmöte (fysiskt).',
		'Nätverket för kommunikationschefer Under 2020 har nätverket haft tre ordinarie möten (digitalt), ett extra möte och ett gemensamt nätverksmöte (fysiskt).'
	],
	// 001, 7: five ordinary meetings and the planning conference on 14 January; six and the one on 8 September; each network five digital and the joint one in August, SNUG three extra
	'annual-2021': [
		'samarbetskommittén haft fem ordinarie möten och en planeringskonferens (digitalt).',
		'ledningsgruppen haft sex ordinarie möten och en planeringskonferens (fysiskt).',
		'Nätverket för planeringschefer Under 2021 har nätverket haft fem ordinarie möten (digitalt) och ett gemensamt nätverksmöte (fysiskt).',
		'Nätverket för klimatstrategier Under 2021 har nätverket haft fem ordinarie möten (digitalt) och ett gemensamt nätverksmöte (fysiskt).',
		'Nätverket för näringslivschefer Under 2021 har nätverket haft fem ordinarie möten (digitalt), tre extra möten och ett gemensamt nätverksmöte (fysiskt).',
		'Nätverket för kommunikationschefer Under 2021 har nätverket haft fem ordinarie möten (digitalt) och ett gemensamt nätverksmöte (fysiskt).'
	]
};

describe('each year’s documents name that year’s people and count that year’s meetings', () => {
	for (const key of Object.keys(PUBLISHED_ROLES)) {
		it(`${key}: the chairs, vice chairs and staff are exactly the published ones, in the DOCX and the PDF`, () => {
			const t = texts.get(key)!;
			expect(rolesIn(t.docx)).toEqual([...PUBLISHED_ROLES[key]].sort());
			expect(rolesIn(oneLine(t.pdf))).toEqual([...PUBLISHED_ROLES[key]].sort());
		});
	}

	for (const key of Object.keys(PUBLISHED_MEETINGS)) {
		it(`${key}: each body's and network's meetings as the published report counts them`, () => {
			const t = texts.get(key)!;
			const docx = oneLine(t.docx);
			const pdf = oneLine(t.pdf);
			for (const sentence of PUBLISHED_MEETINGS[key]) {
				expect(docx).toContain(sentence);
				expect(pdf).toContain(sentence);
			}
			expect(docx).not.toMatch(/(samarbetskommittén|ledningsgruppen) inte haft något registrerat möte/);
		});
	}

	it('prints no "[oläsligt]": the word is taken from the sources, or the phrase left out with a note in the record', () => {
		for (const [key, t] of texts) {
			expect(t.docx, key).not.toContain('oläsligt');
			expect(t.pdf, key).not.toContain('oläsligt');
		}
	});

	it('2018: the operating result in the text is the one in the closing table (seed 004: "drygt 110 000")', () => {
		const c8 = chapter(reports.get('annual-2018')!, '8');
		expect(c8).toContain('Årets resultat för driften är 110 852 kr, sedan 179 849 kr förts över till andra fonder.');
		expect(c8).toMatch(/Södertörnssamarbetet drift \| {2}\| 1 954 940 \| 1 664 239 \| −179 849 \| 110 852/);
		expect(oneLine(texts.get('annual-2018')!.pdf)).toContain('Årets resultat för driften är 110 852 kr');
	});
});

describe('each year’s projects chapter', () => {
	/** The sections of the projects chapter as printed: "5.1 Title". */
	const sections = (key: string, number: string) =>
		chapter(reports.get(key)!, number)
			.split('\n')
			.filter((l) => new RegExp(`^${number.replace('.', '\\.')}\\.\\d `).test(l));

	it('lists the projects the published report lists, in its order, with that year’s text (004 6, 000 5, 001 6)', () => {
		expect(sections('annual-2018', '6')).toEqual(['6.1 Södertörnsmodellen']);
		expect(sections('annual-2020', '5')).toEqual([
			'5.1 Extra analyser av näringslivet på Södertörn som följd av Corona',
			'5.2 Kartor över infrastruktur på Södertörn'
		]);
		expect(sections('annual-2021', '6')).toEqual([
			'6.1 Översyn samverkansformer Södertörnssamverkan',
			'6.2 Påverkansarbete Tvärförbindelse Södertörn'
		]);
		// Chapter 3's "mer information i kapitel 6.1" points to the review of the forms of cooperation.
		expect(chapter(reports.get('annual-2021')!, '3')).toContain('(mer information i kapitel 6.1)');
		// HITS is a project of 2021 whose start the sources do not give: not in 2018's report.
		expect(texts.get('annual-2018')!.pdf).not.toContain('HITS');
	});

	it('prints no sentence of a later year, and the year’s own costs from the ledger', () => {
		const c5 = chapter(reports.get('annual-2020')!, '5');
		expect(c5).not.toMatch(/2021|2022/);
		expect(c5).toContain(
			'Flera kartor har beställts och producerats av företaget Detail Produktion AB till en total kostnad av 22 500 kr.'
		);
		expect(c5).toContain('Bokförda kostnader 2020: 22 500 kr.');
		expect(c5).toContain('Bokförda kostnader 2020: 242 800 kr.');
		// Södertörnsmodellen's chapter in 2018 holds no cost of 2020 or 2021.
		expect(chapter(reports.get('annual-2018')!, '6')).not.toMatch(/2020|2021/);
	});

	it('without a text written for the year, lists the projects that ran in it, and no project whose years are unknown', async () => {
		const r2019 = await buildReport(db, 'annual', 2019, null);
		const projects = chaptersOf(r2019.blocks).find((c) => c.heading.text === 'Projekt')!;
		const text = spaces(plainText([projects.heading, ...projects.blocks]));
		expect(text).toContain('Ingen text om projekten är skriven för årsredovisningen 2019. Projekt som pågick under året:');
		expect(text).toContain('Systemanalys Södertörn');
		expect(text).not.toContain('HITS');
	});
});

describe('a notice goes to the members of the meeting’s date', () => {
	const NEXT = new Date().getFullYear() + 1;
	it('is refused for a body with no known members on that date, saving nothing; then goes to exactly the member added', async () => {
		const [ssk] = await db.select().from(body).where(eq(body.shortName, 'Samarbetskommittén'));
		const m = await createMeeting(db, editor, { bodyIds: [ssk.id], kind: 'ordinary', date: `${NEXT}-03-04`, start: '12:00', end: '15:00' });
		const audits = async () => (await db.select({ n: count() }).from(auditLog))[0].n;
		const before = await audits();
		// The chairs of 2018, 2020 and 2021 (and the demo's roster carried into this year) are not members next year.
		const errors = await refused(() => sendNotice(db, editor, m.id));
		expect(errors.members).toBe(
			`Mötets organ har inga kända ledamöter den 4 mars ${NEXT} (inga uppdrag som gäller ${NEXT}). Lägg till ledamöter med uppdrag som gäller det datumet på organets sida; kallelsen skickades inte.`
		);
		expect(await audits()).toBe(before);
		expect(await db.select().from(outbox).where(eq(outbox.meetingId, m.id))).toEqual([]);
		expect((await db.select().from(meeting).where(eq(meeting.id, m.id)))[0].noticeSentAt).toBeNull();

		const [boel] = await db.select().from(person).where(eq(person.name, 'Boel Godner'));
		await db.update(person).set({ email: 'boel.godner@sodertalje.example' }).where(eq(person.id, boel.id));
		await createEntry(db, editor, memberships, { personId: boel.id, bodyId: ssk.id, role: 'member', validFrom: String(NEXT) });
		// Of the demo's addresses only hers, which the test set: the others are members this year, not next.
		const sent = await sendNotice(db, editor, m.id);
		expect(sent.sentTo).toEqual(['Boel Godner']);
		expect(sent.withoutAddress).toEqual([]);
		expect((await db.select().from(outbox).where(eq(outbox.meetingId, m.id))).map((r) => r.recipient)).toEqual([
			'boel.godner@sodertalje.example'
		]);
	});
});

describe('a role’s period', () => {
	const chair = (validFrom: string | null, validTo: string | null, personName = 'Harry Bouveng') =>
		db
			.select()
			.from(person)
			.where(eq(person.name, personName))
			.then(async ([p]) => {
				const [lg] = await db.select().from(body).where(eq(body.shortName, 'Ledningsgruppen'));
				return createEntry(db, editor, memberships, { personId: p.id, bodyId: lg.id, role: 'chair', validFrom, validTo });
			});

	it('refuses a second chair of one body at the same time, an end before the start and a date that is not one, naming the field', async () => {
		const audits = async () => (await db.select({ n: count() }).from(auditLog))[0].n;
		const before = await audits();
		// Magnus Gyllestad chairs the management group from 12 March 2021 through 2021.
		expect((await refused(() => chair('2021-06', '2021'))).validFrom).toMatch(
			/^Från: organet har redan ordförande under samma tid \(Magnus Gyllestad, 12 mars 2021 – 2021\)/
		);
		expect((await refused(() => chair('2021-05-12', 'mars 2021'))).validTo).toBe('Till kan inte vara före startdatumet.');
		expect((await refused(() => chair('2021-13', null))).validFrom).toMatch(/^Från ska vara ett datum/);
		expect((await refused(() => chair('hösten 20x1', null))).validFrom).toMatch(/^Från ska vara ett datum/);
		expect(await audits()).toBe(before);
		// A handover day, and a chair of a year with nobody else's certain days, are fine.
		const next = await chair('2022', '2022');
		expect([next.validFrom, next.validTo, next.startsOn, next.endsOn]).toEqual(['2022', '2022', '2022-01-01', '2022-12-31']);
	});
});

describe('counted meetings', () => {
	it('holds the counts the published reports print, each with its source in words', async () => {
		const rows = await listMeetingCounts(db, { year: 2021 });
		expect(rows.length).toBeGreaterThan(0);
		expect(rows.every((r) => /^Årsredovisning och bokslut \d{4}, kapitel \d$/.test(r.source))).toBe(true);
	});

	it('refuses a count below the meetings on record, naming the field, and saves nothing', async () => {
		const [ssk] = await db.select().from(body).where(eq(body.shortName, 'Samarbetskommittén'));
		const audits = async () => (await db.select({ n: count() }).from(auditLog))[0].n;
		const before = await audits();
		// Five ordinary meetings of 2020 are on record, all digital.
		const errors = await refused(() =>
			createEntry(db, editor, meetingCounts, { bodyId: ssk.id, year: 2020, kind: 'ordinary', format: 'digital', count: 4, source: 'Test' })
		);
		expect(errors.count).toBe(
			'Antal: 5 genomförda möten av typen ordinarie möte (digitalt) finns registrerade 2020; antalet kan inte vara lägre.'
		);
		expect(
			(await refused(() => createEntry(db, editor, meetingCounts, { bodyId: ssk.id, year: 2020, kind: 'ordinary', count: 2 }))).source
		).toBe('Källa måste fyllas i.');
		expect(
			(
				await refused(() =>
					createEntry(db, editor, meetingCounts, { bodyId: ssk.id, year: 'tjugo', kind: 'ordinary', count: 2, source: 'x' })
				)
			).year
		).toBe('År måste vara ett heltal.');
		expect(await audits()).toBe(before);
		// A year with records only: the count becomes what the report says when it is the larger.
		const added = await createEntry(db, editor, meetingCounts, {
			bodyId: ssk.id,
			year: 2019,
			kind: 'ordinary',
			count: 6,
			source: 'Årsredovisning och bokslut 2019, kapitel 6'
		});
		const r2019 = await buildReport(db, 'annual', 2019, null);
		expect(spaces(plainText(r2019.blocks))).toContain('Under 2019 har samarbetskommittén haft sex ordinarie möten.');
		await removeEntry(db, editor, meetingCounts, added.id, { version: added.version });
		expect(await audits()).toBe(before + 2);
	});
});

describe('the comparison with the published report, both ways', () => {
	it('finds only the conference’s cost as a figure of 2021’s chapter 7 that the published one does not print, and keeps chapter 8 below 100 % while a printed sum differs', async () => {
		const c = await compareAnnualReport(db, editor, 2021);
		// Its meeting counts and chairs all agree now; the one figure it adds is the conference's cost by the ledger (printed 85 650).
		const meetings = c.chapters.find((x) => x.number === '7')!;
		expect(meetings.differing.map((d) => d.figures)).toEqual([['85651']]);
		const closing = c.chapters.find((x) => x.number === '8')!;
		// Printed 1 381 130 where the ledger gives 1 381 131: the generated chapter says so, and it counts against the score.
		expect(closing.differing.some((d) => d.figures.includes('1381131'))).toBe(true);
		expect(agreement(closing)).toBeLessThan(1);
	});

	it('is offered only for the years whose published report is held', async () => {
		expect((await publishedYears(db)).sort()).toEqual([2020, 2021]);
	});
});

describe('a year after the last closing', () => {
	it('opens provisionally from the year before’s computed closing, says so, and cannot be closed before that year', async () => {
		const c2022 = await yearClosing(db, 2022);
		expect(c2022.openingsProvisional).toBeNull();
		// 2021 closed at 1 332 545 kr; 2022 is open with nothing booked, so 2024 opens with the same money, provisionally.
		const c2024 = await yearClosing(db, 2024);
		expect(c2024.totals.opening).toBe(c2022.totals.closing);
		expect(c2024.totals.opening).toBe(133_254_500);
		expect(c2024.openingsProvisional).toEqual({ from: 2023, firstUnclosed: 2022 });
		expect(spaces(plainText((await buildReport(db, 'annual', 2024, null)).blocks))).toContain(
			'De ingående balanserna är preliminära, eftersom 2022 inte är stängt.'
		);
		const audits = async () => (await db.select({ n: count() }).from(auditLog))[0].n;
		const before = await audits();
		expect((await refused(() => closeYear(db, editor, 2024))).year).toBe(
			'Stäng 2022 först: årets ingående balanser är preliminära så länge det året är öppet.'
		);
		expect(await audits()).toBe(before);
		// Long before any opening, nothing is guessed.
		expect((await yearClosing(db, 2005)).openingsProvisional).toBeNull();
	});

	it('is read in one query by the finance pages, the unclosed years it opens from included, and comes out as yearClosing computes it', async () => {
		installRoundTripCounter();
		for (const year of [2021, 2022, 2024, 2030, 2005]) {
			const page = await countingRoundTrips(() => yearPage(db, year, true));
			expect(page.roundTrips).toBe(1);
			expect(page.result.closing).toEqual(await yearClosing(db, year));
			// The forms' lists only where the forms are: an editor on an open year.
			expect(Object.keys(page.result.lists).length > 0).toBe(page.result.closing.status === 'open');
			expect((await yearPage(db, year, false)).lists).toEqual({});
			const overview = await countingRoundTrips(() => financeOverview(db, year, 2026));
			expect(overview.roundTrips).toBe(1);
			expect(overview.result.closing).toEqual(page.result.closing);
			expect(overview.result.budget).toEqual(await budgetAgainstOutcome(db, year));
		}
		const c2030 = (await yearPage(db, 2030, false)).closing;
		expect(c2030.openingsProvisional).toEqual({ from: 2029, firstUnclosed: 2022 });
		// No year asked: the current year if it has figures, else the newest year with a ledger or a budget.
		const newest = (await financeYears(db)).find((y) => y.hasFigures)!.year;
		expect((await financeOverview(db, null, 2099)).year).toBe(newest);
		expect((await financeOverview(db, null, 2021)).year).toBe(2021);
	});
});

describe('the 2020 plan as adopted (seed 003)', () => {
	const plan = () => spaces(plainText(reports.get('plan-2020')!.blocks));

	it('opens with its own purpose, not a paragraph of the agreement', () => {
		expect(chapter(reports.get('plan-2020')!, '1')).toBe(
			'1 Syfte med samarbetskommittén\nVi samverkar för att stärka den kommunala och den regionala utvecklingen. Det gynnar Södertörn och därmed våra kommuner.\nVår samverkan syftar till att kommunledningarna i politik och förvaltning ska nå sina mål i hemkommunen.'
		);
	});

	it('shows what was planned, never what came after: no cancelled conference, webinar or extra meeting', () => {
		const text = plan();
		expect(text).toContain('Södertörnskonferensen 2020, 29 september 2020');
		expect(text).not.toMatch(/inställd|Inställt|Webinarium|26 november 2020/);
		// The management group's planning conference runs lunch to lunch over two days; the committee meets where the plan says.
		expect(text).toContain('10–11 september 2020 | torsdag–fredag | 12:00–12:00 | Balingsholms gård, Huddinge | Planeringskonferens');
		for (const place of [
			'2 april 2020 | torsdag | 12:00–15:30 | Salem',
			'4 juni 2020 | torsdag | 12:00–15:30 | Nykvarn',
			'10 december 2020 | torsdag | 12:00–15:30 | Södertälje'
		])
			expect(text).toContain(place);
	});
});

describe('the detail the published reports have', () => {
	it('2018: the Rådslag cost per municipality, Vinnova’s payments of 2017 and 2018, and the consultants per project (seed 004, 8)', () => {
		const c8 = chapter(reports.get('annual-2018')!, '8');
		for (const row of [
			'Botkyrka kommun | 16 718 |',
			'Huddinge kommun | 18 694 |',
			'Vinnova 2017 (Södertörnsmodellen) | 134 290 |',
			'Vinnova 2018 (Södertörnsmodellen) | 817 500 |',
			'Övriga konsulter, Systemanalys Södertörn |  | 417 334',
			'Övriga konsulter, Förstudie teknisk försörjning |  | 273 121'
		])
			expect(c8).toContain(row);
	});

	it('2020: the cancelled meeting’s 4 351 kr, the three meetings at Balingsholm and the two analyses’ 297 800 kr (seed 000, 7)', () => {
		const c7 = chapter(reports.get('annual-2020')!, '7');
		expect(c7).toContain('Kostnader för inställda möten p g a Corona uppgår till 4 351 kr');
		expect(c7).toContain('tre möten som alla genomförts på Balingsholms gård i Huddinge');
		expect(c7).toContain('till en total kostnad om 297 800 kr');
	});

	it('2021: the conference’s cost from the ledger, 85 651 kr, where the published text says 85 650 (seed 001, 7)', () => {
		expect(chapter(reports.get('annual-2021')!, '7')).toContain('Kostnad enligt bokföringen: 85 651 kr.');
	});
});

describe('events and external meetings known by their month or year', () => {
	it('count in that year’s report, printed as precisely as known', () => {
		// The NKI conference of September 2021 (lunch to lunch), whose days the sources do not give.
		expect(chapter(reports.get('annual-2021')!, '7')).toMatch(/NKI-konferens september 2021[\s\S]*september 2021\./);
		// External meetings of 2021 known only by their month.
		expect(chapter(reports.get('annual-2021')!, '5')).toMatch(/\((januari|juni|oktober) 2021(, digitalt)?\)/);
		expect(chapter(reports.get('annual-2020')!, '6')).not.toContain('NKI');
		// The workshop moved to spring 2021 is held by the demo only as planned: no outcome, so not in the report.
		expect(chapter(reports.get('annual-2021')!, '7')).not.toContain('Workshop förbättrat företagsklimat');
	});
});

describe('changes of representatives counted by a source', () => {
	it('prints the count where the dated memberships show fewer (001, 7: four municipalities in the planning network)', () => {
		expect(oneLine(texts.get('annual-2021')!.docx)).toContain(
			'Nätverket för planeringschefer Under 2021 har nätverket haft fem ordinarie möten (digitalt) och ett gemensamt nätverksmöte (fysiskt). Fyra kommuner har bytt representanter under året.'
		);
	});

	it('refuses a count below the changes the memberships show, naming the field, and saves nothing', async () => {
		const [snug] = await db.select().from(body).where(eq(body.shortName, 'SNUG'));
		const [botkyrka] = await db.select().from(municipality).where(eq(municipality.name, 'Botkyrka'));
		const people = await db.select().from(person).limit(2);
		// Botkyrka's representative changes on 1 June 2023.
		await db.insert(membership).values([
			{
				personId: people[0].id,
				bodyId: snug.id,
				role: 'member',
				representsMunicipalityId: botkyrka.id,
				validFrom: '2022',
				validTo: '2023-05-31'
			},
			{ personId: people[1].id, bodyId: snug.id, role: 'member', representsMunicipalityId: botkyrka.id, validFrom: '2023-06-01' }
		]);
		const audits = async () => (await db.select({ n: count() }).from(auditLog))[0].n;
		const before = await audits();
		const errors = await refused(() =>
			createEntry(db, editor, turnoverCounts, { bodyId: snug.id, year: 2023, municipalities: 0, source: 'Test' })
		);
		expect(errors.municipalities).toBe(
			'Antal kommuner: uppdragen visar att 1 kommun bytte representant 2023; antalet kan inte vara lägre.'
		);
		expect(await audits()).toBe(before);
		await createEntry(db, editor, turnoverCounts, {
			bodyId: snug.id,
			year: 2023,
			municipalities: 3,
			source: 'Årsredovisning och bokslut 2023, kapitel 7'
		});
		expect(spaces(plainText((await buildReport(db, 'annual', 2023, null)).blocks))).toContain(
			'Tre kommuner har bytt representanter under året.'
		);
	});
});
