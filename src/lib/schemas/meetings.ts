// The meetings module's inputs, shared by forms, API and OpenAPI document.
import { z } from 'zod';
import { ATTENDANCE, MEETING_FORMATS, MEETING_KINDS } from '../core/meetings.ts';
import { gapMessage } from '../core/stockholm-time.ts';
import {
	MAX_IDS,
	checkbox,
	choice,
	count,
	optionalDate,
	optionalId,
	optionalText,
	requiredDate,
	requiredId,
	requiredText,
	yearField
} from './fields.ts';
import { idList } from './planning.ts';

const TIME = /^([01]\d|2[0-3])[:.][0-5]\d$/;

function requiredTime(label: string) {
	return z
		.string({ error: `${label} måste fyllas i.` })
		.trim()
		.min(1, `${label} måste fyllas i.`)
		.refine((s) => TIME.test(s), `${label} måste vara ett klockslag som TT:MM, till exempel 08:30.`)
		.transform((s) => s.replace('.', ':'));
}

function optionalTime(label: string) {
	return z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), requiredTime(label).nullable().default(null));
}

const optionalChoice = <const T extends readonly [string, ...string[]]>(label: string, values: T) =>
	z.preprocess((v) => (v === '' || v === undefined ? null : v), choice(label, values).nullable());

/**
 * A meeting as the secretariat plans it. Times are Stockholm wall-clock times;
 * an end on another day needs its date.
 */
export const meetingInput = z
	.object({
		bodyIds: idList('Organ').refine((l) => l.length > 0, 'Organ: välj minst ett organ som mötet hör till.'),
		kind: choice('Mötestyp', MEETING_KINDS),
		title: optionalText('Rubrik', 200),
		date: requiredDate('Datum'),
		start: requiredTime('Starttid'),
		endDate: optionalDate('Slutdatum'),
		end: optionalTime('Sluttid'),
		place: optionalText('Plats', 200),
		hostMunicipalityId: optionalId('Värdkommun'),
		format: optionalChoice('Form', MEETING_FORMATS),
		chairPersonId: optionalId('Mötets ordförande'),
		chairNote: optionalText('Anteckning om ordförandeskapet', 500),
		source: optionalText('Källa', 4000)
	})
	.superRefine((v, ctx) => {
		if (v.endDate && !v.end) ctx.addIssue({ code: 'custom', path: ['end'], message: 'Sluttid måste fyllas i när slutdatum är ifyllt.' });
		const endDate = v.endDate ?? v.date;
		// A time the spring change skips is refused, not moved an hour (stockholm-time.ts).
		const startGap = gapMessage('Starttid', v.date, v.start);
		if (startGap) ctx.addIssue({ code: 'custom', path: ['start'], message: startGap });
		const endGap = v.end ? gapMessage('Sluttid', endDate, v.end) : null;
		if (endGap) ctx.addIssue({ code: 'custom', path: ['end'], message: endGap });
		// With gap times refused and repeated autumn times read as the earlier
		// instant, wall-clock order is the order of the instants.
		else if (v.end && `${endDate}T${v.end}` <= `${v.date}T${v.start}`)
			ctx.addIssue({ code: 'custom', path: ['end'], message: 'Sluttid: mötet kan inte sluta innan det börjar.' });
	});
export type MeetingInput = z.infer<typeof meetingInput>;

export const cancelInput = z.object({ statusNote: optionalText('Anledning', 500) });

export const agendaItemInput = z.object({
	number: count('Nummer', { nullable: true }),
	title: requiredText('Rubrik', 300),
	kind: choice('Typ av punkt', ['ordinary', 'previous_meetings', 'coming_meetings'] as const).default('ordinary'),
	presenter: optionalText('Föredragande', 200),
	standing: checkbox('Stående punkt').default(false),
	activityIds: idList('Aktiviteter')
});

export const minutesTextInput = z.object({
	minutesText: optionalText('Anteckningar', 20000)
});

export const itemDecisionInput = z.object({
	title: requiredText('Beslut', 1000),
	chairDecision: checkbox('Ordförandebeslut').default(false)
});

