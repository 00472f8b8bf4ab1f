// What the public start page shows, in either language: the cooperation in
// figures, the programme in force with its vision and focus areas, the adopted
// documents, the priority objects, the latest joint responses, the coming
// meetings and the latest approved minutes of the bodies whose meetings are
// public, and the news. Read as the public, whoever asks.
//
// The whole page is one query (one round trip): each region is a JSON column
// built by its own subquery, under the same rules as the register's readers
// (listMunicipalities, populationOfLatestCompleteDate, listBodies,
// listPopulations, listNews, reportYears, listPriorityObjects, and
// listConsultations and listMeetings as the public); the integration tests hold
// the two to the same answers.
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { shiftDay, stockholmToUtc } from '../../core/meetings.ts';

const SHOWN = 5;

interface Municipality {
	id: number;
	code: string;
	name: string;
	latestPopulation: number | null;
	latestPopulationDate: string | null;
}
interface Body {
	id: number;
	kind: string;
	name: string;
	shortName: string | null;
	memberCount: number;
}
interface Area {
	id: number;
	name: string;
	purpose: string | null;
}
interface Focus {
	id: number;
	areaId: number | null;
	name: string;
	mainGoal: string | null;
}
interface MeetingJson {
	id: number;
	title: string;
	startsAt: string;
	bodies: string[];
}
type FrontRow = {
	municipalities: Municipality[];
	bodies: Body[];
	latest_total: { date: string; population: number | null } | null;
	news: { id: number; title: string; publishedOn: string; summary: string }[];
	programme: { id: number; name: string; vision: string | null; overallGoal: string | null; areas: Area[]; focus: Focus[] } | null;
	documents: { kind: 'annual' | 'plan'; year: number; decidedOn: string | null }[];
	priorities: { id: number; name: string }[];
	responses: { id: number; title: string; issuer: string | null; submittedOn: string | null; year: number | null }[];
	coming: MeetingJson[];
	approved: MeetingJson[];
};

/** A meeting's line: its own title, else its bodies' names ("Samarbetskommittén"); its bodies' short names. */
const meetingJson = (m: string) =>
	sql.raw(`json_build_object(
	'id', ${m}.id,
	'title', coalesce(nullif(${m}.title, ''), (select string_agg(b.name, ', ' order by b.id) from meeting_body mb join body b on b.id = mb.body_id where mb.meeting_id = ${m}.id), ''),
	'startsAt', ${m}.starts_at,
	'bodies', coalesce((select json_agg(coalesce(b.short_name, b.name) order by b.id) from meeting_body mb join body b on b.id = mb.body_id where mb.meeting_id = ${m}.id), '[]'::json))`);

/** The meetings the public may see: those of a body whose meetings are public. */
const publicMeeting = (m: string) =>
	sql.raw(`${m}.id in (select mb.meeting_id from meeting_body mb join body_rules br on br.body_id = mb.body_id where br.public_meetings)`);

export async function publicFront(db: Db, today: string) {
	const { rows } = await db.execute<FrontRow>(frontQuery(today));
	const f = rows[0];
	return {
		// Every card on one date: the latest on which all members have a figure.
		municipalities: f.municipalities,
		bodies: f.bodies.map((b) => ({ ...b, memberCount: Number(b.memberCount) })),
		latestTotal: f.latest_total,
		news: f.news,
		programme: f.programme && programmeWithAreas(f.programme),
		documents: f.documents,
		priorities: f.priorities,
		responses: f.responses,
		comingMeetings: f.coming.map(meetingLine),
		approvedMinutes: f.approved.map(meetingLine)
	};
}

