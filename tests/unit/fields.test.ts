import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
	count,
	optionalDate,
	optionalEmail,
	optionalId,
	optionalText,
	requiredDate,
	requiredId,
	requiredText,
	versionField
} from '../../src/lib/schemas/fields.ts';
import { idList } from '../../src/lib/schemas/planning.ts';
import {
	bodyInput,
	endInput,
	membershipInput,
	municipalityInput,
	personInput,
	populationInput
} from '../../src/lib/schemas/organisation.ts';

/** field path → messages, for a failed parse */
function errors(schema: z.ZodType, input: unknown): Record<string, string[]> {
	const r = schema.safeParse(input);
	expect(r.success, `expected ${JSON.stringify(input)} to be refused`).toBe(false);
	const out: Record<string, string[]> = {};
	for (const i of r.error!.issues) (out[i.path.join('.') || '_'] ??= []).push(i.message);
	return out;
}

function ok<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
	const r = schema.safeParse(input);
	expect(r.success, `expected ${JSON.stringify(input)} to pass: ${JSON.stringify(r.error?.issues)}`).toBe(true);
	return r.data as z.infer<S>;
}

describe('field builders', () => {
	it('read an empty or blank optional field as null', () => {
		expect(ok(optionalText('Titel'), '')).toBeNull();
		expect(ok(optionalText('Titel'), '   ')).toBeNull();
		expect(ok(optionalText('Titel'), undefined)).toBeNull();
		expect(ok(optionalText('Titel'), '  Strateg ')).toBe('Strateg');
		expect(ok(optionalEmail('E-post'), '')).toBeNull();
		expect(ok(optionalDate('Från'), '')).toBeNull();
		expect(ok(optionalDate('Från'), undefined)).toBeNull();
		expect(ok(optionalId('Kommun'), '')).toBeNull();
		expect(ok(optionalId('Kommun'), '12')).toBe(12);
		expect(ok(count('Antal'), '1 234')).toBe(1234);
		expect(ok(count('Antal'), '507\u00a0552')).toBe(507552);
	});

	it('refuse a required field left empty, naming the field', () => {
		expect(errors(requiredText('Namn'), '  ')._).toEqual(['Namn måste fyllas i.']);
		expect(errors(requiredText('Namn'), undefined)._).toEqual(['Namn måste fyllas i.']);
		// the first message is the one a form shows (ValidationError.byField)
		expect(errors(requiredDate('Datum'), '')._[0]).toBe('Datum måste fyllas i.');
		expect(errors(requiredId('Person'), '')._[0]).toMatch(/^Person måste väljas/);
		expect(errors(count('Antal'), '')._[0]).toMatch(/^Antal/);
	});

	it('refuse too long text, naming the field and the limit', () => {
		expect(errors(requiredText('Kortnamn', 80), 'x'.repeat(81))._).toEqual(['Kortnamn får vara högst 80 tecken.']);
		expect(errors(optionalText('Telefon', 40), '1'.repeat(41))._).toEqual(['Telefon får vara högst 40 tecken.']);
	});

	it('refuse dates that do not exist or are not ISO, naming the field', () => {
		for (const bad of ['2021-02-30', '2021-02-29', '2021-13-01', '2021-04-31', '2021-00-10', '20210101', '1/2/2021', '2021-1-1', 'igår']) {
			expect(errors(optionalDate('Från'), bad)._, bad).toEqual(['Från måste vara ett datum som ÅÅÅÅ-MM-DD.']);
			expect(errors(requiredDate('Datum'), bad)._[0], bad).toMatch(/^Datum måste vara ett datum/);
		}
		expect(ok(requiredDate('Datum'), '2020-02-29')).toBe('2020-02-29');
		expect(ok(requiredDate('Datum'), ' 2021-03-12 ')).toBe('2021-03-12');
	});

	it('accept every real calendar date from 1900 to 2100 and nothing else (property)', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
				const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
				const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
				expect(optionalDate('Från').safeParse(iso).success).toBe(d <= daysInMonth && y >= 1900 && y <= 2100);
			}),
			{ numRuns: 1000 }
		);
		expect(errors(optionalDate('Från'), '0000-01-01')._).toEqual(['Från ska ligga mellan år 1900 och 2100.']);
	});

	it('refuse control characters, lone surrogates and (in a line) line breaks, naming the field', () => {
		expect(errors(requiredText('Namn'), 'Hud\u0001dinge')._).toEqual(['Namn innehåller ett styrtecken (U+0001) som inte kan sparas.']);
		expect(errors(requiredText('Namn'), 'Hud\u0000dinge')._).toEqual(['Namn innehåller ett styrtecken (U+0000) som inte kan sparas.']);
		expect(errors(requiredText('Namn'), 'Hud\ud800dinge')._).toEqual([
			'Namn innehåller ett ofullständigt tecken (U+D800) som inte kan sparas.'
		]);
		expect(errors(requiredText('Namn'), 'två\nrader')._).toEqual(['Namn får inte innehålla radbrytningar.']);
		expect(errors(optionalText('Text', 4000), 'två\u007frader')._).toEqual([
			'Text innehåller ett styrtecken (U+007F) som inte kan sparas.'
		]);
		expect(optionalText('Text', 4000).parse('två\r\nrader\tmed tabb')).toBe('två\r\nrader\tmed tabb');
		expect(requiredText('Rubrik').parse('Möte ✅ klart 😀')).toBe('Möte ✅ klart 😀');
	});

	it('keep any text of whole characters without controls (property)', () => {
		const safe = fc.string({ unit: 'grapheme', maxLength: 150 }).filter((s) => !/[\u0000-\u001f\u007f-\u009f\ufffe\uffff]/.test(s));
		fc.assert(
			fc.property(safe, (s) => {
				expect(optionalText('Text', 4000).safeParse(s).success).toBe(true);
			}),
			{ numRuns: 500 }
		);
	});

	it('refuse ids and counts that are not whole positive numbers', () => {
		expect(errors(optionalId('Kommun'), 'abc')._).toEqual(['Kommun måste väljas i listan.']);
		expect(errors(optionalId('Kommun'), '0')._).toEqual(['Kommun måste väljas i listan.']);
		expect(errors(optionalId('Kommun'), '1.5')._).toEqual(['Kommun måste väljas i listan.']);
		expect(errors(count('Folkmängd'), '-3')._).toEqual(['Folkmängd kan inte vara negativt.']);
		expect(errors(count('Folkmängd'), '12,5')._).toEqual(['Folkmängd måste vara ett heltal.']);
		expect(errors(optionalId('Kommun'), '2147483648')._).toEqual(['Kommun måste väljas i listan.']);
		expect(optionalId('Kommun').parse('2147483647')).toBe(2147483647);
		expect(errors(count('Folkmängd'), 2 ** 31)._).toEqual(['Folkmängd är för stort.']);
	});

	it('take a list of ids once each, and at most 500', () => {
		expect(idList('Kommuner').parse(['3', '1', '3', 1])).toEqual([3, 1]);
		expect(
			errors(
				idList('Kommuner'),
				Array.from({ length: 501 }, (_, i) => i + 1)
			)._
		).toEqual(['Kommuner: välj högst 500.']);
		expect(idList('Kommuner').parse(Array.from({ length: 5000 }, () => 7).slice(0, 500))).toEqual([7]);
	});

	it('ask for a reload when the edited version is missing', () => {
		expect(errors(versionField, undefined)._[0]).toMatch(/Versionen saknas/);
		expect(ok(versionField, '3')).toBe(3);
	});
});

