// The demo's remisser and priority objects (demo/consultations/consultations.json,
// transcribed from seeds 000, 001, 002 and 004, each row with its source).
import fs from 'node:fs';
import path from 'node:path';
import type { Tx } from '../db/client.ts';
import {
	consultation,
	consultationDecision,
	consultationMeeting,
	consultationPriorityObject,
	decision,
	organisation,
	priorityObject
} from '../db/schema/index.ts';
import { lookup } from './load.ts';
import type { DemoRefs } from './planning.ts';
import type { ConsultationStatus, JointAnswer, MeetingRole } from '../../core/consultations.ts';
import { readDemoJson } from './read.ts';

type Key = string | null;

interface DemoConsultations {
	organisations: { key: string; name: string; kind: string }[];
	priorityObjects: { key: string; name: string; description: string | null; decisionKey: Key; position: number; source: string }[];
	consultations: {
		key: string;
		issuerKey: Key;
		title: string;
		reference: string | null;
		receivedOn: string | null;
		deadline: string | null;
		targetOn: string | null;
		answerJointly: JointAnswer;
		notJointReason: string | null;
		workingGroupBodyKey: Key;
		drafterPersonKeys: string[];
		status: ConsultationStatus;
		writtenYear: number | null;
		writtenOn: string | null;
		submittedOn: string | null;
		submittedNote: string | null;
		submittedTo: string | null;
		responseText: string | null;
		meetings: { meetingKey: string; role: MeetingRole; note: string | null }[];
		chairDecision: { decidedOn: string | null; title: string; description: string | null; source: string } | null;
		decisionKeys: string[];
		priorityObjectKeys: string[];
		source: string;
	}[];
}

export function consultationFile(dir: string): DemoConsultations | null {
	const file = path.join(dir, 'consultations/consultations.json');
	return fs.existsSync(file) ? readDemoJson<DemoConsultations>(dir, 'consultations/consultations.json') : null;
}

/** "februari 2022 (…)" → 2022: the year a month-only submission went. */
export function yearInNote(note: string | null): number | null {
	const m = note?.match(/\b(19|20)\d{2}\b/);
	return m ? Number(m[0]) : null;
}

export async function insertConsultations(tx: Tx, data: DemoConsultations | null, refs: DemoRefs) {
	if (!data) return {};
	for (const o of data.organisations) {
		const [row] = await tx.insert(organisation).values({ name: o.name, kind: o.kind }).returning({ id: organisation.id });
		refs.organisations.set(o.key, row.id);
	}
	for (const p of data.priorityObjects) {
		const [row] = await tx
			.insert(priorityObject)
			.values({
				name: p.name,
				description: p.description,
				decisionId: lookup(refs.decisions, p.decisionKey, 'beslut'),
				position: p.position,
				source: p.source
			})
			.returning({ id: priorityObject.id });
		refs.priorityObjects.set(p.key, row.id);
	}
	let chairDecisions = 0;
	for (const c of data.consultations) {
		const [row] = await tx
			.insert(consultation)
			.values({
				issuerId: lookup(refs.organisations, c.issuerKey, 'organisation'),
				title: c.title,
				reference: c.reference,
				receivedOn: c.receivedOn,
				deadline: c.deadline,
				targetOn: c.targetOn,
				answerJointly: c.answerJointly,
				notJointReason: c.notJointReason,
				workingGroupId: lookup(refs.bodies, c.workingGroupBodyKey, 'organ'),
				status: c.status,
				writtenYear: c.writtenYear,
				writtenOn: c.writtenOn,
				submittedOn: c.submittedOn,
				submittedYear: c.submittedOn ? Number(c.submittedOn.slice(0, 4)) : yearInNote(c.submittedNote),
				submittedNote: c.submittedNote,
				submittedTo: c.submittedTo,
				responseText: c.responseText,
				source: c.source
			})
			.returning({ id: consultation.id });
		if (c.meetings.length)
			await tx.insert(consultationMeeting).values(
				c.meetings.map((m) => ({ consultationId: row.id, meetingId: lookup(refs.meetings, m.meetingKey, 'möte')!, role: m.role, note: m.note }))
			);
		const decisionIds = c.decisionKeys.map((k) => lookup(refs.decisions, k, 'beslut')!);
		if (c.chairDecision) {
			const [d] = await tx
				.insert(decision)
				.values({
					decidedOn: c.chairDecision.decidedOn,
					decidedBy: 'chair',
					title: c.chairDecision.title,
					description: c.chairDecision.description,
					source: c.chairDecision.source
				})
				.returning({ id: decision.id });
			decisionIds.push(d.id);
			chairDecisions++;
		}
		if (decisionIds.length) await tx.insert(consultationDecision).values(decisionIds.map((decisionId) => ({ consultationId: row.id, decisionId })));
		if (c.priorityObjectKeys.length)
			await tx
				.insert(consultationPriorityObject)
				.values(c.priorityObjectKeys.map((k) => ({ consultationId: row.id, priorityObjectId: lookup(refs.priorityObjects, k, 'prioriterat objekt')! })));
	}
	return { remisser: data.consultations.length, 'prioriterade objekt': data.priorityObjects.length, ordförandebeslut: chairDecisions };
}
