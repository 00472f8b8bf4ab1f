// What the API answers about ledger entries, a year's fees and closing (see ../answers.ts).
import { z } from 'zod';
import { int, isoDate } from './fields.ts';

export const financeYearsYearClosingAnswer = z.object({
	year: int,
	status: z.string(),
	funds: z.array(
		z.object({
			fund: z.string(),
			opening: int,
			income: int,
			costs: int,
			transfersIn: int,
			transfersOut: int,
			closing: int
		})
	),
	totals: z.object({
		opening: int,
		income: int,
		costs: int,
		closing: int
	}),
	differences: z.array(
		z.object({
			what: z.string(),
			printed: int,
			ledger: int
		})
	),
	openingsProvisional: z.object({ from: int, firstUnclosed: int }).nullable()
});

export const financeYearsYearFeesAnswer = z.object({
	year: int,
	rate: int,
	rule: z.object({
		kind: z.string(),
		amount: int,
		validFromYear: int,
		source: z.string(),
		decision: z.string()
	}),
	total: int,
	totalPopulation: int,
	totalSource: z.string(),
	municipalities: z.array(
		z.object({
			code: z.string(),
			name: z.string(),
			populationDate: isoDate,
			population: int.nullable(),
			source: z.string().nullable(),
			amount: int.nullable(),
			paidOn: isoDate.nullable()
		})
	),
	missing: z.array(z.string())
});

export const ledgerEntriesItem = z.object({
	id: int,
	date: isoDate,
	year: int,
	fundId: int,
	fund: z.string(),
	categoryId: int,
	category: z.string(),
	kind: z.string(),
	amount: int,
	counterparty: z.string().nullable(),
	voucher: z.string().nullable(),
	description: z.string(),
	projectId: int.nullable(),
	project: z.string().nullable(),
	eventId: int.nullable(),
	event: z.string().nullable(),
	meetingId: int.nullable(),
	municipalityId: int.nullable(),
	source: z.string(),
	version: int
});

/** The record reads as its list item. */
export const ledgerEntriesDetail = ledgerEntriesItem;
