// The fee on a real database with the demo data: the rule in force, the basis
// from the population on 31 December the year before, invoice bases per
// municipality (refused while a figure is missing), payment, and the documents.
import { and, eq, isNull } from 'drizzle-orm';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from './db.ts';
import type { Db } from '../../src/lib/server/db/client.ts';
import { auditLog, feeInvoice, population } from '../../src/lib/server/db/schema/index.ts';
import { loadDemo } from '../../src/lib/server/demo/load.ts';
import { feeBasis, listFeeRules, createFeeInvoices, createFeeRule, setInvoicePaid } from '../../src/lib/server/finance/fees.ts';
import { feeInvoiceDocument, feeOverviewDocument } from '../../src/lib/server/finance/fee-document.ts';
import { tableDocumentPdf } from '../../src/lib/server/documents/table-pdf.ts';
import { tableDocumentDocx } from '../../src/lib/server/documents/table-docx.ts';
import { formatKronor } from '../../src/lib/core/format.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../../src/lib/server/errors.ts';
import type { Actor } from '../../src/lib/server/actor.ts';

const editor: Actor = { accountId: null, name: 'Kansliet', role: 'editor', personId: null };
const member: Actor = { accountId: null, name: 'Klara Klimat', role: 'member', personId: null };
const COOPERATION = 'Södertörns samarbetskommitté';
const MISSING_2021 = ['Botkyrka', 'Haninge', 'Huddinge', 'Nykvarn', 'Nynäshamn', 'Södertälje'];

let db: Db;

const refusal = async (p: Promise<unknown>) => {
	const e = await p.then(
		() => null,
		(err: unknown) => err
	);
	expect(e).toBeInstanceOf(ValidationError);
	return (e as ValidationError).message;
};

beforeAll(async () => {
	({ db } = await freshDb());
	await loadDemo(db);
	// The finance demo data may already bring the rules; add the 2017 rule only if it is not there.
	const rules = await listFeeRules(db);
	if (!rules.some((r) => r.validFromYear === 2017))
		await createFeeRule(db, editor, { kind: 'per_inhabitant', amount: 400, validFromYear: 2017, source: 'Beslut 2017-02-02' });
});

describe('the fee rules', () => {
	it('has 4 kr per inhabitant in force from 2017', async () => {
		const rule = (await listFeeRules(db)).find((r) => r.validFromYear === 2017)!;
		expect(rule).toMatchObject({ kind: 'per_inhabitant', amount: 400 });
	});

	it('refuses a second rule from the same year, and a member', async () => {
		// Refused by the unique year (the message should name "Gäller från år": see the constraint map in service.ts).
		await refusal(createFeeRule(db, editor, { kind: 'per_inhabitant', amount: '5', validFromYear: 2017 }));
		expect((await listFeeRules(db)).filter((r) => r.validFromYear === 2017)).toHaveLength(1);
		await expect(createFeeRule(db, member, { kind: 'per_inhabitant', amount: '5', validFromYear: 2030 })).rejects.toBeInstanceOf(
			ForbiddenError
		);
	});
});

describe('the fee of 2020', () => {
	it('is 4 kr times the 503 200 inhabitants on 31 December 2019, shared exactly', async () => {
		const b = await feeBasis(db, 2020);
		expect(b.rule).toMatchObject({ kind: 'per_inhabitant', amount: 400 });
		expect(b.populationDate).toBe('2019-12-31');
		expect(b.missing).toEqual([]);
		expect(b.municipalities).toHaveLength(8);
		expect(b.total.population).toBe(503200);
		expect(b.total.amount).toBe(201280000);
		expect(formatKronor(b.total.amount!)).toBe('2\u00a0012\u00a0800 kr');
		expect(b.municipalities.reduce((s, m) => s + (m.amount ?? 0), 0)).toBe(201280000);
		expect(b.municipalities.find((m) => m.name === 'Botkyrka')).toMatchObject({ population: 94606, amount: 37842400 });
		expect(b.invoiced).toBe(false);
	});

	it('creates one invoice basis per municipality, due 15 March, once', async () => {
		await expect(createFeeInvoices(db, member, 2020)).rejects.toBeInstanceOf(ForbiddenError);
		const rows = await createFeeInvoices(db, editor, 2020);
		expect(rows).toHaveLength(8);
		expect(new Set(rows.map((r) => r.dueOn))).toEqual(new Set(['2020-03-15']));
		expect(rows.reduce((s, r) => s + r.amount, 0)).toBe(201280000);
		expect(rows.every((r) => r.populationDate === '2019-12-31' && r.populationSource.length > 0)).toBe(true);

		const message = await refusal(createFeeInvoices(db, editor, 2020));
		expect(message).toContain('redan skapade');
		expect(await db.select().from(feeInvoice).where(eq(feeInvoice.year, 2020))).toHaveLength(8);

		const b = await feeBasis(db, 2020);
		expect(b.invoiced).toBe(true);
		expect(b.municipalities.every((m) => m.invoiceId !== null && m.dueOn === '2020-03-15' && m.paidOn === null)).toBe(true);
	});

	it('marks an invoice paid and unpaid, audited, and refuses a member and a stale version', async () => {
		const inv = (await feeBasis(db, 2020)).municipalities.find((m) => m.name === 'Salem')!;
		await expect(setInvoicePaid(db, member, inv.invoiceId!, { version: inv.invoiceVersion, paidOn: '2020-03-10' })).rejects.toBeInstanceOf(
			ForbiddenError
		);
		const paid = await setInvoicePaid(db, editor, inv.invoiceId!, { version: String(inv.invoiceVersion), paidOn: '2020-03-10' });
		expect(paid.paidOn).toBe('2020-03-10');
		const log = await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.entity, 'fee_invoice'), eq(auditLog.entityId, String(inv.invoiceId))));
		expect(log.map((l) => l.action)).toEqual(['paid']);
		expect(log[0].actor).toBe('Kansliet');

		// The old version is refused: someone else has changed it.
		await expect(setInvoicePaid(db, editor, inv.invoiceId!, { version: inv.invoiceVersion, paidOn: '' })).rejects.toThrow();

		const after = (await feeBasis(db, 2020)).municipalities.find((m) => m.name === 'Salem')!;
		expect(after.paidOn).toBe('2020-03-10');
		const unpaid = await setInvoicePaid(db, editor, inv.invoiceId!, { version: after.invoiceVersion, paidOn: '' });
		expect(unpaid.paidOn).toBeNull();
		const again = await setInvoicePaid(db, editor, inv.invoiceId!, { version: unpaid.version, paidOn: '2020-03-12' });
		expect(again.paidOn).toBe('2020-03-12');
	});
});

