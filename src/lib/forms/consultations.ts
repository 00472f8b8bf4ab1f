// The consultations forms. The labels are the ones the schemas' messages name.
import type { FieldSpec } from './spec.ts';
import { choices } from './spec.ts';
import { CONSULTATION_STATUS_LABELS, JOINT_ANSWER_LABELS, MEETING_ROLE_LABELS, NOTICE_STAGE_LABELS } from '../core/consultations.ts';

export const consultationFields: FieldSpec[] = [
	{ name: 'title', label: 'Titel', type: 'text', required: true },
	{ name: 'issuerId', label: 'Remittent', type: 'select', options: 'organisations', hint: 'Den som skickat remissen, t.ex. Trafikverket.' },
	{ name: 'reference', label: 'Diarienummer', type: 'text', autocomplete: 'off' },
	{ name: 'receivedOn', label: 'Mottagen', type: 'date' },
	{ name: 'deadline', label: 'Sista svarsdag', type: 'date', hint: 'Remittentens sista dag för svar.' },
	{
		name: 'targetOn',
		label: 'Eget måldatum',
		type: 'date',
		hint: 'Samarbetets eget mål, t.ex. när ordföranden ska ha beslutat. Ett passerat måldatum är inte en försenad remiss.'
	},
	{ name: 'answerJointly', label: 'Gemensamt svar', type: 'select', required: true, options: choices(JOINT_ANSWER_LABELS) },
	{ name: 'notJointReason', label: 'Skäl att inte svara gemensamt', type: 'textarea', hint: 'Krävs när svaret är Nej.' },
	{ name: 'status', label: 'Status', type: 'select', required: true, options: choices(CONSULTATION_STATUS_LABELS) },
	{
		name: 'workingGroupId',
		label: 'Arbetsgrupp',
		type: 'select',
		options: 'bodies',
		hint: 'Nätverket eller arbetsgruppen som skriver svaret.'
	},
	{
		name: 'drafterIds',
		label: 'Skribenter',
		type: 'multiselect',
		options: 'persons',
		hint: 'Håll ned Ctrl (Cmd på Mac) för att välja flera.'
	},
	{
		name: 'priorityObjectIds',
		label: 'Prioriterade objekt',
		type: 'checkboxes',
		options: 'priorityObjects',
		hint: 'De objekt svaret tar upp.'
	},
	{
		name: 'writtenYear',
		label: 'Skrivet år',
		type: 'number',
		hint: 'Året svaret skrevs; remissen räknas det året och året den skickades.'
	},
	{ name: 'writtenOn', label: 'Skrivet datum', type: 'date' },
	{ name: 'submittedOn', label: 'Skickat datum', type: 'date' },
	{ name: 'submittedYear', label: 'Skickat år', type: 'number', hint: 'Bara när dagen inte är känd.' },
	{ name: 'submittedNote', label: 'Skickat (när datum saknas)', type: 'text', hint: 'T.ex. "februari 2022".' },
	{ name: 'submittedTo', label: 'Skickat till', type: 'text' },
	{ name: 'responseText', label: 'Svarstext', type: 'textarea', hint: 'Svaret skrivet här, eller ladda upp dokumentet på remissens sida.' },
	{ name: 'notes', label: 'Anteckningar', type: 'textarea', hint: 'Interna anteckningar; visas inte för allmänheten.' },
	{ name: 'source', label: 'Källa', type: 'text' }
];

export const submitFields: FieldSpec[] = [
	{ name: 'submittedOn', label: 'Skickat datum', type: 'date', required: true },
	{ name: 'submittedTo', label: 'Skickat till', type: 'text' },
	{ name: 'notifyRegistrars', label: 'Skicka det slutliga svaret till kommunernas registratorer', type: 'checkbox' }
];

export const noticeFields: FieldSpec[] = [
	{ name: 'stage', label: 'Vad meddelandet gäller', type: 'select', required: true, options: choices(NOTICE_STAGE_LABELS) },
	{ name: 'message', label: 'Meddelande', type: 'textarea', hint: 'Skrivs in i e-postmeddelandet, t.ex. tidplanen.' }
];

export const meetingLinkFields: FieldSpec[] = [
	{ name: 'meetingId', label: 'Möte', type: 'select', required: true, options: 'meetings' },
	{ name: 'role', label: 'Roll', type: 'select', required: true, options: choices(MEETING_ROLE_LABELS) },
	{ name: 'note', label: 'Anteckning', type: 'text' }
];

export const chairDecisionFields: FieldSpec[] = [
	{ name: 'decidedOn', label: 'Beslutsdatum', type: 'date', required: true },
	{ name: 'bodyId', label: 'Organ vars ordförande beslutar', type: 'select', options: 'bodies' },
	{ name: 'title', label: 'Beslut', type: 'text', required: true },
	{ name: 'description', label: 'Beskrivning', type: 'textarea' }
];

export const priorityObjectFields: FieldSpec[] = [
	{ name: 'name', label: 'Namn', type: 'text', required: true },
	{ name: 'description', label: 'Beskrivning', type: 'textarea' },
	{ name: 'decisionId', label: 'Beslut', type: 'select', options: 'decisions', hint: 'Beslutet som gjorde objektet prioriterat.' },
	{ name: 'position', label: 'Ordning', type: 'number' },
	{ name: 'endedOn', label: 'Drivs inte längre från', type: 'date' },
	{ name: 'source', label: 'Källa', type: 'text' }
];
