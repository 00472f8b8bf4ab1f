// Field builders with Swedish messages that name the field. Form posts send ''
// for an empty field; these read it as "not given" (null).
import { z } from 'zod';
import { endsBeforeStart, isPartialDate, parsePartialDate } from '../core/partial-date.ts';
import { unsafeText } from '../core/input-text.ts';

const empty = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

/** PostgreSQL's integer: an id or a count past it is no record and no count. */
export const MAX_INTEGER = 2_147_483_647;
/** The most records chosen at once (checkboxes, an API list of ids). */
export const MAX_IDS = 500;

/** Texts up to a line's length (names, titles) are one line; longer ones may hold line breaks and tabs. */
const isMultiline = (max: number) => max > 300;

function safeText(label: string, max: number) {
	const multiline = isMultiline(max);
	return (s: string, ctx: z.RefinementCtx) => {
		const problem = unsafeText(s, { multiline });
		if (problem) ctx.addIssue({ code: 'custom', message: `${label} ${problem}.` });
	};
}

export function requiredText(label: string, max = 200) {
	return z
		.string({ error: `${label} måste fyllas i.` })
		.trim()
		.min(1, `${label} måste fyllas i.`)
		.max(max, `${label} får vara högst ${max} tecken.`)
		.superRefine(safeText(label, max));
}

export function optionalText(label: string, max = 2000) {
	return z.preprocess(
		empty,
		z
			.string({ error: `${label} måste vara text.` })
			.trim()
			.max(max, `${label} får vara högst ${max} tecken.`)
			.superRefine(safeText(label, max))
			.nullable()
			.default(null)
	);
}

