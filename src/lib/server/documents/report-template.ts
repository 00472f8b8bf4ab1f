// The template of a year's document: the year's own, or (for a year that has
// none yet) the last year's with the year in the titles moved on, or the
// standard chapters when the cooperation has no template at all. Saving makes
// it the year's own.
import { and, desc, eq, lt, gt, asc } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import type { Actor } from '../actor.ts';
import { reportTemplate } from '../db/schema/index.ts';
import { inTransaction, requireRole, updateVersioned, validate, writeAudit } from '../service.ts';
import { versionField } from '../../schemas/fields.ts';
import { templateInput, type ReportKind } from '../../schemas/documents.ts';
import { templateForYear, type TemplateChapter } from '../../core/report.ts';
import { ConflictError } from '../errors.ts';

type Reader = Db | Tx;

export interface ResolvedTemplate {
	kind: ReportKind;
	year: number;
	title: string;
	issuer: string | null;
	responsible: string | null;
	tableOfContents: boolean;
	introText: string | null;
	chapters: TemplateChapter[];
	/** The year's own row, or null when it is derived. */
	id: number | null;
	version: number | null;
	/** The year the template was taken from, when it is not the year's own. */
	derivedFrom: number | null;
}

/** The chapters of an annual report when there is no earlier template: the eight of 2021. */
const STANDARD_ANNUAL: TemplateChapter[] = [
	{ number: '1', title: 'Inledning', content: 'intro_text' },
	{ number: '2', title: 'Övergripande mål och fokusområden {år}', content: 'goals_table' },
	{ number: '3', title: 'Uppföljning av fokusområdena', content: 'focus_area_followup' },
	{ number: '4', title: 'Gemensamma remissvar', content: 'consultations', rule: 'submitted' },
	{ number: '5', title: 'Externa möten', content: 'external_meetings' },
	{ number: '6', title: 'Projekt', content: 'projects' },
	{ number: '7', title: 'Möten, konferenser och administration', content: 'meetings_administration' },
	{ number: '8', title: 'Bokslut {år}', content: 'closing' }
];

/** The operational plan's chapters, as seed 003 has them. */
const STANDARD_PLAN: TemplateChapter[] = [
	{ number: '1', title: 'Syfte med samarbetskommittén', content: 'plan_purpose' },
	{ number: '2', title: 'Förhållningssätt', content: 'plan_principles' },
	{ number: '3', title: 'Fokusområden', content: 'plan_focus_areas' },
	{ number: '4', title: 'Arbetsformer', content: 'plan_ways_of_working' },
	{ number: '5', title: 'Återkommande konferenser', content: 'plan_conferences' },
	{ number: '6', title: 'Kalendarium för möten och konferenser', content: 'plan_calendar' },
	{ number: '7', title: 'Budget {år}', content: 'plan_budget' },
	{ number: 'Bilaga 1', title: 'Handlingsplan {år}', content: 'plan_action_plan' },
	{ number: 'Bilaga 2', title: 'Samarbetsavtal', content: 'plan_agreement' }
];

const STANDARD_TITLES: Record<ReportKind, string> = { annual: 'Årsredovisning och bokslut {år}', plan: 'Verksamhetsplan {år}' };

function standard(kind: ReportKind, year: number): ResolvedTemplate {
	const y = (s: string) => s.replaceAll('{år}', String(year));
	return {
		kind,
		year,
		title: y(STANDARD_TITLES[kind]),
		issuer: null,
		responsible: null,
		tableOfContents: true,
		introText: null,
		chapters: (kind === 'annual' ? STANDARD_ANNUAL : STANDARD_PLAN).map((c) => ({ ...c, title: y(c.title) })),
		id: null,
		version: null,
		derivedFrom: null
	};
}

const fromRow = (r: typeof reportTemplate.$inferSelect): ResolvedTemplate => ({
	kind: r.kind as ReportKind,
	year: r.year,
	title: r.title,
	issuer: r.issuer,
	responsible: r.responsible,
	tableOfContents: r.tableOfContents,
	introText: r.introText,
	chapters: r.chapters,
	id: r.id,
	version: r.version,
	derivedFrom: null
});

export async function resolveTemplate(db: Reader, kind: ReportKind, year: number): Promise<ResolvedTemplate> {
	const [own] = await db
		.select()
		.from(reportTemplate)
		.where(and(eq(reportTemplate.kind, kind), eq(reportTemplate.year, year)));
	if (own) return fromRow(own);
	// A new year starts from the last year's template; a year before them all from the first.
	const [earlier] = await db
		.select()
		.from(reportTemplate)
		.where(and(eq(reportTemplate.kind, kind), lt(reportTemplate.year, year)))
		.orderBy(desc(reportTemplate.year))
		.limit(1);
	const [later] = earlier
		? []
		: await db
				.select()
				.from(reportTemplate)
				.where(and(eq(reportTemplate.kind, kind), gt(reportTemplate.year, year)))
				.orderBy(asc(reportTemplate.year))
				.limit(1);
	const base = earlier ?? later;
	if (!base) return standard(kind, year);
	// The introduction is the year's own text: it is not carried over.
	return { ...templateForYear(fromRow(base), year), introText: null, id: null, version: null, derivedFrom: base.year };
}

export async function listTemplates(db: Reader, kind: ReportKind) {
	return db
		.select({ id: reportTemplate.id, year: reportTemplate.year, title: reportTemplate.title })
		.from(reportTemplate)
		.where(eq(reportTemplate.kind, kind))
		.orderBy(desc(reportTemplate.year));
}

/** Saves a year's template: creates the year's own from the derived one, or updates it at the version the user edited. */
export async function saveTemplate(db: Db, actor: Actor, kind: ReportKind, year: number, input: unknown) {
	requireRole(actor, 'editor');
	const v = validate(templateInput, input);
	const expected = (input as { version?: unknown })?.version;
	return inTransaction(db, async (tx) => {
		const [existing] = await tx
			.select({ id: reportTemplate.id })
			.from(reportTemplate)
			.where(and(eq(reportTemplate.kind, kind), eq(reportTemplate.year, year)))
			.for('update');
		if (!existing) {
			if (expected !== undefined && expected !== null && expected !== '') throw new ConflictError();
			const [row] = await tx
				.insert(reportTemplate)
				.values({ kind, year, ...v })
				.returning();
			await writeAudit(tx, actor, { action: 'create', entity: 'report_template', entityId: row.id, after: row });
			return row;
		}
		const version = validate(versionField, expected);
		const { before, after } = await updateVersioned(tx, reportTemplate, existing.id, version, v, 'Mallen');
		await writeAudit(tx, actor, { action: 'update', entity: 'report_template', entityId: existing.id, before, after });
		return after;
	});
}
