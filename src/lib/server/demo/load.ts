// Loads the demo cooperation (Södertörn, transcribed from the seed documents)
// into an empty database, in one transaction, by the system actor.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import { body, cooperation, membership, municipality, organisation, person, population } from '../db/schema/index.ts';
import { SYSTEM } from '../actor.ts';
import { writeAudit } from '../service.ts';
import { parseCsvRecords } from '../../core/csv.ts';
import { insertPlanning, planningFiles, type DemoRefs } from './planning.ts';
import { insertMeetings, meetingFile } from './meetings.ts';
import { financeFile, insertFinance } from './finance.ts';
import { consultationFile, insertConsultations } from './consultations.ts';
import { insertProjects, projectFile } from './projects.ts';
import { governanceFile, insertGovernance } from './governance.ts';
import { insertTemplates, templatesFile } from './documents.ts';
import { readDemoJson } from './read.ts';
import { carryIntoCurrentYear } from './current-year.ts';

interface DemoOrganisation {
	cooperation: { name: string; shortName: string; hostMunicipalityCode: string | null; source: string };
	municipalities: { code: string; name: string; registrarEmail?: string | null }[];
	organisations: { key: string; name: string; kind: string }[];
	bodies: {
		key: string;
		kind: string;
		name: string;
		shortName: string | null;
		parentKey: string | null;
		replacesKey: string | null;
		activeFrom: string | null;
		activeTo: string | null;
		description: string | null;
	}[];
	persons: {
		key: string;
		name: string;
		/** The demo's addresses are in the reserved .invalid domain (RFC 6761): never delivered. */
		email?: string | null;
		title: string | null;
		employerMunicipalityCode: string | null;
		employerOrganisationKey: string | null;
	}[];
	memberships: {
		personKey: string;
		bodyKey: string;
		role: string;
		representsMunicipalityCode: string | null;
		representsOrganisationKey: string | null;
		from: string | null;
		to: string | null;
		periodNote: string | null;
		source: string;
	}[];
	populationTotals: { date: string; population: number; source: string }[];
}

export function demoDir(): string {
	for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
		if (fs.existsSync(path.join(dir, 'demo/organisation.json'))) return path.join(dir, 'demo');
		if (dir === path.dirname(dir)) throw new Error('Demodata (demo/) hittades inte.');
	}
}

export function lookup<K, V>(map: Map<K, V>, key: K | null, what: string): V | null {
	if (key === null || key === undefined) return null;
	const v = map.get(key);
	if (v === undefined) throw new Error(`Demodata: okänd ${what} ${String(key)}`);
	return v;
}

export async function loadDemo(db: Db, dir = demoDir()): Promise<string> {
	const data = readDemoJson<DemoOrganisation>(dir, 'organisation.json');
	const figures = parseCsvRecords(fs.readFileSync(path.join(dir, 'population.csv'), 'utf8'));
	const planning = planningFiles(dir);
	const meetingData = meetingFile(dir);
	const financeData = financeFile(dir);
	const consultationData = consultationFile(dir);
	const projectData = projectFile(dir);
	const governanceData = governanceFile(dir);
	const templates = templatesFile(dir);
	return db.transaction(async (tx) => {
		const { counts: organisationCounts, refs } = await insertAll(tx, data, figures);
		// In order: each part refers to the records of those before it.
		const counts = {
			...organisationCounts,
			...(await insertPlanning(tx, planning, refs)),
			...(await insertMeetings(tx, meetingData, refs)),
			...(await carryIntoCurrentYear(tx)),
			...(await insertConsultations(tx, consultationData, refs)),
			...(await insertFinance(tx, financeData, refs)),
			...(await insertProjects(tx, projectData, refs)),
			...(await insertGovernance(tx, governanceData, refs)),
			...(await insertTemplates(tx, templates))
		};
		await writeAudit(tx, SYSTEM, { action: 'load-demo', entity: 'cooperation', entityId: 1, after: counts });
		return Object.entries(counts)
			.map(([k, v]) => `${v} ${k}`)
			.join(', ');
	});
}

