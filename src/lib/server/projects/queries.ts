// Reading projects (with their costs and income from the ledger), events (with
// participants and cost per participant) and external meetings.
import { and, asc, count, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '../db/client.ts';
import {
	body,
	event,
	eventHost,
	externalMeeting,
	externalMeetingOrganisation,
	externalMeetingPriorityObject,
	ledgerCategory,
	ledgerEntry,
	municipality,
	organisation,
	priorityObject,
	project,
	projectFunding,
	projectMunicipality
} from '../db/schema/index.ts';
import { NotFoundError } from '../errors.ts';
import { paged, type Page } from '../organisation/queries.ts';
import { swedish } from '../db/order.ts';
import { costPerParticipant, externalParticipants } from '../../core/projects.ts';

type Reader = Db | Tx;

const supplier = alias(organisation, 'supplier');

/** The ledger's amounts of one direction (cost or income), summed in öre, over rows joined to their category. */
const sumOf = (kind: 'cost' | 'income') =>
	sql<string>`coalesce(sum(${ledgerEntry.amount}) filter (where ${ledgerCategory.kind} = ${kind}), 0)`;

/** Costs and income booked on each project or event, in öre, per the ledger's category direction. */
function ledgerSums(column: typeof ledgerEntry.projectId | typeof ledgerEntry.eventId) {
	return {
		costs: sumOf('cost'),
		income: sumOf('income'),
		entries: sql<number>`count(${ledgerEntry.id})::int`,
		key: column
	};
}

async function sumsBy(db: Reader, column: typeof ledgerEntry.projectId | typeof ledgerEntry.eventId, ids?: number[], year?: number) {
	const rows = await db
		.select(ledgerSums(column))
		.from(ledgerEntry)
		.innerJoin(ledgerCategory, eq(ledgerCategory.id, ledgerEntry.categoryId))
		.where(and(sql`${column} is not null`, ids ? inArray(column, ids) : undefined, year ? eq(ledgerEntry.year, year) : undefined))
		.groupBy(column);
	return new Map(rows.map((r) => [r.key as number, { costs: Number(r.costs), income: Number(r.income), entries: r.entries }]));
}

const NO_SUMS = { costs: 0, income: 0, entries: 0 };

export async function listProjects(db: Reader, f: { status?: string; year?: number } = {}) {
	const rows = await db
		.select({
			id: project.id,
			name: project.name,
			purpose: project.purpose,
			status: project.status,
			startYear: project.startYear,
			endYear: project.endYear,
			budget: project.budget,
			owner: body.name,
			ownerText: project.ownerText,
			supplier: supplier.name
		})
		.from(project)
		.leftJoin(body, eq(body.id, project.ownerBodyId))
		.leftJoin(supplier, eq(supplier.id, project.supplierId))
		.where(
			and(
				f.status ? eq(project.status, f.status) : undefined,
				// A project whose years nobody knows is in no year's list.
				f.year
					? and(
							or(sql`${project.startYear} is null`, sql`${project.startYear} <= ${f.year}`),
							or(sql`${project.endYear} is null`, sql`${project.endYear} >= ${f.year}`),
							sql`not (${project.startYear} is null and ${project.endYear} is null)`
						)
					: undefined
			)
		)
		.orderBy(sql`${project.startYear} desc nulls last`, swedish(project.name));
	const [sums, ofYear] = await Promise.all([
		sumsBy(db, ledgerEntry.projectId),
		f.year ? sumsBy(db, ledgerEntry.projectId, undefined, f.year) : null
	]);
	/** yearCosts: the costs booked in the year asked for (null: no year asked). */
	return rows.map((p) => ({ ...p, ...(sums.get(p.id) ?? NO_SUMS), yearCosts: ofYear ? (ofYear.get(p.id)?.costs ?? 0) : null }));
}

export async function getProject(db: Reader, id: number) {
	const [row] = await db
		.select({ p: project, owner: body.name, supplier: supplier.name })
		.from(project)
		.leftJoin(body, eq(body.id, project.ownerBodyId))
		.leftJoin(supplier, eq(supplier.id, project.supplierId))
		.where(eq(project.id, id));
	if (!row) throw new NotFoundError('Projektet');
	const [funding, municipalities, sums, byYear] = await Promise.all([
		db
			.select({
				id: projectFunding.id,
				funderId: projectFunding.funderId,
				funder: organisation.name,
				description: projectFunding.description,
				amount: projectFunding.amount,
				sharePercent: projectFunding.sharePercent
			})
			.from(projectFunding)
			.leftJoin(organisation, eq(organisation.id, projectFunding.funderId))
			.where(eq(projectFunding.projectId, id))
			.orderBy(asc(projectFunding.id)),
		db
			.select({ id: municipality.id, name: municipality.name })
			.from(projectMunicipality)
			.innerJoin(municipality, eq(municipality.id, projectMunicipality.municipalityId))
			.where(eq(projectMunicipality.projectId, id))
			.orderBy(swedish(municipality.name)),
		sumsBy(db, ledgerEntry.projectId, [id]),
		db
			.select({
				year: sql<number>`extract(year from ${ledgerEntry.date})::int`,
				costs: sumOf('cost'),
				income: sumOf('income')
			})
			.from(ledgerEntry)
			.innerJoin(ledgerCategory, eq(ledgerCategory.id, ledgerEntry.categoryId))
			.where(eq(ledgerEntry.projectId, id))
			.groupBy(sql`1`)
			.orderBy(sql`1`)
	]);
	return {
		...row.p,
		owner: row.owner,
		supplier: row.supplier,
		funding: funding.map(({ id: _id, funder: _f, ...f }) => f),
		fundingRows: funding,
		municipalityIds: municipalities.map((m) => m.id),
		municipalities,
		...(sums.get(id) ?? NO_SUMS),
		byYear: byYear.map((y) => ({ year: y.year, costs: Number(y.costs), income: Number(y.income) }))
	};
}
export type ProjectDetail = Awaited<ReturnType<typeof getProject>>;

export async function listEvents(db: Reader, f: { year?: number; id?: number } = {}) {
	const rows = await db
		.select()
		.from(event)
		.where(and(f.year ? sql`extract(year from ${event.heldFrom}) = ${f.year}` : undefined, f.id ? eq(event.id, f.id) : undefined))
		.orderBy(sql`${event.heldFrom} desc nulls last`, swedish(event.name));
	const sums = await sumsBy(db, ledgerEntry.eventId, f.id ? [f.id] : undefined);
	return rows.map((e) => {
		const s = sums.get(e.id) ?? NO_SUMS;
		return {
			...e,
			...s,
			participantsExternal: externalParticipants(e.participants, e.participantsInternal),
			costPerParticipant: costPerParticipant(s.costs, e.participants)
		};
	});
}

export async function getEvent(db: Reader, id: number) {
	const [e] = await listEvents(db, { id });
	if (!e) throw new NotFoundError('Evenemanget');
	const hosts = await db
		.select({ id: body.id, name: body.name })
		.from(eventHost)
		.innerJoin(body, eq(body.id, eventHost.bodyId))
		.where(eq(eventHost.eventId, id))
		.orderBy(swedish(body.name));
	return { ...e, hostBodyIds: hosts.map((h) => h.id), hosts };
}
export type EventDetail = Awaited<ReturnType<typeof getEvent>>;

export interface ExternalMeetingFilter {
	year?: number;
	organisationId?: number;
	bodyId?: number;
	priorityObjectId?: number;
}

function externalWhere(f: ExternalMeetingFilter): SQL | undefined {
	return and(
		// Held in the year as precisely as known: a day, or a month or a year of it ("juni 2018").
		f.year ? sql`extract(year from ${externalMeeting.heldFrom}) = ${f.year}` : undefined,
		f.bodyId ? eq(externalMeeting.bodyId, f.bodyId) : undefined,
		f.organisationId
			? sql`${externalMeeting.id} in (select external_meeting_id from external_meeting_organisation where organisation_id = ${f.organisationId})`
			: undefined,
		f.priorityObjectId
			? sql`${externalMeeting.id} in (select external_meeting_id from external_meeting_priority_object where priority_object_id = ${f.priorityObjectId})`
			: undefined
	);
}

/** The organisations met and the priority objects raised, two reads for the whole page of meetings. */
async function withLinks(db: Reader, rows: { m: typeof externalMeeting.$inferSelect; body: string | null }[]) {
	const ids = rows.map((r) => r.m.id);
	const [orgs, objects] = ids.length
		? await Promise.all([
				db
					.select({ meetingId: externalMeetingOrganisation.externalMeetingId, id: organisation.id, name: organisation.name })
					.from(externalMeetingOrganisation)
					.innerJoin(organisation, eq(organisation.id, externalMeetingOrganisation.organisationId))
					.where(inArray(externalMeetingOrganisation.externalMeetingId, ids))
					.orderBy(swedish(organisation.name)),
				db
					.select({ meetingId: externalMeetingPriorityObject.externalMeetingId, id: priorityObject.id, name: priorityObject.name })
					.from(externalMeetingPriorityObject)
					.innerJoin(priorityObject, eq(priorityObject.id, externalMeetingPriorityObject.priorityObjectId))
					.where(inArray(externalMeetingPriorityObject.externalMeetingId, ids))
					.orderBy(asc(priorityObject.position))
			])
		: [[], []];
	return rows.map(({ m, body: bodyName }) => {
		const organisations = orgs.filter((o) => o.meetingId === m.id).map(({ id, name }) => ({ id, name }));
		const priorityObjects = objects.filter((o) => o.meetingId === m.id).map(({ id, name }) => ({ id, name }));
		return {
			...m,
			body: bodyName,
			organisationIds: organisations.map((o) => o.id),
			organisations,
			priorityObjectIds: priorityObjects.map((o) => o.id),
			priorityObjects
		};
	});
}

const externalColumns = { m: externalMeeting, body: body.name };

/** An external meeting as a line in another record's list: when (as precisely as known) and on what. */
export const externalMeetingLine = {
	id: externalMeeting.id,
	heldOn: externalMeeting.heldOn,
	heldIn: externalMeeting.heldIn,
	heldText: externalMeeting.heldText,
	topic: externalMeeting.topic
};

export async function listExternalMeetings(db: Reader, f: ExternalMeetingFilter, page: Page) {
	const where = externalWhere(f);
	const [rows, [{ total }]] = await Promise.all([
		db
			.select(externalColumns)
			.from(externalMeeting)
			.leftJoin(body, eq(body.id, externalMeeting.bodyId))
			.where(where)
			.orderBy(sql`${externalMeeting.heldFrom} desc nulls last`, desc(externalMeeting.id))
			.limit(page.limit)
			.offset(page.offset),
		db.select({ total: count() }).from(externalMeeting).where(where)
	]);
	return paged(await withLinks(db, rows), total, page);
}

export async function getExternalMeeting(db: Reader, id: number) {
	const rows = await db
		.select(externalColumns)
		.from(externalMeeting)
		.leftJoin(body, eq(body.id, externalMeeting.bodyId))
		.where(eq(externalMeeting.id, id));
	if (!rows[0]) throw new NotFoundError('Det externa mötet');
	return (await withLinks(db, rows))[0];
}
export type ExternalMeetingDetail = Awaited<ReturnType<typeof getExternalMeeting>>;
