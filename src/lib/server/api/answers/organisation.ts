// What the API answers about municipalities, populations, bodies, persons, organisations, memberships (see ../answers.ts).
import { z } from 'zod';
import { BODY_KINDS, keysOf, ROLES } from '../../../core/organisation.ts';
import { instant, int, isoDate } from './fields.ts';

export const bodiesItem = z.object({
	id: int,
	kind: z.enum(keysOf(BODY_KINDS)),
	name: z.string(),
	shortName: z.string().nullable(),
	parentId: int.nullable(),
	parentName: z.string().nullable(),
	activeFrom: isoDate.nullable(),
	activeTo: isoDate.nullable(),
	version: int,
	memberCount: int
});

export const bodiesDetail = z.object({
	id: int,
	kind: z.enum(keysOf(BODY_KINDS)),
	name: z.string(),
	shortName: z.string().nullable(),
	parentId: int.nullable(),
	replacesId: int.nullable(),
	description: z.string(),
	activeFrom: isoDate.nullable(),
	activeTo: isoDate.nullable(),
	version: int,
	createdAt: instant,
	updatedAt: instant,
	parent: z
		.object({
			id: int,
			name: z.string(),
			kind: z.string(),
			parentId: int.nullable(),
			replacesId: int.nullable()
		})
		.nullable(),
	replaces: z
		.object({
			id: int,
			name: z.string(),
			kind: z.string(),
			parentId: int.nullable(),
			replacesId: int.nullable()
		})
		.nullable(),
	replacedBy: z.array(
		z.object({
			id: int,
			name: z.string(),
			kind: z.string(),
			parentId: int.nullable(),
			replacesId: int
		})
	),
	children: z.array(
		z.object({
			id: int,
			name: z.string(),
			kind: z.string(),
			parentId: int,
			replacesId: int.nullable()
		})
	),
	memberships: z.array(
		z.object({
			id: int,
			personId: int,
			personName: z.string(),
			bodyId: int,
			bodyName: z.string(),
			bodyKind: z.string(),
			role: z.string(),
			representsMunicipalityId: int.nullable(),
			representsMunicipalityName: z.string().nullable(),
			representsOrganisationId: int.nullable(),
			representsOrganisationName: z.string().nullable(),
			validFrom: z.string(),
			validTo: z.string(),
			periodNote: z.string(),
			source: z.string(),
			version: int
		})
	)
});

export const membershipsItem = z.object({
	id: int,
	personId: int,
	personName: z.string(),
	bodyId: int,
	bodyName: z.string(),
	bodyKind: z.string(),
	role: z.enum(keysOf(ROLES)),
	representsMunicipalityId: int.nullable(),
	representsMunicipalityName: z.string().nullable(),
	representsOrganisationId: int.nullable(),
	representsOrganisationName: z.string().nullable(),
	validFrom: z.string(),
	validTo: z.string(),
	periodNote: z.string(),
	source: z.string(),
	version: int
});

export const membershipsDetail = z.object({
	id: int,
	personId: int,
	bodyId: int,
	role: z.enum(keysOf(ROLES)),
	representsMunicipalityId: int.nullable(),
	representsOrganisationId: int.nullable(),
	validFrom: z.string(),
	validTo: z.string(),
	startsOn: isoDate,
	endsOn: isoDate,
	periodNote: z.string(),
	source: z.string(),
	version: int,
	createdAt: instant,
	updatedAt: instant
});

export const municipalitiesItem = z.object({
	id: int,
	code: z.string(),
	name: z.string(),
	registrarEmail: z.string(),
	invoiceReference: z.string().nullable(),
	memberFrom: isoDate.nullable(),
	memberTo: isoDate.nullable(),
	version: int,
	latestPopulation: int,
	latestPopulationDate: isoDate
});

export const municipalitiesDetail = z.object({
	id: int,
	code: z.string(),
	name: z.string(),
	registrarEmail: z.string(),
	invoiceReference: z.string().nullable(),
	memberFrom: isoDate.nullable(),
	memberTo: isoDate.nullable(),
	version: int,
	createdAt: instant,
	updatedAt: instant,
	populations: z.array(
		z.object({
			id: int,
			municipalityId: int,
			date: isoDate,
			population: int.nullable(),
			source: z.string(),
			version: int,
			createdAt: instant,
			updatedAt: instant
		})
	),
	representatives: z.array(
		z.object({
			id: int,
			personId: int,
			personName: z.string(),
			bodyId: int,
			bodyName: z.string(),
			bodyKind: z.string(),
			role: z.string(),
			representsMunicipalityId: int,
			representsMunicipalityName: z.string(),
			representsOrganisationId: int.nullable(),
			representsOrganisationName: z.string().nullable(),
			validFrom: z.string(),
			validTo: z.string(),
			periodNote: z.string(),
			source: z.string(),
			version: int
		})
	)
});

export const organisationsItem = z.object({
	id: int,
	name: z.string(),
	// Not z.enum(ORGANISATION_KINDS): the demo's governance.json gives two organisations (VTI, Kommunutredningen) the kind 'state', which no form offers.
	kind: z.string(),
	endedOn: isoDate.nullable(),
	version: int,
	createdAt: instant,
	updatedAt: instant
});

export const organisationsDetail = organisationsItem.extend({
	representatives: z.array(
		z.object({
			id: int,
			personId: int,
			personName: z.string(),
			bodyId: int,
			bodyName: z.string(),
			bodyKind: z.string(),
			role: z.string(),
			representsMunicipalityId: int.nullable(),
			representsMunicipalityName: z.string().nullable(),
			representsOrganisationId: int,
			representsOrganisationName: z.string(),
			validFrom: z.string(),
			validTo: z.string(),
			periodNote: z.string(),
			source: z.string(),
			version: int
		})
	)
});

export const personsItem = z.object({
	id: int,
	name: z.string(),
	title: z.string().nullable(),
	email: z.string().nullable(),
	phone: z.string().nullable(),
	employerMunicipalityId: int.nullable(),
	employerMunicipalityName: z.string().nullable(),
	employerOrganisationId: int.nullable(),
	employerOrganisationName: z.string().nullable(),
	endedOn: isoDate.nullable(),
	version: int
});

export const personsDetail = personsItem.extend({
	memberships: z.array(
		z.object({
			id: int,
			personId: int,
			personName: z.string(),
			bodyId: int,
			bodyName: z.string(),
			bodyKind: z.string(),
			role: z.string(),
			representsMunicipalityId: int.nullable(),
			representsMunicipalityName: z.string().nullable(),
			representsOrganisationId: int.nullable(),
			representsOrganisationName: z.string().nullable(),
			validFrom: z.string(),
			validTo: z.string(),
			periodNote: z.string(),
			source: z.string(),
			version: int
		})
	)
});

export const populationsItem = z.object({
	id: int,
	municipalityId: int.nullable(),
	municipalityName: z.string().nullable(),
	date: isoDate,
	population: int.nullable(),
	source: z.string(),
	version: int
});

export const populationsDetail = z.object({
	id: int,
	municipalityId: int.nullable(),
	date: isoDate,
	population: int.nullable(),
	source: z.string(),
	version: int,
	createdAt: instant,
	updatedAt: instant
});
