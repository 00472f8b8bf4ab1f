// The governance forms: notices, amendments, plan comments, governing
// documents, duties and tasks, influence work, activity targets and news.
import type { FieldSpec, Option } from './spec.ts';
import { choices } from './spec.ts';
import { ELECTION_LABELS, GOVERNING_KIND_LABELS, INFLUENCE_KIND_LABELS, RULE_KIND_LABELS } from '../schemas/governance.ts';
import { ORDINAL_NAMES, WEEKDAY_NAMES, monthName } from '../core/governance.ts';

const months: Option[] = Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: monthName(i + 1) }));
const weekdays: Option[] = [1, 2, 3, 4, 5, 6, 0].map((d) => ({ value: String(d), label: WEEKDAY_NAMES[d] }));
const ordinals: Option[] = [1, 2, 3, 4, 5, -1].map((n) => ({ value: String(n), label: ORDINAL_NAMES[n] }));

export const noticeFields: FieldSpec[] = [
	{ name: 'municipalityId', label: 'Kommun', type: 'select', required: true, options: 'municipalities' },
	{ name: 'councilDecidedOn', label: 'Fullmäktiges beslutsdatum', type: 'date', required: true },
	{ name: 'councilReference', label: 'Fullmäktiges beslut (paragraf, diarienummer)', type: 'text' },
	{
		name: 'receivedOn',
		label: 'Ordföranden mottog uppsägningen',
		type: 'date',
		required: true,
		hint: 'Uppsägningstiden räknas från månadsskiftet efter denna dag (§ 2).'
	},
	{ name: 'note', label: 'Anteckning', type: 'textarea' }
];

export const amendmentDecisionFields: FieldSpec[] = [
	{ name: 'validFrom', label: 'Gäller från', type: 'date', required: true },
	{
		name: 'decisionId',
		label: 'Beslut',
		type: 'select',
		options: 'decisions',
		hint: 'Ett beslut som redan finns registrerat, eller fyll i beslutet nedan.'
	},
	{ name: 'decidedOn', label: 'Beslutsdatum', type: 'date' },
	{ name: 'decisionBodyId', label: 'Beslutande organ', type: 'select', options: 'bodies' },
	{ name: 'decisionTitle', label: 'Beslutets rubrik', type: 'text' },
	{ name: 'partyIds', label: 'Parter', type: 'checkboxes', options: 'municipalities', required: true },
	{ name: 'note', label: 'Vad som ändrades', type: 'textarea' },
	{ name: 'preamble', label: 'Inledning', type: 'textarea' }
];

export const planCommentSendFields: FieldSpec[] = [
	{ name: 'sentOn', label: 'Skickat', type: 'date', required: true },
	{ name: 'deadline', label: 'Svar senast', type: 'date', required: true },
	{
		name: 'municipalityIds',
		label: 'Kommuner',
		type: 'checkboxes',
		options: 'municipalities',
		hint: 'Lämna tomt för alla medlemskommuner.'
	}
];

export const planCommentAnswerFields: FieldSpec[] = [
	{ name: 'answeredOn', label: 'Svarsdatum', type: 'date', required: true },
	{ name: 'answer', label: 'Svar', type: 'textarea', required: true }
];

export const governingDocumentFields: FieldSpec[] = [
	{ name: 'title', label: 'Titel', type: 'text', required: true },
	{ name: 'kind', label: 'Slag', type: 'select', required: true, options: choices(GOVERNING_KIND_LABELS) },
	{ name: 'description', label: 'Beskrivning', type: 'textarea' },
	{ name: 'source', label: 'Källa', type: 'text' }
];

export const documentVersionFields: FieldSpec[] = [
	{ name: 'label', label: 'Version', type: 'text', required: true, hint: 'Till exempel 2021 eller ”reviderad november 2021”.' },
	{ name: 'adoptedOn', label: 'Beslutad', type: 'date' },
	{ name: 'adoptedText', label: 'Beslutad (när bara månaden är känd)', type: 'text' },
	{ name: 'decisionId', label: 'Beslut', type: 'select', options: 'decisions' },
	{ name: 'validFrom', label: 'Gäller från', type: 'date', hint: 'Den version som gällde innan slutar dagen före.' },
	{ name: 'validTo', label: 'Gäller till', type: 'date' },
	{ name: 'summary', label: 'Sammanfattning', type: 'textarea' },
	{ name: 'source', label: 'Källa', type: 'text' }
];

