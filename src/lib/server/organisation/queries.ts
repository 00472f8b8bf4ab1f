// Reads of the organisation register. The register is public record, except
// people's contact details, which only signed-in users see.
import { and, asc, count, desc, eq, gte, ilike, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '../db/client.ts';
import { body, cooperation, membership, municipality, organisation, person, population } from '../db/schema/index.ts';
import { hasRole, type Actor } from '../actor.ts';
import { NotFoundError } from '../errors.ts';
import { swedish } from '../db/order.ts';

export interface Page {
	limit: number;
	offset: number;
}

export interface Paged<T> {
	items: T[];
	total: number;
	limit: number;
	offset: number;
}

export const paged = <T>(items: T[], total: number, page: Page): Paged<T> => ({ items, total, ...page });

/** A period (its first and last day; null: open on that side, both null: not known) that shares a day with [first, last]. */
const overlaps = (from: SQL | any, to: SQL | any, first: string | SQL, last: string | SQL) =>
	and(or(isNull(from), sql`${from} <= ${last}`), or(isNull(to), sql`${to} >= ${first}`), sql`not (${from} is null and ${to} is null)`);

const onDate = (from: SQL | any, to: SQL | any, date: string | SQL) => overlaps(from, to, date, date);

/**
 * A membership held on the day (an ISO date or a date expression): its period,
 * as precisely as known, covers the day. A role known only for 2021 holds on
 * every day of 2021 and no other; one whose period is not known at all holds on
 * no day, so it never receives a notice or a right meant for that day's members.
 */
export const membershipHeldOn = (day: string | SQL) => onDate(membership.startsOn, membership.endsOn, day);

/** A membership held on some day of the year: the roles a year's documents name. */
export const membershipHeldIn = (year: number) => overlaps(membership.startsOn, membership.endsOn, `${year}-01-01`, `${year}-12-31`);

/** The roles held in a year (chairs, staff), with their periods: what a year's documents name, in order of time. */
export function rolesOfYear(db: Db, year: number, roles: readonly string[]) {
	return db
		.select({
			bodyId: membership.bodyId,
			role: membership.role,
			name: person.name,
			municipality: municipality.name,
			validFrom: membership.validFrom,
			validTo: membership.validTo
		})
		.from(membership)
		.innerJoin(person, eq(person.id, membership.personId))
		.leftJoin(municipality, eq(municipality.id, membership.representsMunicipalityId))
		.where(and(inArray(membership.role, [...roles]), membershipHeldIn(year)))
		.orderBy(sql`${membership.startsOn} nulls first`, asc(membership.id));
}

/** The municipalities that are members on the day, with their registrar's address (null: none given). */
export async function memberRegistrars(db: Db | Tx, day: string) {
	return db
		.select({ id: municipality.id, name: municipality.name, email: municipality.registrarEmail })
		.from(municipality)
		.where(
			and(
				or(isNull(municipality.memberTo), gte(municipality.memberTo, day)),
				or(isNull(municipality.memberFrom), lte(municipality.memberFrom, day))
			)
		)
		.orderBy(swedish(municipality.name));
}

export async function getCooperation(db: Db | Tx) {
	const [row] = await db.select().from(cooperation).where(eq(cooperation.id, 1));
	return row ?? null;
}

export async function listMunicipalities(db: Db) {
	const latest = db
		.selectDistinctOn([population.municipalityId], {
			municipalityId: population.municipalityId,
			date: population.date,
			population: population.population
		})
		.from(population)
		.where(sql`${population.population} is not null`)
		.orderBy(population.municipalityId, desc(population.date))
		.as('latest');
	return db
		.select({
			id: municipality.id,
			code: municipality.code,
			name: municipality.name,
			registrarEmail: municipality.registrarEmail,
			invoiceReference: municipality.invoiceReference,
			memberFrom: municipality.memberFrom,
			memberTo: municipality.memberTo,
			version: municipality.version,
			latestPopulation: latest.population,
			latestPopulationDate: latest.date
		})
		.from(municipality)
		.leftJoin(latest, eq(latest.municipalityId, municipality.id))
		.orderBy(swedish(municipality.name));
}

/**
 * The municipal figures of the latest date on which every member of that date
 * has one: a page that shows them side by side shows one date, never one
 * municipality's 2021 beside another's 2019.
 */
export async function populationOfLatestCompleteDate(db: Db) {
	const { rows } = await db.execute<{ date: string; municipality_id: number; population: number }>(sql`
		with complete as (
			select p.date
			from ${population} p
			where p.municipality_id is not null and p.population is not null
			group by p.date
			having count(distinct p.municipality_id) >= (
				select count(*) from ${municipality} m
				where (m.member_from is null or m.member_from <= p.date) and (m.member_to is null or m.member_to >= p.date)
			)
			order by p.date desc
			limit 1
		)
		select to_char(p.date, 'YYYY-MM-DD') as date, p.municipality_id, p.population
		from ${population} p join complete c on c.date = p.date
		where p.municipality_id is not null`);
	return { date: rows[0]?.date ?? null, byMunicipality: new Map(rows.map((r) => [r.municipality_id, r.population])) };
}

export async function getMunicipality(db: Db, id: number) {
	const [row] = await db.select().from(municipality).where(eq(municipality.id, id));
	if (!row) throw new NotFoundError('Kommunen');
	const [figures, representatives] = await Promise.all([
		db.select().from(population).where(eq(population.municipalityId, id)).orderBy(asc(population.date)),
		membershipsOf(db, { representsMunicipalityId: id })
	]);
	return { ...row, populations: figures, representatives };
}

export async function listPopulations(db: Db, f: { municipalityId?: number; date?: string; totals?: boolean }, page: Page) {
	const where = and(
		f.municipalityId ? eq(population.municipalityId, f.municipalityId) : undefined,
		f.totals ? isNull(population.municipalityId) : undefined,
		f.date ? eq(population.date, f.date) : undefined
	);
	const [items, [{ total }]] = await Promise.all([
		db
			.select({
				id: population.id,
				municipalityId: population.municipalityId,
				municipalityName: municipality.name,
				date: population.date,
				population: population.population,
				source: population.source,
				version: population.version
			})
			.from(population)
			.leftJoin(municipality, eq(municipality.id, population.municipalityId))
			.where(where)
			.orderBy(desc(population.date), swedish(municipality.name))
			.limit(page.limit)
			.offset(page.offset),
		db.select({ total: count() }).from(population).where(where)
	]);
	return paged(items, total, page);
}

export async function getPopulation(db: Db, id: number) {
	const [row] = await db.select().from(population).where(eq(population.id, id));
	if (!row) throw new NotFoundError('Befolkningsuppgiften');
	return row;
}

const parent = alias(body, 'parent');

export async function listBodies(db: Db, f: { kind?: string; activeOn?: string } = {}) {
	const members = db
		.select({ bodyId: membership.bodyId, n: count().as('n') })
		.from(membership)
		.where(f.activeOn ? onDate(membership.startsOn, membership.endsOn, f.activeOn) : undefined)
		.groupBy(membership.bodyId)
		.as('members');
	return db
		.select({
			id: body.id,
			kind: body.kind,
			name: body.name,
			shortName: body.shortName,
			parentId: body.parentId,
			parentName: parent.name,
			activeFrom: body.activeFrom,
			activeTo: body.activeTo,
			version: body.version,
			memberCount: sql<number>`coalesce(${members.n}, 0)`.mapWith(Number)
		})
		.from(body)
		.leftJoin(parent, eq(parent.id, body.parentId))
		.leftJoin(members, eq(members.bodyId, body.id))
		.where(
			and(
				f.kind ? eq(body.kind, f.kind) : undefined,
				f.activeOn
					? and(
							or(isNull(body.activeFrom), sql`${body.activeFrom} <= ${f.activeOn}`),
							or(isNull(body.activeTo), sql`${body.activeTo} >= ${f.activeOn}`)
						)
					: undefined
			)
		)
		.orderBy(asc(body.kind), swedish(body.name));
}

export async function getBody(db: Db, id: number) {
	const [row] = await db.select().from(body).where(eq(body.id, id));
	if (!row) throw new NotFoundError('Organet');
	const [related, memberships] = await Promise.all([
		db
			.select({ id: body.id, name: body.name, kind: body.kind, parentId: body.parentId, replacesId: body.replacesId })
			.from(body)
			.where(
				or(
					eq(body.parentId, id),
					eq(body.replacesId, id),
					row.parentId ? eq(body.id, row.parentId) : undefined,
					row.replacesId ? eq(body.id, row.replacesId) : undefined
				)
			),
		membershipsOf(db, { bodyId: id })
	]);
	return {
		...row,
		parent: related.find((b) => b.id === row.parentId) ?? null,
		replaces: related.find((b) => b.id === row.replacesId) ?? null,
		replacedBy: related.filter((b) => b.replacesId === id),
		children: related.filter((b) => b.parentId === id),
		memberships
	};
}

const employerMunicipality = alias(municipality, 'employer_municipality');
const employerOrganisation = alias(organisation, 'employer_organisation');

function personColumns(withContact: boolean) {
	return {
		id: person.id,
		name: person.name,
		title: person.title,
		email: withContact ? person.email : sql<null>`null`,
		phone: withContact ? person.phone : sql<null>`null`,
		employerMunicipalityId: person.employerMunicipalityId,
		employerMunicipalityName: employerMunicipality.name,
		employerOrganisationId: person.employerOrganisationId,
		employerOrganisationName: employerOrganisation.name,
		endedOn: person.endedOn,
		version: person.version
	};
}

export async function listPersons(db: Db, actor: Actor, f: { q?: string; municipalityId?: number }, page: Page) {
	const where = and(
		f.q ? or(ilike(person.name, `%${f.q}%`), ilike(person.title, `%${f.q}%`)) : undefined,
		f.municipalityId ? eq(person.employerMunicipalityId, f.municipalityId) : undefined
	);
	const [items, [{ total }]] = await Promise.all([
		db
			.select(personColumns(hasRole(actor, 'member')))
			.from(person)
			.leftJoin(employerMunicipality, eq(employerMunicipality.id, person.employerMunicipalityId))
			.leftJoin(employerOrganisation, eq(employerOrganisation.id, person.employerOrganisationId))
			.where(where)
			.orderBy(swedish(person.name), asc(person.id))
			.limit(page.limit)
			.offset(page.offset),
		db.select({ total: count() }).from(person).where(where)
	]);
	return paged(items, total, page);
}

export async function getPerson(db: Db, actor: Actor, id: number) {
	const [row] = await db
		.select(personColumns(hasRole(actor, 'member')))
		.from(person)
		.leftJoin(employerMunicipality, eq(employerMunicipality.id, person.employerMunicipalityId))
		.leftJoin(employerOrganisation, eq(employerOrganisation.id, person.employerOrganisationId))
		.where(eq(person.id, id));
	if (!row) throw new NotFoundError('Personen');
	const memberships = await membershipsOf(db, { personId: id });
	return { ...row, memberships };
}

export async function listOrganisations(db: Db, f: { kind?: string } = {}) {
	return db
		.select()
		.from(organisation)
		.where(f.kind ? eq(organisation.kind, f.kind) : undefined)
		.orderBy(swedish(organisation.name));
}

export async function getOrganisation(db: Db, id: number) {
	const [row] = await db.select().from(organisation).where(eq(organisation.id, id));
	if (!row) throw new NotFoundError('Organisationen');
	const representatives = await membershipsOf(db, { representsOrganisationId: id });
	return { ...row, representatives };
}

export interface MembershipFilter {
	bodyId?: number;
	personId?: number;
	role?: string;
	activeOn?: string;
	representsMunicipalityId?: number;
	representsOrganisationId?: number;
}

const represented = alias(municipality, 'represented_municipality');
const representedOrg = alias(organisation, 'represented_organisation');

function membershipWhere(f: MembershipFilter) {
	return and(
		f.bodyId ? eq(membership.bodyId, f.bodyId) : undefined,
		f.personId ? eq(membership.personId, f.personId) : undefined,
		f.role ? eq(membership.role, f.role) : undefined,
		f.representsMunicipalityId ? eq(membership.representsMunicipalityId, f.representsMunicipalityId) : undefined,
		f.representsOrganisationId ? eq(membership.representsOrganisationId, f.representsOrganisationId) : undefined,
		f.activeOn ? onDate(membership.startsOn, membership.endsOn, f.activeOn) : undefined
	);
}

/** Every membership that matches, for a page that shows them all (no count). */
export function membershipsOf(db: Db, f: MembershipFilter) {
	return db
		.select({
			id: membership.id,
			personId: membership.personId,
			personName: person.name,
			bodyId: membership.bodyId,
			bodyName: body.name,
			bodyKind: body.kind,
			role: membership.role,
			representsMunicipalityId: membership.representsMunicipalityId,
			representsMunicipalityName: represented.name,
			representsOrganisationId: membership.representsOrganisationId,
			representsOrganisationName: representedOrg.name,
			validFrom: membership.validFrom,
			validTo: membership.validTo,
			periodNote: membership.periodNote,
			source: membership.source,
			version: membership.version
		})
		.from(membership)
		.innerJoin(person, eq(person.id, membership.personId))
		.innerJoin(body, eq(body.id, membership.bodyId))
		.leftJoin(represented, eq(represented.id, membership.representsMunicipalityId))
		.leftJoin(representedOrg, eq(representedOrg.id, membership.representsOrganisationId))
		.where(membershipWhere(f))
		.orderBy(swedish(body.name), sql`${membership.startsOn} nulls last`, swedish(person.name));
}

export async function listMemberships(db: Db, f: MembershipFilter, page: Page) {
	const [items, [{ total }]] = await Promise.all([
		membershipsOf(db, f).limit(page.limit).offset(page.offset),
		db.select({ total: count() }).from(membership).where(membershipWhere(f))
	]);
	return paged(items, total, page);
}

export async function getMembership(db: Db, id: number) {
	const [row] = await db.select().from(membership).where(eq(membership.id, id));
	if (!row) throw new NotFoundError('Uppdraget');
	return row;
}
