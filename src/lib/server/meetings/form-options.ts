// The choices a meeting's forms offer: the people its attendance may name, and
// the activities an agenda item may concern.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import { activity, membership, person, plan, planArea, subGoal } from '../db/schema/index.ts';
import { swedish } from '../db/order.ts';
import { membershipHeldOn } from '../organisation/queries.ts';
import { preparedRows } from './prepared.ts';

/** The people a meeting's attendance may name: members of its bodies on its date first. */
export async function attendeeOptions(db: Db | Tx, bodyIds: number[], date: string) {
	const members = bodyIds.length
		? await db
				.selectDistinct({ id: person.id, name: person.name })
				.from(membership)
				.innerJoin(person, eq(person.id, membership.personId))
				.where(and(inArray(membership.bodyId, bodyIds), membershipHeldOn(date)))
		: [];
	const everyone = await db.select({ id: person.id, name: person.name }).from(person).orderBy(swedish(person.name));
	const memberIds = new Set(members.map((m) => m.id));
	return {
		members: everyone.filter((p) => memberIds.has(p.id)),
		others: everyone.filter((p) => !memberIds.has(p.id))
	};
}

/** Activities an agenda item can point to: those of the plans of the meeting's year and the year before. */
export async function activityOptions(db: Db | Tx, year: number) {
	return db
		.select({ id: activity.id, title: activity.title, year: plan.year, subGoal: subGoal.text, area: planArea.name })
		.from(activity)
		.innerJoin(plan, eq(plan.id, activity.planId))
		.leftJoin(subGoal, eq(subGoal.id, activity.subGoalId))
		.leftJoin(planArea, eq(planArea.id, activity.planAreaId))
		.where(inArray(plan.year, [year - 1, year, year + 1]))
		.orderBy(sql`${plan.year} desc`, swedish(activity.title));
}

/**
 * Everything a meeting page's editor forms choose from, read in one query from
 * the meeting's id: every person (the Swedish way; with title), those who were
 * members of its bodies on its Stockholm date, the activities of the plans of
 * its year and the years around it (as activityOptions), and the later meetings
 * of its bodies an item may be tabled to (not cancelled; each with its bodies'
 * names; body by body, in time order, as the calendar of each body lists them).
 */
export async function meetingFormOptions(db: Db | Tx, meetingId: number) {
	const rows = await preparedRows<{ lists: MeetingFormOptions | null }>(
		db,
		'meeting-form-options',
		sql`
		with m as (
			select id, starts_at, (starts_at at time zone 'Europe/Stockholm')::date as day from meeting where id = ${meetingId}
		),
		mb as (select body_id from meeting_body where meeting_id = ${meetingId})
		select json_build_object(
			'persons', (
				select json_agg(json_build_object('id', p.id, 'name', p.name, 'title', p.title) order by ${swedish(sql`p.name`)}, p.id)
				from person p
			),
			'memberIds', (
				select json_agg(distinct ${membership.personId}) from ${membership}
				where ${membership.bodyId} in (select body_id from mb) and ${membershipHeldOn(sql`(select day from m)`)}
			),
			'activities', (
				select json_agg(json_build_object('id', a.id, 'title', a.title, 'year', pl.year)
					order by pl.year desc, ${swedish(sql`a.title`)}, a.id)
				from activity a join plan pl on pl.id = a.plan_id
				where pl.year between extract(year from (select day from m))::int - 1 and extract(year from (select day from m))::int + 1
			),
			'laterMeetings', (
				select json_agg(json_build_object('id', l.id, 'startsAt', l.starts_at, 'bodies', l.bodies) order by l.first_body, l.starts_at, l.id)
				from (
					select lm.id, lm.starts_at,
						(select min(x.body_id) from meeting_body x where x.meeting_id = lm.id and x.body_id in (select body_id from mb)) as first_body,
						(select json_agg(coalesce(b.short_name, b.name) order by b.id) from meeting_body y join body b on b.id = y.body_id
							where y.meeting_id = lm.id) as bodies
					from meeting lm, m
					where lm.id in (select meeting_id from meeting_body where body_id in (select body_id from mb))
						and lm.id <> m.id and lm.starts_at > m.starts_at and lm.status <> 'cancelled'
				) l
			)
		) as lists
		from m
	`
	);
	const lists = rows[0]?.lists;
	return {
		persons: lists?.persons ?? [],
		memberIds: lists?.memberIds ?? [],
		activities: lists?.activities ?? [],
		laterMeetings: (lists?.laterMeetings ?? []).map((l) => ({ ...l, startsAt: new Date(l.startsAt) }))
	};
}
interface MeetingFormOptions {
	persons: { id: number; name: string; title: string | null }[] | null;
	memberIds: number[] | null;
	activities: { id: number; title: string; year: number }[] | null;
	laterMeetings: { id: number; startsAt: string; bodies: string[] }[] | null;
}
