import { describe, expect, it } from 'vitest';
import { FRONT_TEXT, SITE_LANGUAGES, dateIn, languageOfPath, numberIn, timeIn } from '../../src/lib/core/site-language.ts';

describe('the public site in two languages', () => {
	it('is English at /en and under it, Swedish everywhere else', () => {
		expect(languageOfPath('/en')).toBe('en');
		expect(languageOfPath('/en/')).toBe('en');
		expect(languageOfPath('/')).toBe('sv');
		expect(languageOfPath('/english')).toBe('sv');
		expect(languageOfPath('/reports/annual/2021.html')).toBe('sv');
	});

	it('writes dates, times and numbers as each language does', () => {
		expect(dateIn('sv', '2022-02-09')).toBe('9 februari 2022');
		expect(dateIn('en', '2022-02-09')).toBe('9 February 2022');
		expect(dateIn('sv', null)).toBe('');
		// Stored in UTC, shown in Stockholm: 23:30 UTC on New Year's Eve is already the next year there.
		expect(timeIn('sv', '2021-12-31T23:30:00Z')).toBe('1 januari 2022 kl. 00:30');
		expect(timeIn('en', new Date('2021-06-30T22:15:00Z'))).toBe('1 July 2021 at 00:15');
		expect(numberIn('sv', 513445)).toBe('513\u00a0445');
		expect(numberIn('en', 513445)).toBe('513,445');
	});

	it('says when a body has no roles recorded for today, rather than a count of nought', () => {
		expect(FRONT_TEXT.sv.withRoles(0)).toBe('inga uppdrag registrerade för i dag');
		expect(FRONT_TEXT.sv.withRoles(3)).toBe('3 med uppdrag i dag');
		expect(FRONT_TEXT.en.withRoles(0)).toBe('no roles recorded for today');
		expect(FRONT_TEXT.en.withRoles(1)).toBe('1 person with a role today');
		expect(FRONT_TEXT.en.withRoles(2)).toBe('2 people with a role today');
	});

	it('has every front-page text in both languages', () => {
		const [sv, en] = SITE_LANGUAGES.map((l) => Object.keys(FRONT_TEXT[l]).sort());
		expect(en).toEqual(sv);
	});
});