function frontQuery(today: string) {
	const year = Number(today.slice(0, 4));
	const todayStarts = stockholmToUtc(today, '00:00').toISOString();
	const comingEnds = stockholmToUtc(shiftDay(shiftDay(today, 365), 1), '00:00').toISOString();
	return sql`
		with complete as (
			-- The latest date on which every member of that date has a figure.
			select p.date
			from population p
			where p.municipality_id is not null and p.population is not null
			group by p.date
			having count(distinct p.municipality_id) >= (
				select count(*) from municipality m
				where (m.member_from is null or m.member_from <= p.date) and (m.member_to is null or m.member_to >= p.date)
			)
			order by p.date desc
			limit 1
		),
		prog as (
			-- The programme whose years hold this one, else the newest.
			select id, name, vision, overall_goal
			from programme
			order by (coalesce(valid_from_year <= ${year}, true) and coalesce(valid_to_year >= ${year}, true)) desc,
				valid_from_year desc nulls last, id desc
			limit 1
		)
		select
			(select coalesce(json_agg(json_build_object(
					'id', m.id, 'code', m.code, 'name', m.name,
					'latestPopulation', (select p.population from population p join complete c on c.date = p.date where p.municipality_id = m.id),
					'latestPopulationDate', (select c.date from complete c)
				) order by m.name collate "sv-SE-x-icu"), '[]'::json)
				from municipality m) as municipalities,
			(select coalesce(json_agg(json_build_object(
					'id', b.id, 'kind', b.kind, 'name', b.name, 'shortName', b.short_name,
					'memberCount', (select count(*) from membership ms
						where ms.body_id = b.id
							and (ms.starts_on is null or ms.starts_on <= ${today}::date)
							and (ms.ends_on is null or ms.ends_on >= ${today}::date)
							and not (ms.starts_on is null and ms.ends_on is null))
				) order by b.kind, b.name collate "sv-SE-x-icu"), '[]'::json)
				from body b
				where (b.active_from is null or b.active_from <= ${today}::date) and (b.active_to is null or b.active_to >= ${today}::date)) as bodies,
			(select json_build_object('date', p.date, 'population', p.population)
				from population p where p.municipality_id is null order by p.date desc limit 1) as latest_total,
			(select coalesce(json_agg(json_build_object('id', n.id, 'title', n.title, 'publishedOn', n.published_on, 'summary', n.summary)
					order by n.published_on desc, n.id desc), '[]'::json)
				from (select * from news where published_on <= ${today}::date order by published_on desc, id desc limit 3) n) as news,
			(select json_build_object('id', p.id, 'name', p.name, 'vision', p.vision, 'overallGoal', p.overall_goal,
					'areas', coalesce((select json_agg(json_build_object('id', a.id, 'name', a.name, 'purpose', a.purpose) order by a.position, a.id)
						from programme_area a where a.programme_id = p.id), '[]'::json),
					'focus', coalesce((select json_agg(json_build_object('id', f.id, 'areaId', f.area_id, 'name', f.name, 'mainGoal', f.main_goal) order by f.position, f.id)
						from focus_area f where f.programme_id = p.id), '[]'::json))
				from prog p) as programme,
			(select coalesce(json_agg(json_build_object('kind', d.kind, 'year', d.year, 'decidedOn', d.decided_on) order by d.year desc, d.ord), '[]'::json)
				from (
					-- Per year, newest first: the adopted annual report, then the adopted plan.
					select * from (
						select 'annual' as kind, e.year, e.decided_on, 0 as ord from report_edition e where e.kind = 'annual'
						union all
						select 'plan', pl.year, coalesce(pe.decided_on, dc.decided_on), 1
						from plan pl
						left join decision dc on dc.id = pl.adopted_decision_id
						left join report_edition pe on pe.kind = 'plan' and pe.year = pl.year
						where pl.status = 'adopted'
					) all_documents
					order by year desc, ord
					limit 6
				) d) as documents,
			(select coalesce(json_agg(json_build_object('id', o.id, 'name', o.name) order by o.position, o.name collate "sv-SE-x-icu"), '[]'::json)
				from priority_object o where o.ended_on is null or o.ended_on > ${today}::date) as priorities,
			(select coalesce(json_agg(json_build_object('id', r.id, 'title', r.title, 'issuer', r.issuer, 'submittedOn', r.submitted_on, 'year', r.submitted_year)
					order by r.n), '[]'::json)
				from (
					-- The joint responses that were sent, the newest first: what the public sees of the register.
					select c.id, c.title, org.name as issuer, c.submitted_on, c.submitted_year,
						row_number() over (order by coalesce(c.submitted_on, c.deadline, c.target_on, c.received_on,
							make_date(coalesce(c.submitted_year, c.written_year, 1900), 12, 31)) desc, c.id desc) as n
					from consultation c
					left join organisation org on org.id = c.issuer_id
					where c.answer_jointly = 'yes' and c.status = 'answered'
					order by n
					limit ${SHOWN}
				) r) as responses,
			(select coalesce(json_agg(${meetingJson('m')} order by m.starts_at, m.id), '[]'::json)
				from (
					select * from meeting m
					where ${publicMeeting('m')}
						and m.starts_at >= ${todayStarts}::timestamptz and m.starts_at < ${comingEnds}::timestamptz
						and m.status <> 'cancelled'
					order by m.starts_at, m.id
					limit ${SHOWN}
				) m) as coming,
			(select coalesce(json_agg(${meetingJson('m')} order by m.starts_at desc, m.id desc), '[]'::json)
				from (
					select * from meeting m
					where ${publicMeeting('m')}
						and m.starts_at < ${todayStarts}::timestamptz
						and (select mi.status from minutes mi where mi.meeting_id = m.id order by mi.version desc limit 1) in ('adjusted', 'distributed')
					order by m.starts_at desc, m.id desc
					limit ${SHOWN}
				) m) as approved`;
}

const meetingLine = (m: MeetingJson) => ({ ...m, startsAt: new Date(m.startsAt) });

/** The programme's areas with their focus areas; focus areas of no area of its own last, under an unnamed one. */
function programmeWithAreas({ areas, focus, ...p }: NonNullable<FrontRow['programme']>) {
	const rows = areas.map((a) => ({ ...a, focusAreas: focus.filter((f) => f.areaId === a.id) }));
	const loose = focus.filter((f) => !areas.some((a) => a.id === f.areaId));
	if (loose.length) rows.push({ id: 0, name: '', purpose: null, focusAreas: loose });
	return { ...p, areas: rows };
}

export type PublicFront = Awaited<ReturnType<typeof publicFront>>;
