// Issue 23: the demo's records carried the transcriber's notes as their source
// ("seed 002", "clean/002:5–9", "organisation.json", "bodyKeys"), and those went
// to every page, document and API answer. After loading, no text in the
// database may carry such a trace: sources are citations in words.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from './db.ts';
import type { Db } from '../../src/lib/server/db/client.ts';
import { demoDir, loadDemo } from '../../src/lib/server/demo/load.ts';

let db: Db;
beforeAll(async () => {
	({ db } = await freshDb());
	await loadDemo(db);
}, 120_000);

const demo = demoDir();
const fileNames = fs
	.globSync('**/*', { cwd: demo })
	.filter((f) => fs.statSync(path.join(demo, f)).isFile())
	.map((f) => path.basename(f).replace(/\./g, '\\.'));
/** PostgreSQL regular expressions (ARE) for the traces; "seed" at all is the transcriber's word for a source document. */
const TRACES = [
	String.raw`\m[Ss]eeds?\M`,
	String.raw`\mclean/\d`,
	String.raw`\m\d{3}_[0-9a-f]{16}\.txt`,
	String.raw`\m\d{3}:\d+`,
	String.raw`\m(${fileNames.join('|')})\M`,
	String.raw`\m(bodyKeys?|carriedFromKey|guest (true|false)|status adjusted)\M`
];

describe('the demo data as loaded', () => {
	it('has no transcription trace in any text column of any table, and every source column reads as a citation', async () => {
		const columns = (
			await db.execute(sql`
				select table_name, column_name from information_schema.columns
				where table_schema = 'public' and data_type in ('text', 'character varying')
				order by table_name, column_name`)
		).rows as { table_name: string; column_name: string }[];
		const found: string[] = [];
		let sources = 0;
		for (const { table_name, column_name } of columns) {
			const col = sql.identifier(column_name);
			const rows = (await db.execute(sql`select ${col} as v from ${sql.identifier(table_name)} where ${col} ~ ${TRACES.join('|')} limit 3`))
				.rows as { v: string }[];
			for (const r of rows) found.push(`${table_name}.${column_name}: ${r.v.slice(0, 160)}`);
			if (column_name === 'source')
				sources += Number(
					((await db.execute(sql`select count(${col}) as n from ${sql.identifier(table_name)}`)).rows[0] as { n: string }).n
				);
		}
		expect(sources).toBeGreaterThan(500);
		expect(found).toEqual([]);
	});

	it('cites the population figures in Swedish, and a figure found only on a blog by the SCB figures it follows from', async () => {
		const rows = (
			await db.execute(sql`
				select m.name, p.date::text as date, p.population, p.source from population p join municipality m on m.id = p.municipality_id
				order by m.name, p.date`)
		).rows as { name: string; date: string; population: number | null; source: string }[];
		expect(rows.length).toBe(48);
		for (const r of rows) {
			expect(r.source, `${r.name} ${r.date}`).not.toMatch(/\b(via|also|from|figure|blog|https?:)\b|vuodatus|wiki\b/i);
			if (r.population === null) expect(r.source).toMatch(/^Uppgift saknas/);
			else expect(r.source).toMatch(/SCB/);
		}
		expect(rows.find((r) => r.name === 'Huddinge' && r.date === '2018-12-31')!.source).toBe(
			'Beräknad ur SCB: folkmängd 31 december 2019 minus folkökning 2019'
		);
	});
});
