// Issue 22: the remiss page's "Koppla ett möte" offers the meetings around the
// remiss's dates, not every meeting ever held (at ten times the meetings the
// whole calendar made the page 6× slower); ?allaMoten offers them all.
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { freshDb } from './db.ts';
import type { Db } from '../../src/lib/server/db/client.ts';
import { loadDemo } from '../../src/lib/server/demo/load.ts';
import { remissEditorLists } from '../../src/lib/server/consultations/queries.ts';

let db: Db;
let remiss: { id: number; received_on: string; deadline: string };

beforeAll(async () => {
	({ db } = await freshDb());
	await loadDemo(db);
	// The demo's remisser are mostly known by their year only: give one the dates a new remiss has.
	const { rows } = await db.execute<typeof remiss>(
		sql`update consultation set received_on = '2020-09-01', deadline = '2020-11-30'
			where id = (select min(id) from consultation) returning id, received_on::text, deadline::text`
	);
	remiss = rows[0];
});

const meetingIds = async (where: string) =>
	(await db.execute<{ id: number }>(sql.raw(`select id from meeting where ${where} order by id`))).rows.map((r) => String(r.id)).sort();

describe('the meetings a remiss can be linked to', () => {
	it('are those from a month before it came in to half a year after its deadline', async () => {
		const lists = await remissEditorLists(db, '2021-06-01', remiss.id);
		const from = (await db.execute<{ d: string }>(sql`select (${remiss.received_on}::date - interval '1 month')::date::text as d`)).rows[0]
			.d;
		const to = (await db.execute<{ d: string }>(sql`select (${remiss.deadline}::date + interval '6 months')::date::text as d`)).rows[0].d;
		expect(lists.meetingWindow).toEqual({ from, to });
		const expected = await meetingIds(`starts_at >= '${from}'::date and starts_at < '${to}'::date + 1`);
		expect(lists.lists.meetings.map((m) => m.value).sort()).toEqual(expected);
		const all = await meetingIds('true');
		expect(expected.length).toBeLessThan(all.length);
	});

	it('are every meeting when asked for all of them', async () => {
		const lists = await remissEditorLists(db, '2021-06-01', remiss.id, true);
		expect(lists.meetingWindow).toBeNull();
		expect(lists.lists.meetings.map((m) => m.value).sort()).toEqual(await meetingIds('true'));
	});

	it('reach four months back from its deadline when the day it came in is unknown', async () => {
		await db.execute(sql`update consultation set received_on = null, deadline = '2020-12-12' where id = ${remiss.id}`);
		const lists = await remissEditorLists(db, '2021-06-01', remiss.id);
		expect(lists.meetingWindow).toEqual({ from: '2020-08-12', to: '2021-06-12' });
	});

	it('fall back to the year it was written when it has no dates', async () => {
		const { rows } = await db.execute<{ id: number }>(
			sql`update consultation set received_on = null, deadline = null, target_on = null, submitted_on = null, submitted_year = null,
				written_year = 2019 where id = ${remiss.id} returning id`
		);
		expect(rows).toHaveLength(1);
		const lists = await remissEditorLists(db, '2021-06-01', remiss.id);
		expect(lists.meetingWindow).toEqual({ from: '2018-12-01', to: '2020-06-30' });
	});

	it('are labelled with the day in Stockholm', async () => {
		const lists = await remissEditorLists(db, '2021-06-01', remiss.id, true);
		const { rows } = await db.execute<{ id: number; day: string }>(
			sql`select id, to_char(starts_at at time zone 'Europe/Stockholm', 'FMDD') as day from meeting order by starts_at limit 1`
		);
		const label = lists.lists.meetings.find((m) => m.value === String(rows[0].id))!.label;
		expect(label).toMatch(new RegExp(`^${rows[0].day} \\p{L}+ \\d{4} – `, 'u'));
	});
});
