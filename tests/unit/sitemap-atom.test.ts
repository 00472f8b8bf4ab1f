// The sitemap's and the Atom feed's XML, read back by an XML parser (saxes): any
// address or text comes back as it was, less what XML 1.0 cannot hold.
import fc from 'fast-check';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { sitemapXml } from '../../src/lib/server/documents/sitemap.ts';
import { atomFeed } from '../../src/lib/core/atom.ts';
import { xmlText } from '../../src/lib/core/document-text.ts';

/** The text of each element named `name`, as a parser reads it (CDATA included). */
function texts(xml: string, name: string): string[] {
	const parser = new SaxesParser();
	const found: string[] = [];
	let current: string | null = null;
	parser.on('error', (e) => {
		throw e;
	});
	parser.on('opentag', (t) => {
		if (t.name === name) current = '';
	});
	parser.on('text', (t) => {
		if (current !== null) current += t;
	});
	parser.on('cdata', (t) => {
		if (current !== null) current += t;
	});
	parser.on('closetag', (t) => {
		if (t.name === name && current !== null) {
			found.push(current);
			current = null;
		}
	});
	parser.write(xml).close();
	return found;
}

const unhtml = (s: string) =>
	s.replace(/&(lt|gt|quot|#39|#13|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", '#13': '\r', amp: '&' })[e]!);

/** Text with the characters that matter here often, and any others. */
const text = fc
	.array(
		fc.oneof(
			fc.constantFrom('&', '<', '>', '"', "'", ']]>', '\r', '\n', '\r\n', '\u0000', '\uD800', '\uFFFE', 'å', '😀', '&amp;'),
			fc.string({ unit: 'binary', maxLength: 3 })
		),
		{ maxLength: 6 }
	)
	.map((a) => a.join(''));

describe('the sitemap', () => {
	it('escapes all five markup characters', () => {
		const xml = sitemapXml("https://x.se/a'b", ['/s?q="<&>"']);
		expect(xml).toContain('<loc>https://x.se/a&apos;b/s?q=&quot;&lt;&amp;&gt;&quot;</loc>');
		expect(texts(xml, 'loc')).toEqual([`https://x.se/a'b/s?q="<&>"`]);
	});

	it('gives back any address through an XML parser', () => {
		fc.assert(
			fc.property(fc.array(text, { maxLength: 5 }), (paths) => {
				const xml = sitemapXml('https://x.se', paths);
				// A parser reads CR as LF (XML's line-end normalisation); an address has neither.
				expect(texts(xml, 'loc')).toEqual(paths.map((p) => xmlText(`https://x.se${p}`).replace(/\r\n?/g, '\n')));
			}),
			{ numRuns: 200 }
		);
	}, 30_000);
});

describe('the Atom feed', () => {
	it('gives back any title and summary through an XML parser, as HTML that shows the text', () => {
		fc.assert(
			fc.property(text, text, (title, summary) => {
				const xml = atomFeed({
					id: 'https://x.se/news',
					title: 'Nyheter',
					selfUrl: 'https://x.se/news/feed.atom',
					siteUrl: 'https://x.se/news',
					updated: '2022-02-09',
					entries: [{ id: 'https://x.se/news/1', title, updated: '2022-02-09', summary, link: 'https://x.se/news/1' }]
				});
				expect(texts(xml, 'title').slice(1).map(unhtml)).toEqual([xmlText(title)]);
				// An empty summary is left out.
				expect(texts(xml, 'summary').map(unhtml)).toEqual(xmlText(summary) ? [xmlText(summary)] : []);
			}),
			{ numRuns: 200 }
		);
	}, 30_000);
});