describe('the fee of 2021, with six municipal figures missing', () => {
	it('takes the total from the cooperation’s 507 552 with its source', async () => {
		const [seed] = await db
			.select()
			.from(population)
			.where(and(isNull(population.municipalityId), eq(population.date, '2020-12-31')));
		const b = await feeBasis(db, 2021);
		expect(b.populationDate).toBe('2020-12-31');
		expect(b.total.population).toBe(507552);
		expect(b.total.amount).toBe(203020800);
		expect(b.total.source).toBe(seed.source);
		expect(b.total.source).toContain('Årsredovisning och bokslut 2020');
		expect([...b.missing].sort()).toEqual([...MISSING_2021].sort());
		expect(
			b.municipalities
				.filter((m) => m.amount === null)
				.map((m) => m.name)
				.sort()
		).toEqual([...MISSING_2021].sort());
		expect(b.municipalities.find((m) => m.name === 'Tyresö')).toMatchObject({ population: 48678, amount: 19471200 });
	});

	it('refuses the invoice bases, naming the missing municipalities, and saves nothing', async () => {
		const message = await refusal(createFeeInvoices(db, editor, 2021));
		for (const name of MISSING_2021) expect(message).toContain(name);
		expect(message).toContain('SCB');
		expect(await db.select().from(feeInvoice).where(eq(feeInvoice.year, 2021))).toHaveLength(0);
		const log = await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.entity, 'fee_invoice'), eq(auditLog.entityId, '2021')));
		expect(log).toHaveLength(0);
	});
});

describe('the documents', () => {
	it('gives a municipality’s invoice basis as PDF and DOCX', async () => {
		const b = await feeBasis(db, 2020);
		const botkyrka = b.municipalities.find((m) => m.name === 'Botkyrka')!;
		const doc = feeInvoiceDocument(b, botkyrka.id, COOPERATION);
		expect(doc.title).toBe('Fakturaunderlag: avgift 2020');
		expect(doc.subtitle).toContain('Botkyrka');
		const text = doc.sections.flatMap((s) => s.paragraphs).join('\n');
		expect(text).toContain('4 kr per invånare');
		expect(text).toContain('31 december 2019');
		expect(text).toContain('15 mars 2020');
		const [own, all] = doc.sections.map((s) => s.tables[0]);
		expect(own.columns.map((c) => c.header)).toEqual(['Kommun', 'Folkmängd 31 december 2019', 'Avgift']);
		expect(own.rows).toHaveLength(1);
		expect(own.rows[0].cells.slice(1)).toEqual(['94\u00a0606', '378\u00a0424 kr']);
		expect(all.rows).toHaveLength(9);
		expect(all.rows.at(-1)).toMatchObject({ total: true, cells: ['Summa', '503\u00a0200', '2\u00a0012\u00a0800 kr'] });

		const pdf = await tableDocumentPdf(doc);
		expect(Buffer.from(pdf.slice(0, 4)).toString('latin1')).toBe('%PDF');
		const docx = await tableDocumentDocx(doc);
		const xml = strFromU8(unzipSync(docx)['word/document.xml']);
		expect(xml).toContain('378\u00a0424 kr');
		expect(xml).toContain('Fakturaunderlag: avgift 2020');
	});

	it('has no invoice basis where none is created', async () => {
		const b = await feeBasis(db, 2021);
		const tyreso = b.municipalities.find((m) => m.name === 'Tyresö')!;
		expect(() => feeInvoiceDocument(b, tyreso.id, COOPERATION)).toThrow(NotFoundError);
		expect(() => feeInvoiceDocument(b, 999999, COOPERATION)).toThrow(NotFoundError);
	});

	it('gives the overview of 2021 with the missing figures said plainly', async () => {
		const doc = feeOverviewDocument(await feeBasis(db, 2021), COOPERATION);
		const text = doc.sections.flatMap((s) => s.paragraphs).join('\n');
		expect(text).toContain('saknas för Botkyrka');
		expect(text).toContain('507\u00a0552');
		expect(text).toContain('SCB');
		const table = doc.sections[0].tables[0];
		expect(table.rows.at(-1)).toMatchObject({
			total: true,
			cells: ['Totalt (samarbetets siffra)', '507\u00a0552', '2\u00a0030\u00a0208 kr']
		});
		expect(table.rows.filter((r) => r.cells[1] === 'saknas')).toHaveLength(6);
		expect(Buffer.from((await tableDocumentPdf(doc)).slice(0, 4)).toString('latin1')).toBe('%PDF');
	});
});
