// Applies the committed SQL migrations (drizzle/) in one transaction, under an
// advisory lock so that instances starting together apply them once. Refuses a
// database whose schema is newer than this code knows.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';

interface JournalEntry {
	idx: number;
	tag: string;
}

/**
 * Absolute and independent of the working directory: the nearest drizzle/ above
 * this module, which holds for the sources and for the bundled build alike.
 */
function findMigrationsDir(): string {
	for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
		if (fs.existsSync(path.join(dir, 'drizzle/meta/_journal.json'))) return path.join(dir, 'drizzle');
		if (dir === path.dirname(dir)) throw new Error('Migreringarna (drizzle/) hittades inte.');
	}
}

export const MIGRATIONS_DIR = findMigrationsDir();

export function knownMigrations(dir = MIGRATIONS_DIR): { tag: string; sql: string }[] {
	const journal = JSON.parse(fs.readFileSync(path.join(dir, 'meta/_journal.json'), 'utf8')) as { entries: JournalEntry[] };
	return journal.entries
		.sort((a, b) => a.idx - b.idx)
		.map((e) => ({ tag: e.tag, sql: fs.readFileSync(path.join(dir, `${e.tag}.sql`), 'utf8') }));
}

export class SchemaTooNewError extends Error {}

export async function migrate(pool: pg.Pool, dir = MIGRATIONS_DIR): Promise<string[]> {
	const migrations = knownMigrations(dir);
	const client = await pool.connect();
	try {
		await client.query('begin');
		await client.query("select pg_advisory_xact_lock(hashtext('samverka.migrate'))");
		await client.query(
			'create table if not exists samverka_migration (tag text primary key, applied_at timestamptz not null default now())'
		);
		const { rows } = await client.query<{ tag: string }>('select tag from samverka_migration');
		const known = new Set(migrations.map((m) => m.tag));
		const unknown = rows.map((r) => r.tag).filter((t) => !known.has(t));
		if (unknown.length) {
			throw new SchemaTooNewError(
				`Databasen har ett nyare schema än den här versionen av Samverka känner till (${unknown.join(', ')}). ` +
					`Uppgradera Samverka innan du startar mot den här databasen.`
			);
		}
		const applied = new Set(rows.map((r) => r.tag));
		const done: string[] = [];
		for (const m of migrations) {
			if (applied.has(m.tag)) continue;
			for (const statement of m.sql.split('--> statement-breakpoint')) {
				if (statement.trim()) await client.query(statement);
			}
			await client.query('insert into samverka_migration (tag) values ($1)', [m.tag]);
			done.push(m.tag);
		}
		await client.query('commit');
		return done;
	} catch (e) {
		await client.query('rollback').catch(() => {});
		throw e;
	} finally {
		client.release();
	}
}
