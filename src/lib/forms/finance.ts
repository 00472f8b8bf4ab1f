// The finance forms. Amounts are typed in kronor ("4 351", "1 234,50").
import type { FieldSpec } from './spec.ts';
import { choices } from './spec.ts';

const amountHint = 'I kronor, t.ex. 4 351 eller 1 234,50. Ett negativt belopp rättar en tidigare post.';

export const ledgerEntryFields: FieldSpec[] = [
	{ name: 'date', label: 'Datum', type: 'date', required: true },
	{ name: 'fundId', label: 'Fond', type: 'select', required: true, options: 'funds' },
	{ name: 'categoryId', label: 'Kategori', type: 'select', required: true, options: 'categories' },
	{ name: 'amount', label: 'Belopp', type: 'text', required: true, hint: amountHint, autocomplete: 'off' },
	{ name: 'counterparty', label: 'Motpart', type: 'text' },
	{ name: 'voucher', label: 'Verifikation', type: 'text', hint: 'Verifikationsnumret i värdkommunens ekonomisystem.' },
	{ name: 'description', label: 'Beskrivning', type: 'text' },
	{ name: 'projectId', label: 'Projekt', type: 'select', options: 'projects' },
	{ name: 'eventId', label: 'Evenemang', type: 'select', options: 'events' },
	{
		name: 'municipalityId',
		label: 'Kommun',
		type: 'select',
		options: 'municipalities',
		hint: 'När en medlemskommun betalar eller får pengarna.'
	}
];

export const transferFields: FieldSpec[] = [
	{ name: 'date', label: 'Datum', type: 'date', required: true },
	{ name: 'fromFundId', label: 'Från fond', type: 'select', required: true, options: 'funds' },
	{ name: 'toFundId', label: 'Till fond', type: 'select', required: true, options: 'funds' },
	{ name: 'amount', label: 'Belopp', type: 'text', required: true, hint: 'I kronor.', autocomplete: 'off' },
	{ name: 'note', label: 'Anteckning', type: 'text' }
];

export const openingFields: FieldSpec[] = [
	{ name: 'fundId', label: 'Fond', type: 'select', required: true, options: 'funds' },
	{ name: 'amount', label: 'Belopp', type: 'text', required: true, hint: 'I kronor.', autocomplete: 'off' },
	{ name: 'source', label: 'Källa', type: 'text', required: true, hint: 'Var beloppet står, t.ex. "Årsredovisning 2020, Ingående balans".' }
];

export const budgetLineFields: FieldSpec[] = [
	{ name: 'kind', label: 'Slag', type: 'select', required: true, options: choices({ cost: 'Kostnad', income: 'Intäkt' }) },
	{ name: 'label', label: 'Rad', type: 'text', required: true },
	{ name: 'amount', label: 'Belopp', type: 'text', required: true, hint: 'I kronor.', autocomplete: 'off' },
	{ name: 'approximate', label: 'Ungefärligt belopp (ca)', type: 'checkbox' },
	{
		name: 'categoryIds',
		label: 'Kategorier',
		type: 'checkboxes',
		required: true,
		options: 'categories',
		hint: 'De kategorier i bokföringen som raden täcker.'
	}
];

export const FUND_KIND_LABELS = {
	operations: 'Drift',
	project: 'Projekt',
	grant: 'Bidrag',
	carried: 'Överfört resultat',
	event: 'Evenemang',
	other: 'Övrigt'
} as const;

export const fundFields: FieldSpec[] = [
	{ name: 'name', label: 'Namn', type: 'text', required: true },
	{ name: 'kind', label: 'Slag', type: 'select', required: true, options: choices(FUND_KIND_LABELS) },
	{ name: 'note', label: 'Anteckning', type: 'text', hint: 'Visas som fotnot i bokslutet.' },
	{ name: 'activeFromYear', label: 'Från år', type: 'number' },
	{ name: 'activeToYear', label: 'Till år', type: 'number' },
	{
		name: 'heldByMunicipalityId',
		label: 'Medlen förvaltas av',
		type: 'select',
		options: 'municipalities',
		hint: 'När pengarna finns hos en medlemskommun.'
	},
	{ name: 'heldUntil', label: 'Förvaltas till', type: 'date' },
	{
		name: 'mergedIntoId',
		label: 'Slås ihop med',
		type: 'select',
		options: 'funds',
		hint: 'Fonden lämnar sitt saldo till den valda fonden vid ingången av året nedan.'
	},
	{ name: 'mergedFromYear', label: 'Sammanslagning från år', type: 'number' }
];

export const categoryFields: FieldSpec[] = [
	{ name: 'kind', label: 'Slag', type: 'select', required: true, options: choices({ cost: 'Kostnad', income: 'Intäkt' }) },
	{ name: 'name', label: 'Namn', type: 'text', required: true },
	{ name: 'sortOrder', label: 'Ordning', type: 'number' }
];

export const reopenFields: FieldSpec[] = [
	{ name: 'reason', label: 'Skäl', type: 'textarea', required: true, hint: 'Skälet sparas i granskningsloggen.' }
];
