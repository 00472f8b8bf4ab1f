// The consultations module's inputs, shared by forms, API and OpenAPI document.
import { z } from 'zod';
import { CONSULTATION_STATUSES, JOINT_ANSWERS, MEETING_ROLES, NOTICE_STAGES } from '../core/consultations.ts';
import { checkbox, choice, count, optionalDate, optionalId, optionalText, requiredDate, requiredId, requiredText } from './fields.ts';
import { idList } from './planning.ts';

const consultationFields = {
	issuerId: optionalId('Remittent'),
	title: requiredText('Titel', 300),
	reference: optionalText('Diarienummer', 100),
	receivedOn: optionalDate('Mottagen'),
	deadline: optionalDate('Sista svarsdag'),
	targetOn: optionalDate('Eget måldatum'),
	answerJointly: choice('Gemensamt svar', JOINT_ANSWERS).default('undecided'),
	notJointReason: optionalText('Skäl att inte svara gemensamt', 1000),
	workingGroupId: optionalId('Arbetsgrupp'),
	drafterIds: idList('Skribenter'),
	status: choice('Status', CONSULTATION_STATUSES).default('watched'),
	writtenYear: count('Skrivet år', { nullable: true }).refine(
		(y) => y === null || (y >= 1900 && y <= 2200),
		'Skrivet år ska vara ett årtal, till exempel 2021.'
	),
	writtenOn: optionalDate('Skrivet datum'),
	submittedOn: optionalDate('Skickat datum'),
	submittedYear: count('Skickat år', { nullable: true }).refine(
		(y) => y === null || (y >= 1900 && y <= 2200),
		'Skickat år ska vara ett årtal, till exempel 2022.'
	),
	submittedNote: optionalText('Skickat (när datum saknas)', 200),
	submittedTo: optionalText('Skickat till', 200),
	responseText: optionalText('Svarstext', 100_000),
	notes: optionalText('Anteckningar', 5000),
	priorityObjectIds: idList('Prioriterade objekt'),
	source: optionalText('Källa', 4000)
};

const yearOf = (iso: string | null) => (iso ? Number(iso.slice(0, 4)) : null);

type ConsultationShape = z.infer<z.ZodObject<typeof consultationFields>>;

/** Rules between fields; the service adds the one that needs the stored file. */
function consultationRules(v: ConsultationShape, ctx: z.RefinementCtx) {
	const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
	if (v.deadline && v.receivedOn && v.deadline < v.receivedOn)
		issue('deadline', 'Sista svarsdag kan inte vara före datumet då remissen kom in.');
	if (v.targetOn && v.receivedOn && v.targetOn < v.receivedOn)
		issue('targetOn', 'Eget måldatum kan inte vara före datumet då remissen kom in.');
	if (v.submittedOn && v.receivedOn && v.submittedOn < v.receivedOn)
		issue('submittedOn', 'Skickat datum kan inte vara före datumet då remissen kom in.');
	if (v.answerJointly === 'no' && !v.notJointReason) issue('notJointReason', 'Skriv varför samarbetet inte svarar gemensamt.');
	if (v.status === 'answered' && !v.submittedOn && v.submittedYear === null)
		issue('submittedOn', 'En besvarad remiss behöver datumet då svaret skickades.');
}

export const consultationInput = z
	.object(consultationFields)
	.superRefine(consultationRules)
	.transform((v) => ({
		...v,
		// A date decides its year; the year alone is for when only the month is known.
		writtenYear: yearOf(v.writtenOn) ?? v.writtenYear,
		submittedYear: yearOf(v.submittedOn) ?? v.submittedYear
	}));
export type ConsultationInput = z.infer<typeof consultationInput>;

/** Marking the response as sent. */
export const submitInput = z.object({
	submittedOn: requiredDate('Skickat datum'),
	submittedTo: optionalText('Skickat till', 200),
	notifyRegistrars: checkbox('Meddela registratorerna').default(false)
});
export type SubmitInput = z.infer<typeof submitInput>;

export const consultationMeetingInput = z.object({
	meetingId: requiredId('Möte'),
	role: choice('Roll', MEETING_ROLES).default('discussed'),
	note: optionalText('Anteckning', 1000)
});

/** A chair's decision, when the deadline falls before the body's next meeting. */
export const chairDecisionInput = z.object({
	decidedOn: requiredDate('Beslutsdatum'),
	bodyId: optionalId('Organ vars ordförande beslutar'),
	title: requiredText('Beslut', 300),
	description: optionalText('Beskrivning', 2000)
});

export const registrarNoticeInput = z.object({
	stage: choice('Vad meddelandet gäller', NOTICE_STAGES),
	message: optionalText('Meddelande', 4000)
});
export type RegistrarNoticeInput = z.infer<typeof registrarNoticeInput>;

export const priorityObjectInput = z.object({
	name: requiredText('Namn', 200),
	description: optionalText('Beskrivning', 4000),
	decisionId: optionalId('Beslut'),
	position: count('Ordning', { nullable: true }).transform((n) => n ?? 0),
	endedOn: optionalDate('Drivs inte längre från'),
	source: optionalText('Källa', 4000)
});
export type PriorityObjectInput = z.infer<typeof priorityObjectInput>;
