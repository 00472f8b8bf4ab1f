// The demo's governance records (demo/governance/governance.json, transcribed
// from seeds 000–004, each row with its source): the agreement's text, the
// governing documents, the year's duties and what was done in 2018–2022, the
// introduction meetings of 2021, the influence register, the 2020 action plan's
// targets, and news.
import fs from 'node:fs';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import {
	activityTarget,
	agreement,
	agreementParagraph,
	agreementParty,
	agreementVersion,
	body,
	cooperation,
	decision,
	duty,
	governingDocument,
	governingDocumentVersion,
	influence,
	influenceActivity,
	influenceExternalMeeting,
	influencePriorityObject,
	membership,
	news,
	organisation,
	person,
	task
} from '../db/schema/index.ts';
import { lookup } from './load.ts';
import type { DemoRefs } from './planning.ts';
import { ruleProblem, type DutyRule, type ElectionRule } from '../../core/governance.ts';
import { generateTasks, INTRODUCTION_MATERIAL } from '../governance/cycle.ts';
import { readDemoJson } from './read.ts';

type Key = string | null;

interface DemoGovernance {
	organisations: { key: string; name: string; kind: string }[];
	decisions: { key: string; date: string | null; decidedBy: string; bodyKey: Key; decidedByText: string | null; title: string; source: string }[];
	electionRule: ElectionRule & { source: string };
	agreement: {
		title: string;
		signedOn: string | null;
		signedPlace: string | null;
		validFrom: string;
		preamble: string | null;
		partyCodes: string[];
		paragraphs: { number: number; title: string; text: string }[];
		source: string;
	};
	governingDocuments: {
		title: string;
		kind: string;
		description: string | null;
		source: string;
		versions: {
			label: string;
			adoptedOn: string | null;
			adoptedText: string | null;
			decisionKey: Key;
			validFrom: string | null;
			validTo: string | null;
			summary: string | null;
			source: string;
		}[];
	}[];
	duties: {
		title: string;
		description: string | null;
		ownerBodyKey: Key;
		ownerPersonKey: Key;
		ownerText: string | null;
		rule: DutyRule;
		remindDaysBefore: number;
		source: string;
	}[];
	taskRecords: { dutyTitle: string; year: number; doneOn: string | null; doneNote: string | null; source: string }[];
	introductions: {
		personKey: Key;
		personText: string | null;
		bodyKey: string;
		heldOn: string | null;
		heldText: string | null;
		note: string | null;
		source: string;
	}[];
	influence: {
		kind: string;
		title: string;
		organisationKey: Key;
		holderPersonKey: Key;
		holderText: string | null;
		fromOn: string | null;
		toOn: string | null;
		year: number | null;
		description: string | null;
		url: string | null;
		priorityObjectKeys: string[];
		activityKeys: string[];
		externalMeetingKeys: string[];
		source: string;
	}[];
	activityTargets: { activityKey: string; organisationKey: string; count: number; note: string | null; source: string }[];
	news: { publishedOn: string; title: string; summary: string; body: string | null; link: string | null; source: string }[];
}

/** The years the seeds describe; the demo's tasks are generated for them. */
export const DEMO_YEARS = [2018, 2019, 2020, 2021, 2022];

export function governanceFile(dir: string): DemoGovernance | null {
	const file = path.join(dir, 'governance/governance.json');
	return fs.existsSync(file) ? readDemoJson<DemoGovernance>(dir, 'governance/governance.json') : null;
}

