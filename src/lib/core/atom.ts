// An Atom 1.0 feed (RFC 4287) from dated entries: the public site's news, written
// by the `feed` package. Text that XML 1.0 cannot hold is left out first; entry
// titles and summaries, which `feed` writes as type="html" in CDATA, are escaped
// as HTML, so a reader shows "<2021>" as typed rather than reading it as a tag
// (and "]]>" cannot end the CDATA early).
import { Feed } from 'feed';
import { xmlText } from './document-text.ts';

export interface AtomEntry {
	id: string;
	title: string;
	updated: string;
	summary: string;
	link: string;
}

/** A date (YYYY-MM-DD) as an Atom timestamp: the start of that day in UTC. */
export const atomTime = (date: string) => (date.length === 10 ? `${date}T00:00:00Z` : date);

/** Plain text as HTML: what XML cannot hold left out, the markup characters escaped, CR as a reference (CDATA would lose it). */
const html = (s: string) =>
	xmlText(s).replace(/[&<>"'\r]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '\r': '&#13;' })[c]!);

export function atomFeed(feed: {
	id: string;
	title: string;
	selfUrl: string;
	siteUrl: string;
	updated: string;
	entries: AtomEntry[];
}): string {
	const f = new Feed({
		id: feed.id,
		title: xmlText(feed.title),
		link: feed.siteUrl,
		feedLinks: { atom: feed.selfUrl },
		updated: new Date(atomTime(feed.updated)),
		author: { name: xmlText(feed.title) },
		generator: 'Samverka'
	});
	for (const e of feed.entries)
		f.addItem({ id: e.id, title: html(e.title), link: e.link, date: new Date(atomTime(e.updated)), description: html(e.summary) });
	// The feed's language, which `feed` writes only into RSS.
	return f.atom1().replace('<feed xmlns="http://www.w3.org/2005/Atom">', '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="sv">') + '\n';
}
