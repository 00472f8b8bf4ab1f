// Changing projects, events and external meetings: validated, authorised, in
// one transaction, audited. A project's costs are ledger entries, booked through
// the finance module so a closed year stays closed.
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Tx } from '../db/client.ts';
import type { Actor } from '../actor.ts';
import {
	event,
	eventHost,
	externalMeeting,
	externalMeetingOrganisation,
	externalMeetingPriorityObject,
	project,
	projectFunding,
	projectMunicipality
} from '../db/schema/index.ts';
import { NotFoundError } from '../errors.ts';
import { inTransaction, requireRole, updateVersioned, validate, writeAudit, type ConstraintFields } from '../service.ts';
import { versionField } from '../../schemas/fields.ts';
import {
	eventInput,
	externalMeetingInput,
	fundingInput,
	projectInput,
	type EventInput,
	type ExternalMeetingInput,
	type ProjectInput
} from '../../schemas/projects.ts';
import { pgNames } from '../consultations/service.ts';
import { createLedgerEntry } from '../finance/service.ts';

const constraints: ConstraintFields = pgNames({
	project_name_unique: ['name', 'Det finns redan ett projekt med det namnet.'],
	project_period: ['endYear', 'Slutår kan inte vara före startår.'],
	project_owner_body_id_body_id_fk: ['ownerBodyId', 'Det valda organet finns inte.'],
	project_supplier_id_organisation_id_fk: ['supplierId', 'Den valda leverantören finns inte.'],
	project_funding_funder_id_organisation_id_fk: ['funding', 'En vald finansiär finns inte.'],
	project_municipality_municipality_id_municipality_id_fk: ['municipalityIds', 'En vald kommun finns inte.'],
	event_name_unique: ['name', 'Det finns redan ett evenemang med det namnet.'],
	event_participants_internal: ['participants', 'Deltagare totalt kan inte vara färre än deltagarna från kommunerna.'],
	event_host_body_id_body_id_fk: ['hostBodyIds', 'Ett valt värdorgan finns inte.'],
	external_meeting_body_id_body_id_fk: ['bodyId', 'Det valda organet finns inte.'],
	external_meeting_organisation_organisation_id_organisation_id_fk: ['organisationIds', 'En vald organisation finns inte.'],
	external_meeting_priority_object_priority_object_id_priority_object_id_fk: [
		'priorityObjectIds',
		'Ett valt prioriterat objekt finns inte.'
	]
});

const withVersion = z.object({ version: versionField });

/** Creates or updates a record with its link rows, audited with both. */
async function save<V extends Record<string, unknown>>(
	db: Db,
	actor: Actor,
	spec: {
		entity: string;
		what: string;
		table: typeof project | typeof event | typeof externalMeeting;
		columns: (v: V) => Record<string, unknown>;
		links: (tx: Tx, id: number, v: V) => Promise<void>;
	},
	v: V,
	id?: number,
	version?: number
) {
	return inTransaction(
		db,
		async (tx) => {
			if (id === undefined) {
				const [row] = (await tx
					.insert(spec.table)
					.values(spec.columns(v) as never)
					.returning()) as { id: number }[];
				await spec.links(tx, row.id, v);
				await writeAudit(tx, actor, { action: 'create', entity: spec.entity, entityId: row.id, after: { ...row, ...v } });
				return row as Record<string, unknown> & { id: number };
			}
			const { before, after } = await updateVersioned(tx, spec.table, id, version!, spec.columns(v), spec.what);
			await spec.links(tx, id, v);
			await writeAudit(tx, actor, { action: 'update', entity: spec.entity, entityId: id, before, after: { ...after, ...v } });
			return after;
		},
		constraints
	);
}

const projectSpec = {
	entity: 'project',
	what: 'Projektet',
	table: project,
	columns: ({ municipalityIds: _m, funding: _f, ...columns }: ProjectInput) => columns,
	links: async (tx: Tx, id: number, v: ProjectInput) => {
		await tx.delete(projectMunicipality).where(eq(projectMunicipality.projectId, id));
		const ids = [...new Set(v.municipalityIds)];
		if (ids.length) await tx.insert(projectMunicipality).values(ids.map((municipalityId) => ({ projectId: id, municipalityId })));
		// Funding is replaced only when it is sent (the API); the project form edits it row by row.
		if (v.funding !== undefined) {
			await tx.delete(projectFunding).where(eq(projectFunding.projectId, id));
			if (v.funding.length) await tx.insert(projectFunding).values(v.funding.map((f) => ({ ...f, projectId: id })));
		}
	}
};

