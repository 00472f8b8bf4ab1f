import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminUrl, freshDb } from './db.ts';
import type { Db } from '../../src/lib/server/db/client.ts';
import { auditLog, body, cooperation, membership, municipality, person, population } from '../../src/lib/server/db/schema/index.ts';
import { MIGRATIONS_DIR, SchemaTooNewError, knownMigrations, migrate } from '../../src/lib/server/db/migrate.ts';
import { demoDir, loadDemo } from '../../src/lib/server/demo/load.ts';
import { chairOn, coversYear, populationOn } from '../../src/lib/core/organisation.ts';

// ---------------------------------------------------------------- migrations

/** Empty databases of this file's own (not from the template), dropped afterwards. */
const created: string[] = [];
const pools: pg.Pool[] = [];

async function admin(text: string) {
	const c = new pg.Client({ connectionString: adminUrl() });
	await c.connect();
	try {
		await c.query(text);
	} finally {
		await c.end();
	}
}

async function emptyDatabase(): Promise<pg.Pool> {
	const name = `m_${randomBytes(6).toString('hex')}`;
	await admin(`create database ${name}`);
	created.push(name);
	const url = new URL(adminUrl());
	url.pathname = `/${name}`;
	const pool = new pg.Pool({ connectionString: url.toString(), max: 4 });
	pool.on('error', () => {});
	pools.push(pool);
	return pool;
}

/** Another pool on the same database: another application instance. */
async function secondPool(pool: pg.Pool): Promise<pg.Pool> {
	const { rows } = await pool.query<{ db: string }>('select current_database() as db');
	const url = new URL(adminUrl());
	url.pathname = `/${rows[0].db}`;
	const other = new pg.Pool({ connectionString: url.toString(), max: 2 });
	other.on('error', () => {});
	pools.push(other);
	return other;
}

const tables = async (pool: pg.Pool) =>
	(
		await pool.query<{ t: string }>("select table_name as t from information_schema.tables where table_schema = 'public' order by 1")
	).rows.map((r) => r.t);

const tags = async (pool: pg.Pool) =>
	(await pool.query<{ tag: string }>('select tag from samverka_migration order by tag')).rows.map((r) => r.tag);

afterAll(async () => {
	for (const p of pools) await p.end().catch(() => {});
	for (const name of created) await admin(`drop database if exists ${name} with (force)`);
});

