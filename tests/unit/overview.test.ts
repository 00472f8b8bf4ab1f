import { describe, expect, it } from 'vitest';
import { counted, overview, type OverviewSource } from '../../src/lib/core/overview.ts';

const empty: OverviewSource = {
	person: null,
	bodies: [],
	tasks: [],
	activities: [],
	consultations: [],
	meetings: [],
	minutes: [],
	actionItems: [],
	mail: null,
	duties: null
};
// A Monday: the week runs to Sunday 13 December.
const today = '2026-12-07';

describe('overview', () => {
	it('keeps the open tasks that are late (within 90 days) or due by Sunday, oldest first, and marks the late', () => {
		const task = (id: number, dueOn: string, more = {}) => ({
			id,
			title: `T${id}`,
			dueOn,
			doneOn: null,
			doneUndated: false,
			owner: null,
			...more
		});
		const o = overview(
			{
				...empty,
				tasks: [
					task(1, '2026-12-13'),
					task(2, '2026-12-14'),
					task(3, '2026-12-01'),
					task(4, '2026-08-01'),
					task(5, '2026-12-08', { doneOn: '2026-12-07' }),
					task(6, '2026-12-07')
				]
			},
			today
		);
		expect(o.tasks.map((t) => [t.id, t.late])).toEqual([
			[3, true],
			[6, false],
			[1, false]
		]);
		expect(o.sunday).toBe('2026-12-13');
	});

	it('lists this year’s open activities by the date their timing gives, the undated last, late ones marked', () => {
		const act = (id: number, timing: string | null, status = 'ongoing', year = 2026) => ({
			id,
			title: `A${id}`,
			timing,
			status: status as 'ongoing',
			year,
			lastFollowUp: null,
			bodies: []
		});
		const o = overview(
			{
				...empty,
				activities: [
					act(1, 'Löpande'),
					act(2, 'Höst'),
					act(3, 'mars'),
					act(4, 'mars', 'done'),
					act(5, 'mars', 'cancelled'),
					act(6, 'mars', 'ongoing', 2025),
					act(7, null)
				]
			},
			today
		);
		expect(o.followUps.map((a) => [a.id, a.dueOn, a.timing, a.late])).toEqual([
			[3, '2026-03-31', null, true],
			[2, '2026-12-31', null, false],
			[1, null, 'Löpande', false],
			[7, null, null, false]
		]);
	});

	it('keeps the remisser being watched or drafted whose deadline is today or within 30 days', () => {
		const c = (id: number, deadline: string | null, status = 'drafting') => ({
			id,
			title: `R${id}`,
			deadline,
			status,
			drafter: true,
			body: null
		});
		const o = overview(
			{
				...empty,
				consultations: [
					c(1, '2027-01-06'),
					c(2, '2027-01-07'),
					c(3, '2026-12-07'),
					c(4, '2026-12-06'),
					c(5, '2026-12-20', 'answered'),
					c(6, null)
				]
			},
			today
		);
		expect(o.consultations.map((x) => x.id)).toEqual([3, 1]);
	});

	it('orders the action items by due date, the undated last, and marks the late', () => {
		const i = (id: number, dueOn: string | null) => ({ id, meetingId: 1, meetingTitle: 'M', text: `P${id}`, dueOn, personal: true });
		const o = overview({ ...empty, actionItems: [i(1, null), i(2, '2026-12-31'), i(3, '2026-11-30')] }, today);
		expect(o.actionItems.map((x) => [x.id, x.late])).toEqual([
			[3, true],
			[2, false],
			[1, false]
		]);
	});

	it('counts in Swedish with the singular for one', () => {
		expect(counted(1, 'uppgift', 'uppgifter')).toBe('1 uppgift');
		expect(counted(0, 'uppgift', 'uppgifter')).toBe('0 uppgifter');
		expect(counted(3, 'uppgift', 'uppgifter')).toBe('3 uppgifter');
	});
});
