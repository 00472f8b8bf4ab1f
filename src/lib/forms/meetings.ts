// The meetings module's form fields; labels match the schemas' messages.
import { ATTENDANCE_LABELS, MEETING_FORMAT_LABELS, MEETING_KIND_LABELS } from '../core/meetings.ts';
import { choices, type FieldSpec } from './spec.ts';

export const meetingFields: FieldSpec[] = [
	{
		name: 'bodyIds',
		label: 'Organ',
		type: 'checkboxes',
		options: 'bodies',
		hint: 'Ett gemensamt möte hör till flera organ och räknas i vart och ett.'
	},
	{ name: 'kind', label: 'Mötestyp', type: 'select', required: true, options: choices(MEETING_KIND_LABELS) },
	{ name: 'title', label: 'Rubrik', type: 'text', hint: 'Lämna tomt för "Möte med …" efter organen.' },
	{ name: 'date', label: 'Datum', type: 'date', required: true },
	{ name: 'start', label: 'Starttid', type: 'time', required: true, hint: 'Svensk tid, till exempel 08:30.' },
	{ name: 'endDate', label: 'Slutdatum', type: 'date', hint: 'Bara om mötet slutar en annan dag (lunch till lunch).' },
	{ name: 'end', label: 'Sluttid', type: 'time' },
	{ name: 'place', label: 'Plats', type: 'text', hint: 'Till exempel "Digitalt via Teams" eller "Balingsholms gård, Huddinge".' },
	{ name: 'hostMunicipalityId', label: 'Värdkommun', type: 'select', options: 'municipalities' },
	{ name: 'format', label: 'Form', type: 'select', options: choices(MEETING_FORMAT_LABELS) },
	{ name: 'chairPersonId', label: 'Mötets ordförande', type: 'select', options: 'persons', hint: 'Den som leder just detta möte.' },
	{
		name: 'chairNote',
		label: 'Anteckning om ordförandeskapet',
		type: 'text',
		hint: 'Till exempel "Boel Godner leder mötet i Daniel Dronjaks frånvaro."'
	},
	{ name: 'source', label: 'Källa', type: 'text' }
];

export const cancelFields: FieldSpec[] = [{ name: 'statusNote', label: 'Anledning', type: 'text' }];

export const agendaItemFields: FieldSpec[] = [
	{ name: 'title', label: 'Rubrik', type: 'text', required: true },
	{ name: 'presenter', label: 'Föredragande', type: 'text' },
	{
		name: 'kind',
		label: 'Typ av punkt',
		type: 'select',
		required: true,
		options: [
			{ value: 'ordinary', label: 'Ärende' },
			{ value: 'previous_meetings', label: 'Föregående möten (öppna ärenden)' },
			{ value: 'coming_meetings', label: 'Kommande möten' }
		]
	},
	{ name: 'number', label: 'Nummer', type: 'number', hint: 'Lämna tomt för nästa nummer.' },
	{ name: 'standing', label: 'Stående punkt', type: 'checkbox' },
	{
		name: 'activityIds',
		label: 'Aktiviteter',
		type: 'checkboxes',
		options: 'activities',
		hint: 'Aktiviteter i verksamhetsplanen som punkten gäller.'
	}
];

export const minutesTextFields: FieldSpec[] = [
	{
		name: 'minutesText',
		label: 'Anteckningar',
		type: 'textarea',
		hint: 'Stycken skiljs med en tom rad; rader som börjar med "- " blir punktlistor.'
	}
];

export const decisionFields: FieldSpec[] = [
	{ name: 'title', label: 'Beslut', type: 'textarea', required: true },
	{ name: 'chairDecision', label: 'Ordförandebeslut', type: 'checkbox', hint: 'Fattat av ordföranden ensam.' }
];

export const actionItemFields: FieldSpec[] = [
	{ name: 'text', label: 'Att göra', type: 'textarea', required: true },
	{ name: 'responsiblePersonId', label: 'Ansvarig', type: 'select', options: 'persons' },
	{ name: 'responsibleText', label: 'Ansvarig (fritext)', type: 'text', hint: 'Till exempel "Kansliet", om ingen person är vald.' },
	{ name: 'dueOn', label: 'Klart senast', type: 'date' }
];

