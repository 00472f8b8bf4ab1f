// The annual report (årsredovisning och bokslut) of a year, built from the data
// in the chapters of that year's template: every figure and list comes from the
// registers, and only the secretariat's own text comes from the template.
import { and, asc, eq, gte, inArray, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import {
	body,
	consultation,
	event,
	externalMeeting,
	externalMeetingOrganisation,
	followUp,
	municipality,
	organisation,
	population,
	programme
} from '../db/schema/index.ts';
import { planOverview } from '../planning/queries.ts';
import { programmeStructure } from '../planning/structure.ts';
import { bodiesYear, type BodyYearFigures } from '../meetings/statistics.ts';
import { listProjects } from '../projects/queries.ts';
import { listProjectReportTexts } from '../projects/report-texts.ts';
import { yearClosing } from '../finance/closing.ts';
import { closingTables, tableAmount } from '../finance/closing-document.ts';
import { feeBasis } from '../finance/fees.ts';
import { eventCosts } from '../finance/queries.ts';
import { formatDate, formatNumber } from '../../core/format.ts';
import { countWord, fillPlaceholders, heading, textToBlocks, type Block, type ListItem, type TemplateChapter } from '../../core/report.ts';
import type { ResolvedTemplate } from './report-template.ts';
import { yearSentence } from '../../core/year-sentence.ts';
import { formatHeld } from '../../core/projects.ts';
import { changeWithinYear, ROLES, type Role } from '../../core/organisation.ts';
import { rolesOfYear } from '../organisation/queries.ts';

/** The year's figures the chapters share, each read once. */
interface Context {
	db: Db;
	year: number;
	plan: Awaited<ReturnType<typeof planOverview>> | null;
	/** The cooperation's bodies of the year, in the order the report prints them. */
	bodies: Promise<{ id: number; name: string; kind: string }[]>;
	/** Their year in figures: chapters 3 and 7 both print them. */
	figures: Promise<Map<number, BodyYearFigures>>;
}

type Builder = (c: Context, chapter: TemplateChapter, t: ResolvedTemplate) => Promise<Block[]>;

export async function annualReportBlocks(db: Db, t: ResolvedTemplate): Promise<Block[]> {
	const plan = await planOverview(db, t.year).catch(() => null);
	const bodies = bodiesOfYear(db, t.year);
	const c: Context = {
		db,
		year: t.year,
		plan,
		bodies,
		figures: bodies.then((b) =>
			bodiesYear(
				db,
				b.map((x) => x.id),
				t.year
			)
		)
	};
	// The chapters read side by side, each on a connection of the pool.
	const chapters = await Promise.all(
		t.chapters.map(async (chapter) => {
			const build = BUILDERS[chapter.content];
			return [
				heading(1, chapter.number || null, chapter.title),
				...textToBlocks(chapter.content === 'intro_text' ? null : chapter.text),
				...(build ? await build(c, chapter, t) : [])
			];
		})
	);
	return chapters.flat();
}

const BUILDERS: Partial<Record<TemplateChapter['content'], Builder>> = {
	intro_text: intro,
	goals_table: goals,
	focus_area_followup: followUpChapter,
	consultations,
	external_meetings: externalMeetings,
	projects,
	meetings_administration: meetingsAndAdministration,
	closing
};

// ---------------------------------------------------------------------------
// 1 Inledning

/** The cooperation's population on the last date in a year that has a total, and on the last date of the year before. */
export async function populationAtYearEnd(db: Db, year: number) {
	const at = async (y: number) => {
		const [row] = await db
			.select({ date: population.date, population: population.population })
			.from(population)
			.where(
				and(
					isNull(population.municipalityId),
					gte(population.date, `${y}-01-01`),
					lte(population.date, `${y}-12-31`),
					sql`${population.population} is not null`
				)
			)
			.orderBy(sql`${population.date} desc`)
			.limit(1);
		return row ?? null;
	};
	const [now, before] = await Promise.all([at(year), at(year - 1)]);
	return { now, before, change: now?.population != null && before?.population != null ? now.population - before.population : null };
}

async function intro(c: Context, _chapter: TemplateChapter, t: ResolvedTemplate): Promise<Block[]> {
	const p = await populationAtYearEnd(c.db, c.year);
	const values = {
		år: String(c.year),
		befolkning: p.now?.population != null ? formatNumber(p.now.population) : '(uppgift saknas)',
		befolkningsdatum: p.now ? formatDate(p.now.date) : '(uppgift saknas)',
		förändring: p.change != null ? formatNumber(Math.abs(p.change)) : '(uppgift saknas)'
	};
	const text = t.introText ?? '';
	const blocks = textToBlocks(fillPlaceholders(text, values));
	// A text that does not itself say the population gets the sentence from the data.
	if (!/\{befolkning\}/.test(text) && p.now?.population != null) {
		const change =
			p.change == null
				? ''
				: ` Under året ${p.change >= 0 ? 'ökade' : 'minskade'} befolkningen med ${formatNumber(Math.abs(p.change))} personer.`;
		const when = p.now.date.endsWith('-12-31') ? 'Vid årets slut' : `Den ${formatDate(p.now.date)}`;
		blocks.push({ kind: 'paragraph', text: `${when} var antalet invånare i samarbetet ${values.befolkning} personer.${change}` });
	}
	return blocks;
}

// ---------------------------------------------------------------------------
// 2 Övergripande mål och fokusområden

async function goals(c: Context): Promise<Block[]> {
	const plan = c.plan?.plan;
	if (!plan?.programmeId)
		return [{ kind: 'paragraph', text: `Det finns ingen verksamhetsplan för ${c.year} kopplad till ett utvecklingsprogram.` }];
	const s = await programmeStructure(c.db, plan.programmeId);
	const [programmeRow] = await c.db
		.select({ overallGoal: programme.overallGoal, name: programme.name })
		.from(programme)
		.where(eq(programme.id, plan.programmeId));
	const out: Block[] = [];
	if (programmeRow?.overallGoal) out.push({ kind: 'labelled', label: 'Övergripande mål', text: programmeRow.overallGoal });
	const rows = s.areas.map((a) => ({
		cells: [
			a.name,
			a.purpose ?? '',
			s.focusAreas
				.filter((f) => f.areaId === a.id)
				.map((f) => f.name)
				.join(', ')
		]
	}));
	for (const a of c.plan!.planAreas) if (a.activities.length) rows.push({ cells: [a.area.name, a.area.description ?? '', ''] });
	const unplaced = s.focusAreas.filter((f) => !f.areaId);
	if (!s.areas.length && unplaced.length) rows.unshift({ cells: [programmeRow?.name ?? '', '', unplaced.map((f) => f.name).join(', ')] });
	out.push({
		kind: 'table',
		table: {
			caption: '',
			columns: [{ header: 'Område' }, { header: 'Syfte' }, { header: 'Fokusområden' }],
			rows
		}
	});
	return out;
}

// ---------------------------------------------------------------------------
// 3 Uppföljning av fokusområdena

async function followUpTexts(db: Db, activityIds: number[]) {
	const rows = activityIds.length
		? await db
				.select({ activityId: followUp.activityId, date: followUp.date, text: followUp.text })
				.from(followUp)
				.where(inArray(followUp.activityId, activityIds))
				.orderBy(asc(followUp.date), asc(followUp.id))
		: [];
	const by = new Map<number, { date: string; text: string }[]>();
	for (const r of rows) by.set(r.activityId, [...(by.get(r.activityId) ?? []), r]);
	return by;
}

type ActivityRow = NonNullable<Context['plan']>['activities'][number];

/** An activity as the report prints it: its title, then its report text, or its dated follow-ups when it has none. */
function activityBlocks(a: ActivityRow, followUps: { date: string; text: string }[]): Block[] {
	const out: Block[] = [{ kind: 'paragraph', text: a.title, style: 'lead' }];
	if (a.reportText?.trim()) out.push(...textToBlocks(a.reportText));
	else if (followUps.length) out.push({ kind: 'list', items: followUps.map((f) => ({ text: `${formatDate(f.date)}: ${f.text}` })) });
	else out.push({ kind: 'paragraph', text: 'Ingen uppföljning är registrerad.', style: 'note' });
	return out;
}

async function followUpChapter(c: Context, chapter: TemplateChapter): Promise<Block[]> {
	const o = c.plan;
	if (!o) return [{ kind: 'paragraph', text: `Det finns ingen verksamhetsplan för ${c.year}.` }];
	const follow = await followUpTexts(
		c.db,
		o.activities.map((a) => a.id)
	);
	const out: Block[] = [];
	let n = 0;
	const number = () => (chapter.number && /^\d+$/.test(chapter.number) ? `${chapter.number}.${++n}` : null);
	// A chapter named after one of the plan's own areas follows that area's activities, each as a section.
	const ownArea = o.planAreas.find((a) => a.area.name === chapter.title || a.area.name === chapter.area);
	if (ownArea) {
		for (const a of ownArea.activities) {
			out.push(heading(2, number(), a.title));
			out.push(...activityBlocks(a, follow.get(a.id) ?? []).slice(1));
		}
		return out;
	}
	const networkIds = new Set((await c.bodies).filter((b) => b.kind === 'network').map((b) => b.id));
	const networks = new Set<number>();
	for (const f of o.focusAreas) {
		const activities = f.subGoals.flatMap((g) => g.activities);
		if (!activities.length && !f.focusArea.mainGoal) continue;
		out.push(heading(2, number(), f.focusArea.name));
		if (f.focusArea.mainGoal) out.push({ kind: 'labelled', label: 'Huvudmål', text: f.focusArea.mainGoal });
		if (f.subGoals.length) {
			out.push({ kind: 'paragraph', text: 'Delmål:' });
			out.push({ kind: 'list', items: f.subGoals.map((g) => ({ text: g.text })) });
		}
		const responsible = f.focusArea.responsible.map((r) => r.name);
		if (responsible.length) out.push({ kind: 'labelled', label: 'Ansvariga', text: responsible.join(', ') });
		out.push(heading(3, null, 'Uppföljning av aktiviteter i handlingsplanen'));
		for (const a of activities) out.push(...activityBlocks(a, follow.get(a.id) ?? []));
		for (const r of f.focusArea.responsible) {
			if (networks.has(r.id) || !networkIds.has(r.id)) continue;
			networks.add(r.id);
			out.push(...(await networkYear(c, r.id, r.name)));
		}
	}
	return out;
}

/** A network's year in a paragraph: meetings by format, attendance, guests, and municipalities that changed representative. */
async function networkYear(c: Context, bodyId: number, name: string): Promise<Block[]> {
	const y = (await c.figures).get(bodyId);
	return y ? [{ kind: 'labelled', label: name, text: yearSentence(y, c.year) }] : [];
}

/** The committee, the management group, the secretariat and the networks active during the year. */
async function bodiesOfYear(db: Db, year: number) {
	return db
		.select({ id: body.id, name: body.name, kind: body.kind })
		.from(body)
		.where(
			and(
				inArray(body.kind, ['committee', 'management_group', 'secretariat', 'network']),
				or(isNull(body.activeFrom), lte(body.activeFrom, `${year}-12-31`)),
				or(isNull(body.activeTo), gte(body.activeTo, `${year}-01-01`))
			)
		)
		.orderBy(sql`array_position(array['committee','management_group','secretariat','network'], ${body.kind})`, asc(body.name));
}

// ---------------------------------------------------------------------------
// 4 Gemensamma remissvar

async function consultations(c: Context, chapter: TemplateChapter): Promise<Block[]> {
	// Which responses a year lists is the template's: those written that year (2020) or those sent (2021).
	const rule = chapter.rule ?? 'either';
	const yearWhere =
		rule === 'written'
			? or(eq(consultation.writtenYear, c.year), and(isNull(consultation.writtenYear), eq(consultation.submittedYear, c.year)))
			: rule === 'submitted'
				? eq(consultation.submittedYear, c.year)
				: or(eq(consultation.writtenYear, c.year), eq(consultation.submittedYear, c.year));
	const rows = await c.db
		.select({
			title: consultation.title,
			issuer: organisation.name,
			submittedOn: consultation.submittedOn,
			submittedYear: consultation.submittedYear,
			submittedNote: consultation.submittedNote,
			status: consultation.status
		})
		.from(consultation)
		.leftJoin(organisation, eq(organisation.id, consultation.issuerId))
		.where(and(eq(consultation.answerJointly, 'yes'), yearWhere))
		.orderBy(sql`${consultation.submittedOn} nulls last`, asc(consultation.id));
	// When each went in, as precisely as known: the day ("14 december 2020"), else the month the register holds.
	const line = (r: (typeof rows)[number]) => {
		const when = r.submittedOn ? `skickat ${formatDate(r.submittedOn)}` : r.submittedNote;
		return { text: `${r.title}${r.issuer ? ` – ${r.issuer}` : ''}${when ? ` (${when})` : ''}` };
	};
	const sentIn = (r: (typeof rows)[number]) => r.submittedYear === c.year || !!r.submittedOn?.startsWith(String(c.year));
	// A year that counts what was written (2020) says so, and lists the ones sent the year after among them.
	if (rule === 'written') {
		return [
			{
				kind: 'paragraph',
				text: rows.length
					? `Under ${c.year} har ${countWord(rows.length)} Södertörnsgemensamma remissvar skrivits:`
					: `Under ${c.year} har inga gemensamma remissvar skrivits.`
			},
			...(rows.length ? [{ kind: 'list' as const, items: rows.map(line) }] : [])
		];
	}
	const sent = rows.filter(sentIn);
	const later = rows.filter((r) => !sentIn(r));
	const out: Block[] = [
		{
			kind: 'paragraph',
			text: sent.length
				? `Under ${c.year} har ${countWord(sent.length)} Södertörnsgemensamma remissvar skickats in:`
				: `Under ${c.year} har inga gemensamma remissvar skickats in.`
		}
	];
	if (sent.length) out.push({ kind: 'list', items: sent.map(line) });
	if (later.length) {
		out.push({ kind: 'paragraph', text: `Besvarade under ${c.year} men skickade ${c.year + 1} eller senare:` });
		out.push({ kind: 'list', items: later.map(line) });
	}
	return out;
}

// ---------------------------------------------------------------------------
// 5 Externa möten

async function externalMeetings(c: Context): Promise<Block[]> {
	const rows = await c.db
		.select({
			id: externalMeeting.id,
			heldOn: externalMeeting.heldOn,
			heldIn: externalMeeting.heldIn,
			heldText: externalMeeting.heldText,
			topic: externalMeeting.topic,
			theirs: externalMeeting.theirParticipants,
			format: externalMeeting.format,
			body: body.name,
			bodyKind: body.kind
		})
		.from(externalMeeting)
		.leftJoin(body, eq(body.id, externalMeeting.bodyId))
		.where(
			and(
				eq(externalMeeting.status, 'held'),
				gte(externalMeeting.heldFrom, `${c.year}-01-01`),
				lte(externalMeeting.heldFrom, `${c.year}-12-31`)
			)
		)
		.orderBy(sql`${externalMeeting.heldFrom} nulls last`, asc(externalMeeting.id));
	if (!rows.length) return [{ kind: 'paragraph', text: `Inga externa möten är registrerade för ${c.year}.` }];
	const orgs = await c.db
		.select({ meetingId: externalMeetingOrganisation.externalMeetingId, name: organisation.name })
		.from(externalMeetingOrganisation)
		.innerJoin(organisation, eq(organisation.id, externalMeetingOrganisation.organisationId))
		.where(
			inArray(
				externalMeetingOrganisation.externalMeetingId,
				rows.map((r) => r.id)
			)
		);
	const who = (kind: string | null, name: string | null) =>
		kind === 'committee' ? 'Samarbetskommittén' : kind === 'management_group' ? 'Kommundirektörerna' : (name ?? 'Övriga');
	const groups = new Map<string, ListItem[]>();
	for (const r of rows) {
		const names = orgs.filter((o) => o.meetingId === r.id).map((o) => o.name);
		const counterpart = [names.join(', '), r.theirs].filter(Boolean).join(': ');
		const when = formatHeld(r);
		const item = {
			text: `${counterpart || r.topic}${counterpart ? ` – ${r.topic}` : ''} (${when}${r.format === 'digital' ? ', digitalt' : ''})`
		};
		const key = who(r.bodyKind, r.body);
		groups.set(key, [...(groups.get(key) ?? []), item]);
	}
	const out: Block[] = [];
	for (const [key, items] of groups) {
		out.push({ kind: 'paragraph', text: `${key} har träffat:`, style: 'lead' });
		out.push({ kind: 'list', items });
	}
	return out;
}

// ---------------------------------------------------------------------------
// 6 Projekt

async function projects(c: Context, chapter: TemplateChapter): Promise<Block[]> {
	const [texts, active] = await Promise.all([listProjectReportTexts(c.db, { year: c.year }), listProjects(c.db, { year: c.year })]);
	const number = (i: number) => (/^\d+$/.test(chapter.number) ? `${chapter.number}.${i + 1}` : null);
	const costsOfYear = (projectId: number): Block[] => {
		const costs = active.find((p) => p.id === projectId)?.yearCosts ?? 0;
		return costs ? [{ kind: 'paragraph', text: `Bokförda kostnader ${c.year}: ${tableAmount(costs)} kr.` }] : [];
	};
	// The sections written for this year's report, with the year's costs from the ledger: never a later year's text.
	if (texts.length)
		return texts.flatMap((t, i) => [heading(2, number(i), t.title ?? t.projectName), ...textToBlocks(t.text), ...costsOfYear(t.projectId)]);
	// No section written yet: the projects that ran during the year, with their facts, for the secretariat to write about.
	const list = active.filter((p) => p.status !== 'planned');
	if (!list.length) return [{ kind: 'paragraph', text: `Inga projekt pågick under ${c.year}.` }];
	const out: Block[] = [
		{
			kind: 'paragraph',
			text: `Ingen text om projekten är skriven för årsredovisningen ${c.year}. Projekt som pågick under året:`,
			style: 'note'
		}
	];
	list.forEach((p, i) => {
		out.push(heading(2, number(i), p.name));
		if (p.purpose) out.push({ kind: 'labelled', label: 'Syfte', text: p.purpose });
		const facts = [
			(p.owner ?? p.ownerText) ? `Ägare: ${p.owner ?? p.ownerText}` : null,
			p.supplier ? `Utförare: ${p.supplier}` : null,
			p.startYear ? `Period: ${p.startYear}${p.endYear && p.endYear !== p.startYear ? `–${p.endYear}` : ''}` : null,
			p.budget != null ? `Budget: ${tableAmount(p.budget)} kr` : null
		].filter((s): s is string => !!s);
		if (facts.length) out.push({ kind: 'paragraph', text: facts.join('. ') + '.' });
		out.push(...costsOfYear(p.id));
	});
	return out;
}

// ---------------------------------------------------------------------------
// 7 Möten, konferenser och administration

/** Who a year's report names: the chairs of the bodies, the secretariat's staff. */
const LEAD_ROLES = ['chair', 'vice_chair'];
const STAFF_ROLES = ['strategist', 'administrator', 'development_lead', 'project_employee'];

const SUBJECTS: Record<string, string> = { committee: 'samarbetskommittén', management_group: 'ledningsgruppen', network: 'nätverket' };

async function meetingsAndAdministration(c: Context): Promise<Block[]> {
	const from = `${c.year}-01-01`;
	const to = `${c.year}-12-31`;
	const [bodies, figures] = await Promise.all([c.bodies, c.figures]);
	const roles = await rolesOfYear(c.db, c.year, [...LEAD_ROLES, ...STAFF_ROLES]);
	const out: Block[] = [];
	for (const b of bodies) {
		const y = figures.get(b.id)!;
		const named = roles.filter((r) => r.bodyId === b.id && (b.kind === 'secretariat' ? STAFF_ROLES : LEAD_ROLES).includes(r.role));
		if (!y.held.length && !y.counted.length && !y.turnoverCounted && b.kind === 'network' && !named.length) continue;
		out.push(heading(2, null, b.name));
		if (b.kind !== 'secretariat') out.push({ kind: 'paragraph', text: yearSentence(y, c.year, SUBJECTS[b.kind] ?? 'nätverket') });
		if (named.length)
			out.push({
				kind: 'list',
				items: named.map((r) => {
					const change = changeWithinYear(r, c.year);
					return {
						text: `${ROLES[r.role as Role]}: ${r.name}${r.municipality ? `, ${r.municipality}` : ''}${change ? ` (${change})` : ''}`
					};
				})
			});
	}
	const [events, costs] = await Promise.all([
		c.db
			.select()
			.from(event)
			// What the year held or called off; a plan whose outcome nobody recorded is not reported as held.
			.where(and(gte(event.heldFrom, from), lte(event.heldFrom, to), ne(event.status, 'planned')))
			.orderBy(asc(event.heldFrom)),
		eventCosts(c.db, c.year)
	]);
	const costOf = new Map(costs.map((e) => [e.id, e.costs]));
	for (const e of events) {
		out.push(heading(2, null, e.name));
		const facts = [
			e.status === 'cancelled'
				? `Inställd${e.cancelledReason ? `: ${e.cancelledReason}` : ''}.`
				: `${formatHeld(e)}${e.place ? `, ${e.place}` : ''}.`,
			e.theme ? `Tema: ${e.theme}.` : null,
			e.hostText ? `Värdar: ${e.hostText}.` : null,
			e.participants != null && e.status !== 'cancelled'
				? `${formatNumber(e.participants)} deltagare${e.participantsInternal != null ? `, varav ${formatNumber(e.participantsInternal)} från kommunerna` : ''}.`
				: null,
			costOf.get(e.id) ? `Kostnad enligt bokföringen: ${tableAmount(costOf.get(e.id)!)} kr.` : null
		].filter((s): s is string => !!s);
		out.push({ kind: 'paragraph', text: facts.join(' ') });
		if (e.evaluation) out.push(...textToBlocks(e.evaluation));
	}
	return out;
}

// ---------------------------------------------------------------------------
// 8 Bokslut

async function closing(c: Context): Promise<Block[]> {
	const out: Block[] = [];
	const fee = await feeBasis(c.db, c.year).catch(() => null);
	if (fee?.rule) {
		const rate =
			fee.rule.kind === 'per_inhabitant'
				? `${tableAmount(fee.rule.amount)} kr per invånare, räknat på befolkningen den ${formatDate(fee.populationDate)}`
				: `${tableAmount(fee.rule.amount)} kr totalt`;
		const total = fee.total.amount != null ? ` Det ger ${tableAmount(fee.total.amount)} kr.` : '';
		out.push({
			kind: 'paragraph',
			text: `Avgiften för ${c.year} är ${rate}${fee.rule.decision ? ` (${fee.rule.decision})` : ''}.${total}`
		});
	}
	const cl = await yearClosing(c.db, c.year).catch(() => null);
	if (!cl) return [...out, { kind: 'paragraph', text: `Bokföringen för ${c.year} finns inte i systemet.` }];
	const t = closingTables(cl);
	// The year's result is what the operations fund keeps: money moved to another fund (2018's 179 849 to the projects) has left it.
	const operations = cl.funds.filter((f) => f.kind === 'operations');
	const result = operations.reduce((s, f) => s + f.income - f.costs + f.transfersIn - f.transfersOut, 0);
	const movedOut = operations.reduce((s, f) => s + f.transfersOut - f.transfersIn, 0);
	const moved = movedOut > 0 ? `, sedan ${tableAmount(movedOut)} kr förts över till andra fonder` : '';
	out.push({
		kind: 'paragraph',
		text: `Årets resultat för driften är ${tableAmount(result)} kr${moved}. Vid årets slut finns ${tableAmount(cl.totals.closing)} kr i samarbetets medel.${cl.status === 'closed' ? '' : ' Året är inte stängt: siffrorna kan ändras.'}${cl.openingsProvisional ? ` De ingående balanserna är preliminära, eftersom ${cl.openingsProvisional.firstUnclosed} inte är stängt.` : ''}`
	});
	for (const table of [t.summary, ...t.funds, ...(t.projects ? [t.projects] : []), ...(t.transfers ? [t.transfers] : [])])
		out.push({ kind: 'table', table });
	if (t.differences) {
		out.push({ kind: 'paragraph', text: 'Siffror som den tryckta årsredovisningen anger och som bokföringen inte ger:', style: 'note' });
		out.push({ kind: 'table', table: t.differences });
	}
	return out;
}
