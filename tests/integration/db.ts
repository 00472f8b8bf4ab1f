// Each test file gets a database of its own, created from the migrated template.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import { createDb, type Db } from '../../src/lib/server/db/client.ts';
import { TEMPLATE } from '../global-setup.ts';

function adminUrl(): string {
	const target = inject('target');
	const url = target === 'server' ? inject('serverUrl') : inject('embeddedUrl');
	if (!url) throw new Error(`Ingen databas för ${target}.`);
	return url;
}

async function admin<T>(work: (c: pg.Client) => Promise<T>): Promise<T> {
	const c = new pg.Client({ connectionString: adminUrl() });
	await c.connect();
	try {
		return await work(c);
	} finally {
		await c.end();
	}
}

/** A fresh, migrated, empty database for this test file; dropped after it. */
export async function freshDb(): Promise<{ db: Db; url: string }> {
	const name = `t_${randomBytes(6).toString('hex')}`;
	await admin((c) => c.query(`create database ${name} template ${TEMPLATE}`));
	const url = new URL(adminUrl());
	url.pathname = `/${name}`;
	const db = createDb(url.toString(), 5);
	afterAll(async () => {
		await db.$client.end();
		await admin((c) => c.query(`drop database if exists ${name} with (force)`));
	});
	return { db, url: url.toString() };
}

export { adminUrl };
