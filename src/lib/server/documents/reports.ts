// The published documents as a whole: the model of a year's annual report or
// plan, who may read it (the public once adopted, a draft only editors), and
// adoption, which freezes the model, the DOCX and the PDF with their checksums.
import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import { hasRole, type Actor } from '../actor.ts';
import { decision, plan, reportEdition, storedFile } from '../db/schema/index.ts';
import { ForbiddenError, NotFoundError, UnauthenticatedError, fieldError } from '../errors.ts';
import { inTransaction, requireRole, validate, writeAudit } from '../service.ts';
import { storeFile } from '../mail/outbox.ts';
import { adoptInput, type ReportKind } from '../../schemas/documents.ts';
import { decidedLine, uniqueIds, type Report } from '../../core/report.ts';
import { getCooperation } from '../organisation/queries.ts';
import { getPlanByYear } from '../planning/queries.ts';
import { resolveTemplate } from './report-template.ts';
import { annualReportBlocks } from './annual-report.ts';
import { planReportBlocks } from './plan-report.ts';
import { reportDocx } from './report-docx.ts';
import { reportPdf } from './report-pdf.ts';

type Reader = Db | Tx;

export const KIND_LABELS: Record<ReportKind, string> = { annual: 'Årsredovisning', plan: 'Verksamhetsplan' };
export const FILE_STEMS: Record<ReportKind, string> = { annual: 'arsredovisning', plan: 'verksamhetsplan' };

/** The document generated from today's data; an adoption puts the decision on the cover. */
export async function buildReport(db: Db, kind: ReportKind, year: number, adopted?: { decidedOn: string | null } | null): Promise<Report> {
	const t = await resolveTemplate(db, kind, year);
	const cooperation = (await getCooperation(db))?.name ?? '';
	const blocks = kind === 'annual' ? await annualReportBlocks(db, t) : await planReportBlocks(db, t);
	return {
		kind,
		year,
		title: t.title,
		cooperationName: cooperation,
		kindLabel: KIND_LABELS[kind],
		cover: {
			issuer: t.issuer ?? cooperation,
			title: t.title,
			// An edition whose decision date the sources do not give says so, never a bare "Fastställd".
			decided: adopted ? (adopted.decidedOn ? decidedLine(adopted.decidedOn) : 'Fastställd, beslutsdatum saknas') : null,
			responsible: t.responsible
		},
		tableOfContents: t.tableOfContents,
		blocks: uniqueIds(blocks)
	};
}

export async function getEdition(db: Reader, kind: ReportKind, year: number) {
	const [row] = await db
		.select()
		.from(reportEdition)
		.where(and(eq(reportEdition.kind, kind), eq(reportEdition.year, year)));
	return row ?? null;
}

/** Whether a year's document is adopted: an annual report once frozen, a plan once its decision is recorded. */
async function adoption(db: Db, kind: ReportKind, year: number) {
	const edition = await getEdition(db, kind, year);
	if (edition) return { edition, decidedOn: edition.decidedOn };
	if (kind === 'plan') {
		const p = await getPlanByYear(db, year).catch(() => null);
		if (p?.status === 'adopted') return { edition: null, decidedOn: p.adoptedDecision?.decidedOn ?? null, adopted: true };
	}
	return { edition: null, decidedOn: null };
}

export interface ReadReport {
	report: Report;
	/** The frozen edition, when the document is adopted and frozen. */
	edition: { decidedOn: string | null; frozenAt: Date; docxSha256: string; pdfSha256: string } | null;
	adopted: boolean;
}

/**
 * The document as a reader may see it: the frozen edition once there is one,
 * else (for editors, or an adopted plan) generated from the data now. `live`
 * asks for the generated one even after adoption: editors only, to see what the
 * data says now against what was adopted.
 */
export async function readReport(db: Db, actor: Actor, kind: ReportKind, year: number, live = false): Promise<ReadReport> {
	if (live) {
		requireRole(actor, 'editor');
		return { report: await buildReport(db, kind, year, null), edition: null, adopted: false };
	}
	const a = await adoption(db, kind, year);
	if (a.edition) {
		const files = await db
			.select({ id: storedFile.id, sha256: storedFile.sha256 })
			.from(storedFile)
			.where(eq(storedFile.id, a.edition.pdfFileId))
			.union(db.select({ id: storedFile.id, sha256: storedFile.sha256 }).from(storedFile).where(eq(storedFile.id, a.edition.docxFileId)));
		const sha = (id: number) => files.find((f) => f.id === id)?.sha256 ?? '';
		return {
			report: a.edition.model,
			edition: {
				decidedOn: a.edition.decidedOn,
				frozenAt: a.edition.frozenAt,
				docxSha256: sha(a.edition.docxFileId),
				pdfSha256: sha(a.edition.pdfFileId)
			},
			adopted: true
		};
	}
	const adopted = 'adopted' in a && !!a.adopted;
	if (!adopted && !hasRole(actor, 'editor')) {
		if (actor.role === 'public') throw new UnauthenticatedError();
		throw new ForbiddenError();
	}
	if (kind === 'plan' && !adopted) await getPlanByYear(db, year); // a year with no plan is 404
	return { report: await buildReport(db, kind, year, adopted ? { decidedOn: a.decidedOn } : null), edition: null, adopted };
}

