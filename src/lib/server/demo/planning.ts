// The demo's planning data: programmes (SUP 2013, SUP 2035), the plans of 2018,
// 2020 and 2021 with their action plans and follow-up, and the decisions behind
// them, transcribed from the seeds into demo/planning/*.json.
import fs from 'node:fs';
import path from 'node:path';
import type { Tx } from '../db/client.ts';
import {
	activity,
	activityResponsible,
	decision,
	decisionActivity,
	focusArea,
	focusAreaBody,
	followUp,
	plan,
	planArea,
	programme,
	programmeArea,
	subGoal,
	subGoalBody
} from '../db/schema/index.ts';
import { lookup } from './load.ts';
import { readDemoJson } from './read.ts';

/** Keys of the demo files to ids, filled by each loader in turn for the ones after it. */
export interface DemoRefs {
	bodies: Map<string, number>;
	municipalities: Map<string, number>;
	persons: Map<string, number>;
	organisations: Map<string, number>;
	decisions: Map<string, number>;
	meetings: Map<string, number>;
	priorityObjects: Map<string, number>;
	projects: Map<string, number>;
	events: Map<string, number>;
	activities: Map<string, number>;
	externalMeetings: Map<string, number>;
}

interface DemoPlanning {
	decisions: {
		key: string;
		date: string | null;
		decidedBy: string;
		bodyKey: string | null;
		decidedByText: string | null;
		title: string;
		source: string;
	}[];
	programmes: {
		key: string;
		name: string;
		shortName: string;
		adoptedOn: string | null;
		adoptedDecisionKey: string | null;
		validFromYear: number | null;
		validToYear: number | null;
		vision: string | null;
		overallGoal: string | null;
		principles: string[];
		relation: string | null;
		source: string;
		areas: { key: string; name: string; purpose: string | null }[];
		focusAreas: {
			key: string;
			name: string;
			areaKey: string | null;
			mainGoal: string | null;
			responsibleBodyKeys: string[];
			subGoals: {
				key: string;
				code: string | null;
				text: string;
				responsibleBodyKeys: string[];
				addedDecisionKey: string | null;
				removedDecisionKey: string | null;
				source: string;
			}[];
		}[];
	}[];
	plans: {
		year: number;
		programmeKey: string | null;
		title: string;
		status: string;
		adoptedDecisionKey: string | null;
		source: string;
		areas: { key: string; name: string; description: string | null }[];
		activities: {
			key: string;
			subGoalKey: string | null;
			planAreaKey: string | null;
			title: string;
			responsible: { bodyKey?: string; municipalityCode?: string; personKey?: string; text?: string }[];
			timing: string | null;
			comment: string | null;
			status: string;
			statusSource: string | null;
			targetCount: { count: number; text: string } | null;
			carriedFromKey: string | null;
			reportText: string | null;
			/** A follow-up's source, where it is more exact than its activity's. */
			followUps: { date: string; text: string; source?: string }[];
			source: string;
		}[];
	}[];
}

export function planningFiles(dir: string): DemoPlanning[] {
	const folder = path.join(dir, 'planning');
	if (!fs.existsSync(folder)) return [];
	return fs
		.readdirSync(folder)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((f) => readDemoJson<DemoPlanning>(dir, path.join('planning', f)));
}

