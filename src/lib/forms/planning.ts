// The planning module's form fields; labels match the schemas' messages.
import { DECISION_MAKER_LABELS, STATUS_LABELS } from '../core/planning.ts';
import { choices, type FieldSpec } from './spec.ts';

export const activityFields: FieldSpec[] = [
	{ name: 'title', label: 'Aktivitet', type: 'textarea', required: true },
	{ name: 'subGoalId', label: 'Delmål', type: 'select', options: 'subGoals', hint: 'Ett delmål i planens utvecklingsprogram …' },
	{ name: 'planAreaId', label: 'Planens område', type: 'select', options: 'planAreas', hint: '… eller ett av planens egna områden.' },
	{ name: 'timing', label: 'När', type: 'text', hint: 'Löpande, Vår, Höst, Vår + Höst, en månad, ett datum, 1 ggr/år eller fritext.' },
	{ name: 'status', label: 'Status', type: 'select', required: true, options: choices(STATUS_LABELS) },
	{ name: 'responsibleBodyIds', label: 'Ansvariga organ', type: 'checkboxes', options: 'bodies' },
	{ name: 'responsibleMunicipalityIds', label: 'Ansvariga kommuner', type: 'checkboxes', options: 'municipalities' },
	{
		name: 'responsibleText',
		label: 'Övriga ansvariga',
		type: 'text',
		hint: 'Namn som inte finns i registret; flera skiljs med semikolon.'
	},
	{ name: 'comment', label: 'Kommentar', type: 'textarea' },
	{ name: 'targetCount', label: 'Mål, antal gånger', type: 'number', hint: 'Till exempel 2 för "Trafikverket minst 2 ggr per år".' },
	{ name: 'targetText', label: 'Mål, beskrivning', type: 'text' },
	{ name: 'reportText', label: 'Text till årsredovisningen', type: 'textarea' },
	{ name: 'position', label: 'Ordning', type: 'number' },
	{ name: 'source', label: 'Källa', type: 'text' }
];

export const followUpFields: FieldSpec[] = [
	{ name: 'date', label: 'Datum', type: 'date', required: true },
	{ name: 'text', label: 'Uppföljning', type: 'textarea', required: true },
	{
		name: 'status',
		label: 'Ny status',
		type: 'select',
		options: choices(STATUS_LABELS),
		hint: 'Lämna tomt om statusen inte ändras.'
	}
];

export const reportFields: FieldSpec[] = [
	{ name: 'status', label: 'Status', type: 'select', required: true, options: choices(STATUS_LABELS) },
	{ name: 'reportText', label: 'Text till årsredovisningen', type: 'textarea' }
];

/** A decision made now, as part of adopting a plan or removing a sub-goal. */
export const datedDecisionFields: FieldSpec[] = [
	{ name: 'decidedOn', label: 'Beslutsdatum', type: 'date', required: true },
	{ name: 'decidedBy', label: 'Beslutat av', type: 'select', required: true, options: choices(DECISION_MAKER_LABELS) },
	{ name: 'bodyId', label: 'Beslutande organ', type: 'select', options: 'bodies' },
	{ name: 'decidedByText', label: 'Beslutsfattare', type: 'text', hint: 'När inget av samarbetets organ beslutade.' },
	{ name: 'title', label: 'Beslut', type: 'text', required: true }
];

export const planFields: FieldSpec[] = [
	{ name: 'year', label: 'År', type: 'number', required: true },
	{ name: 'title', label: 'Titel', type: 'text', required: true, hint: 'Till exempel: Verksamhetsplan 2022.' },
	{ name: 'programmeId', label: 'Utvecklingsprogram', type: 'select', options: 'programmes' },
	{ name: 'source', label: 'Källa', type: 'text' }
];

export const planAreaFields: FieldSpec[] = [
	{ name: 'name', label: 'Namn', type: 'text', required: true, hint: 'Till exempel: Verksamhetsfrågor.' },
	{ name: 'description', label: 'Beskrivning', type: 'textarea' },
	{ name: 'position', label: 'Ordning', type: 'number' }
];

export const programmeFields: FieldSpec[] = [
	{ name: 'name', label: 'Namn', type: 'text', required: true },
	{ name: 'shortName', label: 'Kortnamn', type: 'text', required: true, hint: 'Till exempel: SUP 2035.' },
	{ name: 'adoptedOn', label: 'Antaget', type: 'date' },
	{ name: 'validFromYear', label: 'Gäller från år', type: 'number' },
	{ name: 'validToYear', label: 'Gäller till år', type: 'number' },
	{ name: 'vision', label: 'Vision', type: 'textarea' },
	{ name: 'overallGoal', label: 'Övergripande mål', type: 'textarea' },
	{ name: 'principles', label: 'Principer (en per rad)', type: 'textarea' },
	{ name: 'relation', label: 'Förhållande till andra program', type: 'textarea' },
	{ name: 'source', label: 'Källa', type: 'text' }
];

export const focusAreaFields: FieldSpec[] = [
	{ name: 'name', label: 'Namn', type: 'text', required: true },
	{ name: 'mainGoal', label: 'Huvudmål', type: 'textarea' },
	{ name: 'position', label: 'Ordning', type: 'number' },
	{ name: 'responsibleBodyIds', label: 'Ansvariga organ', type: 'checkboxes', options: 'bodies' }
];

export const subGoalFields: FieldSpec[] = [
	{ name: 'text', label: 'Delmål', type: 'textarea', required: true },
	{ name: 'code', label: 'Nummer', type: 'text' },
	{
		name: 'addedDecisionId',
		label: 'Tillkom genom beslut',
		type: 'select',
		options: 'decisions',
		hint: 'Tomt: delmålet gäller från programmets start.'
	},
	{ name: 'position', label: 'Ordning', type: 'number' },
	{ name: 'responsibleBodyIds', label: 'Ansvariga organ', type: 'checkboxes', options: 'bodies' },
	{ name: 'source', label: 'Källa', type: 'text' }
];