/** The document as a file: the frozen one when adopted, else rendered from the model now. */
export async function reportFile(db: Db, actor: Actor, kind: ReportKind, year: number, format: 'docx' | 'pdf') {
	const a = await adoption(db, kind, year);
	if (a.edition) {
		const [f] = await db
			.select({ content: storedFile.content, sha256: storedFile.sha256 })
			.from(storedFile)
			.where(eq(storedFile.id, format === 'pdf' ? a.edition.pdfFileId : a.edition.docxFileId));
		if (!f) throw new NotFoundError('Filen');
		return { content: f.content as Uint8Array, sha256: f.sha256, frozen: true };
	}
	const { report } = await readReport(db, actor, kind, year);
	return { content: format === 'pdf' ? await reportPdf(report) : await reportDocx(report), sha256: null, frozen: false };
}

/**
 * Adopts a year's document: generates it with the decision on its cover and
 * freezes the model, the DOCX and the PDF. An adopted document is not adopted again.
 */
export async function adoptReport(db: Db, actor: Actor, kind: ReportKind, year: number, input: unknown) {
	requireRole(actor, 'editor');
	const v = validate(adoptInput, input);
	if (kind === 'annual' && v.decidedOn < `${year}-01-01`)
		throw fieldError('decidedOn', `Årsredovisningen ${year} kan inte beslutas före ${year}.`);
	return freezeEdition(db, actor, kind, year, v.decidedOn, v.decisionId);
}

/** Freezes a year's document as it reads now; a plan must be adopted, and takes its decision's date when none is given. */
export async function freezeEdition(
	db: Db,
	actor: Actor,
	kind: ReportKind,
	year: number,
	decidedOn: string | null,
	decisionId: number | null
) {
	requireRole(actor, 'editor');
	if (await getEdition(db, kind, year)) throw fieldError('decidedOn', `${KIND_LABELS[kind]} ${year} är redan fastställd.`);
	if (kind === 'plan') {
		const p = await getPlanByYear(db, year);
		if (p.status !== 'adopted') throw fieldError('decidedOn', `Verksamhetsplanen ${year} är inte antagen: anta planen först.`);
		decidedOn ??= p.adoptedDecision?.decidedOn ?? null;
		decisionId ??= p.adoptedDecisionId;
	}
	const report = await buildReport(db, kind, year, { decidedOn });
	const [docx, pdf] = await Promise.all([reportDocx(report), reportPdf(report)]);
	const stem = `${FILE_STEMS[kind]}-${year}`;
	return inTransaction(
		db,
		async (tx) => {
			const docxFileId = await storeFile(tx, {
				name: `${stem}.docx`,
				mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
				content: docx
			});
			const pdfFileId = await storeFile(tx, { name: `${stem}.pdf`, mediaType: 'application/pdf', content: pdf });
			const [row] = await tx
				.insert(reportEdition)
				.values({ kind, year, decidedOn, decisionId, model: report, docxFileId, pdfFileId, frozenBy: actor.accountId })
				.returning({ id: reportEdition.id, kind: reportEdition.kind, year: reportEdition.year, decidedOn: reportEdition.decidedOn });
			await writeAudit(tx, actor, {
				action: 'adopt',
				entity: 'report_edition',
				entityId: row.id,
				after: { ...row, docxFileId, pdfFileId }
			});
			return row;
		},
		{
			report_edition_kind_year: ['decidedOn', `${KIND_LABELS[kind]} ${year} är redan fastställd.`],
			report_edition_decision_id_decision_id_fk: ['decisionId', 'Det valda beslutet finns inte.']
		}
	);
}

/** The years that have a document to show: those with a plan or an adopted edition, and `alsoYear` (this year, for a draft). */
export async function reportYears(db: Db, alsoYear?: number) {
	const plans = await db
		.select({ year: plan.year, status: plan.status, decidedOn: decision.decidedOn })
		.from(plan)
		.leftJoin(decision, eq(decision.id, plan.adoptedDecisionId));
	const editions = await db
		.select({ kind: reportEdition.kind, year: reportEdition.year, decidedOn: reportEdition.decidedOn })
		.from(reportEdition);
	const years = [...new Set([...plans.map((p) => p.year), ...editions.map((e) => e.year), ...(alsoYear ? [alsoYear] : [])])].sort(
		(a, b) => b - a
	);
	return years.map((year) => ({
		year,
		plan: {
			exists: plans.some((p) => p.year === year),
			adopted: plans.find((p) => p.year === year)?.status === 'adopted',
			decidedOn: plans.find((p) => p.year === year)?.decidedOn ?? null,
			edition: editions.find((e) => e.kind === 'plan' && e.year === year) ?? null
		},
		annual: { edition: editions.find((e) => e.kind === 'annual' && e.year === year) ?? null }
	}));
}

/**
 * The years a reader may open: everyone the adopted documents, editors also the
 * drafts (this year's annual report from its first day, a plan as soon as it exists).
 */
export async function visibleReportYears(db: Db, actor: Actor, currentYear: number) {
	const editor = hasRole(actor, 'editor');
	const years = (await reportYears(db, editor ? currentYear : undefined)).map((y) => ({
		...y,
		annual: { ...y.annual, draftable: y.year <= currentYear }
	}));
	return editor ? years : years.filter((y) => y.plan.adopted || y.annual.edition);
}

/** A year's document at its stable addresses. */
export const reportAddresses = (kind: ReportKind, year: number) => ({
	html: `/reports/${kind}/${year}.html`,
	docx: `/reports/${kind}/${year}.docx`,
	pdf: `/reports/${kind}/${year}.pdf`
});
