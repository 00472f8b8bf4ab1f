// The year's cycle for ten years: the demo's recurring duties (read from
// demo/governance/governance.json) turned into dated tasks for ten years, both
// as the pure computation (core dutiesOf) and as the rows generateTasks writes,
// in a database of its own on the bench server's PostgreSQL (the application's
// data and response cache are untouched). Printed in milliseconds.
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { createDb } from '../src/lib/server/db/client.ts';
import { migrate } from '../src/lib/server/db/migrate.ts';
import { duty, task } from '../src/lib/server/db/schema/governance.ts';
import { generateTasks } from '../src/lib/server/governance/cycle.ts';
import { dutiesOf, type DutyRule } from '../src/lib/core/governance.ts';
import { ROOT } from './server.ts';

export const FIRST_YEAR = 2027;
export const YEARS = Array.from({ length: 10 }, (_, i) => FIRST_YEAR + i);
const RUNS = 5;

const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	const mid = Math.floor(s.length / 2);
	return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

export interface DutyFigures {
	duties: number;
	tasks: number;
	computeMs: number;
	generateMs: number[];
}

export async function benchDuties(serverUrl: string): Promise<DutyFigures> {
	const demo = JSON.parse(fs.readFileSync(path.join(ROOT, 'demo/governance/governance.json'), 'utf8')) as {
		duties: { title: string; rule: DutyRule; remindDaysBefore: number }[];
	};
	const compute: number[] = [];
	let computed = 0;
	for (let i = 0; i < 20; i++) {
		const t = performance.now();
		computed = dutiesOf(demo.duties, YEARS).length;
		compute.push(performance.now() - t);
	}

	const name = `bench_governance_${process.pid}`;
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	const admin = async (q: string) => {
		const c = new pg.Client({ connectionString: serverUrl });
		await c.connect();
		try {
			await c.query(q);
		} finally {
			await c.end();
		}
	};
	await admin(`drop database if exists ${name} with (force)`);
	await admin(`create database ${name}`);
	const db = createDb(url.toString(), 2);
	try {
		await migrate(db.$client);
		await db
			.insert(duty)
			.values(demo.duties.map((d) => ({ title: d.title, rule: d.rule, remindDaysBefore: d.remindDaysBefore, ownerText: 'Kansliet' })));
		const runs: number[] = [];
		let written = 0;
		for (let i = 0; i < RUNS + 1; i++) {
			await db.delete(task).where(sql`true`);
			const t = performance.now();
			written = await db.transaction((tx) => generateTasks(tx, YEARS));
			if (i > 0) runs.push(performance.now() - t);
		}
		if (written !== computed) throw new Error(`generateTasks wrote ${written} tasks, dutiesOf computed ${computed}`);
		return { duties: demo.duties.length, tasks: written, computeMs: median(compute), generateMs: runs };
	} finally {
		await db.$client.end();
		await admin(`drop database if exists ${name} with (force)`);
	}
}

export { median };
