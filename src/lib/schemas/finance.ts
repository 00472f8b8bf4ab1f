// The finance module's inputs, shared by forms, API and OpenAPI document.
// An amount is a JSON integer in öre (the API), or kronor typed in a form
// ("4 351", "1 234,50"); a float or text is refused with the field's name.
import { z } from 'zod';
import { AmountError, parseAmount } from '../core/finance.ts';
import {
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

export function amountField(label: string, { positive = false } = {}) {
	return z.preprocess(
		(v) => (v === '' || v === null ? undefined : v),
		z.union([z.number(), z.string()], { error: `${label} måste fyllas i.` }).transform((v, ctx) => {
			if (typeof v === 'number' && !Number.isInteger(v)) {
				ctx.addIssue({ code: 'custom', message: `${label} ska anges i hela ören (ett heltal), inte ${v}.` });
				return z.NEVER;
			}
			let ore: number;
			try {
				ore = parseAmount(v);
			} catch (e) {
				if (!(e instanceof AmountError)) throw e;
				ctx.addIssue({ code: 'custom', message: `${label}: ${e.message}` });
				return z.NEVER;
			}
			if (ore === 0 || (positive && ore < 0)) {
				ctx.addIssue({ code: 'custom', message: positive ? `${label} ska vara större än noll.` : `${label} kan inte vara noll.` });
				return z.NEVER;
			}
			return ore;
		})
	);
}

export { yearField } from './fields.ts';

export const ledgerEntryInput = z.object({
	date: requiredDate('Datum'),
	fundId: requiredId('Fond'),
	categoryId: requiredId('Kategori'),
	amount: amountField('Belopp'),
	counterparty: optionalText('Motpart', 200),
	voucher: optionalText('Verifikation', 100),
	description: optionalText('Beskrivning', 500),
	projectId: optionalId('Projekt'),
	eventId: optionalId('Evenemang'),
	meetingId: optionalId('Möte'),
	municipalityId: optionalId('Kommun')
});
export type LedgerEntryInput = z.infer<typeof ledgerEntryInput>;

export const fundTransferInput = z
	.object({
		date: requiredDate('Datum'),
		fromFundId: requiredId('Från fond'),
		toFundId: requiredId('Till fond'),
		amount: amountField('Belopp', { positive: true }),
		note: optionalText('Anteckning', 500)
	})
	.refine((v) => v.fromFundId !== v.toFundId, {
		path: ['toFundId'],
		message: 'Till fond: välj en annan fond än den pengarna flyttas från.'
	});

export const FUND_KINDS = ['operations', 'project', 'grant', 'carried', 'event', 'other'] as const;

export const fundInput = z.object({
	name: requiredText('Namn'),
	kind: choice('Slag', FUND_KINDS),
	note: optionalText('Anteckning', 500),
	activeFromYear: count('Från år', { nullable: true }),
	activeToYear: count('Till år', { nullable: true }),
	heldByMunicipalityId: optionalId('Medlen förvaltas av'),
	heldUntil: optionalDate('Förvaltas till'),
	mergedIntoId: optionalId('Slås ihop med'),
	mergedFromYear: count('Sammanslagning från år', { nullable: true })
});

export const categoryInput = z.object({
	kind: choice('Slag', ['income', 'cost'] as const),
	name: requiredText('Namn'),
	sortOrder: count('Ordning', { nullable: true }).transform((v) => v ?? 0)
});

export const categoryLabelInput = z.object({
	fromYear: yearField('Från år'),
	label: requiredText('Benämning')
});

export const budgetLineInput = z.object({
	year: yearField('År'),
	kind: choice('Slag', ['income', 'cost'] as const),
	label: requiredText('Rad'),
	amount: amountField('Belopp', { positive: true }),
	approximate: checkbox('Ungefärlig'),
	categoryIds: idList('Kategorier').refine((l) => l.length > 0, 'Kategorier: välj minst en kategori som raden täcker.')
});

export const openingBalanceInput = z.object({
	fundId: requiredId('Fond'),
	amount: amountField('Belopp'),
	source: requiredText('Källa', 4000)
});

export const feeRuleInput = z.object({
	kind: choice('Slag', ['per_inhabitant', 'fixed_total'] as const),
	amount: amountField('Belopp', { positive: true }),
	validFromYear: yearField('Gäller från år'),
	source: optionalText('Källa', 4000)
});

export const reopenInput = z.object({ reason: requiredText('Skäl', 1000) });

export const KEY_KINDS = ['population', 'equal', 'mix'] as const;

export const costSharingInput = z
	.object({
		name: requiredText('Namn'),
		year: yearField('År'),
		total: amountField('Belopp att fördela', { positive: true }),
		keyKind: choice('Fördelningsnyckel', KEY_KINDS),
		equalPercent: count('Andel lika delar', { nullable: true }).refine(
			(v) => v === null || v <= 100,
			'Andel lika delar: högst 100 procent.'
		),
		populationDate: optionalDate('Folkmängd per'),
		unit: choice('Avrundning', ['krona', 'ore'] as const),
		participantIds: idList('Deltagande kommuner').refine((l) => l.length > 0, 'Deltagande kommuner: välj minst en kommun.'),
		eventId: optionalId('Evenemang'),
		projectId: optionalId('Projekt'),
		note: optionalText('Anteckning', 1000)
	})
	.superRefine((v, ctx) => {
		if (v.keyKind === 'mix' && v.equalPercent === null)
			ctx.addIssue({ code: 'custom', path: ['equalPercent'], message: 'Andel lika delar måste fyllas i för en blandad nyckel.' });
		if (v.keyKind !== 'equal' && !v.populationDate)
			ctx.addIssue({
				code: 'custom',
				path: ['populationDate'],
				message: 'Folkmängd per: ange datumet vars folkmängd fördelningen följer.'
			});
	});

export const paidInput = z.object({ paidOn: optionalDate('Betald') });