async function insertAll(tx: Tx, data: DemoOrganisation, figures: Record<string, string>[]) {
	const muni = new Map<string, number>();
	for (const m of await tx.insert(municipality).values(data.municipalities.map((m) => ({ code: m.code, name: m.name, registrarEmail: m.registrarEmail ?? null }))).returning()) {
		muni.set(m.code, m.id);
	}
	await tx.insert(cooperation).values({
		id: 1,
		name: data.cooperation.name,
		shortName: data.cooperation.shortName,
		hostMunicipalityId: lookup(muni, data.cooperation.hostMunicipalityCode, 'kommun')
	});

	const pops = [
		...figures.map((f) => ({
			municipalityId: lookup(muni, f.municipality_code, 'kommun'),
			date: f.date,
			population: f.population === '' ? null : Number(f.population),
			source: f.source
		})),
		...data.populationTotals.map((t) => ({ municipalityId: null, date: t.date, population: t.population, source: t.source }))
	];
	await tx.insert(population).values(pops);

	const org = new Map<string, number>();
	if (data.organisations.length) {
		const rows = await tx.insert(organisation).values(data.organisations.map((o) => ({ name: o.name, kind: o.kind }))).returning();
		data.organisations.forEach((o, i) => org.set(o.key, rows[i].id));
	}

	// Bodies first without their links, then the links, since they point at each other.
	const bod = new Map<string, number>();
	const bodyRows = await tx
		.insert(body)
		.values(
			data.bodies.map((b) => ({
				kind: b.kind,
				name: b.name,
				shortName: b.shortName,
				description: b.description,
				activeFrom: b.activeFrom,
				activeTo: b.activeTo
			}))
		)
		.returning();
	data.bodies.forEach((b, i) => bod.set(b.key, bodyRows[i].id));
	for (const b of data.bodies) {
		if (b.parentKey || b.replacesKey) {
			await tx
				.update(body)
				.set({ parentId: lookup(bod, b.parentKey, 'organ'), replacesId: lookup(bod, b.replacesKey, 'organ') })
				.where(eq(body.id, bod.get(b.key)!));
		}
	}

	const per = new Map<string, number>();
	const personRows = await tx
		.insert(person)
		.values(
			data.persons.map((p) => ({
				name: p.name,
				email: p.email ?? null,
				title: p.title,
				employerMunicipalityId: lookup(muni, p.employerMunicipalityCode, 'kommun'),
				employerOrganisationId: lookup(org, p.employerOrganisationKey, 'organisation')
			}))
		)
		.returning();
	data.persons.forEach((p, i) => per.set(p.key, personRows[i].id));

	if (data.memberships.length) {
		await tx.insert(membership).values(
			data.memberships.map((m) => ({
				personId: lookup(per, m.personKey, 'person')!,
				bodyId: lookup(bod, m.bodyKey, 'organ')!,
				role: m.role,
				representsMunicipalityId: lookup(muni, m.representsMunicipalityCode, 'kommun'),
				representsOrganisationId: lookup(org, m.representsOrganisationKey, 'organisation'),
				validFrom: m.from,
				validTo: m.to,
				periodNote: m.periodNote,
				source: m.source
			}))
		);
	}
	return {
		counts: {
			kommuner: muni.size,
			befolkningsuppgifter: pops.length,
			organisationer: org.size,
			organ: bod.size,
			personer: per.size,
			uppdrag: data.memberships.length
		},
		refs: {
			bodies: bod,
			municipalities: muni,
			persons: per,
			organisations: org,
			decisions: new Map(),
			meetings: new Map(),
			priorityObjects: new Map(),
			projects: new Map(),
			events: new Map(),
			activities: new Map(),
			externalMeetings: new Map()
		} satisfies DemoRefs
	};
}
