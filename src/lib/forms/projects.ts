// The projects forms: projects, their funding, events and external meetings.
import type { FieldSpec } from './spec.ts';
import { choices } from './spec.ts';
import {
	EVENT_FORMAT_LABELS,
	EVENT_KIND_LABELS,
	EVENT_STATUS_LABELS,
	EXTERNAL_FORMAT_LABELS,
	EXTERNAL_STATUS_LABELS,
	PROJECT_STATUS_LABELS
} from '../core/projects.ts';

const kronor = 'I kronor, t.ex. 250 000.';

export const projectFields: FieldSpec[] = [
	{ name: 'name', label: 'Namn', type: 'text', required: true },
	{ name: 'purpose', label: 'Syfte', type: 'textarea' },
	{ name: 'status', label: 'Status', type: 'select', required: true, options: choices(PROJECT_STATUS_LABELS) },
	{ name: 'ownerBodyId', label: 'Ägare (organ)', type: 'select', options: 'bodies' },
	{ name: 'ownerText', label: 'Ägare', type: 'text', hint: 'När ägaren inte är ett organ, t.ex. en medlemskommun.' },
	{ name: 'supplierId', label: 'Leverantör', type: 'select', options: 'organisations' },
	{ name: 'startYear', label: 'Startår', type: 'number' },
	{ name: 'endYear', label: 'Slutår', type: 'number' },
	{ name: 'budget', label: 'Budget', type: 'text', hint: kronor, autocomplete: 'off' },
	{
		name: 'municipalityIds',
		label: 'Deltagande kommuner',
		type: 'checkboxes',
		options: 'municipalities',
		hint: 'Lämna tomt när alla deltar.'
	},
	{ name: 'results', label: 'Resultat', type: 'textarea' },
	{ name: 'description', label: 'Beskrivning', type: 'textarea' },
	{ name: 'source', label: 'Källa', type: 'text' }
];

export const fundingFields: FieldSpec[] = [
	{
		name: 'description',
		label: 'Finansiering',
		type: 'text',
		required: true,
		hint: 'T.ex. "Bidrag från Tillväxtverket, utbetalt i efterskott".'
	},
	{ name: 'funderId', label: 'Finansiär', type: 'select', options: 'organisations' },
	{ name: 'amount', label: 'Finansieringens belopp', type: 'text', hint: kronor, autocomplete: 'off' },
	{ name: 'sharePercent', label: 'Andel (procent)', type: 'number' }
];

/** When the day is not known: as precisely as the source knows it. */
const HELD_IN_FIELD: FieldSpec = {
	name: 'heldIn',
	label: 'Månad, halvår eller år (när dagen inte är känd)',
	type: 'text',
	hint: 'T.ex. ”mars 2021”, ”hösten 2020” eller ”2018”.'
};

export const eventFields: FieldSpec[] = [
	{ name: 'name', label: 'Namn', type: 'text', required: true },
	{ name: 'kind', label: 'Typ', type: 'select', required: true, options: choices(EVENT_KIND_LABELS) },
	{ name: 'status', label: 'Status', type: 'select', required: true, options: choices(EVENT_STATUS_LABELS) },
	{ name: 'heldOn', label: 'Datum', type: 'date' },
	HELD_IN_FIELD,
	{ name: 'theme', label: 'Tema', type: 'text' },
	{ name: 'hostText', label: 'Värd', type: 'text', hint: 'Vem som stod värd och arrangerade.' },
	{
		name: 'hostBodyIds',
		label: 'Värdorgan',
		type: 'multiselect',
		options: 'bodies',
		hint: 'Håll ned Ctrl (Cmd på Mac) för att välja flera.'
	},
	{ name: 'format', label: 'Form', type: 'select', options: choices(EVENT_FORMAT_LABELS) },
	{ name: 'place', label: 'Plats', type: 'text' },
	{ name: 'participants', label: 'Deltagare totalt', type: 'number' },
	{
		name: 'participantsInternal',
		label: 'Deltagare från kommunerna',
		type: 'number',
		hint: 'Av deltagarna totalt, de från de egna kommunerna.'
	},
	{ name: 'costCapPerParticipant', label: 'Högsta kostnad per deltagare', type: 'text', hint: kronor, autocomplete: 'off' },
	{ name: 'cancelledReason', label: 'Skäl till att det ställdes in', type: 'text' },
	{ name: 'evaluation', label: 'Utvärdering', type: 'textarea' },
	{ name: 'source', label: 'Källa', type: 'text' }
];

export const externalMeetingFields: FieldSpec[] = [
	{ name: 'heldOn', label: 'Datum', type: 'date' },
	HELD_IN_FIELD,
	{ name: 'heldText', label: 'Om tidpunkten', type: 'text', hint: 'T.ex. ”vid flera tillfällen”.' },
	{ name: 'topic', label: 'Ämne', type: 'textarea', required: true },
	{
		name: 'organisationIds',
		label: 'Externa organisationer',
		type: 'multiselect',
		required: true,
		options: 'organisations',
		hint: 'Håll ned Ctrl (Cmd på Mac) för att välja flera.'
	},
	{ name: 'theirParticipants', label: 'Mötte', type: 'text', hint: 'Personerna från den externa organisationen.' },
	{ name: 'bodyId', label: 'Organ', type: 'select', options: 'bodies', hint: 'Vilket organ i samarbetet som mötte dem.' },
	{ name: 'ourParticipants', label: 'Från samarbetet', type: 'text' },
	{ name: 'format', label: 'Form', type: 'select', options: choices(EXTERNAL_FORMAT_LABELS) },
	{ name: 'status', label: 'Status', type: 'select', required: true, options: choices(EXTERNAL_STATUS_LABELS) },
	{ name: 'priorityObjectIds', label: 'Prioriterade objekt', type: 'checkboxes', options: 'priorityObjects' },
	{ name: 'source', label: 'Källa', type: 'text' }
];

/** A year's section of the projects chapter of the annual report. */
export const projectReportTextFields: FieldSpec[] = [
	{ name: 'year', label: 'År', type: 'number', required: true, hint: 'Årsredovisningen texten hör till.' },
	{ name: 'position', label: 'Ordning i kapitlet', type: 'number', required: true, hint: '1 för kapitlets första avsnitt.' },
	{ name: 'title', label: 'Rubrik', type: 'text', hint: 'Lämna tomt för projektets namn.' },
	{
		name: 'text',
		label: 'Text',
		type: 'textarea',
		required: true,
		hint: 'Tom rad mellan stycken; rader som börjar med ”- ” blir en punktlista.'
	},
	{ name: 'source', label: 'Källa', type: 'text' }
];
