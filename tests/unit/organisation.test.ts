import { describe, expect, it } from 'vitest';
import { chairOn, coversDate, membersOn, populationOn } from '../../src/lib/core/organisation.ts';

const m = (role: string, personName: string, validFrom: string | null, validTo: string | null) => ({
	role,
	personName,
	validFrom,
	validTo
});

describe('periods', () => {
	it('treats an unknown end as open, and a period with no dates as unknown', () => {
		expect(coversDate({ validFrom: '2021-03-12', validTo: null }, '2022-01-01')).toBe(true);
		expect(coversDate({ validFrom: null, validTo: '2021-03-11' }, '2021-03-12')).toBe(false);
		expect(coversDate({ validFrom: null, validTo: null }, '2021-01-01')).toBe(false);
	});

	it('answers who chaired on a date', () => {
		const ms = [
			m('chair', 'Sundbom', '2020-01-01', '2021-03-11'),
			m('chair', 'Gyllestad', '2021-03-12', null),
			m('member', 'X', '2020-01-01', null)
		];
		expect(chairOn(ms, '2021-03-11')?.personName).toBe('Sundbom');
		expect(chairOn(ms, '2021-03-12')?.personName).toBe('Gyllestad');
		expect(chairOn(ms, '2019-12-31')).toBeUndefined();
		expect(membersOn(ms, '2021-06-01').map((x) => x.personName)).toEqual(['Gyllestad', 'X']);
	});
});

describe('population on a date', () => {
	it('sums complete municipal figures and shows a difference from a recorded total', () => {
		const figs = [
			{ municipalityId: 1, date: '2019-12-31', population: 100 },
			{ municipalityId: 2, date: '2019-12-31', population: 50 },
			{ municipalityId: null, date: '2019-12-31', population: 151 }
		];
		expect(populationOn(figs, [1, 2], '2019-12-31')).toMatchObject({ total: 150, missing: [], recordedTotal: 151, difference: -1 });
	});

	it('falls back to the recorded total and names the missing municipalities, never guessing', () => {
		const figs = [
			{ municipalityId: 1, date: '2020-12-31', population: 101 },
			{ municipalityId: 2, date: '2020-12-31', population: null },
			{ municipalityId: null, date: '2020-12-31', population: 160 }
		];
		expect(populationOn(figs, [1, 2], '2020-12-31')).toMatchObject({
			total: 160,
			sumOfMunicipalities: null,
			missing: [2],
			difference: null
		});
	});
});