export async function insertPlanning(tx: Tx, files: DemoPlanning[], refs: DemoRefs) {
	const dec = new Map<string, number>();
	const goals = new Map<string, number>();
	const programmes = new Map<string, number>();
	const acts = refs.activities;
	const body = (key: string) => lookup(refs.bodies, key, 'organ')!;
	let activityCount = 0;
	let followUpCount = 0;
	let links = 0;

	const allDecisions = files.flatMap((f) => f.decisions);
	if (allDecisions.length) {
		const rows = await tx
			.insert(decision)
			.values(
				allDecisions.map((d) => ({
					decidedOn: d.date,
					decidedBy: d.decidedBy,
					bodyId: lookup(refs.bodies, d.bodyKey, 'organ'),
					decidedByText: d.decidedByText,
					title: d.title,
					source: d.source
				}))
			)
			.returning({ id: decision.id });
		allDecisions.forEach((d, i) => dec.set(d.key, rows[i].id));
		for (const [key, id] of dec) refs.decisions.set(key, id);
	}

	for (const p of files.flatMap((f) => f.programmes)) {
		const [row] = await tx
			.insert(programme)
			.values({
				name: p.name,
				shortName: p.shortName,
				adoptedOn: p.adoptedOn,
				adoptedDecisionId: lookup(dec, p.adoptedDecisionKey, 'beslut'),
				validFromYear: p.validFromYear,
				validToYear: p.validToYear,
				vision: p.vision,
				overallGoal: p.overallGoal,
				principles: p.principles.length ? p.principles.join('\n') : null,
				relation: p.relation,
				source: p.source
			})
			.returning({ id: programme.id });
		programmes.set(p.key, row.id);
		const areas = new Map<string, number>();
		for (const [i, a] of p.areas.entries()) {
			const [ar] = await tx
				.insert(programmeArea)
				.values({ programmeId: row.id, name: a.name, purpose: a.purpose, position: i + 1 })
				.returning({ id: programmeArea.id });
			areas.set(a.key, ar.id);
		}
		for (const [i, f] of p.focusAreas.entries()) {
			const [fa] = await tx
				.insert(focusArea)
				.values({ programmeId: row.id, areaId: lookup(areas, f.areaKey, 'område'), name: f.name, mainGoal: f.mainGoal, position: i + 1 })
				.returning({ id: focusArea.id });
			if (f.responsibleBodyKeys.length) {
				await tx.insert(focusAreaBody).values([...new Set(f.responsibleBodyKeys)].map((k) => ({ focusAreaId: fa.id, bodyId: body(k) })));
			}
			for (const [j, g] of f.subGoals.entries()) {
				const [sg] = await tx
					.insert(subGoal)
					.values({
						focusAreaId: fa.id,
						code: g.code,
						text: g.text,
						position: j + 1,
						addedDecisionId: lookup(dec, g.addedDecisionKey, 'beslut'),
						removedDecisionId: lookup(dec, g.removedDecisionKey, 'beslut'),
						source: g.source
					})
					.returning({ id: subGoal.id });
				goals.set(g.key, sg.id);
				if (g.responsibleBodyKeys.length) {
					await tx.insert(subGoalBody).values([...new Set(g.responsibleBodyKeys)].map((k) => ({ subGoalId: sg.id, bodyId: body(k) })));
				}
			}
		}
	}

	const plans = files.flatMap((f) => f.plans).sort((a, b) => a.year - b.year);
	const planIds = new Map<number, number>();
	for (const p of plans) {
		const [row] = await tx
			.insert(plan)
			.values({
				year: p.year,
				programmeId: lookup(programmes, p.programmeKey, 'program'),
				title: p.title,
				status: p.status === 'adopted' && p.adoptedDecisionKey ? 'adopted' : p.status === 'adopted' ? 'draft' : p.status,
				adoptedDecisionId: lookup(dec, p.adoptedDecisionKey, 'beslut'),
				previousPlanId: planIds.get(p.year - 1) ?? null,
				source: p.source
			})
			.returning({ id: plan.id });
		planIds.set(p.year, row.id);
		const areas = new Map<string, number>();
		for (const [i, a] of p.areas.entries()) {
			const [ar] = await tx
				.insert(planArea)
				.values({ planId: row.id, name: a.name, description: a.description, position: i + 1 })
				.returning({ id: planArea.id });
			areas.set(a.key, ar.id);
		}
		for (const [i, a] of p.activities.entries()) {
			const [act] = await tx
				.insert(activity)
				.values({
					planId: row.id,
					subGoalId: lookup(goals, a.subGoalKey, 'delmål'),
					planAreaId: lookup(areas, a.planAreaKey, 'planområde'),
					title: a.title,
					timing: a.timing,
					comment: a.comment,
					status: a.status,
					targetCount: a.targetCount?.count ?? null,
					targetText: a.targetCount?.text ?? null,
					reportText: a.reportText,
					carriedFromId: lookup(acts, a.carriedFromKey, 'aktivitet'),
					position: i + 1,
					source: [a.source, a.statusSource].filter(Boolean).join('\n')
				})
				.returning({ id: activity.id });
			acts.set(a.key, act.id);
			activityCount++;
			if (a.responsible.length) {
				await tx.insert(activityResponsible).values(
					a.responsible.map((r, position) => ({
						activityId: act.id,
						position,
						bodyId: r.bodyKey ? body(r.bodyKey) : null,
						municipalityId: r.municipalityCode ? lookup(refs.municipalities, r.municipalityCode, 'kommun') : null,
						personId: r.personKey ? lookup(refs.persons, r.personKey, 'person') : null,
						text: r.bodyKey || r.municipalityCode || r.personKey ? null : (r.text ?? null)
					}))
				);
			}
			if (a.followUps.length) {
				await tx
					.insert(followUp)
					.values(a.followUps.map((f) => ({ activityId: act.id, date: f.date, text: f.text, author: 'Årsredovisningen', source: f.source ?? a.source })));
				followUpCount += a.followUps.length;
			}
			// The transcriptions name the decisions an activity concerns in its source notes.
			const notes = `${a.source} ${a.statusSource ?? ''} ${a.comment ?? ''}`;
			const concerned = [...dec.entries()].filter(([key]) => new RegExp(`(^|[^a-z0-9-])${key}($|[^a-z0-9-])`).test(notes));
			if (concerned.length) {
				await tx.insert(decisionActivity).values(concerned.map(([, decisionId]) => ({ decisionId, activityId: act.id })));
				links += concerned.length;
			}
		}
	}
	return {
		beslut: dec.size,
		program: programmes.size,
		delmål: goals.size,
		verksamhetsplaner: planIds.size,
		aktiviteter: activityCount,
		uppföljningar: followUpCount,
		beslutslänkar: links
	};
}
