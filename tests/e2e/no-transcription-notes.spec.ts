// Issue 23: the "Källa" boxes showed the transcriber's notes to the public
// ("seed 002", "clean/002:5–9", "bodyKeys", "guest true", "organisation.json").
// A visitor's crawl of the site, the documents it links to and every anonymous
// GET of the API must carry citations in words and no trace of the demo data's
// files, keys or seed references.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { pdfText, unescapeXml } from '../unit/document-reading.ts';

const demo = path.resolve(import.meta.dirname, '../../demo');

/** The demo data's file names (organisation.json, population.csv, sup2035.json, arsredovisning-2021.md, …). */
const demoFiles = fs
	.globSync('**/*', { cwd: demo })
	.filter((f) => fs.statSync(path.join(demo, f)).isFile())
	.map((f) => path.basename(f));

/** The demo data's JSON keys that no Swedish text contains: the camelCase ones (bodyKeys, carriedFromKey, statusSource, …). */
const demoKeys = new Set<string>();
for (const f of fs.globSync('**/*.json', { cwd: demo })) {
	const visit = (v: unknown) => {
		if (Array.isArray(v)) v.forEach(visit);
		else if (v && typeof v === 'object')
			for (const [k, x] of Object.entries(v)) {
				if (/[a-z][A-Z]/.test(k)) demoKeys.add(k);
				visit(x);
			}
	};
	visit(JSON.parse(fs.readFileSync(path.join(demo, f), 'utf8')));
}
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Traces that are wrong anywhere in what is sent, markup and data included. */
const ANYWHERE = [
	/\bseed \d/i,
	/\bclean\/\d/,
	/\b\d{3}_[0-9a-f]{16}\.txt\b/,
	/\b\d{3}_[a-z0-9_-]+\.md\b/,
	new RegExp(String.raw`\b(?:${demoFiles.map(escape).join('|')})\b`),
	/\bguest (?:true|false)\b/,
	/\bstatus (?:adjusted|adopted|planned|ongoing|done|cancelled|draft)\b/
];
/** Traces that are wrong in text a reader sees (a page's text, a document, a string value of the API): the keys, and JSON's null. */
const IN_TEXT = [...ANYWHERE, new RegExp(String.raw`\b(?:${[...demoKeys].map(escape).join('|')})\b`), /\bnull\b/];

function traces(text: string, patterns: RegExp[], where: string): string[] {
	const found: string[] = [];
	for (const p of patterns) {
		const m = p.exec(text);
		if (m) found.push(`${where}: ”${text.slice(Math.max(0, m.index - 60), m.index + m[0].length + 40).replace(/\s+/g, ' ')}”`);
	}
	return found;
}

/** The text of a page: its visible text, and every string of the data it embeds (quoted in its scripts). */
function pageText(html: string): string {
	const strings = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].flatMap((m) =>
		[...m[1].matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((s) => s[1])
	);
	const visible = html
		.replace(/<script\b[\s\S]*?<\/script>|<style\b[\s\S]*?<\/style>/g, ' ')
		.replace(/<[^>]+>/g, ' ')
		.replace(/&nbsp;/g, ' ');
	return `${unescapeXml(visible)}\n${strings.join('\n')}`;
}

function documentText(body: Buffer, type: string): string {
	if (/pdf/.test(type)) {
		try {
			return execFileSync('pdftotext', ['-', '-'], { input: body, encoding: 'utf8' });
		} catch {
			return pdfText(new Uint8Array(body));
		}
	}
	if (/officedocument|zip/.test(type)) {
		const parts = unzipSync(new Uint8Array(body));
		return Object.entries(parts)
			.filter(([name]) => name.endsWith('.xml'))
			.map(([, bytes]) =>
				unescapeXml(
					Buffer.from(bytes)
						.toString('utf8')
						.replace(/<[^>]+>/g, ' ')
				)
			)
			.join('\n');
	}
	return body.toString('utf8');
}

