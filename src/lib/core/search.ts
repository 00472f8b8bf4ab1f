// Search across the cooperation's records: what the kinds are called, where a
// hit leads, and the highlighted excerpt PostgreSQL returns, split into plain
// text and marked parts so a page shows it without trusting any HTML.

export const SEARCH_KINDS = [
	'activity',
	'follow_up',
	'consultation',
	'priority_object',
	'decision',
	'agenda_item',
	'project',
	'event',
	'person',
	'document',
	'news',
	'influence'
] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const SEARCH_KIND_LABELS: Record<SearchKind, string> = {
	activity: 'Aktivitet',
	follow_up: 'Uppföljning',
	consultation: 'Remiss',
	priority_object: 'Prioriterat objekt',
	decision: 'Beslut',
	agenda_item: 'Minnesanteckningar',
	project: 'Projekt',
	event: 'Evenemang',
	person: 'Person',
	document: 'Styrdokument',
	news: 'Nyhet',
	influence: 'Påverkansarbete'
};

export const isSearchKind = (v: unknown): v is SearchKind => SEARCH_KINDS.includes(v as SearchKind);

/**
 * Where a hit leads: its own page, or the page it is part of (a follow-up's
 * activity, an agenda item's meeting; a decision's meeting, else the activity it
 * concerns). Null when a decision has neither.
 */
export function searchHref(kind: SearchKind, id: number, parentId: number | null, activityId: number | null = null): string | null {
	switch (kind) {
		case 'activity':
			return `/planning/activities/${id}`;
		case 'follow_up':
			return `/planning/activities/${parentId}#follow-up`;
		case 'consultation':
			return `/consultations/${id}`;
		case 'priority_object':
			return `/consultations/priority-objects/${id}`;
		case 'decision':
			return parentId ? `/meetings/${parentId}` : activityId ? `/planning/activities/${activityId}#decisions` : null;
		case 'agenda_item':
			return `/meetings/${parentId}#item-${id}`;
		case 'project':
			return `/projects/${id}`;
		case 'event':
			return `/projects/events/${id}`;
		case 'person':
			return `/organisation/persons/${id}`;
		case 'document':
			return `/governance/documents/${id}`;
		case 'news':
			return `/governance/news/${id}`;
		case 'influence':
			return `/governance/influence/${id}`;
	}
}

/** The markers ts_headline is asked to put round each hit: control characters no record holds. */
export const HIT_START = '\u0002';
export const HIT_STOP = '\u0003';

export interface ExcerptPart {
	text: string;
	hit: boolean;
}

/** "… the «Tvärförbindelse» Södertörn …" as parts, the marked ones hits. */
export function excerptParts(headline: string): ExcerptPart[] {
	const parts: ExcerptPart[] = [];
	let rest = headline;
	while (rest.length) {
		const start = rest.indexOf(HIT_START);
		if (start === -1) {
			parts.push({ text: rest, hit: false });
			break;
		}
		if (start > 0) parts.push({ text: rest.slice(0, start), hit: false });
		const stop = rest.indexOf(HIT_STOP, start + 1);
		const end = stop === -1 ? rest.length : stop;
		parts.push({ text: rest.slice(start + 1, end), hit: true });
		rest = stop === -1 ? '' : rest.slice(stop + 1);
	}
	return parts.filter((p) => p.text.length);
}

/** A query as typed: trimmed and bounded; empty means no search. */
export function cleanQuery(q: string | null | undefined): string {
	return (q ?? '')
		.replace(/[\u0000-\u001f]/g, ' ')
		.trim()
		.slice(0, 200);
}

/** The words of a query, lower-cased, without the operators of websearch syntax ("", -, or). */
export function queryWords(q: string): string[] {
	return (q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w !== 'or');
}

/**
 * "Menade du …": the query's words with each replaced by its closest known word
 * (`closest`, from pg_trgm's similarity), those without one kept. Null when
 * nothing would change, so a page offers no suggestion equal to the query.
 */
export function suggestedQuery(q: string, closest: ReadonlyMap<string, string>): string | null {
	const words = queryWords(q);
	const suggested = words.map((w) => closest.get(w) ?? w);
	return suggested.some((w, i) => w !== words[i]) ? suggested.join(' ') : null;
}
