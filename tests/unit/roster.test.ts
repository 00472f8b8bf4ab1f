import { describe, expect, it } from 'vitest';
import { latestRoster } from '../../src/lib/core/roster.ts';

const role = (personKey: string, role: string, validFrom: string | null, validTo: string | null) => ({
	personKey,
	role,
	validFrom,
	validTo
});
const carried = (roles: ReturnType<typeof role>[]) =>
	latestRoster(roles)
		.map((c) => `${c.from.personKey} ${c.from.role} ${c.year}`)
		.sort();

describe('the latest known roster of a body', () => {
	it('takes each role from the latest year the data knows it, held on that year’s last day', () => {
		const roles = [
			role('a', 'member', '2020', '2020'),
			role('b', 'member', '2020', '2020'),
			role('c', 'member', '2018', '2018'),
			// Chair until 12 March 2021, then another chair: only the one at the year's end is carried.
			role('d', 'chair', '2020', '2021-03-12'),
			role('b', 'chair', '2021-03-12', '2021'),
			role('e', 'vice_chair', '2021', '2021')
		];
		expect(carried(roles)).toEqual(['a member 2020', 'b chair 2021', 'e vice_chair 2021']);
	});

	it('never carries a guest, an undated role or the holder of a role that is still open', () => {
		const roles = [
			role('g', 'guest', '2020-11-20', '2020-11-20'),
			role('u', 'member', null, null),
			role('o', 'member', '2019', null),
			role('o', 'chair', '2020', '2020'),
			role('m', 'member', '2020', '2020')
		];
		expect(carried(roles)).toEqual(['m member 2020']);
	});

	it('carries nothing from nothing', () => {
		expect(latestRoster([])).toEqual([]);
	});
});
