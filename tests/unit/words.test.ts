import { describe, expect, it } from 'vitest';
import { count, listInWords, noun, nounFor } from '../../src/lib/core/words.ts';

const KONTO = noun('konto', 'konton');
const PERSON_SOM_MATCHAR = noun('person som matchar', 'personer som matchar');
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('count', () => {
	it('takes the singular after one and the plural after every other count', () => {
		expect(count(1, KONTO)).toBe('1 konto');
		expect(count(2, KONTO)).toBe('2 konton');
		expect(count(0, KONTO)).toBe('0 konton');
		expect(count(1, PERSON_SOM_MATCHAR)).toBe('1 person som matchar');
		expect(count(5, PERSON_SOM_MATCHAR)).toBe('5 personer som matchar');
		expect(count(-1, KONTO)).toBe('-1 konto'.replace('-', '\u2212'));
	});

	it('writes large counts in Swedish digit groups', () => {
		expect(plain(count(1200, KONTO))).toBe('1 200 konton');
	});

	it('treats a fraction as plural ("1,5 timmar")', () => {
		expect(nounFor(1.5, noun('timme', 'timmar'))).toBe('timmar');
	});
});

describe('listInWords', () => {
	it('joins names as Swedish prose', () => {
		expect(listInWords([])).toBe('');
		expect(listInWords(['Anna'])).toBe('Anna');
		expect(listInWords(['Anna', 'Bo'])).toBe('Anna och Bo');
		expect(listInWords(['Anna', 'Bo', 'Cecilia'])).toBe('Anna, Bo och Cecilia');
	});
});
