// The demo's projects, events and external meetings (demo/projects/projects.json,
// transcribed from seeds 000, 001, 003 and 004, each row with its source). The
// finance loader has created the projects and events its ledger points to; this
// one describes them fully and adds the rest.
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import {
	event,
	eventHost,
	externalMeeting,
	externalMeetingOrganisation,
	externalMeetingPriorityObject,
	organisation,
	project,
	projectFunding,
	projectReportText,
	projectMunicipality
} from '../db/schema/index.ts';
import { lookup } from './load.ts';
import type { DemoRefs } from './planning.ts';
import type { EventFormat, EventKind, EventStatus, ExternalFormat, ExternalStatus, ProjectStatus } from '../../core/projects.ts';
import { readDemoJson } from './read.ts';

type Key = string | null;

interface DemoProjects {
	organisations: { key: string; name: string; kind: string }[];
	projects: {
		key: string;
		name: string;
		purpose: string | null;
		ownerBodyKey: Key;
		ownerText: string | null;
		supplierKey: Key;
		startYear: number | null;
		endYear: number | null;
		budget: number | null;
		funding: { funderKey: Key; description: string; amount: number | null; sharePercent: number | null }[];
		status: ProjectStatus;
		results: string | null;
		municipalityCodes: string[];
		source: string;
	}[];
	events: {
		key: string;
		name: string;
		kind: EventKind;
		theme: string | null;
		hostText: string | null;
		hostBodyKeys: string[];
		heldOn: string | null;
		heldIn: string | null;
		format: EventFormat | null;
		place: string | null;
		participants: number | null;
		participantsInternal: number | null;
		status: EventStatus;
		cancelledReason: string | null;
		evaluation: string | null;
		costCapPerParticipant: number | null;
		source: string;
	}[];
	externalMeetings: {
		key: string;
		heldOn: string | null;
		heldIn: string | null;
		heldText: string | null;
		bodyKey: Key;
		ourParticipants: string | null;
		organisationKeys: string[];
		theirParticipants: string | null;
		format: ExternalFormat | null;
		topic: string;
		status: ExternalStatus;
		priorityObjectKeys: string[];
		source: string;
	}[];
	reportTexts?: { projectKey: string; year: number; position: number; title: string | null; text: string; source: string }[];
}

export function projectFile(dir: string): DemoProjects | null {
	const file = path.join(dir, 'projects/projects.json');
	if (!fs.existsSync(file)) return null;
	const data = readDemoJson<DemoProjects>(dir, 'projects/projects.json');
	// Each published report's projects chapter, section by section, beside the projects.
	const texts = path.join(dir, 'projects/report-texts.json');
	if (fs.existsSync(texts)) data.reportTexts = readDemoJson<Pick<DemoProjects, 'reportTexts'>>(dir, 'projects/report-texts.json').reportTexts;
	return data;
}

/** Inserts a new row, or describes the one the finance loader made under the same key. */
async function upsert<T extends typeof project | typeof event>(tx: Tx, table: T, known: Map<string, number>, key: string, values: T['$inferInsert']) {
	const id = known.get(key);
	if (id !== undefined) {
		await tx
			.update(table)
			.set(values as never)
			.where(eq(table.id, id));
		return id;
	}
	const [row] = (await tx
		.insert(table)
		.values(values as never)
		.returning({ id: table.id })) as { id: number }[];
	known.set(key, row.id);
	return row.id;
}

export async function insertProjects(tx: Tx, data: DemoProjects | null, refs: DemoRefs) {
	if (!data) return {};
	for (const o of data.organisations) {
		if (refs.organisations.has(o.key)) continue;
		const [row] = await tx.insert(organisation).values({ name: o.name, kind: o.kind }).returning({ id: organisation.id });
		refs.organisations.set(o.key, row.id);
	}
	const org = (key: Key) => lookup(refs.organisations, key, 'organisation');
	for (const p of data.projects) {
		const id = await upsert(tx, project, refs.projects, p.key, {
			name: p.name,
			purpose: p.purpose,
			ownerBodyId: lookup(refs.bodies, p.ownerBodyKey, 'organ'),
			ownerText: p.ownerText,
			supplierId: org(p.supplierKey),
			startYear: p.startYear,
			endYear: p.endYear,
			budget: p.budget,
			status: p.status,
			results: p.results,
			source: p.source
		});
		if (p.funding.length)
			await tx.insert(projectFunding).values(
				p.funding.map((f) => ({ projectId: id, funderId: org(f.funderKey), description: f.description, amount: f.amount, sharePercent: f.sharePercent }))
			);
		if (p.municipalityCodes.length)
			await tx
				.insert(projectMunicipality)
				.values(p.municipalityCodes.map((c) => ({ projectId: id, municipalityId: lookup(refs.municipalities, c, 'kommun')! })));
	}
	for (const e of data.events) {
		const { key, hostBodyKeys, ...values } = e;
		const id = await upsert(tx, event, refs.events, key, values);
		if (hostBodyKeys.length) await tx.insert(eventHost).values(hostBodyKeys.map((b) => ({ eventId: id, bodyId: lookup(refs.bodies, b, 'organ')! })));
	}
	for (const m of data.externalMeetings) {
		const [row] = await tx
			.insert(externalMeeting)
			.values({
				heldOn: m.heldOn,
				heldIn: m.heldIn,
				heldText: m.heldText,
				bodyId: lookup(refs.bodies, m.bodyKey, 'organ'),
				ourParticipants: m.ourParticipants,
				theirParticipants: m.theirParticipants,
				format: m.format,
				topic: m.topic,
				status: m.status,
				source: m.source
			})
			.returning({ id: externalMeeting.id });
		refs.externalMeetings.set(m.key, row.id);
		if (m.organisationKeys.length)
			await tx.insert(externalMeetingOrganisation).values(m.organisationKeys.map((k) => ({ externalMeetingId: row.id, organisationId: org(k)! })));
		if (m.priorityObjectKeys.length)
			await tx
				.insert(externalMeetingPriorityObject)
				.values(m.priorityObjectKeys.map((k) => ({ externalMeetingId: row.id, priorityObjectId: lookup(refs.priorityObjects, k, 'prioriterat objekt')! })));
	}
	const texts = data.reportTexts ?? [];
	if (texts.length)
		await tx.insert(projectReportText).values(texts.map(({ projectKey, ...t }) => ({ ...t, projectId: lookup(refs.projects, projectKey, 'projekt')! })));
	return {
		projekt: data.projects.length,
		evenemang: data.events.length,
		'externa möten': data.externalMeetings.length,
		'projekttexter i årsredovisningar': texts.length
	};
}