export function optionalEmail(label: string) {
	return z.preprocess(
		empty,
		z
			.email({ error: `${label} måste vara en giltig e-postadress, till exempel namn@kommun.se.` })
			.nullable()
			.default(null)
	);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
function isRealDate(s: string) {
	const d = new Date(`${s}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** The years a date may fall in: anything outside is a typing error, and PostgreSQL would misread year 0000. */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2100;

export function requiredDate(label: string) {
	return z
		.string({ error: `${label} måste fyllas i.` })
		.trim()
		.min(1, `${label} måste fyllas i.`)
		.refine((s) => s === '' || (ISO_DATE.test(s) && isRealDate(s)), `${label} måste vara ett datum som ÅÅÅÅ-MM-DD.`)
		.refine(
			(s) => !ISO_DATE.test(s) || (Number(s.slice(0, 4)) >= FIRST_YEAR && Number(s.slice(0, 4)) <= LAST_YEAR),
			`${label} ska ligga mellan år ${FIRST_YEAR} och ${LAST_YEAR}.`
		);
}

export function optionalDate(label: string) {
	return z.preprocess(empty, requiredDate(label).nullable().default(null));
}

/**
 * A date as precisely as it is known (core/partial-date): a year, a half-year,
 * a month or a day, in ISO or Swedish ("2021", "våren 2021", "mars 2021",
 * "2021-03-12"); stored in its canonical form.
 */
export function optionalPartialDate(label: string) {
	return z.preprocess(
		(v) => {
			const e = empty(v);
			if (typeof e !== 'string') return e;
			return parsePartialDate(e) ?? e;
		},
		z
			.string({ error: `${label} måste vara ett datum.` })
			.refine(
				isPartialDate,
				`${label} ska vara ett datum (ÅÅÅÅ-MM-DD), en månad (ÅÅÅÅ-MM eller ”mars 2021”), ett halvår (”våren 2021”, ”hösten 2021”) eller ett år (ÅÅÅÅ).`
			)
			.meta({
				description:
					'Ett datum så exakt som det är känt: ÅÅÅÅ, ÅÅÅÅ-H1 (våren), ÅÅÅÅ-H2 (hösten), ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD. Svenska skrivsätt som ”mars 2021” och ”våren 2021” läses också; svaret ger alltid den första formen.',
				examples: ['2021', '2021-H1', '2021-03', '2021-03-12']
			})
			.nullable()
			.default(null)
	);
}

/** The end of a period of partial dates may not come before its start ("2021" to "2021-03" is fine). */
export function partialPeriodInOrder<T>(from: keyof T, to: keyof T, label: string) {
	return (v: T, ctx: z.RefinementCtx) => {
		const a = v[from] as unknown as string | null;
		const b = v[to] as unknown as string | null;
		if (a && b && isPartialDate(a) && isPartialDate(b) && endsBeforeStart({ from: a, to: b }))
			ctx.addIssue({ code: 'custom', path: [to as string], message: `${label} kan inte vara före startdatumet.` });
	};
}

/** A reference to another record by its id. */
export function optionalId(label: string) {
	return z.preprocess(
		(v) => (empty(v) === null ? null : typeof v === 'string' ? Number(v) : v),
		z
			.number({ error: `${label} måste väljas i listan.` })
			.int(`${label} måste väljas i listan.`)
			.positive(`${label} måste väljas i listan.`)
			.max(MAX_INTEGER, `${label} måste väljas i listan.`)
			.nullable()
			.default(null)
	);
}

export function requiredId(label: string) {
	return z.preprocess(
		(v) => (empty(v) === null ? undefined : typeof v === 'string' ? Number(v) : v),
		z
			.number({ error: `${label} måste väljas.` })
			.int(`${label} måste väljas.`)
			.positive(`${label} måste väljas.`)
			.max(MAX_INTEGER, `${label} måste väljas.`)
	);
}

/**
 * A checkbox: a form sends "on" or nothing, JSON true or false. Anything else is
 * refused rather than read as "no", so a typing error is not saved as a choice.
 */
export function checkbox(label: string) {
	return z.preprocess(
		(v) =>
			v === true || v === 'on' || v === 'true' || v === '1'
				? true
				: v === false || v === undefined || v === null || v === '' || v === 'false' || v === '0'
					? false
					: v,
		z.boolean({ error: `${label}: ange ja eller nej (true eller false).` })
	);
}

export function choice<const T extends readonly [string, ...string[]]>(label: string, values: T) {
	return z.enum(values, { error: `${label}: välj ett av alternativen.` });
}

export function count(label: string, { nullable = false } = {}) {
	const int = z
		.number({ error: `${label} måste vara ett heltal.` })
		.int(`${label} måste vara ett heltal.`)
		.min(0, `${label} kan inte vara negativt.`)
		.max(MAX_INTEGER, `${label} är för stort.`);
	return z.preprocess(
		(v) =>
			empty(v) === null || v === undefined
				? nullable
					? null
					: undefined
				: typeof v === 'string'
					? Number(v.replace(/[\s\u00a0]/g, ''))
					: v,
		nullable ? int.nullable() : int
	);
}

/** A calendar year, "2021". */
export function yearField(label: string) {
	return count(label)
		.refine((y) => y !== null && y >= 1900 && y <= 2200, `${label} ska vara ett årtal, till exempel 2021.`)
		.transform((y) => y as number);
}

/** The version a form or API client edited: a stale one is refused, never overwritten. */
export const versionField = z.preprocess(
	(v) => (typeof v === 'string' ? Number(v) : v),
	z
		.number({ error: 'Versionen saknas: ladda om sidan och försök igen.' })
		.int('Versionen saknas: ladda om sidan och försök igen.')
		.positive('Versionen saknas: ladda om sidan och försök igen.')
		.max(MAX_INTEGER, 'Versionen saknas: ladda om sidan och försök igen.')
);

/** "from" on or before "to", when both are given. */
export function periodInOrder<T>(from: keyof T, to: keyof T, label: string) {
	return (v: T, ctx: z.RefinementCtx) => {
		const a = v[from] as unknown as string | null;
		const b = v[to] as unknown as string | null;
		if (a && b && a > b) ctx.addIssue({ code: 'custom', path: [to as string], message: `${label} kan inte vara före startdatumet.` });
	};
}
