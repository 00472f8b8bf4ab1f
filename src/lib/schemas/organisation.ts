// One schema per input, shared by the forms, the API, the CLI and the OpenAPI
// document. Labels name the fields in the UI and in every error message.
import { z } from 'zod';
import { BODY_KINDS, ORGANISATION_KINDS, ROLES, keysOf } from '../core/organisation.ts';
import {
	choice,
	count,
	optionalDate,
	optionalEmail,
	optionalId,
	optionalPartialDate,
	optionalText,
	partialPeriodInOrder,
	periodInOrder,
	requiredDate,
	requiredId,
	requiredText
} from './fields.ts';

export const cooperationInput = z.object({
	name: requiredText('Namn'),
	shortName: requiredText('Kortnamn', 80),
	hostMunicipalityId: optionalId('Värdkommun för kansliet'),
	locale: choice('Språk', ['sv-SE', 'en-GB'])
});

export const municipalityInput = z
	.object({
		code: z
			.string({ error: 'Kommunkod måste fyllas i.' })
			.trim()
			.regex(/^\d{4}$/, 'Kommunkod ska vara fyra siffror, till exempel 0127.'),
		name: requiredText('Namn'),
		registrarEmail: optionalEmail('Registratorns e-post'),
		invoiceReference: optionalText('Fakturareferens', 200),
		memberFrom: optionalDate('Medlem från'),
		memberTo: optionalDate('Medlem till')
	})
	.superRefine(periodInOrder('memberFrom', 'memberTo', 'Medlem till'));

export const populationInput = z.object({
	municipalityId: optionalId('Kommun'),
	date: requiredDate('Datum'),
	population: count('Folkmängd', { nullable: true }),
	source: requiredText('Källa', 4000)
});

export const organisationInput = z.object({
	name: requiredText('Namn'),
	kind: choice('Typ', keysOf(ORGANISATION_KINDS)),
	endedOn: optionalDate('Upphörde')
});

export const bodyInput = z
	.object({
		kind: choice('Typ', keysOf(BODY_KINDS)),
		name: requiredText('Namn'),
		shortName: optionalText('Kortnamn', 80),
		parentId: optionalId('Ingår i'),
		replacesId: optionalId('Ersätter'),
		description: optionalText('Uppdrag', 4000),
		activeFrom: optionalDate('Aktiv från'),
		activeTo: optionalDate('Aktiv till')
	})
	.superRefine(periodInOrder('activeFrom', 'activeTo', 'Aktiv till'));

export const personInput = z.object({
	name: requiredText('Namn'),
	title: optionalText('Titel', 200),
	email: optionalEmail('E-post'),
	phone: optionalText('Telefon', 40),
	employerMunicipalityId: optionalId('Arbetsgivare (kommun)'),
	employerOrganisationId: optionalId('Arbetsgivare (organisation)'),
	endedOn: optionalDate('Avslutad')
});

export const membershipInput = z
	.object({
		personId: requiredId('Person'),
		bodyId: requiredId('Organ'),
		role: choice('Roll', keysOf(ROLES)),
		representsMunicipalityId: optionalId('Företräder kommun'),
		representsOrganisationId: optionalId('Företräder organisation'),
		validFrom: optionalPartialDate('Från'),
		validTo: optionalPartialDate('Till'),
		periodNote: optionalText('Om perioden', 500),
		source: optionalText('Källa', 4000),
		/** Left out (the API): the appointment stays as it is. */
		appointedByPersonId: optionalId('Utsedd av').optional(),
		directiveVersionId: optionalId('Enligt direktiv').optional()
	})
	.superRefine(partialPeriodInOrder('validFrom', 'validTo', 'Till'))
	.superRefine((v, ctx) => {
		if (v.representsMunicipalityId && v.representsOrganisationId) {
			ctx.addIssue({
				code: 'custom',
				path: ['representsOrganisationId'],
				message: 'Företräder: välj antingen en kommun eller en organisation, inte båda.'
			});
		}
	});

/** Ending a record: the date it ended. */
export const endInput = z.object({ date: requiredDate('Slutdatum') });

export type MunicipalityInput = z.infer<typeof municipalityInput>;
export type PopulationInput = z.infer<typeof populationInput>;
export type OrganisationInput = z.infer<typeof organisationInput>;
export type BodyInput = z.infer<typeof bodyInput>;
export type PersonInput = z.infer<typeof personInput>;
export type MembershipInput = z.infer<typeof membershipInput>;
export type CooperationInput = z.infer<typeof cooperationInput>;
