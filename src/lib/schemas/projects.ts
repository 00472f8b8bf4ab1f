// The projects module's inputs: projects, events and external meetings.
import { z } from 'zod';
import { EVENT_FORMATS, EVENT_KINDS, EVENT_STATUSES, EXTERNAL_FORMATS, EXTERNAL_STATUSES, PROJECT_STATUSES } from '../core/projects.ts';
import {
	choice,
	count,
	optionalDate,
	optionalId,
	optionalPartialDate,
	optionalText,
	requiredId,
	requiredText,
	yearField
} from './fields.ts';
import { idList } from './planning.ts';

const optionalYear = (label: string) =>
	count(label, { nullable: true }).refine((y) => y === null || (y >= 1900 && y <= 2200), `${label} ska vara ett årtal, till exempel 2021.`);

/** Kronor typed in a form or öre as a JSON integer; empty is "not given". */
function optionalAmount(label: string) {
	return z.preprocess(
		(v) => {
			if (v === '' || v === null || v === undefined) return null;
			if (typeof v === 'string') {
				const t = v
					.replace(/[\s\u00a0]/g, '')
					.replace(/kr$/i, '')
					.replace(',', '.');
				return /^\d+(\.\d{1,2})?$/.test(t) ? Math.round(Number(t) * 100) : v;
			}
			return v;
		},
		z
			.number({ error: `${label} ska anges i kronor, till exempel 250 000.` })
			.int(`${label} ska anges i hela ören (ett heltal).`)
			.min(0, `${label} kan inte vara negativ.`)
			.nullable()
			.default(null)
	);
}

export const fundingInput = z.object({
	funderId: optionalId('Finansiär'),
	description: requiredText('Finansiering', 300),
	amount: optionalAmount('Finansieringens belopp'),
	sharePercent: count('Andel (procent)', { nullable: true }).refine((n) => n === null || n <= 100, 'Andel (procent) kan vara högst 100.')
});

export const projectInput = z
	.object({
		name: requiredText('Namn', 200),
		purpose: optionalText('Syfte', 4000),
		description: optionalText('Beskrivning', 4000),
		ownerBodyId: optionalId('Ägare (organ)'),
		ownerText: optionalText('Ägare', 200),
		supplierId: optionalId('Leverantör'),
		startYear: optionalYear('Startår'),
		endYear: optionalYear('Slutår'),
		budget: optionalAmount('Budget'),
		status: choice('Status', PROJECT_STATUSES).default('ongoing'),
		results: optionalText('Resultat', 8000),
		municipalityIds: idList('Deltagande kommuner'),
		/** Sent: replaces the funding rows; left out: they stay as they are. */
		funding: z.array(fundingInput).max(200, 'Finansiering: högst 200 rader.').optional(),
		source: optionalText('Källa', 4000)
	})
	.superRefine((v, ctx) => {
		if (v.startYear !== null && v.endYear !== null && v.endYear < v.startYear)
			ctx.addIssue({ code: 'custom', path: ['endYear'], message: 'Slutår kan inte vara före startår.' });
	});
export type ProjectInput = z.infer<typeof projectInput>;

const HELD_IN = 'Månad, halvår eller år (när dagen inte är känd)';

/** A day, or a partial date when the day is not known: not both. */
function dayOrPartial(v: { heldOn: string | null; heldIn: string | null }, ctx: z.RefinementCtx) {
	if (v.heldOn && v.heldIn) ctx.addIssue({ code: 'custom', path: ['heldIn'], message: `${HELD_IN}: lämna tomt när datumet är ifyllt.` });
}

export const eventInput = z
	.object({
		name: requiredText('Namn', 200),
		kind: choice('Typ', EVENT_KINDS).default('conference'),
		theme: optionalText('Tema', 500),
		hostText: optionalText('Värd', 500),
		hostBodyIds: idList('Värdorgan'),
		heldOn: optionalDate('Datum'),
		heldIn: optionalPartialDate(HELD_IN),
		format: z.preprocess((v) => (v === '' ? null : v), choice('Form', EVENT_FORMATS).nullable().default(null)),
		place: optionalText('Plats', 200),
		participants: count('Deltagare totalt', { nullable: true }),
		participantsInternal: count('Deltagare från kommunerna', { nullable: true }),
		status: choice('Status', EVENT_STATUSES).default('held'),
		cancelledReason: optionalText('Skäl till att det ställdes in', 1000),
		evaluation: optionalText('Utvärdering', 8000),
		costCapPerParticipant: optionalAmount('Högsta kostnad per deltagare'),
		source: optionalText('Källa', 4000)
	})
	.superRefine((v, ctx) => {
		if (v.participants !== null && v.participantsInternal !== null && v.participantsInternal > v.participants)
			ctx.addIssue({
				code: 'custom',
				path: ['participants'],
				message: `Deltagare totalt (${v.participants}) kan inte vara färre än deltagarna från kommunerna (${v.participantsInternal}).`
			});
		if (v.status === 'cancelled' && !v.cancelledReason)
			ctx.addIssue({ code: 'custom', path: ['cancelledReason'], message: 'Skriv varför evenemanget ställdes in.' });
		if (v.status === 'cancelled' && (v.participants || v.participantsInternal))
			ctx.addIssue({ code: 'custom', path: ['participants'], message: 'Ett inställt evenemang har inga deltagare.' });
		dayOrPartial(v, ctx);
	});
export type EventInput = z.infer<typeof eventInput>;

export const externalMeetingInput = z
	.object({
		heldOn: optionalDate('Datum'),
		heldIn: optionalPartialDate(HELD_IN),
		heldText: optionalText('Om tidpunkten', 100),
		bodyId: optionalId('Organ'),
		ourParticipants: optionalText('Från samarbetet', 500),
		organisationIds: idList('Externa organisationer'),
		theirParticipants: optionalText('Mötte', 500),
		format: z.preprocess((v) => (v === '' ? null : v), choice('Form', EXTERNAL_FORMATS).nullable().default(null)),
		topic: requiredText('Ämne', 2000),
		status: choice('Status', EXTERNAL_STATUSES).default('held'),
		priorityObjectIds: idList('Prioriterade objekt'),
		source: optionalText('Källa', 4000)
	})
	.superRefine((v, ctx) => {
		if (!v.heldOn && !v.heldIn)
			ctx.addIssue({ code: 'custom', path: ['heldOn'], message: `Datum måste fyllas i, eller ${HELD_IN.toLowerCase()}.` });
		dayOrPartial(v, ctx);
		if (v.organisationIds.length === 0)
			ctx.addIssue({ code: 'custom', path: ['organisationIds'], message: 'Välj minst en extern organisation som mötet var med.' });
	});
export type ExternalMeetingInput = z.infer<typeof externalMeetingInput>;

/** What one year's annual report says of a project: its section of the projects chapter. */
export const projectReportTextInput = z.object({
	projectId: requiredId('Projekt'),
	year: yearField('År'),
	position: count('Ordning i kapitlet'),
	title: optionalText('Rubrik', 200),
	text: requiredText('Text', 20_000),
	source: optionalText('Källa', 4000)
});
