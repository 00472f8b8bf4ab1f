import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { consultationYears, daysBetween, daysLabel, dueState, isOpen } from '../../src/lib/core/consultations.ts';
import { costPerParticipant, externalParticipants, yearSpan } from '../../src/lib/core/projects.ts';
import { consultationInput } from '../../src/lib/schemas/consultations.ts';
import { eventInput, externalMeetingInput, projectInput } from '../../src/lib/schemas/projects.ts';

const issues = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
	Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));

describe('the years a remiss counts in', () => {
	it('counts Inriktningsunderlaget in 2020, when it was written, and 2021, when it was sent', () => {
		expect(consultationYears({ receivedOn: null, writtenYear: 2020, submittedYear: 2021 })).toEqual([2020, 2021]);
	});
	it('counts a response once when written and sent the same year', () => {
		expect(consultationYears({ receivedOn: '2020-11-02', writtenYear: 2020, submittedYear: 2020 })).toEqual([2020]);
	});
	it('falls back on the year it was received, and on nothing', () => {
		expect(consultationYears({ receivedOn: '2026-11-02', writtenYear: null, submittedYear: null })).toEqual([2026]);
		expect(consultationYears({ receivedOn: null, writtenYear: null, submittedYear: null })).toEqual([]);
	});
	it('always includes both known years, sorted, without repeats', () => {
		fc.assert(
			fc.property(fc.option(fc.integer({ min: 2000, max: 2100 })), fc.option(fc.integer({ min: 2000, max: 2100 })), (w, s) => {
				const years = consultationYears({ receivedOn: '1999-01-01', writtenYear: w, submittedYear: s });
				if (w !== null) expect(years).toContain(w);
				if (s !== null) expect(years).toContain(s);
				expect([...years].sort((a, b) => a - b)).toEqual(years);
				expect(new Set(years).size).toBe(years.length);
			})
		);
	});
});

describe('how close a remiss is to its date', () => {
	const open = { status: 'drafting' as const, targetOn: null };
	it('warns within 30 days and calls a passed deadline late', () => {
		expect(dueState({ ...open, deadline: '2026-12-20' }, '2026-12-05')).toMatchObject({ state: 'due-soon', days: 15, isTarget: false });
		expect(dueState({ ...open, deadline: '2027-01-04' }, '2026-12-05')).toMatchObject({ state: 'due-soon', days: 30 });
		expect(dueState({ ...open, deadline: '2027-01-05' }, '2026-12-05')).toMatchObject({ state: 'later', days: 31 });
		expect(dueState({ ...open, deadline: '2026-12-04' }, '2026-12-05')).toMatchObject({ state: 'late', days: -1 });
	});
	it('never calls a passed own target late (the E4/E20 chair’s target of 12 December 2020)', () => {
		const e4 = { status: 'drafting' as const, deadline: null, targetOn: '2020-12-12' };
		expect(dueState(e4, '2020-12-14')).toMatchObject({ state: 'later', isTarget: true, days: -2 });
		expect(dueState(e4, '2020-12-01')).toMatchObject({ state: 'due-soon', isTarget: true });
		expect(dueState({ ...e4, status: 'answered' }, '2020-12-14').state).toBe('done');
	});
	it('has nothing to warn about without a date or once answered or declined', () => {
		expect(dueState({ ...open, deadline: null }, '2026-12-05').state).toBe('none');
		expect(dueState({ status: 'declined', deadline: '2026-12-01', targetOn: null }, '2026-12-05').state).toBe('done');
		expect(isOpen('watched') && isOpen('drafting') && !isOpen('answered') && !isOpen('declined')).toBe(true);
	});
	it('counts days across months and leap years', () => {
		expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
		expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
		expect(daysLabel(0)).toBe('i dag');
		expect(daysLabel(1)).toBe('i morgon');
		expect(daysLabel(-3)).toBe('för 3 dagar sedan');
	});
});

describe('the consultation input', () => {
	it('refuses a deadline before the received date, naming the field', () => {
		expect(issues(consultationInput.safeParse({ title: 'X', receivedOn: '2026-03-10', deadline: '2026-03-01' }))).toEqual({
			deadline: 'Sista svarsdag kan inte vara före datumet då remissen kom in.'
		});
	});
	it('takes the written and submitted years from their dates', () => {
		const v = consultationInput.parse({ title: 'X', writtenOn: '2020-11-20', submittedOn: '2021-01-29', responseText: 'Svar' });
		expect([v.writtenYear, v.submittedYear]).toEqual([2020, 2021]);
		// a date decides its year: a changed date with the year read before follows the date
		expect(
			consultationInput.parse({ title: 'X', submittedOn: '2021-01-29', submittedYear: 2020, responseText: 'Svar' }).submittedYear
		).toBe(2021);
		expect(
			consultationInput.parse({ title: 'X', submittedYear: 2022, submittedNote: 'februari 2022', responseText: 'Svar' }).submittedYear
		).toBe(2022);
	});
	it('needs a reason not to answer jointly, and a submission for an answered remiss', () => {
		expect(issues(consultationInput.safeParse({ title: 'X', answerJointly: 'no', status: 'answered' }))).toEqual({
			notJointReason: 'Skriv varför samarbetet inte svarar gemensamt.',
			submittedOn: 'En besvarad remiss behöver datumet då svaret skickades.'
		});
	});
});

describe('events and projects', () => {
	it('splits participants and divides a cost among them in whole öre', () => {
		expect(externalParticipants(171, 124)).toBe(47);
		expect(externalParticipants(55, null)).toBeNull();
		expect(costPerParticipant(85_651_00, 171)).toBe(50_088);
		expect(costPerParticipant(1000, 0)).toBeNull();
		expect(yearSpan(2020, 2020)).toBe('2020');
		expect(yearSpan(2021, 2022)).toBe('2021–2022');
		expect(yearSpan(2021, null)).toBe('från 2021');
	});
	it('refuses fewer participants in all than from the municipalities', () => {
		expect(issues(eventInput.safeParse({ name: 'X', participants: '40', participantsInternal: '55' }))).toEqual({
			participants: 'Deltagare totalt (40) kan inte vara färre än deltagarna från kommunerna (55).'
		});
		expect(eventInput.parse({ name: 'X', participants: '171', participantsInternal: '124', costCapPerParticipant: '1 600' })).toMatchObject(
			{
				participants: 171,
				costCapPerParticipant: 160_000
			}
		);
	});
	it('reads a budget typed in kronor, and refuses one that is not an amount', () => {
		expect(projectInput.parse({ name: 'X', budget: '250 000,50' }).budget).toBe(25_000_050);
		expect(issues(projectInput.safeParse({ name: 'X', budget: 'mycket' }))).toEqual({
			budget: 'Budget ska anges i kronor, till exempel 250 000.'
		});
	});
	it('needs a day or a month, half-year or year, and an organisation, for an external meeting', () => {
		const june = externalMeetingInput.safeParse({
			topic: 'Samtal',
			heldIn: 'juni 2018',
			heldText: 'vid flera tillfällen',
			organisationIds: ['3']
		});
		expect(june.success && june.data.heldIn).toBe('2018-06');
		expect(externalMeetingInput.safeParse({ topic: 'Samtal', heldText: 'någon gång', organisationIds: ['3'] }).success).toBe(false);
		expect(
			issues(externalMeetingInput.safeParse({ topic: 'Samtal', heldOn: '2018-06-01', heldIn: '2018-06', organisationIds: ['3'] }))
		).toEqual({ heldIn: 'Månad, halvår eller år (när dagen inte är känd): lämna tomt när datumet är ifyllt.' });
	});
});