export const attendanceFields: FieldSpec[] = [
	{ name: 'personId', label: 'Person', type: 'select', required: true, options: 'members' },
	{ name: 'status', label: 'Närvaro', type: 'select', required: true, options: choices(ATTENDANCE_LABELS) },
	{ name: 'guest', label: 'Inbjuden gäst', type: 'checkbox', hint: 'För den som inte är ledamot i mötets organ.' },
	{
		name: 'onlyItems',
		label: 'Endast punkt',
		type: 'text',
		hint: 'Punkternas nummer om personen var med bara en del av mötet, till exempel 2.'
	},
	{ name: 'role', label: 'Roll', type: 'text', hint: 'Som i protokollet, till exempel "ordförande" eller "sekreterare".' }
];

export const minutesPeopleFields: FieldSpec[] = [
	{ name: 'secretaryPersonId', label: 'Vid anteckningarna', type: 'select', required: true, options: 'persons' },
	{ name: 'adjusterPersonId', label: 'Justerare', type: 'select', required: true, options: 'persons' }
];

export const newVersionFields: FieldSpec[] = [{ name: 'reason', label: 'Anledning till ändringen', type: 'textarea', required: true }];

export const extraRequestFields: FieldSpec[] = [
	{ name: 'personId', label: 'Ledamot', type: 'select', required: true, options: 'members' },
	{ name: 'requestedOn', label: 'Datum för begäran', type: 'date', required: true },
	{ name: 'subject', label: 'Ärende', type: 'text', required: true }
];

export const bodyRulesFields: FieldSpec[] = [
	{ name: 'seats', label: 'Antal ledamöter', type: 'number', hint: 'Grunden för beslutförheten.' },
	{ name: 'quorumPercent', label: 'Beslutförhet (procent)', type: 'number', hint: '50 = minst hälften av ledamöterna närvarande.' },
	{ name: 'decisionRule', label: 'Beslutsregel', type: 'text', hint: 'Till exempel "konsensus".' },
	{ name: 'extraMeetingThreshold', label: 'Ledamöter som krävs för extra möte', type: 'number' },
	{ name: 'meetingsPerYear', label: 'Möten per år', type: 'number' },
	{ name: 'minutesToMunicipalities', label: 'Minnesanteckningarna delges varje kommun', type: 'checkbox' },
	{ name: 'chairChosenYearly', label: 'Ordförande utses årligen', type: 'checkbox' },
	{ name: 'remoteAllowed', label: 'Beslut kan fattas vid telefon- eller videomöte', type: 'checkbox' },
	{ name: 'publicMeetings', label: 'Mötena och de justerade anteckningarna är offentliga', type: 'checkbox' },
	{ name: 'preparesForBodyId', label: 'Förbereder möten för', type: 'select', options: 'bodies' },
	{ name: 'source', label: 'Källa', type: 'text' }
];

/** A count a source gives for the year (the body and the year come with the page). */
export const meetingCountFields: FieldSpec[] = [
	{ name: 'kind', label: 'Mötestyp', type: 'select', required: true, options: choices(MEETING_KIND_LABELS) },
	{
		name: 'format',
		label: 'Form',
		type: 'select',
		options: choices(MEETING_FORMAT_LABELS),
		hint: 'Lämna tomt om källan inte anger formen.'
	},
	{ name: 'count', label: 'Antal', type: 'number', required: true },
	{ name: 'source', label: 'Källa', type: 'text', required: true, hint: 'Till exempel ”Årsredovisning 2021, kapitel 7”.' },
	{ name: 'note', label: 'Anteckning', type: 'text', hint: 'Gärna källans egna ord.' }
];

/** How many municipalities changed representative during the year, as a source counts it. */
export const turnoverCountFields: FieldSpec[] = [
	{ name: 'municipalities', label: 'Antal kommuner', type: 'number', required: true },
	{ name: 'source', label: 'Källa', type: 'text', required: true, hint: 'Till exempel ”Årsredovisning 2021, kapitel 7”.' },
	{ name: 'note', label: 'Anteckning', type: 'text', hint: 'Gärna källans egna ord.' }
];