export async function createProject(db: Db, actor: Actor, input: unknown) {
	requireRole(actor, 'editor');
	return save(db, actor, projectSpec, validate(projectInput, input));
}

export async function updateProject(db: Db, actor: Actor, id: number, input: unknown) {
	requireRole(actor, 'editor');
	const { version } = validate(withVersion, input);
	return save(db, actor, projectSpec, validate(projectInput, input), id, version);
}

export async function addFunding(db: Db, actor: Actor, projectId: number, input: unknown) {
	requireRole(actor, 'editor');
	const v = validate(fundingInput, input);
	return inTransaction(
		db,
		async (tx) => {
			const [row] = await tx
				.insert(projectFunding)
				.values({ ...v, projectId })
				.returning();
			await writeAudit(tx, actor, { action: 'add_funding', entity: 'project', entityId: projectId, after: row });
			return row;
		},
		constraints
	);
}

export async function removeFunding(db: Db, actor: Actor, projectId: number, fundingId: number) {
	requireRole(actor, 'editor');
	return inTransaction(db, async (tx) => {
		const [row] = await tx
			.delete(projectFunding)
			.where(and(eq(projectFunding.id, fundingId), eq(projectFunding.projectId, projectId)))
			.returning();
		if (!row) throw new NotFoundError('Finansieringen');
		await writeAudit(tx, actor, { action: 'remove_funding', entity: 'project', entityId: projectId, before: row });
	});
}

/** A cost (or grant) on the project is a ledger entry: the finance module refuses a closed year. */
export async function bookOnProject(db: Db, actor: Actor, projectId: number, input: Record<string, unknown>) {
	return createLedgerEntry(db, actor, { ...input, projectId });
}

const eventSpec = {
	entity: 'event',
	what: 'Evenemanget',
	table: event,
	columns: ({ hostBodyIds: _h, ...columns }: EventInput) => columns,
	links: async (tx: Tx, id: number, v: EventInput) => {
		await tx.delete(eventHost).where(eq(eventHost.eventId, id));
		const ids = [...new Set(v.hostBodyIds)];
		if (ids.length) await tx.insert(eventHost).values(ids.map((bodyId) => ({ eventId: id, bodyId })));
	}
};

export async function createEvent(db: Db, actor: Actor, input: unknown) {
	requireRole(actor, 'editor');
	return save(db, actor, eventSpec, validate(eventInput, input));
}

export async function updateEvent(db: Db, actor: Actor, id: number, input: unknown) {
	requireRole(actor, 'editor');
	const { version } = validate(withVersion, input);
	return save(db, actor, eventSpec, validate(eventInput, input), id, version);
}

const externalSpec = {
	entity: 'external_meeting',
	what: 'Det externa mötet',
	table: externalMeeting,
	columns: ({ organisationIds: _o, priorityObjectIds: _p, ...columns }: ExternalMeetingInput) => columns,
	links: async (tx: Tx, id: number, v: ExternalMeetingInput) => {
		await tx.delete(externalMeetingOrganisation).where(eq(externalMeetingOrganisation.externalMeetingId, id));
		await tx.delete(externalMeetingPriorityObject).where(eq(externalMeetingPriorityObject.externalMeetingId, id));
		const orgs = [...new Set(v.organisationIds)];
		const objects = [...new Set(v.priorityObjectIds)];
		if (orgs.length)
			await tx.insert(externalMeetingOrganisation).values(orgs.map((organisationId) => ({ externalMeetingId: id, organisationId })));
		if (objects.length)
			await tx
				.insert(externalMeetingPriorityObject)
				.values(objects.map((priorityObjectId) => ({ externalMeetingId: id, priorityObjectId })));
	}
};

export async function createExternalMeeting(db: Db, actor: Actor, input: unknown) {
	requireRole(actor, 'editor');
	return save(db, actor, externalSpec, validate(externalMeetingInput, input));
}

export async function updateExternalMeeting(db: Db, actor: Actor, id: number, input: unknown) {
	requireRole(actor, 'editor');
	const { version } = validate(withVersion, input);
	return save(db, actor, externalSpec, validate(externalMeetingInput, input), id, version);
}
