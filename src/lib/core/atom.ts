// An Atom 1.0 feed (RFC 4287) from dated entries: the public site's news.

export interface AtomEntry {
	id: string;
	title: string;
	updated: string;
	summary: string;
	link: string;
}

import { xmlText } from './document-text.ts';

/** Text as XML character data: what XML 1.0 cannot hold left out, the markup characters escaped. */
const escape = (s: string) => xmlText(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A date (YYYY-MM-DD) as an Atom timestamp: the start of that day in UTC. */
export const atomTime = (date: string) => (date.length === 10 ? `${date}T00:00:00Z` : date);

export function atomFeed(feed: {
	id: string;
	title: string;
	selfUrl: string;
	siteUrl: string;
	updated: string;
	entries: AtomEntry[];
}): string {
	const entries = feed.entries
		.map(
			(e) =>
				`  <entry>\n    <id>${escape(e.id)}</id>\n    <title>${escape(e.title)}</title>\n    <updated>${atomTime(e.updated)}</updated>\n` +
				`    <link rel="alternate" href="${escape(e.link)}"/>\n    <summary>${escape(e.summary)}</summary>\n  </entry>\n`
		)
		.join('');
	return (
		`<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="sv">\n` +
		`  <id>${escape(feed.id)}</id>\n  <title>${escape(feed.title)}</title>\n  <updated>${atomTime(feed.updated)}</updated>\n` +
		`  <link rel="self" href="${escape(feed.selfUrl)}"/>\n  <link rel="alternate" href="${escape(feed.siteUrl)}"/>\n` +
		`  <author><name>${escape(feed.title)}</name></author>\n${entries}</feed>\n`
	);
}
