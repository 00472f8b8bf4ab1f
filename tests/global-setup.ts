// One embedded PostgreSQL server for the whole run, and a migrated template
// database on it (and on TEST_DATABASE_URL's server): each test file then
// creates its own database from the template, so files run in parallel.
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbedded } from '../src/lib/server/db/embedded.ts';
import { migrate } from '../src/lib/server/db/migrate.ts';

export const TEMPLATE = 'samverka_test_template';

declare module 'vitest' {
	export interface ProvidedContext {
		target: 'embedded' | 'server';
		embeddedUrl: string;
		serverUrl: string | null;
	}
}

async function makeTemplate(adminUrl: string) {
	const admin = new pg.Client({ connectionString: adminUrl });
	await admin.connect();
	try {
		await admin.query(`drop database if exists ${TEMPLATE} with (force)`);
		await admin.query(`create database ${TEMPLATE}`);
	} finally {
		await admin.end();
	}
	const url = new URL(adminUrl);
	url.pathname = `/${TEMPLATE}`;
	const pool = new pg.Pool({ connectionString: url.toString(), max: 1 });
	try {
		await migrate(pool);
	} finally {
		await pool.end();
	}
}

export default async function setup(project: TestProject) {
	if (process.env.CI === 'true' && !process.env.TEST_DATABASE_URL) {
		throw new Error('CI=true men TEST_DATABASE_URL saknas: integrationstesterna ska köras mot en PostgreSQL-server också.');
	}
	const dataDir = path.resolve('.tmp', `test-pg-${process.pid}`);
	fs.rmSync(dataDir, { recursive: true, force: true });
	const embedded = await startEmbedded({ dataDir, database: 'postgres', log: () => {} });
	const embeddedAdmin = embedded.url;
	await makeTemplate(embeddedAdmin);
	const serverUrl = process.env.TEST_DATABASE_URL ?? null;
	if (serverUrl) await makeTemplate(serverUrl);

	project.provide('embeddedUrl', embeddedAdmin);
	project.provide('serverUrl', serverUrl);
	return async () => {
		await embedded.stop();
		fs.rmSync(dataDir, { recursive: true, force: true });
	};
}
