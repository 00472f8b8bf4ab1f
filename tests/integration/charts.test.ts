// The figures the charts draw, on the demo data: the fee per municipality over
// the years is what each year's fee page computes; a body's meetings and
// attendance per year are what its year page counts; the funds' balances are
// the opening balances recorded; the finance switcher has the current year.
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { freshDb } from './db.ts';
import type { Db } from '../../src/lib/server/db/client.ts';
import { loadDemo } from '../../src/lib/server/demo/load.ts';
import { feeBasis, feeHistoryOf, listFeeRules } from '../../src/lib/server/finance/fees.ts';
import { feeYears } from '../../src/lib/server/finance/fee-route.ts';
import { financeOverview } from '../../src/lib/server/finance/pages.ts';
import { bodyYear } from '../../src/lib/server/meetings/statistics.ts';
import { PUBLIC } from '../../src/lib/server/actor.ts';

let db: Db;

beforeAll(async () => {
	({ db } = await freshDb());
	await loadDemo(db);
});

describe('chart figures', () => {
	it('the fee per municipality over the years equals each year’s fee page', async () => {
		const rules = await listFeeRules(db);
		const years = (await feeYears(db, '2026-06-01')).filter((y) => y <= 2026);
		const history = await feeHistoryOf(db, rules, years);
		const historyYears = [...new Set(history.map((h) => h.year))];
		expect(historyYears.length).toBeGreaterThan(3);
		for (const year of historyYears) {
			const basis = await feeBasis(db, year);
			const fromPage = basis.municipalities.map((m) => [m.name, m.amount]);
			const fromChart = history.filter((h) => h.year === year).map((h) => [h.municipality, h.amount]);
			expect(fromChart, String(year)).toEqual(fromPage);
		}
		expect(history.some((h) => h.amount !== null && h.amount > 0)).toBe(true);
	});

	it('a body’s meetings and attendance per year are the year page’s own figures', async () => {
		const { rows } = await db.execute(
			sql`select mb.body_id as id from meeting_body mb join meeting m on m.id = mb.meeting_id where m.status = 'held' group by mb.body_id order by count(*) desc limit 1`
		);
		const bodyId = Number((rows[0] as { id: number }).id);
		const first = await bodyYear(db, PUBLIC, bodyId, 2021);
		expect(first.history.length).toBeGreaterThan(0);
		for (const h of first.history) {
			const year = await bodyYear(db, PUBLIC, bodyId, h.year);
			expect(h.held, String(h.year)).toBe(year.held);
			expect(h.attendance, String(h.year)).toBe(year.attendanceRate === null ? null : Math.round(year.attendanceRate * 1000) / 10);
		}
	});

	it('the funds’ balances are the recorded opening balances, and the current year is always offered', async () => {
		const o = await financeOverview(db, 2021, 2031);
		const { rows } = await db.execute(sql`select count(*)::int as n from opening_balance`);
		expect(o.balances).toHaveLength(Number((rows[0] as { n: number }).n));
		expect(o.balances.length).toBeGreaterThan(0);
		expect(o.years.map((y) => y.year)).toContain(2031);
		expect(o.years.map((y) => y.year)).toEqual([...o.years.map((y) => y.year)].sort((a, b) => b - a));
	});
});
