import { BODY_KINDS, ORGANISATION_KINDS, ROLES } from '../core/organisation.ts';
import { choices, type FieldSpec } from './spec.ts';

export const municipalityFields: FieldSpec[] = [
	{ name: 'code', label: 'Kommunkod', type: 'text', required: true, hint: 'SCB:s fyrsiffriga kod, till exempel 0127.' },
	{ name: 'name', label: 'Namn', type: 'text', required: true },
	{ name: 'registrarEmail', label: 'Registratorns e-post', type: 'email', hint: 'Dit protokoll och remissbesked skickas.' },
	{ name: 'invoiceReference', label: 'Fakturareferens', type: 'text' },
	{ name: 'memberFrom', label: 'Medlem från', type: 'date' },
	{ name: 'memberTo', label: 'Medlem till', type: 'date' }
];

export const populationFields: FieldSpec[] = [
	{
		name: 'municipalityId',
		label: 'Kommun',
		type: 'select',
		options: 'municipalities',
		hint: 'Lämna tomt för samarbetets totala folkmängd.'
	},
	{ name: 'date', label: 'Datum', type: 'date', required: true, hint: 'Oftast 31 december.' },
	{ name: 'population', label: 'Folkmängd', type: 'number', hint: 'Lämna tomt om uppgiften saknas i källan.' },
	{ name: 'source', label: 'Källa', type: 'text', required: true, hint: 'Till exempel: SCB 2020-12-31.' }
];

export const organisationFields: FieldSpec[] = [
	{ name: 'name', label: 'Namn', type: 'text', required: true },
	{ name: 'kind', label: 'Typ', type: 'select', required: true, options: choices(ORGANISATION_KINDS) },
	{ name: 'endedOn', label: 'Upphörde', type: 'date' }
];

export const bodyFields: FieldSpec[] = [
	{ name: 'name', label: 'Namn', type: 'text', required: true },
	{ name: 'shortName', label: 'Kortnamn', type: 'text', hint: 'Till exempel SUP-gruppen.' },
	{ name: 'kind', label: 'Typ', type: 'select', required: true, options: choices(BODY_KINDS) },
	{ name: 'parentId', label: 'Ingår i', type: 'select', options: 'bodies', hint: 'Till exempel en arbetsgrupp under ett nätverk.' },
	{ name: 'replacesId', label: 'Ersätter', type: 'select', options: 'bodies' },
	{ name: 'description', label: 'Uppdrag', type: 'textarea' },
	{ name: 'activeFrom', label: 'Aktiv från', type: 'date' },
	{ name: 'activeTo', label: 'Aktiv till', type: 'date' }
];

export const personFields: FieldSpec[] = [
	{ name: 'name', label: 'Namn', type: 'text', required: true, autocomplete: 'off' },
	{ name: 'title', label: 'Titel', type: 'text', hint: 'Till exempel kommundirektör.' },
	{ name: 'email', label: 'E-post', type: 'email', autocomplete: 'off' },
	{ name: 'phone', label: 'Telefon', type: 'tel', autocomplete: 'off' },
	{ name: 'employerMunicipalityId', label: 'Arbetsgivare (kommun)', type: 'select', options: 'municipalities' },
	{ name: 'employerOrganisationId', label: 'Arbetsgivare (organisation)', type: 'select', options: 'organisations' },
	{ name: 'endedOn', label: 'Avslutad', type: 'date', hint: 'När personen slutade vara aktiv i samarbetet.' }
];

export const membershipFields: FieldSpec[] = [
	{ name: 'personId', label: 'Person', type: 'select', required: true, options: 'persons' },
	{ name: 'bodyId', label: 'Organ', type: 'select', required: true, options: 'bodies' },
	{ name: 'role', label: 'Roll', type: 'select', required: true, options: choices(ROLES) },
	{ name: 'representsMunicipalityId', label: 'Företräder kommun', type: 'select', options: 'municipalities' },
	{
		name: 'representsOrganisationId',
		label: 'Företräder organisation',
		type: 'select',
		options: 'organisations',
		hint: 'En myndighet, region eller kommun utanför samarbetet.'
	},
	{
		name: 'validFrom',
		label: 'Från',
		type: 'text',
		hint: 'Så exakt som det är känt: ett datum (2021-03-12), en månad (mars 2021), ett halvår (våren 2021) eller ett år (2021).'
	},
	{
		name: 'validTo',
		label: 'Till',
		type: 'text',
		hint: 'Till och med. Ett uppdrag som bara är känt för ett år får samma år i båda fälten; ett uppdrag utan känd period räknas inte på något datum.'
	},
	{
		name: 'periodNote',
		label: 'Om perioden',
		type: 'text',
		hint: 'Det som är känt när datumen inte är det, till exempel ”Ordförande 2018”.'
	},
	{
		name: 'appointedByPersonId',
		label: 'Utsedd av',
		type: 'select',
		options: 'persons',
		hint: 'I ett nätverk utser kommundirektören medlemmen.'
	},
	{ name: 'directiveVersionId', label: 'Enligt direktiv', type: 'select', options: 'directiveVersions' },
	{ name: 'source', label: 'Källa', type: 'text' }
];

export const cooperationFields: FieldSpec[] = [
	{ name: 'name', label: 'Namn', type: 'text', required: true },
	{ name: 'shortName', label: 'Kortnamn', type: 'text', required: true },
	{ name: 'hostMunicipalityId', label: 'Värdkommun för kansliet', type: 'select', options: 'municipalities' },
	{
		name: 'locale',
		label: 'Språk',
		type: 'select',
		required: true,
		options: [
			{ value: 'sv-SE', label: 'Svenska' },
			{ value: 'en-GB', label: 'Engelska' }
		]
	}
];