/** Every string value of a JSON answer, keys left out: the API's own field names are not the demo's. */
function jsonStrings(v: unknown, out: string[] = []): string[] {
	if (typeof v === 'string') out.push(v);
	else if (Array.isArray(v)) for (const x of v) jsonStrings(x, out);
	else if (v && typeof v === 'object') for (const x of Object.values(v)) jsonStrings(x, out);
	return out;
}

const DOCUMENT = /\.(pdf|docx|xlsx|csv|ics|atom|xml|txt)(\?|$)|\/files\/|\/download/;

async function crawl(request: APIRequestContext, limit: number) {
	const seen = new Set<string>();
	const documents = new Set<string>();
	// The start page, and searches for the words a note would hold.
	const queue = ['/', ...['seed', 'källa', 'json'].map((q) => `/search?q=${encodeURIComponent(q)}`)];
	const found: string[] = [];
	while (queue.length && seen.size < limit) {
		const url = queue.shift()!;
		if (seen.has(url)) continue;
		seen.add(url);
		const r = await request.get(url, { maxRedirects: 0 });
		if (r.status() >= 300) continue;
		const html = await r.text();
		found.push(...traces(html, ANYWHERE, url), ...traces(pageText(html), IN_TEXT, url));
		for (const [, raw] of html.matchAll(/href="(\/[^"#]*)/g)) {
			const href = unescapeXml(raw);
			if (/^\/(logout|login|api\/|_app\/)|^\/\//.test(href)) continue;
			if (DOCUMENT.test(href)) documents.add(href);
			else if (!seen.has(href)) queue.push(href);
		}
	}
	return { pages: seen.size, left: queue.filter((u) => !seen.has(u)).length, documents: [...documents], found };
}

test('no public page, public document or anonymous API answer carries a transcription note', async ({ playwright }) => {
	test.setTimeout(300_000);
	const request = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });

	const { pages, left, documents, found } = await crawl(request, Number(process.env.CRAWL_LIMIT ?? 3000));
	console.log(`${pages} sidor (${left} kvar i kön), ${documents.length} dokument`);
	expect(pages).toBeGreaterThan(500);

	for (const href of documents.slice(0, 200)) {
		const r = await request.get(href);
		if (!r.ok()) continue;
		found.push(...traces(documentText(await r.body(), r.headers()['content-type'] ?? ''), IN_TEXT, href));
	}
	expect(documents.filter((d) => /\.(pdf|docx)/.test(d)).length).toBeGreaterThan(0);

	// The API: every list, each list's first items, and the paths by year and kind.
	const openapi = await (await request.get('/api/v1/openapi.json')).json();
	let answers = 0;
	const get = async (url: string) => {
		const r = await request.get(url);
		if (!r.ok() || !/json/.test(r.headers()['content-type'] ?? '')) return null;
		answers++;
		const body = await r.json();
		found.push(...traces(jsonStrings(body).join('\n'), IN_TEXT, url));
		return body;
	};
	for (const [p, item] of Object.entries(openapi.paths as Record<string, { get?: unknown }>)) {
		if (!item.get) continue;
		if (p.endsWith('/{id}')) continue;
		if (p.includes('{year}') || p.includes('{kind}')) {
			for (const kind of ['annual', 'plan'])
				for (const year of [2018, 2020, 2021]) await get(p.replace('{kind}', kind).replace('{year}', String(year)));
			continue;
		}
		const body = await get(`${p}?limit=500`);
		const items = Array.isArray(body) ? body : (body?.items ?? body?.data ?? []);
		if (openapi.paths[`${p}/{id}`]?.get) for (const it of items.slice(0, 5)) if (it?.id) await get(`${p}/${it.id}`);
	}
	for (const q of ['seed', 'källa', 'Tvärförbindelse', 'årsredovisning']) await get(`/api/v1/search?q=${encodeURIComponent(q)}`);
	expect(answers).toBeGreaterThan(50);

	expect([...new Set(found)]).toEqual([]);
});
