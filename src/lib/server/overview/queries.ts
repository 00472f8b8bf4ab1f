// "Min översikt", read in one query (one round trip): each part is a JSON
// column built by its own subquery, bounded here and sorted and classified by
// the core (core/overview.ts).
//
// "My bodies" are those where the account's person holds a role today, under
// the register's rule (membershipHeldOn): a role known only for 2021 holds in
// 2021 and no other year, and one whose period is not known at all holds on no
// day, so an old or undated role never puts a body's work on anyone's page.
// "My networks", whose activities the person follows up, are those bodies of
// kind network: the rule canFollowUp applies to a network member.
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { hasRole, type Actor } from '../actor.ts';
import { membershipHeldOn } from '../organisation/queries.ts';
import { LATE_DAYS, addDays, weekStart } from '../../core/governance.ts';
import { CONSULTATION_DAYS, overview, type OverviewSource } from '../../core/overview.ts';
import { stockholmToUtc } from '../../core/meetings.ts';

/** How many lines a part shows at most: the overview points to the hubs, it does not replace them. */
const SHOWN = 10;

export async function personalOverview(db: Db, actor: Actor, today: string) {
	const { rows } = await db.execute<Record<keyof OverviewSource, unknown>>(overviewQuery(actor, today));
	const r = rows[0] as unknown as OverviewSource;
	return overview(r, today);
}

/** A meeting's title: its own, else its bodies' names. */
const meetingTitle = (m: string) =>
	sql.raw(
		`coalesce(nullif(${m}.title, ''), (select string_agg(b.name, ', ' order by b.id) from meeting_body mb join body b on b.id = mb.body_id where mb.meeting_id = ${m}.id), 'Möte')`
	);