export async function insertGovernance(tx: Tx, data: DemoGovernance | null, refs: DemoRefs) {
	if (!data) return {};
	for (const o of data.organisations) {
		if (refs.organisations.has(o.key)) continue;
		const [row] = await tx.insert(organisation).values({ name: o.name, kind: o.kind }).returning({ id: organisation.id });
		refs.organisations.set(o.key, row.id);
	}
	for (const d of data.decisions) {
		const [row] = await tx
			.insert(decision)
			.values({
				decidedOn: d.date,
				decidedBy: d.decidedBy,
				bodyId: lookup(refs.bodies, d.bodyKey, 'organ'),
				decidedByText: d.decidedByText,
				title: d.title,
				source: d.source
			})
			.returning({ id: decision.id });
		refs.decisions.set(d.key, row.id);
	}
	const { source: _s, ...rule } = data.electionRule;
	await tx.update(cooperation).set({ electionRule: rule }).where(eq(cooperation.id, 1));

	const a = data.agreement;
	const [ag] = await tx
		.insert(agreement)
		.values({ title: a.title, signedOn: a.signedOn, signedPlace: a.signedPlace, validFrom: a.validFrom, source: a.source })
		.returning({ id: agreement.id });
	const [v1] = await tx
		.insert(agreementVersion)
		.values({ agreementId: ag.id, number: 1, validFrom: a.validFrom, preamble: a.preamble, source: a.source })
		.returning({ id: agreementVersion.id });
	await tx.insert(agreementParagraph).values(a.paragraphs.map((p) => ({ ...p, versionId: v1.id })));
	await tx.insert(agreementParty).values(a.partyCodes.map((c) => ({ versionId: v1.id, municipalityId: lookup(refs.municipalities, c, 'kommun')! })));

	for (const d of data.governingDocuments) {
		const [doc] = await tx
			.insert(governingDocument)
			.values({ title: d.title, kind: d.kind, description: d.description, source: d.source })
			.returning({ id: governingDocument.id });
		for (const v of d.versions)
			await tx.insert(governingDocumentVersion).values({
				documentId: doc.id,
				label: v.label,
				adoptedOn: v.adoptedOn,
				adoptedText: v.adoptedText,
				decisionId: lookup(refs.decisions, v.decisionKey, 'beslut'),
				validFrom: v.validFrom,
				validTo: v.validTo,
				summary: v.summary,
				source: v.source
			});
	}

	for (const d of data.duties) {
		const problem = ruleProblem(d.rule, DEMO_YEARS[0], rule);
		if (problem) throw new Error(`Demodata: uppgiften ${d.title} har en regel som inte ger något datum: ${problem}`);
		await tx.insert(duty).values({
			title: d.title,
			description: d.description,
			ownerBodyId: lookup(refs.bodies, d.ownerBodyKey, 'organ'),
			ownerPersonId: lookup(refs.persons, d.ownerPersonKey, 'person'),
			ownerText: d.ownerText,
			rule: d.rule,
			remindDaysBefore: d.remindDaysBefore,
			source: d.source
		});
	}
	const generated = await generateTasks(tx, DEMO_YEARS);
	for (const r of data.taskRecords) {
		const [d] = await tx.select({ id: duty.id }).from(duty).where(eq(duty.title, r.dutyTitle));
		if (!d) throw new Error(`Demodata: okänd uppgift ${r.dutyTitle}`);
		const updated = await tx
			.update(task)
			.set({ doneOn: r.doneOn, doneUndated: r.doneOn === null, doneBy: 'Demodata', doneNote: r.doneNote, source: r.source })
			.where(and(eq(task.dutyId, d.id), eq(task.year, r.year)))
			.returning({ id: task.id });
		if (!updated.length) throw new Error(`Demodata: ${r.dutyTitle} ger ingen uppgift ${r.year} (valår?)`);
	}
	let introductions = 0;
	for (const i of data.introductions) {
		const bodyId = lookup(refs.bodies, i.bodyKey, 'organ')!;
		const personId = lookup(refs.persons, i.personKey, 'person');
		const [m] = personId
			? await tx
					.select({ id: membership.id })
					.from(membership)
					.where(and(eq(membership.bodyId, bodyId), eq(membership.personId, personId)))
					.limit(1)
			: [];
		const dueOn = i.heldOn ?? '2021-12-31';
		const [who] = personId ? await tx.select({ name: person.name }).from(person).where(eq(person.id, personId)) : [];
		const [b] = await tx.select({ name: body.name }).from(body).where(eq(body.id, bodyId));
		await tx.insert(task).values({
			kind: 'introduction',
			membershipId: m?.id ?? null,
			bodyId,
			year: Number(dueOn.slice(0, 4)),
			title: `Introduktionsmöte: ${who?.name ?? i.personText ?? 'ny medlem'}, ${b.name}`,
			dueOn,
			material: INTRODUCTION_MATERIAL,
			// Held: the seed says so; the day only where it gives one.
			doneOn: i.heldOn,
			doneUndated: i.heldOn === null,
			doneBy: 'Demodata',
			doneNote: [i.heldText, i.note].filter(Boolean).join(' – ') || null,
			source: i.source
		});
		introductions++;
	}

	for (const x of data.influence) {
		const [row] = await tx
			.insert(influence)
			.values({
				kind: x.kind,
				title: x.title,
				organisationId: lookup(refs.organisations, x.organisationKey, 'organisation'),
				holderPersonId: lookup(refs.persons, x.holderPersonKey, 'person'),
				holderText: x.holderText,
				fromOn: x.fromOn,
				toOn: x.toOn,
				year: x.year,
				description: x.description,
				url: x.url,
				source: x.source
			})
			.returning({ id: influence.id });
		if (x.priorityObjectKeys.length)
			await tx
				.insert(influencePriorityObject)
				.values(x.priorityObjectKeys.map((k) => ({ influenceId: row.id, priorityObjectId: lookup(refs.priorityObjects, k, 'prioriterat objekt')! })));
		if (x.activityKeys.length)
			await tx
				.insert(influenceActivity)
				.values(x.activityKeys.map((k) => ({ influenceId: row.id, activityId: lookup(refs.activities, k, 'aktivitet')! })));
		if (x.externalMeetingKeys.length)
			await tx
				.insert(influenceExternalMeeting)
				.values(x.externalMeetingKeys.map((k) => ({ influenceId: row.id, externalMeetingId: lookup(refs.externalMeetings, k, 'externt möte')! })));
	}
	if (data.activityTargets.length)
		await tx.insert(activityTarget).values(
			data.activityTargets.map((t) => ({
				activityId: lookup(refs.activities, t.activityKey, 'aktivitet')!,
				organisationId: lookup(refs.organisations, t.organisationKey, 'organisation')!,
				count: t.count,
				note: t.note,
				source: t.source
			}))
		);
	if (data.news.length) await tx.insert(news).values(data.news);
	return {
		'avtalsparagrafer': a.paragraphs.length,
		styrdokument: data.governingDocuments.length,
		'återkommande uppgifter': data.duties.length,
		'uppgifter i årshjulet': generated,
		introduktionsmöten: introductions,
		'påverkansarbete': data.influence.length,
		nyheter: data.news.length
	};
}
