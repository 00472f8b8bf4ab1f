// The governance module's inputs: notices to leave, amendments, plan comments,
// governing documents, duties and tasks, influence work, targets and news.
import { z } from 'zod';
import { choice, count, optionalDate, optionalId, optionalText, requiredDate, requiredId, requiredText } from './fields.ts';
import { idList } from './planning.ts';
import type { DutyRule } from '../core/governance.ts';

/** A whole number of at least one, required. */
const atLeastOne = (label: string) =>
	count(label)
		.refine((n) => n !== null && n >= 1, `${label} ska vara minst 1.`)
		.transform((n) => n as number);

export const noticeInput = z
	.object({
		municipalityId: requiredId('Kommun'),
		councilDecidedOn: requiredDate('Fullmäktiges beslutsdatum'),
		councilReference: optionalText('Fullmäktiges beslut (paragraf, diarienummer)', 200),
		receivedOn: requiredDate('Ordföranden mottog uppsägningen'),
		note: optionalText('Anteckning', 2000)
	})
	.superRefine((v, ctx) => {
		if (v.councilDecidedOn && v.receivedOn && v.councilDecidedOn > v.receivedOn)
			ctx.addIssue({
				code: 'custom',
				path: ['receivedOn'],
				message: 'Ordföranden kan inte ha mottagit uppsägningen före fullmäktiges beslut.'
			});
	});

const paragraphInput = z.object({
	number: atLeastOne('Paragrafens nummer'),
	title: requiredText('Paragrafens rubrik', 200),
	text: requiredText('Paragrafens text', 20000)
});

/** A form sends title_1, text_1, title_2 …; the API sends paragraphs: [{ number, title, text }]. A paragraph left blank is dropped. */
function paragraphsFromForm(v: unknown) {
	if (typeof v !== 'object' || v === null || 'paragraphs' in v) return v;
	const o = v as Record<string, unknown>;
	const paragraphs = Object.keys(o)
		.map((k) => /^title_(\d+)$/.exec(k))
		.filter((m) => m !== null)
		.map((m) => Number(m[1]))
		.sort((a, b) => a - b)
		.map((n) => ({ number: n, title: o[`title_${n}`], text: o[`text_${n}`] }))
		.filter((p) => String(p.title ?? '').trim() !== '' || String(p.text ?? '').trim() !== '');
	return { ...o, paragraphs };
}

export const amendmentInput = z.preprocess(
	paragraphsFromForm,
	z
		.object({
			validFrom: requiredDate('Gäller från'),
			decisionId: optionalId('Beslut'),
			decidedOn: optionalDate('Beslutsdatum'),
			decisionBodyId: optionalId('Beslutande organ'),
			decisionTitle: optionalText('Beslutets rubrik', 300),
			preamble: optionalText('Inledning', 4000),
			partyIds: idList('Parter'),
			paragraphs: z.array(paragraphInput).min(1, 'Avtalet måste ha minst en paragraf.').max(200, 'Avtalet får ha högst 200 paragrafer.'),
			note: optionalText('Vad som ändrades', 2000)
		})
		.superRefine((v, ctx) => {
			if (v.decisionId === null && v.decidedOn === null)
				ctx.addIssue({
					code: 'custom',
					path: ['decidedOn'],
					message: 'Beslutsdatum: en ändring av avtalet måste ha ett beslut. Ange beslutsdatum eller välj ett beslut.'
				});
			if (v.partyIds.length === 0) ctx.addIssue({ code: 'custom', path: ['partyIds'], message: 'Parter: välj minst en kommun.' });
			const numbers = v.paragraphs.map((p) => p.number);
			if (new Set(numbers).size !== numbers.length)
				ctx.addIssue({ code: 'custom', path: ['paragraphs'], message: 'Två paragrafer har samma nummer.' });
		})
);

export const planCommentSendInput = z
	.object({
		sentOn: requiredDate('Skickat'),
		deadline: requiredDate('Svar senast'),
		municipalityIds: idList('Kommuner')
	})
	.superRefine((v, ctx) => {
		if (v.sentOn && v.deadline && v.deadline < v.sentOn)
			ctx.addIssue({ code: 'custom', path: ['deadline'], message: 'Svar senast kan inte vara före dagen det skickades.' });
	});

export const planCommentAnswerInput = z.object({
	answeredOn: requiredDate('Svarsdatum'),
	answer: requiredText('Svar', 8000)
});

export const GOVERNING_KINDS = ['agreement', 'platform', 'directive', 'other'] as const;
export const GOVERNING_KIND_LABELS: Record<(typeof GOVERNING_KINDS)[number], string> = {
	agreement: 'Avtal',
	platform: 'Plattform',
	directive: 'Direktiv',
	other: 'Annat'
};