export const dutyFields: FieldSpec[] = [
	{ name: 'title', label: 'Uppgift', type: 'text', required: true },
	{ name: 'description', label: 'Beskrivning', type: 'textarea' },
	{ name: 'ownerBodyId', label: 'Ansvarig (organ)', type: 'select', options: 'bodies' },
	{ name: 'ownerPersonId', label: 'Ansvarig (person)', type: 'select', options: 'persons' },
	{ name: 'ownerText', label: 'Ansvarig (annan)', type: 'text', hint: 'Minst en ansvarig: ett organ, en person eller en annan.' },
	{ name: 'ruleKind', label: 'Regel', type: 'select', required: true, options: choices(RULE_KIND_LABELS) },
	{ name: 'month', label: 'Månad', type: 'select', required: true, options: months },
	{ name: 'day', label: 'Dag', type: 'number', hint: 'För en dag, till exempel 15.' },
	{ name: 'nth', label: 'Vilken i ordningen', type: 'select', options: ordinals, hint: 'För en veckodag.' },
	{ name: 'weekday', label: 'Veckodag', type: 'select', options: weekdays },
	{ name: 'electionYear', label: 'Valår', type: 'select', required: true, options: choices(ELECTION_LABELS) },
	{ name: 'electionMonth', label: 'Månad valår', type: 'select', options: months, hint: 'När uppgiften flyttas valår.' },
	{ name: 'remindDaysBefore', label: 'Påminnelse, dagar före', type: 'number' },
	{ name: 'source', label: 'Källa', type: 'text' }
];

export const taskDoneFields: FieldSpec[] = [
	{ name: 'doneOn', label: 'Klar den', type: 'date', required: true },
	{ name: 'doneNote', label: 'Anteckning', type: 'textarea' }
];

export const taskFields: FieldSpec[] = [
	{ name: 'title', label: 'Uppgift', type: 'text', required: true },
	{ name: 'dueOn', label: 'Senast', type: 'date', required: true },
	{ name: 'material', label: 'Material', type: 'textarea' }
];

export const influenceFields: FieldSpec[] = [
	{ name: 'kind', label: 'Slag', type: 'select', required: true, options: choices(INFLUENCE_KIND_LABELS) },
	{ name: 'title', label: 'Rubrik', type: 'text', required: true },
	{
		name: 'organisationId',
		label: 'Organisation',
		type: 'select',
		options: 'organisations',
		hint: 'Krävs för en plats i en extern grupp.'
	},
	{ name: 'holderPersonId', label: 'Innehas av (person)', type: 'select', options: 'persons' },
	{ name: 'holderText', label: 'Innehas av', type: 'text', hint: 'När det inte är en person i registret, t.ex. ”kansliet”.' },
	{ name: 'fromOn', label: 'Från', type: 'date' },
	{ name: 'toOn', label: 'Till', type: 'date' },
	{ name: 'year', label: 'År', type: 'number', hint: 'När bara året är känt.' },
	{ name: 'description', label: 'Beskrivning', type: 'textarea' },
	{ name: 'url', label: 'Länk', type: 'text' },
	{ name: 'priorityObjectIds', label: 'Prioriterade objekt', type: 'checkboxes', options: 'priorityObjects' },
	{ name: 'activityIds', label: 'Aktiviteter', type: 'multiselect', options: 'activities' },
	{ name: 'externalMeetingIds', label: 'Externa möten', type: 'multiselect', options: 'externalMeetings' },
	{ name: 'source', label: 'Källa', type: 'text' }
];

export const activityTargetFields: FieldSpec[] = [
	{ name: 'organisationId', label: 'Organisation', type: 'select', required: true, options: 'organisations' },
	{ name: 'count', label: 'Antal möten per år', type: 'number', required: true },
	{ name: 'note', label: 'Anteckning', type: 'text' }
];

export const newsFields: FieldSpec[] = [
	{ name: 'title', label: 'Rubrik', type: 'text', required: true },
	{ name: 'publishedOn', label: 'Publiceras', type: 'date', required: true },
	{ name: 'summary', label: 'Ingress', type: 'textarea', required: true },
	{ name: 'body', label: 'Text', type: 'textarea' },
	{ name: 'link', label: 'Länk', type: 'text', hint: 'Till exempel /consultations/12 eller en fullständig adress.' },
	{ name: 'source', label: 'Källa', type: 'text' }
];