export const actionItemInput = z
	.object({
		text: requiredText('Att göra', 1000),
		responsiblePersonId: optionalId('Ansvarig'),
		responsibleText: optionalText('Ansvarig (fritext)', 200),
		dueOn: optionalDate('Klart senast')
	})
	.superRefine((v, ctx) => {
		if (v.responsiblePersonId && v.responsibleText)
			ctx.addIssue({ code: 'custom', path: ['responsibleText'], message: 'Ansvarig: välj en person eller skriv fritext, inte båda.' });
	});

export const openMatterInput = z.object({
	actionItemId: requiredId('Ärende'),
	note: optionalText('Status', 1000),
	close: checkbox('Avsluta').default(false)
});

export const attendanceInput = z.object({
	personId: requiredId('Person'),
	status: choice('Närvaro', ATTENDANCE),
	guest: checkbox('Gäst').default(false),
	onlyItems: z.preprocess(
		(v) => (typeof v === 'string' ? v.split(/[\s,]+/).filter(Boolean) : (v ?? [])),
		z
			.array(
				z.coerce
					.number({ error: 'Endast punkt: skriv punkternas nummer, till exempel 2 eller 2, 3.' })
					.int('Endast punkt: skriv punkternas nummer, till exempel 2 eller 2, 3.')
					.positive('Endast punkt: skriv punkternas nummer, till exempel 2 eller 2, 3.')
					.max(1000, 'Endast punkt: en dagordning har inte så många punkter.')
			)
			.max(MAX_IDS, `Endast punkt: högst ${MAX_IDS} punkter.`)
			.transform((n) => [...new Set(n)])
			.default([])
	),
	role: optionalText('Roll', 100)
});

export const minutesPeopleInput = z.object({
	secretaryPersonId: requiredId('Vid anteckningarna'),
	adjusterPersonId: requiredId('Justerare')
});

export const newMinutesVersionInput = z.object({
	reason: requiredText('Anledning till ändringen', 1000)
});

export const extraMeetingRequestInput = z.object({
	personId: requiredId('Ledamot'),
	requestedOn: requiredDate('Datum för begäran'),
	subject: requiredText('Ärende', 500)
});

export const bodyRulesInput = z.object({
	seats: count('Antal ledamöter', { nullable: true }),
	quorumPercent: count('Beslutförhet (procent)', { nullable: true }).refine(
		(n) => n === null || (n > 0 && n <= 100),
		'Beslutförhet (procent) ska vara mellan 1 och 100.'
	),
	decisionRule: optionalText('Beslutsregel', 200),
	extraMeetingThreshold: count('Ledamöter som krävs för extra möte', { nullable: true }).refine(
		(n) => n === null || n > 0,
		'Ledamöter som krävs för extra möte ska vara minst 1.'
	),
	minutesToMunicipalities: checkbox('Protokoll till kommunerna').default(false),
	meetingsPerYear: count('Möten per år', { nullable: true }),
	chairChosenYearly: checkbox('Ordförande väljs årligen').default(false),
	remoteAllowed: checkbox('Deltagande på distans').default(false),
	publicMeetings: checkbox('Öppna möten').default(false),
	preparesForBodyId: optionalId('Förbereder möten för'),
	source: optionalText('Källa', 4000)
});

/** What a source counts of a body's meetings in a year, where the meetings themselves are not all recorded. */
export const meetingCountInput = z.object({
	bodyId: requiredId('Organ'),
	year: yearField('År'),
	kind: choice('Mötestyp', MEETING_KINDS),
	format: optionalChoice('Form', MEETING_FORMATS),
	count: count('Antal'),
	source: requiredText('Källa', 4000),
	note: optionalText('Anteckning', 500)
});

/** How many municipalities changed representative in a body during a year, as a source counts it. */
export const turnoverCountInput = z.object({
	bodyId: requiredId('Organ'),
	year: yearField('År'),
	municipalities: count('Antal kommuner'),
	source: requiredText('Källa', 4000),
	note: optionalText('Anteckning', 500)
});