export const governingDocumentInput = z.object({
	title: requiredText('Titel', 200),
	kind: choice('Slag', GOVERNING_KINDS),
	description: optionalText('Beskrivning', 4000),
	source: optionalText('Källa', 4000)
});

export const documentVersionInput = z
	.object({
		label: requiredText('Version', 100),
		adoptedOn: optionalDate('Beslutad'),
		adoptedText: optionalText('Beslutad (när bara månaden är känd)', 100),
		decisionId: optionalId('Beslut'),
		validFrom: optionalDate('Gäller från'),
		validTo: optionalDate('Gäller till'),
		summary: optionalText('Sammanfattning', 4000),
		source: optionalText('Källa', 4000)
	})
	.superRefine((v, ctx) => {
		if (v.validFrom && v.validTo && v.validTo < v.validFrom)
			ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'Gäller till kan inte vara före Gäller från.' });
	});

export const appointmentInput = z.object({
	appointedByPersonId: optionalId('Utsedd av'),
	appointedByText: optionalText('Utsedd av (annan)', 200),
	directiveVersionId: optionalId('Enligt direktiv'),
	appointedOn: optionalDate('Utsedd den')
});

export const RULE_KINDS = ['day', 'weekday', 'month'] as const;
export const RULE_KIND_LABELS: Record<(typeof RULE_KINDS)[number], string> = {
	day: 'En dag (t.ex. 15 mars)',
	weekday: 'En veckodag (t.ex. tredje torsdagen i januari)',
	month: 'Under en månad (senast sista dagen)'
};
export const ELECTION_CHOICES = ['keep', 'skip', 'move'] as const;
export const ELECTION_LABELS: Record<(typeof ELECTION_CHOICES)[number], string> = {
	keep: 'Som andra år',
	skip: 'Utgår valår',
	move: 'Flyttas till en annan månad valår'
};

const month = (label: string) =>
	count(label, { nullable: true }).refine((m) => m === null || (m >= 1 && m <= 12), `${label} ska vara 1–12.`);

const RULE_FIELDS = ['ruleKind', 'month', 'day', 'weekday', 'nth', 'electionYear', 'electionMonth'];

/**
 * A duty's rule as form fields (ruleKind, month, day …) or as the API's rule
 * object. Any of the fields given: the fields are the rule, so none of them is
 * silently replaced by a rule object sent beside them.
 */
function ruleFromForm(v: unknown) {
	if (typeof v !== 'object' || v === null) return v;
	const o = v as Record<string, unknown>;
	if (typeof o.rule !== 'object' || o.rule === null || RULE_FIELDS.some((f) => o[f] !== undefined)) return v;
	const r = o.rule as Record<string, unknown>;
	const e = r.electionYear;
	return {
		...o,
		ruleKind: r.kind,
		month: r.month,
		day: r.day,
		weekday: r.weekday,
		nth: r.nth,
		electionYear: typeof e === 'object' && e !== null ? 'move' : (e ?? 'keep'),
		electionMonth: typeof e === 'object' && e !== null ? (e as { month: unknown }).month : null
	};
}