const PARTIAL = (label: string) =>
	`${label} ska vara ett datum (ÅÅÅÅ-MM-DD), en månad (ÅÅÅÅ-MM eller ”mars 2021”), ett halvår (”våren 2021”, ”hösten 2021”) eller ett år (ÅÅÅÅ).`;

describe('organisation schemas', () => {
	it('turn the empty strings of a form post into null', () => {
		expect(
			ok(personInput, {
				name: ' Anna Andersson ',
				title: '',
				email: '  ',
				phone: '',
				employerMunicipalityId: '',
				employerOrganisationId: '',
				endedOn: ''
			})
		).toEqual({
			name: 'Anna Andersson',
			title: null,
			email: null,
			phone: null,
			employerMunicipalityId: null,
			employerOrganisationId: null,
			endedOn: null
		});
		expect(
			ok(municipalityInput, {
				code: ' 0127 ',
				name: 'Botkyrka',
				registrarEmail: '',
				invoiceReference: '',
				memberFrom: '',
				memberTo: ''
			})
		).toEqual({
			code: '0127',
			name: 'Botkyrka',
			registrarEmail: null,
			invoiceReference: null,
			memberFrom: null,
			memberTo: null
		});
		expect(
			ok(bodyInput, {
				kind: 'network',
				name: 'Planeringschefer',
				shortName: 'SUP-gruppen',
				parentId: '',
				replacesId: '',
				description: '',
				activeFrom: '',
				activeTo: ''
			})
		).toMatchObject({
			shortName: 'SUP-gruppen',
			parentId: null,
			activeFrom: null,
			activeTo: null
		});
	});

	it('read a known total and a missing figure (null) for a population', () => {
		expect(
			ok(populationInput, {
				municipalityId: '',
				date: '2020-12-31',
				population: '507 552',
				source: 'seed 000'
			})
		).toEqual({
			municipalityId: null,
			date: '2020-12-31',
			population: 507552,
			source: 'seed 000'
		});
		expect(
			ok(populationInput, {
				municipalityId: 3,
				date: '2020-12-31',
				population: null,
				source: 'MISSING'
			}).population
		).toBeNull();
		// an empty form field is a missing figure, not an error
		expect(ok(populationInput, { municipalityId: '1', date: '2020-12-31', population: '', source: 'MISSING' }).population).toBeNull();
		expect(ok(populationInput, { date: '2020-12-31', source: 'MISSING' }).population).toBeNull();
	});

	it('refuse an impossible date with a message naming the field', () => {
		expect(errors(personInput, { name: 'Anna', endedOn: '2021-02-30' })).toEqual({
			endedOn: ['Avslutad måste vara ett datum som ÅÅÅÅ-MM-DD.']
		});
		expect(
			errors(populationInput, {
				date: '2021-02-30',
				population: '1',
				source: 'x'
			})
		).toEqual({ date: ['Datum måste vara ett datum som ÅÅÅÅ-MM-DD.'] });
		expect(errors(endInput, { date: '2021-02-30' })).toEqual({
			date: ['Slutdatum måste vara ett datum som ÅÅÅÅ-MM-DD.']
		});
		expect(
			errors(membershipInput, {
				personId: '1',
				bodyId: '2',
				role: 'member',
				validTo: '2021-02-30'
			})
		).toEqual({ validTo: [PARTIAL('Till')] });
	});

	it('take a membership period as precisely as it is known, and refuse what is no date or ends before it starts', () => {
		const m = (validFrom: string, validTo: string) =>
			membershipInput.safeParse({ personId: '1', bodyId: '2', role: 'chair', validFrom, validTo });
		const ok = m('våren 2021', '2021');
		expect(ok.success && [ok.data.validFrom, ok.data.validTo]).toEqual(['2021-H1', '2021']);
		const day = m('12 mars 2021', '');
		expect(day.success && [day.data.validFrom, day.data.validTo]).toEqual(['2021-03-12', null]);
		expect(errors(membershipInput, { personId: '1', bodyId: '2', role: 'chair', validFrom: '2021-13' })).toEqual({
			validFrom: [PARTIAL('Från')]
		});
		expect(errors(membershipInput, { personId: '1', bodyId: '2', role: 'chair', validFrom: 'hösten 20x1' })).toEqual({
			validFrom: [PARTIAL('Från')]
		});
		expect(errors(membershipInput, { personId: '1', bodyId: '2', role: 'chair', validFrom: '2021-05-12', validTo: 'mars 2021' })).toEqual({
			validTo: ['Till kan inte vara före startdatumet.']
		});
	});

	it('name every wrong field of a municipality in Swedish', () => {
		const e = errors(municipalityInput, {
			code: '127',
			name: '',
			registrarEmail: 'inte-en-adress'
		});
		expect(e.code).toEqual(['Kommunkod ska vara fyra siffror, till exempel 0127.']);
		expect(e.name).toEqual(['Namn måste fyllas i.']);
		expect(e.registrarEmail[0]).toMatch(/^Registratorns e-post måste vara en giltig e-postadress/);
	});

	it('refuse a period that ends before it starts', () => {
		expect(
			errors(municipalityInput, {
				code: '0127',
				name: 'B',
				memberFrom: '2021-01-01',
				memberTo: '2020-12-31'
			})
		).toEqual({
			memberTo: ['Medlem till kan inte vara före startdatumet.']
		});
		expect(
			errors(membershipInput, {
				personId: '1',
				bodyId: '2',
				role: 'chair',
				validFrom: '2021-03-12',
				validTo: '2021-03-11'
			})
		).toEqual({
			validTo: ['Till kan inte vara före startdatumet.']
		});
		// the same day at both ends is a period of one day
		expect(
			ok(membershipInput, {
				personId: '1',
				bodyId: '2',
				role: 'chair',
				validFrom: '2021-03-12',
				validTo: '2021-03-12'
			}).validTo
		).toBe('2021-03-12');
	});

	it('refuse a membership that represents both a municipality and an organisation', () => {
		expect(
			errors(membershipInput, {
				personId: '1',
				bodyId: '2',
				role: 'member',
				representsMunicipalityId: '3',
				representsOrganisationId: '4'
			})
		).toEqual({
			representsOrganisationId: ['Företräder: välj antingen en kommun eller en organisation, inte båda.']
		});
		expect(
			ok(membershipInput, {
				personId: '1',
				bodyId: '2',
				role: 'member',
				representsMunicipalityId: '3',
				representsOrganisationId: ''
			})
		).toMatchObject({
			representsMunicipalityId: 3,
			representsOrganisationId: null
		});
		expect(
			ok(membershipInput, {
				personId: '1',
				bodyId: '2',
				role: 'member',
				representsMunicipalityId: '',
				representsOrganisationId: '4'
			})
		).toMatchObject({
			representsMunicipalityId: null,
			representsOrganisationId: 4
		});
	});

	it('refuse an unknown role or body kind and a missing person', () => {
		const e = errors(membershipInput, {
			personId: '',
			bodyId: '2',
			role: 'kung'
		});
		expect(e.personId[0]).toMatch(/^Person måste väljas/);
		expect(e.role).toEqual(['Roll: välj ett av alternativen.']);
		expect(errors(bodyInput, { kind: 'klubb', name: 'X' }).kind).toEqual(['Typ: välj ett av alternativen.']);
	});
});
