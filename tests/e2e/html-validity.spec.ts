// The Nu Html Checker (vnu.jar from npm's vnu-jar, run on Java) over the main
// pages as a visitor and signed in: zero errors. The pages' HTML as the server
// sends it is fetched first, then checked in one Java run (the JVM's start is
// most of the time).
import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { login } from './helpers.ts';

/** The checker's jar, as npm's vnu-jar ships it. */
const vnuJar = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');

function hasJava(): boolean {
	try {
		execFileSync('java', ['-version'], { stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
}
const java = hasJava();
if (!java && process.env.CI === 'true')
	throw new Error('CI=true men Java saknas: Nu Html Checker kan inte köras (paketet default-jre-headless).');

/** The main pages; {meeting}, {consultation} and {activity} become the first one their list links to. */
const PAGES = [
	'/',
	'/meetings',
	'/meetings/{meeting}',
	'/planning',
	'/planning/plans/2021',
	'/planning/activities/{activity}',
	'/finance/years/2021',
	'/consultations',
	'/consultations/{consultation}',
	'/organisation/persons',
	'/search?q=trafik',
	'/reports',
	'/reports/annual/2021.html'
];
/** Pages only a signed-in editor or administrator opens. */
const SIGNED_IN_PAGES = ['/governance/week', '/meetings/new', '/meetings/{meeting}/edit', '/admin/audit'];

interface VnuMessage {
	type: string;
	url?: string;
	message: string;
	lastLine?: number;
	extract?: string;
}

async function fetchPages(request: APIRequestContext, paths: string[]): Promise<Map<string, string>> {
	const html = new Map<string, string>();
	const firstLink = async (list: string, pattern: RegExp) => {
		const m = pattern.exec(await (await request.get(list)).text());
		expect(m, `a link on ${list}`).not.toBeNull();
		return m![1];
	};
	const ids = {
		meeting: await firstLink('/meetings', /href="\/meetings\/(\d+)"/),
		consultation: await firstLink('/consultations', /href="\/consultations\/(\d+)"/),
		activity: await firstLink('/planning/plans/2021', /href="\/planning\/activities\/(\d+)"/)
	};
	for (const p of paths) {
		const path = p.replace(/\{(\w+)\}/g, (_, k: keyof typeof ids) => ids[k]);
		const res = await request.get(path);
		expect(res.status(), path).toBe(200);
		expect(res.headers()['content-type'], path).toContain('text/html');
		html.set(path, await res.text());
	}
	return html;
}

/** Every page's errors as "who path: line N: message", in one vnu run. */
async function vnuErrors(pages: { who: string; path: string; html: string }[]): Promise<string[]> {
	const dir = await mkdtemp(join(tmpdir(), 'samverka-vnu-'));
	try {
		const files = new Map<string, string>();
		for (const [i, p] of pages.entries()) {
			const file = join(dir, `${i}.html`);
			await writeFile(file, p.html);
			files.set(`file:${file}`, `${p.who} ${p.path}`);
		}
		// vnu writes its JSON report to stderr; --exit-zero-always keeps a finding from looking like a crash.
		const { stderr } = await promisify(execFile)(
			'java',
			['-jar', vnuJar, '--errors-only', '--format', 'json', '--exit-zero-always', ...[...files.keys()].map((u) => u.slice(5))],
			{ maxBuffer: 64 * 1024 * 1024 }
		);
		const report = JSON.parse(stderr) as { messages: VnuMessage[] };
		return report.messages
			.filter((m) => m.type !== 'info')
			.map((m) => `${files.get(m.url ?? '') ?? m.url}: rad ${m.lastLine ?? '?'}: ${m.message} [${(m.extract ?? '').trim()}]`);
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
}

test('Nu Html Checker: no errors on the main pages, as a visitor and signed in', async ({ page, playwright, baseURL }) => {
	test.skip(!java, 'Java saknas: Nu Html Checker körs inte (installera default-jre-headless).');
	test.setTimeout(180_000);
	const visitor = await playwright.request.newContext({ baseURL });
	const visitorPages = await fetchPages(visitor, PAGES);
	await visitor.dispose();
	await login(page);
	const memberPages = await fetchPages(page.request, [...PAGES, ...SIGNED_IN_PAGES]);
	const pages = [
		...[...visitorPages].map(([path, html]) => ({ who: 'besökare', path, html })),
		...[...memberPages].map(([path, html]) => ({ who: 'inloggad', path, html }))
	];
	expect(pages.length).toBe(2 * PAGES.length + SIGNED_IN_PAGES.length);
	expect(await vnuErrors(pages)).toEqual([]);
});

test('the Nu Html Checker finds an error where there is one', async () => {
	test.skip(!java, 'Java saknas.');
	test.setTimeout(60_000);
	// The error the pages had: a required select whose first option has text and a value.
	const bad =
		'<!doctype html><html lang="sv"><head><title>x</title></head><body><label for="s">S</label>' +
		'<select id="s" name="s" required><option value="a">A</option></select></body></html>';
	const errors = await vnuErrors([{ who: 'prov', path: '/', html: bad }]);
	expect(errors).toHaveLength(1);
	expect(errors[0]).toMatch(/^prov \/: .*first “option” element in a “select” element with a “required” attribute/);
});
