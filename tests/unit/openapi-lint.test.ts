// The OpenAPI document of /api/v1, as the server gives it, passes Redocly CLI's
// lint with the recommended rules (redocly.yaml; single findings that are true
// of the API are in .redocly.lint-ignore.yaml with their reasons): 0 errors and
// 0 warnings. The document is written to .tmp/openapi.json, the path the
// ignore file names.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../src/lib/server/api/openapi.ts';

const root = path.resolve(import.meta.dirname, '../..');
const cli = path.join(root, 'node_modules/@redocly/cli/bin/cli.js');

interface LintReport {
	totals: { errors: number; warnings: number; ignored: number };
	problems: { ruleId: string; message: string; location: { pointer: string }[] }[];
}

async function lint(document: unknown, file = '.tmp/openapi.json'): Promise<LintReport> {
	fs.mkdirSync(path.join(root, path.dirname(file)), { recursive: true });
	fs.writeFileSync(path.join(root, file), JSON.stringify(document, null, 2));
	// Redocly exits 1 when it finds an error; the report is on stdout either way.
	const run = await promisify(execFile)(process.execPath, [cli, 'lint', file, '--format', 'json', '--max-problems', '1000'], {
		cwd: root,
		env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
		maxBuffer: 64 * 1024 * 1024
	}).catch((e: { stdout?: string }) => ({ stdout: e.stdout ?? '' }));
	return JSON.parse(run.stdout) as LintReport;
}

const summary = (r: LintReport) => r.problems.map((p) => `${p.ruleId} at ${p.location[0]?.pointer}: ${p.message}`);

describe('the OpenAPI document', () => {
	it('lints with 0 errors and 0 warnings of Redocly’s recommended rules', async () => {
		const report = await lint(openApiDocument());
		expect(summary(report)).toEqual([]);
		expect(report.totals.errors).toBe(0);
		expect(report.totals.warnings).toBe(0);
	}, 60_000);

	it('gives every operation an operationId of its own', () => {
		const doc = openApiDocument() as { paths: Record<string, Record<string, { operationId?: string }>> };
		const methods = ['get', 'put', 'post', 'patch', 'delete'];
		const ids = Object.entries(doc.paths).flatMap(([p, item]) =>
			methods.filter((m) => item[m]).map((m) => item[m].operationId ?? `(none: ${m} ${p})`)
		);
		expect(ids.filter((id) => id.startsWith('(none'))).toEqual([]);
		expect(new Set(ids).size).toBe(ids.length);
		expect(ids.length).toBeGreaterThan(100);
	});

	it('would fail the lint if an operation lost its operationId (the check can fail)', async () => {
		const doc = openApiDocument() as { paths: Record<string, Record<string, { operationId?: string }>> };
		delete doc.paths['/api/v1/meetings'].get.operationId;
		const report = await lint(doc, '.tmp/openapi-broken.json');
		expect(summary(report)).toContainEqual(expect.stringContaining('operation-operationId at #/paths/~1api~1v1~1meetings/get'));
	}, 60_000);
});
