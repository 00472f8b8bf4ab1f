// "Min översikt": what a signed-in person has to do, gathered from the
// governance tasks, the action plan, the remisser, the meetings and the outbox.
// The query (server/overview/queries.ts) reads the candidates; this sorts them
// into the page's parts, says what is late, and orders each part.
// Pure: no I/O. Dates are ISO 'YYYY-MM-DD' strings, compared as strings.
import { addDays, taskState, weekStart } from './governance.ts';
import { dueDate, parseTiming, timingLabel, type ActivityStatus } from './planning.ts';

/** How far ahead a remiss's deadline puts it on the overview. */
export const CONSULTATION_DAYS = 30;

export interface OverviewTask {
	id: number;
	title: string;
	dueOn: string;
	doneOn: string | null;
	doneUndated: boolean;
	owner: string | null;
}

export interface OverviewActivity {
	id: number;
	title: string;
	timing: string | null;
	status: ActivityStatus;
	year: number;
	lastFollowUp: string | null;
	/** The bodies of the person's that answer for it; empty when the person is named alone. */
	bodies: string[];
}

export interface OverviewConsultation {
	id: number;
	title: string;
	deadline: string | null;
	status: string;
	drafter: boolean;
	body: string | null;
}

export interface OverviewMeeting {
	id: number;
	title: string;
	startsAt: string;
	noticeSentAt: string | null;
	bodies: string[];
}

export interface OverviewMinutes {
	meetingId: number;
	title: string;
	startsAt: string;
	as: ('secretary' | 'adjuster')[];
}

export interface OverviewActionItem {
	id: number;
	meetingId: number;
	meetingTitle: string;
	text: string;
	dueOn: string | null;
	/** Assigned to the person by name; else to one of their bodies. */
	personal: boolean;
}

export interface OverviewMail {
	id: number;
	kind: string;
	recipient: string;
	subject: string;
	status: 'pending' | 'failed';
	createdAt: string;
}

export interface OverviewDuties {
	total: number;
	done: number;
	late: number;
	next: { id: number; title: string; dueOn: string }[];
}

/** What the query reads: candidates, roughly bounded in SQL; sorted and classified by `overview`. */
export interface OverviewSource {
	person: { id: number; name: string } | null;
	bodies: { id: number; name: string; kind: string }[];
	tasks: OverviewTask[];
	activities: OverviewActivity[];
	consultations: OverviewConsultation[];
	meetings: OverviewMeeting[];
	minutes: OverviewMinutes[];
	actionItems: OverviewActionItem[];
	/** The secretariat only: mail not yet sent, the oldest first, and how many in all. */
	mail: { items: OverviewMail[]; total: number } | null;
	/** The secretariat only: this year's duties. */
	duties: OverviewDuties | null;
}

const byDue =
	<T>(due: (x: T) => string | null, tie: (x: T) => string) =>
	(a: T, b: T) => {
		const da = due(a);
		const db = due(b);
		if (da !== db) return da === null ? 1 : db === null ? -1 : da < db ? -1 : 1;
		return tie(a).localeCompare(tie(b), 'sv');
	};

/**
 * The page's parts on `today`: the open tasks that are late or due by Sunday;
 * the activities of this year's plan still open, with the date their timing
 * gives (late when past); the remisser whose deadline falls within 30 days; the
 * coming meetings; the minutes waiting for the person's approval; the open
 * action items, late ones marked; and, for the secretariat, the unsent mail and
 * the year's duties.
 */
export function overview(src: OverviewSource, today: string) {
	const sunday = addDays(weekStart(today), 6);
	const tasks = src.tasks
		.map((t) => ({ ...t, state: taskState(t, today) }))
		.filter((t) => t.state === 'late' || t.state === 'this_week')
		.sort(
			byDue(
				(t) => t.dueOn,
				(t) => t.title
			)
		)
		.map((t) => ({ id: t.id, title: t.title, dueOn: t.dueOn, owner: t.owner, late: t.state === 'late' }));

	const year = Number(today.slice(0, 4));
	const followUps = src.activities
		.filter((a) => a.year === year && a.status !== 'done' && a.status !== 'cancelled')
		.map((a) => {
			const timing = parseTiming(a.timing);
			const due = dueDate(timing, a.year);
			return {
				id: a.id,
				title: a.title,
				dueOn: due,
				timing: due ? null : timingLabel(timing) || null,
				late: due !== null && due < today,
				lastFollowUp: a.lastFollowUp,
				bodies: a.bodies
			};
		})
		.sort(
			byDue(
				(a) => a.dueOn,
				(a) => a.title
			)
		);

	const until = addDays(today, CONSULTATION_DAYS);
	const consultations = src.consultations
		.filter((c) => (c.status === 'watched' || c.status === 'drafting') && c.deadline !== null && c.deadline >= today && c.deadline <= until)
		.sort(
			byDue(
				(c) => c.deadline,
				(c) => c.title
			)
		);

	const meetings = [...src.meetings].sort((a, b) => (a.startsAt < b.startsAt ? -1 : a.startsAt > b.startsAt ? 1 : a.id - b.id));
	const minutes = [...src.minutes].sort((a, b) => (a.startsAt < b.startsAt ? -1 : a.startsAt > b.startsAt ? 1 : 0));
	const actionItems = src.actionItems
		.map((i) => ({ ...i, late: i.dueOn !== null && i.dueOn < today }))
		.sort(
			byDue(
				(i) => i.dueOn,
				(i) => i.text
			)
		);

	return {
		today,
		sunday,
		person: src.person,
		bodies: src.bodies,
		tasks,
		followUps,
		consultations,
		meetings,
		minutes,
		actionItems,
		mail: src.mail,
		duties: src.duties
	};
}

export type Overview = ReturnType<typeof overview>;

/** "1 uppföljning", "3 uppföljningar": a count with the word's singular or plural. */
export const counted = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
