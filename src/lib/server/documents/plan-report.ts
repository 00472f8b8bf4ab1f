// The operational plan (verksamhetsplan) of a year as a document, in the
// structure of seed 003: purpose, principles, focus areas and goals, ways of
// working, conferences, the calendar of meetings, the budget, the action plan
// (Bilaga 1) and the cooperation agreement (Bilaga 2), all from the data.
import { and, asc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { body, bodyRules, event, programme } from '../db/schema/index.ts';
import { SYSTEM } from '../actor.ts';
import { planOverview, type PlanOverview } from '../planning/queries.ts';
import { programmeStructure, inForceDuringYear } from '../planning/structure.ts';
import { listMeetings } from '../meetings/queries.ts';
import { budgetLines } from '../finance/queries.ts';
import { feeBasis } from '../finance/fees.ts';
import { tableAmount } from '../finance/closing-document.ts';
import { currentAgreement, getAgreement } from '../governance/agreement.ts';
import { rolesOfYear } from '../organisation/queries.ts';
import { formatDate, formatNumber } from '../../core/format.ts';
import { utcToStockholm } from '../../core/meetings.ts';
import { isoWeekday } from '../../core/days.ts';
import { parseTiming, timingLabel } from '../../core/planning.ts';
import { formatHeld } from '../../core/projects.ts';
import { heading, textToBlocks, type Block, type TemplateChapter } from '../../core/report.ts';
import type { ResolvedTemplate } from './report-template.ts';

interface Context {
	db: Db;
	year: number;
	plan: PlanOverview | null;
}

type Builder = (c: Context, chapter: TemplateChapter, t: ResolvedTemplate) => Promise<Block[]>;

export async function planReportBlocks(db: Db, t: ResolvedTemplate): Promise<Block[]> {
	const plan = await planOverview(db, t.year).catch(() => null);
	const c: Context = { db, year: t.year, plan };
	// The chapters read side by side, each on a connection of the pool.
	const chapters = await Promise.all(
		t.chapters.map(async (chapter) => {
			const build = BUILDERS[chapter.content];
			return [
				heading(1, chapter.number || null, chapter.title),
				...textToBlocks(chapter.text),
				...(build ? await build(c, chapter, t) : [])
			];
		})
	);
	return chapters.flat();
}

const BUILDERS: Partial<Record<TemplateChapter['content'], Builder>> = {
	plan_purpose: purpose,
	plan_principles: principles,
	plan_focus_areas: focusAreas,
	plan_ways_of_working: waysOfWorking,
	plan_conferences: conferences,
	plan_calendar: calendar,
	plan_budget: budget,
	plan_action_plan: actionPlan,
	plan_agreement: agreement
};

async function programmeOf(c: Context) {
	if (!c.plan?.plan.programmeId) return null;
	const [p] = await c.db.select().from(programme).where(eq(programme.id, c.plan.plan.programmeId));
	return p ?? null;
}

/** The plan's own words when its chapter has them (2020's); else the agreement's § 1 and the programme's vision and goal. */
async function purpose(c: Context, chapter: TemplateChapter): Promise<Block[]> {
	if (chapter.text?.trim()) return [];
	const out: Block[] = [];
	const a = await currentAgreement(c.db).catch(() => null);
	const first = a ? (await getAgreement(c.db)).version.paragraphs.find((p) => p.number === 1) : null;
	if (first) out.push(...textToBlocks(first.text));
	const p = await programmeOf(c);
	if (p?.vision) out.push({ kind: 'labelled', label: 'Vision', text: p.vision });
	if (p?.overallGoal) out.push({ kind: 'labelled', label: 'Övergripande mål', text: p.overallGoal });
	if (p) out.push({ kind: 'paragraph', text: `Utgångspunkten för verksamhetsplanen är ${p.name}.` });
	return out;
}

async function principles(c: Context): Promise<Block[]> {
	const p = await programmeOf(c);
	const lines = (p?.principles ?? '')
		.split('\n')
		.map((l) => l.trim())
		.filter(Boolean);
	return lines.length ? [{ kind: 'list', items: lines.map((text) => ({ text })) }] : [];
}

/**
 * A chapter named after an area of the programme ("Regionala
 * utvecklingsfrågor") sets out that area's focus areas with their goals; any
 * other gives the overview, and the goals too when no chapter takes an area.
 */
async function focusAreas(c: Context, chapter: TemplateChapter, t: ResolvedTemplate): Promise<Block[]> {
	const id = c.plan?.plan.programmeId;
	if (!id) return [{ kind: 'paragraph', text: `Verksamhetsplanen för ${c.year} är inte kopplad till ett utvecklingsprogram.` }];
	const s = await programmeStructure(c.db, id);
	const named = (ch: TemplateChapter) => s.areas.find((a) => a.name === (ch.area ?? ch.title));
	const own = named(chapter);
	const details = (areaId: number | null): Block[] =>
		s.focusAreas
			.filter((f) => f.areaId === areaId)
			.flatMap((f) => {
				const goals = s.subGoals.filter((sg) => sg.focusAreaId === f.id && inForceDuringYear(sg, c.year));
				return [
					heading(own ? 2 : 3, null, f.name),
					...(f.mainGoal ? [{ kind: 'labelled', label: 'Mål', text: f.mainGoal } as Block] : []),
					...(goals.length
						? [{ kind: 'paragraph', text: 'Delmål:' } as Block, { kind: 'list', items: goals.map((sg) => ({ text: sg.text })) } as Block]
						: []),
					...(f.responsible.length
						? [{ kind: 'labelled', label: 'Ansvariga', text: f.responsible.map((r) => r.name).join(', ') } as Block]
						: [])
				];
			});
	if (own) return [...(own.purpose ? [{ kind: 'paragraph', text: own.purpose } as Block] : []), ...details(own.id)];
	const out: Block[] = [];
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
	const loose = s.focusAreas.filter((f) => !f.areaId);
	if (loose.length) rows.push({ cells: ['', '', loose.map((f) => f.name).join(', ')] });
	out.push({
		kind: 'table',
		table: { caption: '', columns: [{ header: 'Område' }, { header: 'Syfte' }, { header: 'Fokusområden' }], rows }
	});
	if (!t.chapters.some((ch) => ch.content === 'plan_focus_areas' && named(ch))) {
		for (const a of [...s.areas.map((x) => ({ id: x.id as number | null, name: x.name })), { id: null, name: '' }]) {
			const d = details(a.id);
			if (!d.length) continue;
			if (a.name) out.push(heading(2, null, a.name));
			out.push(...d);
		}
	}
	return out;
}

async function waysOfWorking(c: Context): Promise<Block[]> {
	const from = `${c.year}-01-01`;
	const to = `${c.year}-12-31`;
	const bodies = await c.db
		.select({ id: body.id, name: body.name, kind: body.kind, description: body.description, perYear: bodyRules.meetingsPerYear })
		.from(body)
		.leftJoin(bodyRules, eq(bodyRules.bodyId, body.id))
		.where(
			and(
				inArray(body.kind, ['committee', 'management_group', 'secretariat', 'network']),
				or(isNull(body.activeFrom), lte(body.activeFrom, to)),
				or(isNull(body.activeTo), gte(body.activeTo, from))
			)
		)
		.orderBy(sql`array_position(array['committee','management_group','secretariat','network'], ${body.kind})`, asc(body.name));
	const leads = await rolesOfYear(c.db, c.year, ['chair', 'vice_chair']);
	const out: Block[] = [];
	const networks = bodies.filter((b) => b.kind === 'network');
	for (const b of bodies.filter((x) => x.kind !== 'network')) {
		out.push(heading(2, null, b.name));
		if (b.description) out.push(...textToBlocks(b.description));
		if (b.perYear) out.push({ kind: 'paragraph', text: `Sammanträder ${formatNumber(b.perYear)} gånger per år.` });
		const people = leads.filter((l) => l.bodyId === b.id);
		if (people.length)
			out.push({
				kind: 'list',
				items: people.map((l) => ({
					text: `${l.role === 'chair' ? 'Ordförande' : 'Vice ordförande'}: ${l.name}${l.municipality ? `, ${l.municipality}` : ''}`
				}))
			});
	}
	if (networks.length) {
		out.push(heading(2, null, 'Nätverken'));
		out.push({ kind: 'list', items: networks.map((n) => ({ text: n.name })) });
	}
	return out;
}

/**
 * The last day whose outcomes an adopted plan shows: its adoption. An adopted
 * plan is what was planned, so with no known adoption date it shows no outcome
 * at all (a cancellation, a move, an extra meeting belong to the annual
 * report); a draft shows what is known today.
 */
function knownUntil(c: Context): string {
	if (c.plan?.plan.status !== 'adopted') return '9999-12-31';
	return c.plan.plan.adoptedDecision?.decidedOn ?? '';
}

/** The recurring conferences a plan sets out (not a webinar or a seminar arranged during the year). */
const PLANNED_EVENT_KINDS = ['conference', 'radslag', 'theme_day'];

async function conferences(c: Context): Promise<Block[]> {
	const until = knownUntil(c);
	const rows = await c.db
		.select()
		.from(event)
		.where(and(gte(event.heldFrom, `${c.year}-01-01`), lte(event.heldFrom, `${c.year}-12-31`), inArray(event.kind, PLANNED_EVENT_KINDS)))
		.orderBy(asc(event.heldFrom));
	if (!rows.length) return [{ kind: 'paragraph', text: `Inga konferenser är inplanerade för ${c.year}.` }];
	return [
		{
			kind: 'list',
			items: rows.map((e) => ({
				text: [
					// A name that tells the outcome ("(inställd)") is the annual report's.
					e.name.replace(/\s*\((inställd|inställt)\)$/i, ''),
					formatHeld(e),
					e.hostText ? `värdar: ${e.hostText}` : null,
					e.theme ? `tema: ${e.theme}` : null,
					e.status === 'cancelled' && e.heldTo && e.heldTo <= until ? 'inställd' : null
				]
					.filter(Boolean)
					.join(', ')
			}))
		}
	];
}

const WEEKDAYS = ['söndag', 'måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag'];
/** "10–11 september 2020", "30 september–1 oktober 2020". */
const dayRange = (from: string, to: string) =>
	`${formatDate(from).replace(from.slice(0, 7) === to.slice(0, 7) ? / \S+ \d{4}$/ : / \d{4}$/, '')}–${formatDate(to)}`;
const weekday = (iso: string) => WEEKDAYS[isoWeekday(iso) % 7];

async function calendar(c: Context): Promise<Block[]> {
	const until = knownUntil(c);
	const meetings = (await listMeetings(c.db, SYSTEM, { from: `${c.year}-01-01`, to: `${c.year}-12-31` })).filter((m) => {
		const date = utcToStockholm(m.startsAt).date;
		// An extra or joint meeting called after the plan was adopted was never in it.
		return date <= until || (m.kind !== 'extra' && m.kind !== 'joint_network');
	});
	const byBody = new Map<string, typeof meetings>();
	for (const m of meetings) {
		const main = m.bodies.find((b) => b.kind === 'committee') ?? m.bodies.find((b) => b.kind === 'management_group');
		if (!main) continue;
		byBody.set(main.name, [...(byBody.get(main.name) ?? []), m]);
	}
	const out: Block[] = [];
	for (const [name, list] of byBody) {
		out.push({
			kind: 'table',
			table: {
				caption: name,
				columns: [{ header: 'Datum' }, { header: 'Dag' }, { header: 'Tid' }, { header: 'Plats' }, { header: 'Anmärkning' }],
				rows: list.map((m) => {
					const moved = m.movedFrom && utcToStockholm(m.startsAt).date > until;
					const startsAt = moved ? m.movedFrom! : m.startsAt;
					const start = utcToStockholm(startsAt);
					const end = m.endsAt && !moved ? utcToStockholm(m.endsAt) : null;
					const days = end && end.date !== start.date;
					const note = [
						m.kind === 'planning_conference' ? 'Planeringskonferens' : null,
						m.status === 'cancelled' && start.date <= until ? 'Inställt' : null,
						m.title
					]
						.filter(Boolean)
						.join(', ');
					return {
						cells: [
							days ? dayRange(start.date, end.date) : formatDate(start.date),
							days ? `${weekday(start.date)}–${weekday(end.date)}` : weekday(start.date),
							end ? `${start.time}–${end.time}` : start.time,
							m.place ?? m.hostMunicipalityName ?? '',
							note
						]
					};
				})
			}
		});
	}
	if (!out.length) out.push({ kind: 'paragraph', text: `Inga möten är inplanerade för ${c.year}.` });
	return out;
}

async function budget(c: Context): Promise<Block[]> {
	const out: Block[] = [];
	const fee = await feeBasis(c.db, c.year).catch(() => null);
	if (fee?.rule) {
		const pop =
			fee.total.population != null
				? ` Befolkningen den ${formatDate(fee.populationDate)} var ${formatNumber(fee.total.population)} invånare.`
				: '';
		const rate =
			fee.rule.kind === 'per_inhabitant' ? `${tableAmount(fee.rule.amount)} kr per invånare` : `${tableAmount(fee.rule.amount)} kr`;
		out.push({ kind: 'paragraph', text: `Avgiften är ${rate}${fee.rule.decision ? ` (${fee.rule.decision})` : ''}.${pop}` });
	}
	const lines = await budgetLines(c.db, c.year);
	if (!lines.length) return [...out, { kind: 'paragraph', text: `Det finns ingen budget för ${c.year}.` }];
	const part = (kind: 'income' | 'cost', label: string) => {
		const own = lines.filter((l) => l.kind === kind);
		return [
			...own.map((l) => ({ cells: [l.label, `${l.approximate ? 'ca ' : ''}${tableAmount(l.amount)}`] })),
			{ cells: [`Summa ${label}`, tableAmount(own.reduce((s, l) => s + l.amount, 0))], total: true }
		];
	};
	out.push({
		kind: 'table',
		table: {
			caption: `Budget ${c.year}`,
			columns: [{ header: 'Intäkter' }, { header: 'Kronor', align: 'right' }],
			rows: part('income', 'intäkter')
		}
	});
	out.push({
		kind: 'table',
		table: { caption: '', columns: [{ header: 'Kostnader' }, { header: 'Kronor', align: 'right' }], rows: part('cost', 'kostnader') }
	});
	return out;
}

async function actionPlan(c: Context): Promise<Block[]> {
	const o = c.plan;
	if (!o) return [{ kind: 'paragraph', text: `Det finns ingen handlingsplan för ${c.year}.` }];
	const out: Block[] = [];
	const row = (goal: string, a: PlanOverview['activities'][number]) => ({
		cells: [
			goal,
			a.title,
			a.responsible.map((r) => r.label).join(', '),
			a.timing ? timingLabel(parseTiming(a.timing)) : '',
			a.comment ?? ''
		]
	});
	const columns = [{ header: 'Delmål' }, { header: 'Aktivitet' }, { header: 'Ansvarig' }, { header: 'När' }, { header: 'Kommentar' }];
	for (const f of o.focusAreas) {
		const rows = f.subGoals.flatMap((g) => g.activities.map((a) => row(g.text, a)));
		if (!rows.length) continue;
		out.push(heading(2, null, f.focusArea.mainGoal ? `${f.focusArea.name} – ${f.focusArea.mainGoal}` : f.focusArea.name));
		out.push({ kind: 'table', table: { caption: '', columns, rows } });
	}
	for (const p of o.planAreas) {
		if (!p.activities.length) continue;
		out.push(heading(2, null, p.area.name));
		out.push({ kind: 'table', table: { caption: '', columns, rows: p.activities.map((a) => row('', a)) } });
	}
	return out;
}

async function agreement(c: Context): Promise<Block[]> {
	const a = await currentAgreement(c.db).catch(() => null);
	if (!a) return [{ kind: 'paragraph', text: 'Samverkansavtalet finns inte i systemet.' }];
	const full = await getAgreement(c.db);
	// The version in force on the first day of the plan's year, or the first when the year is before them all.
	const inForce = full.versions.find((v) => v.validFrom <= `${c.year}-01-01`) ?? full.versions.at(-1)!;
	const shown = inForce.id === full.version.id ? full : await getAgreement(c.db, inForce.number);
	const v = shown.version;
	const out: Block[] = [heading(2, null, shown.title)];
	if (v.preamble) out.push(...textToBlocks(v.preamble));
	if (v.parties.length) out.push({ kind: 'labelled', label: 'Parter', text: v.parties.map((p) => p.name).join(', ') });
	for (const p of v.paragraphs) {
		out.push(heading(3, `§ ${p.number}`, p.title ?? ''));
		out.push(...textToBlocks(p.text));
	}
	if (shown.signedOn)
		out.push({
			kind: 'paragraph',
			text: `Undertecknat ${formatDate(shown.signedOn)}${shown.signedPlace ? ` i ${shown.signedPlace}` : ''}.`,
			style: 'note'
		});
	return out;
}
