// The meetings grown to ten times the demo's for the bench (issue 22: "at ten
// times the data, at most 2× the latency"), generated straight into the running
// server's database: for every meeting the demo has, nine more of the same
// bodies in earlier years, each with the demo meeting's number of agenda items
// (at least six) and attendance of the bodies' people. Plain SQL in one
// transaction, deterministic, then one audit_log row (its NOTIFY invalidates the
// response caches) and ANALYZE.
import pg from 'pg';

/** The database grows to this many times the demo's meetings. */
export const MEETING_FACTOR = 10;
const TABLES = ['meeting', 'meeting_body', 'agenda_item', 'attendance'] as const;

export interface GeneratedMeetings {
	ms: number;
	before: Record<(typeof TABLES)[number], number>;
	after: Record<(typeof TABLES)[number], number>;
}

async function counts(c: pg.ClientBase) {
	const { rows } = await c.query(`select ${TABLES.map((t) => `(select count(*) from ${t})::int as ${t}`).join(', ')}`);
	return rows[0] as GeneratedMeetings['before'];
}

export async function generateMeetings(url: string, factor = MEETING_FACTOR): Promise<GeneratedMeetings> {
	const c = new pg.Client({ connectionString: url });
	await c.connect();
	try {
		const before = await counts(c);
		const t0 = performance.now();
		await c.query('begin');
		// Copy k = 1 … factor − 1 of each demo meeting, k × 40 years earlier than the
		// original minus k weeks, so no copy lands on a day the demo uses.
		await c.query(
			`create temporary table copy on commit drop as
			 select m.id as original, k, nextval(pg_get_serial_sequence('meeting', 'id')) as id
			 from meeting m cross join generate_series(1, $1::int - 1) as k`,
			[factor]
		);
		await c.query(
			`insert into meeting (id, kind, title, starts_at, ends_at, place, format, status, source)
			 overriding system value
			 select copy.id, m.kind, m.title, m.starts_at - make_interval(years => 40 * copy.k, days => 7 * copy.k),
			        m.ends_at - make_interval(years => 40 * copy.k, days => 7 * copy.k), m.place, m.format,
			        case when m.status = 'cancelled' then 'cancelled' else 'held' end, 'bench'
			 from copy join meeting m on m.id = copy.original`
		);
		await c.query(
			`insert into meeting_body (meeting_id, body_id)
			 select copy.id, mb.body_id from copy join meeting_body mb on mb.meeting_id = copy.original`
		);
		await c.query(
			`insert into agenda_item (meeting_id, number, kind, title, presenter, minutes_text, source)
			 select copy.id, n, 'ordinary', 'Genererad punkt ' || n || ' om samverkan i regionen',
			        'Sekretariatet', 'Mötet diskuterade punkten och noterade informationen till protokollet.', 'bench'
			 from copy join lateral (
			   select greatest(6, (select count(*) from agenda_item a where a.meeting_id = copy.original))::int as items
			 ) size on true
			 cross join lateral generate_series(1, size.items) as n`
		);
		// Attendance: the people who hold a role in one of the meeting's bodies, at most 15.
		await c.query(
			`insert into attendance (meeting_id, person_id, status)
			 select copy.id, p.person_id, case when (copy.id + p.person_id) % 7 = 0 then 'absent' else 'present' end
			 from copy cross join lateral (
			   select distinct ms.person_id from membership ms
			   join meeting_body mb on mb.body_id = ms.body_id and mb.meeting_id = copy.original
			   order by ms.person_id limit 15
			 ) p`
		);
		await c.query(`insert into audit_log (actor, action, entity, after) values ('bench', 'bench-generate', 'bench', $1::jsonb)`, [
			JSON.stringify({ meetingFactor: factor })
		]);
		await c.query('commit');
		await c.query(`analyze ${TABLES.join(', ')}`);
		return { ms: performance.now() - t0, before, after: await counts(c) };
	} catch (e) {
		await c.query('rollback').catch(() => {});
		throw e;
	} finally {
		await c.end();
	}
}