function overviewQuery(actor: Actor, today: string) {
	// No person: every personal part is empty (null matches nothing).
	const pid = actor.personId ?? null;
	const secretariat = hasRole(actor, 'editor');
	const year = Number(today.slice(0, 4));
	const lateFrom = addDays(today, -LATE_DAYS);
	const sunday = addDays(weekStart(today), 6);
	const until = addDays(today, CONSULTATION_DAYS);
	const todayStarts = stockholmToUtc(today, '00:00').toISOString();
	return sql`
		with mine as (
			select distinct b.id, b.name, b.short_name, b.kind
			from membership
			join body b on b.id = membership.body_id
			where membership.person_id = ${pid}::integer and ${membershipHeldOn(today)}
		)
		select
			(select json_build_object('id', p.id, 'name', p.name) from person p where p.id = ${pid}::integer) as person,
			(select coalesce(json_agg(json_build_object('id', b.id, 'name', b.name, 'kind', b.kind) order by b.name), '[]'::json)
				from mine b) as bodies,
			(select coalesce(json_agg(json_build_object(
					'id', t.id, 'title', t.title, 'dueOn', t.due_on, 'doneOn', t.done_on, 'doneUndated', t.done_undated,
					'owner', coalesce(ob.name, op.name, d.owner_text)
				) order by t.due_on, t.id), '[]'::json)
				from task t
				left join duty d on d.id = t.duty_id
				left join body ob on ob.id = d.owner_body_id
				left join person op on op.id = d.owner_person_id
				where t.done_on is null and not t.done_undated
					and t.due_on between ${lateFrom}::date and ${sunday}::date
					and (${secretariat}::boolean or d.owner_person_id = ${pid}::integer or d.owner_body_id in (select id from mine))
			) as tasks,
			(select coalesce(json_agg(json_build_object(
					'id', a.id, 'title', a.title, 'timing', a.timing, 'status', a.status, 'year', pl.year,
					'lastFollowUp', (select max(f.date) from follow_up f where f.activity_id = a.id),
					'bodies', coalesce((select json_agg(distinct coalesce(b.short_name, b.name))
						from activity_responsible r join mine b on b.id = r.body_id and b.kind = 'network'
						where r.activity_id = a.id), '[]'::json)
				) order by a.position, a.id), '[]'::json)
				from activity a
				join plan pl on pl.id = a.plan_id
				where pl.year = ${year}
					and a.status not in ('done', 'cancelled')
					and exists (select 1 from activity_responsible r
						where r.activity_id = a.id
							and (r.person_id = ${pid}::integer or r.body_id in (select id from mine where kind = 'network')))
			) as activities,
			(select coalesce(json_agg(json_build_object(
					'id', c.id, 'title', c.title, 'deadline', c.deadline, 'status', c.status,
					'drafter', exists (select 1 from consultation_drafter cd where cd.consultation_id = c.id and cd.person_id = ${pid}::integer),
					'body', (select coalesce(b.short_name, b.name) from mine b where b.id = c.working_group_id)
				) order by c.deadline, c.id), '[]'::json)
				from consultation c
				where c.status in ('watched', 'drafting')
					and c.deadline between ${today}::date and ${until}::date
					and (c.working_group_id in (select id from mine)
						or exists (select 1 from consultation_drafter cd where cd.consultation_id = c.id and cd.person_id = ${pid}::integer))
			) as consultations,
			(select coalesce(json_agg(json_build_object(
					'id', m.id, 'title', ${meetingTitle('m')}, 'startsAt', m.starts_at, 'noticeSentAt', m.notice_sent_at,
					'bodies', (select json_agg(coalesce(b.short_name, b.name) order by b.id) from meeting_body mb join body b on b.id = mb.body_id where mb.meeting_id = m.id)
				) order by m.starts_at, m.id), '[]'::json)
				from (select * from meeting m
					where m.status = 'planned' and m.starts_at >= ${todayStarts}::timestamptz
						and m.id in (select mb.meeting_id from meeting_body mb where mb.body_id in (select id from mine))
					order by m.starts_at, m.id limit ${SHOWN}) m
			) as meetings,
			(select coalesce(json_agg(json_build_object(
					'meetingId', m.id, 'title', ${meetingTitle('m')}, 'startsAt', m.starts_at,
					'as', array_remove(array[
						case when mi.secretary_person_id = ${pid}::integer and mi.secretary_approved_at is null then 'secretary' end,
						case when mi.adjuster_person_id = ${pid}::integer and mi.adjuster_approved_at is null then 'adjuster' end
					], null)
				) order by m.starts_at), '[]'::json)
				from minutes mi
				join meeting m on m.id = mi.meeting_id
				where mi.status = 'draft' and m.status <> 'cancelled'
					and mi.version = (select max(x.version) from minutes x where x.meeting_id = mi.meeting_id)
					and ((mi.secretary_person_id = ${pid}::integer and mi.secretary_approved_at is null)
						or (mi.adjuster_person_id = ${pid}::integer and mi.adjuster_approved_at is null))
			) as minutes,
			(select coalesce(json_agg(json_build_object(
					'id', ai.id, 'meetingId', ai.meeting_id, 'meetingTitle', ${meetingTitle('m')}, 'text', ai.text, 'dueOn', ai.due_on,
					'personal', ai.responsible_person_id is not distinct from ${pid}::integer
				) order by ai.due_on nulls last, ai.id), '[]'::json)
				from action_item ai
				join meeting m on m.id = ai.meeting_id
				where ai.closed_on is null and ai.closed_at_meeting_id is null
					and (ai.responsible_person_id = ${pid}::integer
						or (ai.responsible_person_id is null
							and exists (select 1 from meeting_body mb join mine b on b.id = mb.body_id
								where mb.meeting_id = ai.meeting_id
									and (ai.responsible_text is null or lower(ai.responsible_text) in (lower(b.name), lower(b.short_name))))))
			) as "actionItems",
			case when ${secretariat}::boolean then (
				select json_build_object(
					'total', (select count(*) from outbox where status in ('pending', 'failed')),
					'items', coalesce(json_agg(json_build_object(
						'id', o.id, 'kind', o.kind, 'recipient', coalesce(o.recipient_name, o.recipient), 'subject', o.subject,
						'status', o.status, 'createdAt', o.created_at
					) order by o.created_at, o.id), '[]'::json))
				from (select * from outbox where status in ('pending', 'failed') order by created_at, id limit ${SHOWN}) o
			) end as mail,
			case when ${secretariat}::boolean then (
				select json_build_object(
					'total', count(*),
					'done', count(*) filter (where t.done_on is not null or t.done_undated),
					'late', count(*) filter (where t.done_on is null and not t.done_undated and t.due_on < ${today}::date and t.due_on >= ${lateFrom}::date),
					'next', coalesce((select json_agg(json_build_object('id', n.id, 'title', n.title, 'dueOn', n.due_on) order by n.due_on, n.id)
						from (select id, title, due_on from task
							where kind = 'duty' and year = ${year} and done_on is null and not done_undated and due_on > ${sunday}::date
							order by due_on, id limit 3) n), '[]'::json))
				from task t where t.kind = 'duty' and t.year = ${year}
			) end as duties
	`;
}
