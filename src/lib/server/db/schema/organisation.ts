// The organisation register: the cooperation, its municipalities and their
// population, bodies, persons, external organisations and memberships.
import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, text, unique } from 'drizzle-orm/pg-core';
import { timestamps, version } from './columns.ts';

export const cooperation = pgTable(
	'cooperation',
	{
		id: integer().primaryKey().default(1),
		name: text().notNull(),
		shortName: text().notNull(),
		hostMunicipalityId: integer(),
		locale: text().notNull().default('sv-SE'),
		/** The general elections duties depend on (core/governance ElectionRule); null: the Swedish rule. */
		electionRule: jsonb(),
		...version,
		...timestamps
	},
	(t) => [check('cooperation_singleton', sql`${t.id} = 1`)]
);

export const municipality = pgTable('municipality', {
	id: integer().primaryKey().generatedAlwaysAsIdentity(),
	code: text().notNull().unique(),
	name: text().notNull(),
	registrarEmail: text(),
	invoiceReference: text(),
	memberFrom: date({ mode: 'string' }),
	memberTo: date({ mode: 'string' }),
	...version,
	...timestamps
});

/** A figure per municipality and date; municipalityId null is the cooperation's total. Population null: known to be missing. */
export const population = pgTable(
	'population',
	{
		id: integer().primaryKey().generatedAlwaysAsIdentity(),
		municipalityId: integer().references(() => municipality.id, { onDelete: 'cascade' }),
		date: date({ mode: 'string' }).notNull(),
		population: integer(),
		source: text().notNull(),
		...version,
		...timestamps
	},
	(t) => [
		unique('population_municipality_date').on(t.municipalityId, t.date).nullsNotDistinct(),
		check('population_non_negative', sql`${t.population} is null or ${t.population} >= 0`)
	]
);

export const organisation = pgTable('organisation', {
	id: integer().primaryKey().generatedAlwaysAsIdentity(),
	name: text().notNull(),
	kind: text().notNull(),
	endedOn: date({ mode: 'string' }),
	...version,
	...timestamps
});

export const body = pgTable(
	'body',
	{
		id: integer().primaryKey().generatedAlwaysAsIdentity(),
		kind: text().notNull(),
		name: text().notNull(),
		shortName: text(),
		parentId: integer().references((): any => body.id),
		replacesId: integer().references((): any => body.id),
		description: text(),
		activeFrom: date({ mode: 'string' }),
		activeTo: date({ mode: 'string' }),
		...version,
		...timestamps
	},
	(t) => [check('body_period', sql`${t.activeTo} is null or ${t.activeFrom} is null or ${t.activeFrom} <= ${t.activeTo}`)]
);

export const person = pgTable('person', {
	id: integer().primaryKey().generatedAlwaysAsIdentity(),
	name: text().notNull(),
	title: text(),
	email: text(),
	phone: text(),
	employerMunicipalityId: integer().references(() => municipality.id),
	employerOrganisationId: integer().references(() => organisation.id),
	endedOn: date({ mode: 'string' }),
	...version,
	...timestamps
});

export const membership = pgTable(
	'membership',
	{
		id: integer().primaryKey().generatedAlwaysAsIdentity(),
		personId: integer()
			.notNull()
			.references(() => person.id),
		bodyId: integer()
			.notNull()
			.references(() => body.id),
		role: text().notNull(),
		representsMunicipalityId: integer().references(() => municipality.id),
		representsOrganisationId: integer().references(() => organisation.id),
		/** Partial dates (core/partial-date): "2021", "2021-H1", "2021-03", "2021-03-12", as precisely as known. */
		validFrom: text(),
		validTo: text(),
		/** The first day validFrom can mean and the last day validTo can mean: what queries on a date compare. */
		startsOn: date({ mode: 'string' }).generatedAlwaysAs(sql`partial_date_first_day(valid_from)`),
		endsOn: date({ mode: 'string' }).generatedAlwaysAs(sql`partial_date_last_day(valid_to)`),
		periodNote: text(),
		source: text(),
		...version,
		...timestamps
	},
	(t) => [
		index('membership_body').on(t.bodyId),
		index('membership_person').on(t.personId),
		check('membership_represents_one', sql`${t.representsMunicipalityId} is null or ${t.representsOrganisationId} is null`),
		check('membership_valid_from', sql`${t.validFrom} is null or partial_date_first_day(${t.validFrom}) is not null`),
		check('membership_valid_to', sql`${t.validTo} is null or partial_date_last_day(${t.validTo}) is not null`),
		check('membership_period', sql`${t.endsOn} is null or ${t.startsOn} is null or ${t.startsOn} <= ${t.endsOn}`)
	]
);
