// The public start page's content on a real database over the demo data: the
// programme in force on the day, only adopted documents, only joint responses
// that were sent, and only meetings and approved minutes of the bodies whose
// meetings are public.
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { freshDb } from './db.ts';
import type { Db } from '../../src/lib/server/db/client.ts';
import { loadDemo } from '../../src/lib/server/demo/load.ts';
import { publicFront } from '../../src/lib/server/public/front.ts';

let db: Db;

beforeAll(async () => {
	({ db } = await freshDb());
	await loadDemo(db);
});

const rows = async <T>(q: ReturnType<typeof sql>) => (await db.execute(q)).rows as T[];

describe('the public start page', () => {
	it('shows the programme in force on the day, with its areas and focus areas', async () => {
		const in2021 = await publicFront(db, '2021-06-01');
		expect(in2021.programme?.name).toBe('Södertörns utvecklingsprogram 2035');
		expect(in2021.programme?.vision).toMatch(/^Södertörn driver Stockholmsregionen/);
		const areas = in2021.programme!.areas;
		expect(areas.map((a) => a.name)).toEqual(['Regionala utvecklingsfrågor', 'Internt samarbete']);
		expect(areas[0].focusAreas.map((f) => f.name)).toEqual(['Infrastruktur', 'Utbildning', 'Näringsliv']);
		// 2016 lies in the older programme's years; after the last one the newest stands.
		expect((await publicFront(db, '2016-06-01')).programme?.name).toBe('Södertörns UtvecklingsProgram 2013');
		expect((await publicFront(db, '2026-06-01')).programme?.name).toBe('Södertörns utvecklingsprogram 2035');
	});

	it('shows every municipality on one date, the latest on which all have a figure, summing to that date’s total', async () => {
		const front = await publicFront(db, '2026-06-01');
		expect(new Set(front.municipalities.map((m) => m.latestPopulationDate))).toEqual(new Set(['2019-12-31']));
		// 31 December 2019: 503 200 (Verksamhetsplan 2020, 8 Budget); later years lack six municipal figures.
		expect(front.municipalities.reduce((s, m) => s + (m.latestPopulation ?? 0), 0)).toBe(503_200);
	});

	it('lists only adopted documents, and the joint responses that were sent, newest first', async () => {
		// A remiss still being drafted, newer than every sent one, stays off the public page.
		const [draft] = await rows<{ id: number }>(
			sql`insert into consultation (title, received_on, deadline, status) values ('Utkast som inte är skickat', '2022-05-01', '2022-05-30', 'drafting') returning id`
		);
		const front = await publicFront(db, '2022-06-01');
		const adoptedPlans = await rows<{ year: number }>(sql`select year from plan where status = 'adopted'`);
		const editions = await rows<{ kind: string; year: number }>(sql`select kind, year from report_edition`);
		for (const d of front.documents) {
			const adopted =
				d.kind === 'plan' ? adoptedPlans.some((p) => p.year === d.year) : editions.some((e) => e.kind === 'annual' && e.year === d.year);
			expect(adopted, `${d.kind} ${d.year}`).toBe(true);
		}
		expect(front.documents.some((d) => d.kind === 'plan')).toBe(true);

		const joint = await rows<{ id: number }>(sql`select id from consultation where answer_jointly = 'yes' and status = 'answered'`);
		expect(front.responses.length).toBe(Math.min(5, joint.length));
		for (const r of front.responses) expect(joint.map((j) => j.id)).toContain(r.id);
		expect(front.responses.map((r) => r.id)).not.toContain(draft.id);
		expect(front.priorities.map((p) => p.name)).toContain('Tvärförbindelse Södertörn');
	});

	it('shows coming meetings and approved minutes only of bodies whose meetings are public', async () => {
		const today = '2020-09-01';
		const front = await publicFront(db, today);
		const publicMeetings = await rows<{ id: number; status: string | null }>(sql`
			select m.id, (select status from minutes where meeting_id = m.id order by version desc limit 1) as status
			from meeting m
			where exists (select 1 from meeting_body mb join body_rules br on br.body_id = mb.body_id where mb.meeting_id = m.id and br.public_meetings)`);
		const isPublic = (id: number) => publicMeetings.some((m) => m.id === id);
		expect(front.comingMeetings.length).toBeGreaterThan(0);
		for (const m of front.comingMeetings) {
			expect(isPublic(m.id), m.title).toBe(true);
			expect(new Date(m.startsAt).toISOString() >= today).toBe(true);
			expect(m.title).not.toBe('');
		}
		const later = await publicFront(db, '2023-01-01');
		expect(later.approvedMinutes.length).toBeGreaterThan(0);
		const approved = publicMeetings.filter((m) => m.status === 'adjusted' || m.status === 'distributed');
		expect(later.approvedMinutes.length).toBe(Math.min(5, approved.length));
		const starts = later.approvedMinutes.map((m) => new Date(m.startsAt).getTime());
		expect(starts).toEqual([...starts].sort((a, b) => b - a)); // the newest first
		for (const m of later.approvedMinutes) {
			expect(['adjusted', 'distributed']).toContain(publicMeetings.find((p) => p.id === m.id)?.status);
		}
		// Minutes not yet approved are not listed.
		const drafts = publicMeetings.filter((m) => m.status === 'draft').map((m) => m.id);
		expect(later.approvedMinutes.filter((m) => drafts.includes(m.id))).toEqual([]);
	});
});
