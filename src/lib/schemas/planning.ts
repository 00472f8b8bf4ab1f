// The planning module's inputs, shared by forms, API and OpenAPI document.
import { z } from 'zod';
import { ACTIVITY_STATUSES, DECISION_MAKERS } from '../core/planning.ts';
import {
	MAX_IDS,
	MAX_INTEGER,
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

/** Several records chosen at once (checkboxes): none is an empty list; one chosen twice counts once. */
export function idList(label: string) {
	return z.preprocess(
		(v) => (v === undefined || v === null || v === '' ? [] : (Array.isArray(v) ? v : [v]).filter((x) => x !== '').map((x) => Number(x))),
		z
			.array(
				z
					.number({ error: `${label}: välj i listan.` })
					.int(`${label}: välj i listan.`)
					.positive(`${label}: välj i listan.`)
					.max(MAX_INTEGER, `${label}: välj i listan.`)
			)
			.max(MAX_IDS, `${label}: välj högst ${MAX_IDS}.`)
			.transform((ids) => [...new Set(ids)])
			.default([])
	);
}

function optionalYear(label: string) {
	return count(label, { nullable: true }).refine(
		(y) => y === null || (y >= 1900 && y <= 2200),
		`${label} ska vara ett årtal, till exempel 2035.`
	);
}

/** Who decided: a body needs the body, anyone else a name. */
function decidedByRule(v: { decidedBy: string; bodyId: number | null; decidedByText: string | null }, ctx: z.RefinementCtx) {
	if (v.decidedBy === 'body' && v.bodyId === null) {
		ctx.addIssue({ code: 'custom', path: ['bodyId'], message: 'Beslutande organ måste väljas när ett organ har beslutat.' });
	}
	if (v.decidedBy !== 'body' && v.decidedBy !== 'chair' && !v.decidedByText) {
		ctx.addIssue({
			code: 'custom',
			path: ['decidedByText'],
			message: 'Beslutsfattare måste fyllas i, till exempel "Kommunstyrelsen i Huddinge".'
		});
	}
}

const decisionFields = {
	decidedOn: optionalDate('Beslutsdatum'),
	decidedBy: choice('Beslutat av', DECISION_MAKERS),
	bodyId: optionalId('Beslutande organ'),
	decidedByText: optionalText('Beslutsfattare', 200),
	title: requiredText('Beslut', 300),
	description: optionalText('Beskrivning', 4000),
	source: optionalText('Källa', 4000)
};

export const decisionInput = z.object(decisionFields).superRefine(decidedByRule);

/** A decision that changes something now: its date must be known. */
export const datedDecisionInput = z.object({ ...decisionFields, decidedOn: requiredDate('Beslutsdatum') }).superRefine(decidedByRule);

export const programmeInput = z
	.object({
		name: requiredText('Namn'),
		shortName: requiredText('Kortnamn', 40),
		adoptedOn: optionalDate('Antaget'),
		adoptedDecisionId: optionalId('Beslut om antagande'),
		validFromYear: optionalYear('Gäller från år'),
		validToYear: optionalYear('Gäller till år'),
		vision: optionalText('Vision', 2000),
		overallGoal: optionalText('Övergripande mål', 4000),
		principles: optionalText('Principer (en per rad)', 8000),
		relation: optionalText('Förhållande till andra program', 8000),
		source: optionalText('Källa', 4000)
	})
	.superRefine((v, ctx) => {
		if (v.validFromYear !== null && v.validToYear !== null && v.validFromYear > v.validToYear) {
			ctx.addIssue({ code: 'custom', path: ['validToYear'], message: 'Gäller till år kan inte vara före startåret.' });
		}
	});

export const programmeAreaInput = z.object({
	programmeId: requiredId('Program'),
	name: requiredText('Namn'),
	purpose: optionalText('Syfte', 4000),
	position: count('Ordning', { nullable: true }).transform((v) => v ?? 0)
});

export const focusAreaInput = z.object({
	programmeId: requiredId('Program'),
	areaId: optionalId('Område'),
	name: requiredText('Namn'),
	mainGoal: optionalText('Huvudmål', 4000),
	position: count('Ordning', { nullable: true }).transform((v) => v ?? 0),
	responsibleBodyIds: idList('Ansvariga organ')
});

export const subGoalInput = z.object({
	focusAreaId: requiredId('Fokusområde'),
	code: optionalText('Nummer', 20),
	text: requiredText('Delmål', 1000),
	position: count('Ordning', { nullable: true }).transform((v) => v ?? 0),
	addedDecisionId: optionalId('Tillkom genom beslut'),
	responsibleBodyIds: idList('Ansvariga organ'),
	source: optionalText('Källa', 4000)
});

export const planInput = z.object({
	year: yearField('År'),
	programmeId: optionalId('Utvecklingsprogram'),
	title: requiredText('Titel'),
	source: optionalText('Källa', 4000)
});

export const planAreaInput = z.object({
	planId: requiredId('Plan'),
	name: requiredText('Namn'),
	description: optionalText('Beskrivning', 4000),
	position: count('Ordning', { nullable: true }).transform((v) => v ?? 0)
});

export const activityInput = z
	.object({
		planId: requiredId('Plan'),
		subGoalId: optionalId('Delmål'),
		planAreaId: optionalId('Planens område'),
		title: requiredText('Aktivitet', 1000),
		timing: optionalText('När', 100),
		comment: optionalText('Kommentar', 4000),
		status: choice('Status', ACTIVITY_STATUSES),
		targetCount: count('Mål, antal gånger', { nullable: true }),
		targetText: optionalText('Mål, beskrivning', 300),
		responsibleBodyIds: idList('Ansvariga organ'),
		responsibleMunicipalityIds: idList('Ansvariga kommuner'),
		responsiblePersonIds: idList('Ansvariga personer'),
		responsibleText: optionalText('Övriga ansvariga', 500),
		reportText: optionalText('Text till årsredovisningen', 8000),
		position: count('Ordning', { nullable: true }).transform((v) => v ?? 0),
		source: optionalText('Källa', 4000)
	})
	.superRefine((v, ctx) => {
		if ((v.subGoalId === null) === (v.planAreaId === null)) {
			ctx.addIssue({
				code: 'custom',
				path: [v.subGoalId === null ? 'subGoalId' : 'planAreaId'],
				message:
					v.subGoalId === null
						? 'Delmål: välj ett delmål i planens utvecklingsprogram eller ett av planens egna områden.'
						: 'Planens område: välj antingen ett delmål eller ett av planens egna områden, inte båda.'
			});
		}
		if (v.targetCount === 0) ctx.addIssue({ code: 'custom', path: ['targetCount'], message: 'Mål, antal gånger måste vara minst 1.' });
	});

export const followUpInput = z.object({
	date: requiredDate('Datum'),
	text: requiredText('Uppföljning', 8000)
});

export const reportTextInput = z.object({
	reportText: optionalText('Text till årsredovisningen', 8000),
	status: choice('Status', ACTIVITY_STATUSES)
});