describe('migrate', () => {
	const all = knownMigrations().map((m) => m.tag);

	it('knows the committed migrations, in order', () => {
		expect(path.isAbsolute(MIGRATIONS_DIR)).toBe(true);
		expect(all.length).toBeGreaterThan(0);
		expect(all[0]).toBe('0000_foundation');
		expect([...all].sort()).toEqual(all);
	});

	it('applies every migration to an empty database, then nothing the second time', async () => {
		const pool = await emptyDatabase();
		expect(await migrate(pool)).toEqual(all);
		expect(await tags(pool)).toEqual([...all].sort());
		expect(await tables(pool)).toEqual(
			expect.arrayContaining(['account', 'audit_log', 'body', 'membership', 'municipality', 'population', 'session', 'samverka_migration'])
		);
		const before = await tables(pool);
		expect(await migrate(pool)).toEqual([]);
		expect(await migrate(pool)).toEqual([]);
		expect(await tables(pool)).toEqual(before);
	});

	let template: Db;
	beforeAll(async () => {
		({ db: template } = await freshDb());
	});

	it('is idempotent on a database made from the migrated template as well', async () => {
		expect(await migrate(template.$client)).toEqual([]);
	});

	it('applies the migrations once when two instances start together', async () => {
		const pool = await emptyDatabase();
		const other = await secondPool(pool);
		const results = await Promise.all([migrate(pool), migrate(other)]);
		expect(results.map((r) => r.length).sort()).toEqual([0, all.length]);
		expect(await tags(pool)).toEqual([...all].sort());
	});

	it('refuses a database with a newer schema, in Swedish, and changes nothing', async () => {
		const pool = await emptyDatabase();
		await migrate(pool);
		await pool.query("insert into samverka_migration (tag) values ('9999_from_the_future')");
		const err = await migrate(pool).catch((e) => e);
		expect(err).toBeInstanceOf(SchemaTooNewError);
		expect(err.message).toContain('9999_from_the_future');
		expect(err.message).toMatch(/nyare schema/);
		expect(err.message).toMatch(/Uppgradera Samverka/);
		expect(await tags(pool)).toEqual([...all, '9999_from_the_future'].sort());
	});

	it('applies everything in one transaction: a failing migration leaves no trace of the others', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverka-migrations-'));
		try {
			fs.mkdirSync(path.join(dir, 'meta'));
			const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8'));
			for (const e of journal.entries) fs.copyFileSync(path.join(MIGRATIONS_DIR, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
			const bad = '9000_broken';
			journal.entries.push({
				idx: journal.entries.length,
				version: '7',
				when: Date.now(),
				tag: bad,
				breakpoints: true
			});
			fs.writeFileSync(path.join(dir, 'meta/_journal.json'), JSON.stringify(journal));
			fs.writeFileSync(
				path.join(dir, `${bad}.sql`),
				'create table half_done (x int);\n--> statement-breakpoint\nselect * from no_such_table;\n'
			);

			const pool = await emptyDatabase();
			await expect(migrate(pool, dir)).rejects.toThrow(/no_such_table/);
			expect(await tables(pool)).toEqual([]);

			// the good migrations alone apply; then the broken one fails and leaves them as they were
			expect(await migrate(pool)).toEqual(all);
			await expect(migrate(pool, dir)).rejects.toThrow(/no_such_table/);
			expect(await tables(pool)).not.toContain('half_done');
			expect(await tags(pool)).toEqual([...all].sort());
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});
});

// ---------------------------------------------------------------- demo data

const CODES = {
	'0127': 'Botkyrka',
	'0136': 'Haninge',
	'0126': 'Huddinge',
	'0140': 'Nykvarn',
	'0192': 'Nynäshamn',
	'0128': 'Salem',
	'0181': 'Södertälje',
	'0138': 'Tyresö'
};

describe('the Södertörn demo data', () => {
	let db: Db;
	let summary: string;
	let ids: Map<string, number>; // code → id
	let figures: {
		municipalityId: number | null;
		date: string;
		population: number | null;
		source: string;
	}[];

	const sumOn = async (date: string) => {
		const [r] = await db
			.select({
				n: sql<number>`count(${population.population})::int`,
				rows: sql<number>`count(*)::int`,
				sum: sql<number>`sum(${population.population})::int`
			})
			.from(population)
			.where(sql`${population.municipalityId} is not null and ${population.date} = ${date}`);
		return r;
	};

	beforeAll(async () => {
		({ db } = await freshDb());
		expect(fs.existsSync(path.join(demoDir(), 'organisation.json'))).toBe(true);
		summary = await loadDemo(db);
		ids = new Map((await db.select().from(municipality)).map((m) => [m.code, m.id]));
		figures = await db
			.select({
				municipalityId: population.municipalityId,
				date: population.date,
				population: population.population,
				source: population.source
			})
			.from(population);
	});

	it('holds the eight municipalities with their official codes', async () => {
		const rows = await db.select({ code: municipality.code, name: municipality.name }).from(municipality).orderBy(asc(municipality.code));
		expect(Object.fromEntries(rows.map((r) => [r.code, r.name]))).toEqual(CODES);
		expect(summary).toMatch(/\b8 kommuner\b/);
	});

	it('holds the cooperation, hosted by Huddinge, and an audit row for the load', async () => {
		const [c] = await db.select().from(cooperation);
		expect(c.name).toBe('Södertörnskommunernas samarbetskommitté');
		expect(c.hostMunicipalityId).toBe(ids.get('0126'));
		const audit = await db.select().from(auditLog).where(eq(auditLog.action, 'load-demo'));
		expect(audit).toHaveLength(1);
		expect(audit[0]).toMatchObject({
			actor: 'System',
			accountId: null,
			entity: 'cooperation'
		});
		expect(audit[0].after).toMatchObject({ kommuner: 8 });
	});

	it('sums the complete years to the published totals (SQL)', async () => {
		expect(await sumOn('2017-12-31')).toEqual({ n: 8, rows: 8, sum: 488735 });
		expect(await sumOn('2019-12-31')).toEqual({ n: 8, rows: 8, sum: 503200 });
		// the fees those totals carry: 4 kr a head
		expect(4 * 503200).toBe(2_012_800);
	});

	it('sums the complete years to the published totals (populationOn)', () => {
		const members = [...ids.values()];
		const y2017 = populationOn(figures, members, '2017-12-31');
		expect(y2017).toMatchObject({
			total: 488735,
			sumOfMunicipalities: 488735,
			missing: []
		});
		const y2019 = populationOn(figures, members, '2019-12-31');
		expect(y2019).toMatchObject({
			total: 503200,
			sumOfMunicipalities: 503200,
			missing: []
		});
		// where the seeds print a total too, the municipal figures agree with it
		expect(y2019.difference ?? 0).toBe(0);
	});

	it("holds the cooperation's printed totals, each with its source", async () => {
		const totals = await db.select().from(population).where(isNull(population.municipalityId)).orderBy(asc(population.date));
		const byDate = Object.fromEntries(totals.map((t) => [t.date, t.population]));
		expect(byDate).toMatchObject({
			'2018-09-30': 494358,
			'2020-12-31': 507552,
			'2021-12-31': 513445
		});
		for (const t of totals) expect(t.source.trim().length, t.date).toBeGreaterThan(10);
		expect(totals.find((t) => t.date === '2020-12-31')!.source).toMatch(/^Årsredovisning och bokslut 2020, kapitel 1 Inledning/);
	});

	it('keeps the six missing municipal figures of 2020-12-31 missing, never guessed', async () => {
		const rows = await db
			.select({
				code: municipality.code,
				population: population.population,
				source: population.source
			})
			.from(population)
			.innerJoin(municipality, eq(municipality.id, population.municipalityId))
			.where(eq(population.date, '2020-12-31'))
			.orderBy(asc(municipality.code));
		expect(rows).toHaveLength(8);
		const missing = rows.filter((r) => r.population === null);
		expect(missing.map((r) => CODES[r.code as keyof typeof CODES]).sort()).toEqual([
			'Botkyrka',
			'Haninge',
			'Huddinge',
			'Nykvarn',
			'Nynäshamn',
			'Södertälje'
		]);
		for (const r of missing) expect(r.source).toMatch(/^Uppgift saknas/);
		expect(Object.fromEntries(rows.filter((r) => r.population !== null).map((r) => [r.code, r.population]))).toEqual({
			'0128': 16959,
			'0138': 48678
		});
		expect(await sumOn('2020-12-31')).toMatchObject({ n: 2, rows: 8 });

		const members = [...ids.values()];
		const y2020 = populationOn(figures, members, '2020-12-31');
		expect(y2020).toMatchObject({
			total: 507552,
			recordedTotal: 507552,
			sumOfMunicipalities: null,
			difference: null
		});
		expect(y2020.missing).toHaveLength(6);
		expect(y2020.missing.sort()).toEqual(['0127', '0136', '0126', '0140', '0192', '0181'].map((c) => ids.get(c)!).sort());

		const y2021 = populationOn(figures, members, '2021-12-31');
		expect(y2021).toMatchObject({ total: 513445, sumOfMunicipalities: null });
		expect(y2021.missing).toHaveLength(6);
		expect(y2021.missing).not.toContain(ids.get('0140'));
		expect(y2021.missing).not.toContain(ids.get('0128'));
	});

	it('answers who chaired the management group on either side of 12 March 2021', async () => {
		const groups = await db.select().from(body).where(eq(body.kind, 'management_group'));
		expect(groups).toHaveLength(1);
		const ms = await db
			.select({
				role: membership.role,
				validFrom: membership.validFrom,
				validTo: membership.validTo,
				personName: person.name
			})
			.from(membership)
			.innerJoin(person, eq(person.id, membership.personId))
			.where(eq(membership.bodyId, groups[0].id));
		const before = chairOn(ms, '2021-03-11');
		const after = chairOn(ms, '2021-03-12');
		expect(before?.personName).toBe('Rickard Sundbom');
		expect(after?.personName).toBe('Magnus Gyllestad');
		expect(before!.personName).not.toBe(after!.personName);
		// the handover day of "t o m 12 mars" and "fr o m den 12 mars"
		expect(chairOn(ms, '2021-03-12')?.personName).toBe('Magnus Gyllestad');
		// the three 2018 chairs, whose days the seeds do not give, hold in 2018 and in no other year
		const of2018 = ms.filter((m) => m.role === 'chair' && m.validFrom === '2018' && m.validTo === '2018');
		expect(of2018.map((m) => m.personName).sort()).toEqual(['Magdalena Bosson', 'Mattias Jansson', 'Rickard Sundbom']);
		for (const m of of2018) {
			expect(coversYear(m, 2018)).toBe(true);
			expect(coversYear(m, 2019) || coversYear(m, 2020)).toBe(false);
		}
		// no membership of the demo is without a period
		const undated = await db
			.select({ id: membership.id })
			.from(membership)
			.where(and(isNull(membership.validFrom), isNull(membership.validTo)));
		expect(undated).toEqual([]);
	});

	it('keeps the communication network and the reference group that replaced it', async () => {
		const rows = await db.select().from(body).where(eq(body.kind, 'reference_group'));
		const [network] = await db.select().from(body).where(eq(body.shortName, 'Kommunikationsnätverket'));
		expect(network.kind).toBe('network');
		expect(rows.map((r) => r.replacesId)).toContain(network.id);
	});

	it('loads in one transaction: loading twice is refused and changes nothing', async () => {
		const count = async () => {
			const [r] = await db
				.execute<{ m: number; p: number; b: number; a: number }>(
					sql`select (select count(*)::int from municipality) m, (select count(*)::int from population) p, (select count(*)::int from body) b, (select count(*)::int from audit_log) a`
				)
				.then((x) => x.rows);
			return r;
		};
		const before = await count();
		await expect(loadDemo(db)).rejects.toThrow();
		expect(await count()).toEqual(before);
	});
});