export const dutyInput = z.preprocess(
	ruleFromForm,
	z
		.object({
			title: requiredText('Uppgift', 200),
			description: optionalText('Beskrivning', 4000),
			ownerBodyId: optionalId('Ansvarig (organ)'),
			ownerPersonId: optionalId('Ansvarig (person)'),
			ownerText: optionalText('Ansvarig (annan)', 200),
			ruleKind: choice('Regel', RULE_KINDS),
			month: month('Månad'),
			day: count('Dag', { nullable: true }),
			weekday: count('Veckodag', { nullable: true }),
			nth: z.preprocess(
				(v) => (v === '' || v === undefined ? null : typeof v === 'string' ? Number(v) : v),
				z.number({ error: 'Vilken i ordningen: välj ett av alternativen.' }).int().min(-1).max(5).nullable().default(null)
			),
			electionYear: choice('Valår', ELECTION_CHOICES).default('keep'),
			electionMonth: month('Månad valår'),
			remindDaysBefore: count('Påminnelse, dagar före', { nullable: true })
				.refine((n) => n === null || n <= 365, 'Påminnelse, dagar före får vara högst 365.')
				.transform((n) => n ?? 14),
			source: optionalText('Källa', 4000)
		})
		.superRefine((v, ctx) => {
			if (v.ownerBodyId === null && v.ownerPersonId === null && v.ownerText === null)
				ctx.addIssue({
					code: 'custom',
					path: ['ownerBodyId'],
					message: 'Ansvarig: en uppgift måste ha en ansvarig (ett organ, en person eller en annan).'
				});
			if (v.month === null) ctx.addIssue({ code: 'custom', path: ['month'], message: 'Månad måste fyllas i.' });
			if (v.ruleKind === 'day' && v.day === null)
				ctx.addIssue({ code: 'custom', path: ['day'], message: 'Dag måste fyllas i för en dag.' });
			if (v.ruleKind === 'weekday') {
				if (v.weekday === null || v.weekday > 6)
					ctx.addIssue({ code: 'custom', path: ['weekday'], message: 'Veckodag: välj ett av alternativen.' });
				if (v.nth === null || v.nth === 0)
					ctx.addIssue({ code: 'custom', path: ['nth'], message: 'Vilken i ordningen: välj ett av alternativen.' });
			}
			if (v.electionYear === 'move' && v.electionMonth === null)
				ctx.addIssue({ code: 'custom', path: ['electionMonth'], message: 'Månad valår måste fyllas i när uppgiften flyttas valår.' });
		})
		.transform(({ ruleKind, month, day, weekday, nth, electionYear, electionMonth, ...rest }) => {
			const base =
				ruleKind === 'day'
					? { kind: 'day' as const, month: month!, day: day! }
					: ruleKind === 'weekday'
						? { kind: 'weekday' as const, month: month!, weekday: weekday!, nth: nth! }
						: { kind: 'month' as const, month: month! };
			const rule: DutyRule =
				electionYear === 'skip'
					? { ...base, electionYear: 'skip' }
					: electionYear === 'move'
						? { ...base, electionYear: { month: electionMonth! } }
						: base;
			return { ...rest, rule };
		})
);

export const taskDoneInput = z.object({
	doneOn: requiredDate('Klar den'),
	doneNote: optionalText('Anteckning', 2000)
});

export const taskInput = z.object({
	title: requiredText('Uppgift', 200),
	dueOn: requiredDate('Senast'),
	material: optionalText('Material', 4000)
});

export const INFLUENCE_KINDS = ['seat', 'statement', 'article', 'seminar', 'commitment', 'monitoring'] as const;
export const INFLUENCE_KIND_LABELS: Record<(typeof INFLUENCE_KINDS)[number], string> = {
	seat: 'Plats i extern grupp',
	statement: 'Ställningstagande eller inspel',
	article: 'Artikel',
	seminar: 'Seminarium',
	commitment: 'Åtagande',
	monitoring: 'Bevakning'
};

export const influenceInput = z
	.object({
		kind: choice('Slag', INFLUENCE_KINDS),
		title: requiredText('Rubrik', 300),
		organisationId: optionalId('Organisation'),
		holderPersonId: optionalId('Innehas av (person)'),
		holderText: optionalText('Innehas av', 300),
		fromOn: optionalDate('Från'),
		toOn: optionalDate('Till'),
		year: count('År', { nullable: true }).refine(
			(y) => y === null || (y >= 1900 && y <= 2200),
			'År ska vara ett årtal, till exempel 2021.'
		),
		description: optionalText('Beskrivning', 8000),
		url: optionalText('Länk', 500).refine((u) => u === null || /^https?:\/\//.test(u), 'Länk ska börja med https:// eller http://.'),
		priorityObjectIds: idList('Prioriterade objekt'),
		activityIds: idList('Aktiviteter'),
		externalMeetingIds: idList('Externa möten'),
		source: optionalText('Källa', 4000)
	})
	.superRefine((v, ctx) => {
		if (v.kind === 'seat' && v.organisationId === null)
			ctx.addIssue({
				code: 'custom',
				path: ['organisationId'],
				message: 'Organisation: en plats i en extern grupp måste höra till en organisation.'
			});
		if (v.fromOn && v.toOn && v.toOn < v.fromOn) ctx.addIssue({ code: 'custom', path: ['toOn'], message: 'Till kan inte vara före Från.' });
	});

export const activityTargetInput = z.object({
	organisationId: requiredId('Organisation'),
	count: atLeastOne('Antal möten per år'),
	note: optionalText('Anteckning', 500)
});

export const newsInput = z.object({
	title: requiredText('Rubrik', 200),
	publishedOn: requiredDate('Publiceras'),
	summary: requiredText('Ingress', 600),
	body: optionalText('Text', 8000),
	link: optionalText('Länk', 500).refine((u) => u === null || /^(https?:\/\/|\/)/.test(u), 'Länk ska börja med https://, http:// eller /.'),
	source: optionalText('Källa', 4000)
});
