// One search across minutes, decisions, activities and their follow-up,
// remisser, priority objects, projects, events, persons, governing documents,
// news and influence work: PostgreSQL full-text search with the swedish
// configuration (stemming: "tvärförbindelser" finds "Tvärförbindelse") behind
// unaccent ("tvarforbindelse" finds it too), ranked, the hits marked in an
// excerpt, and only what the actor may see. When nothing is found, pg_trgm's
// similarity over the words of the titles the actor may see proposes a query
// that finds something ("Menade du …").
import { sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import { hasRole, type Actor } from '../actor.ts';
import { visibleBodyIds } from '../meetings/access.ts';
import { HIT_START, HIT_STOP, excerptParts, queryWords, searchHref, suggestedQuery, type SearchKind } from '../../core/search.ts';
import { SEARCHED, TS_CONFIG, vectorOf, type SearchedTable } from './vectors.ts';

type Reader = Db | Tx;

export interface SearchHit {
	kind: SearchKind;
	id: number;
	title: string;
	href: string | null;
	date: string | null;
	excerpt: ReturnType<typeof excerptParts>;
	rank: number;
}

/** One kind's candidates: its rows that match, with what a hit shows. */
interface Source {
	kind: SearchKind;
	table: SearchedTable;
	/** extra FROM/JOIN text after the table */
	from?: SQL;
	where?: SQL;
	parent?: SQL;
	activity?: SQL;
	date?: SQL;
}

const raw = (s: string) => sql.raw(s);

function sources(actor: Actor, bodies: number[] | null): Source[] {
	const member = hasRole(actor, 'member');
	const editor = hasRole(actor, 'editor');
	const meetingVisible = (meetingId: SQL) =>
		bodies === null
			? sql`true`
			: bodies.length === 0
				? sql`false`
				: sql`exists (select 1 from meeting_body mb where mb.meeting_id = ${meetingId} and mb.body_id in (${sql.join(
						bodies.map((b) => sql`${b}`),
						sql`, `
					)}))`;
	// The public reads what was said at a meeting once its minutes are adjusted.
	const minutesReadable = (meetingId: SQL) =>
		member ? sql`true` : sql`exists (select 1 from minutes mi where mi.meeting_id = ${meetingId} and mi.status <> 'draft')`;
	const list: Source[] = [
		{
			kind: 'activity',
			table: 'activity',
			from: sql`join plan p on p.id = activity.plan_id`,
			date: sql`make_date(p.year, 1, 1)::text`
		},
		{
			kind: 'consultation',
			table: 'consultation',
			where: member ? undefined : sql`consultation.answer_jointly = 'yes' and consultation.status = 'answered'`,
			date: sql`coalesce(consultation.submitted_on, consultation.received_on)::text`
		},
		{ kind: 'priority_object', table: 'priority_object' },
		{
			kind: 'decision',
			table: 'decision',
			from: sql`left join lateral (select ai.meeting_id from agenda_item_decision aid join agenda_item ai on ai.id = aid.agenda_item_id where aid.decision_id = decision.id limit 1) dm on true
				left join lateral (select da.activity_id from decision_activity da where da.decision_id = decision.id limit 1) dact on true`,
			where: sql`(dm.meeting_id is null or ${meetingVisible(sql`dm.meeting_id`)})`,
			parent: sql`dm.meeting_id`,
			activity: sql`dact.activity_id`,
			date: sql`decision.decided_on::text`
		},
		{
			kind: 'agenda_item',
			table: 'agenda_item',
			from: sql`join meeting m on m.id = agenda_item.meeting_id`,
			where: sql`${meetingVisible(sql`m.id`)} and ${minutesReadable(sql`m.id`)}`,
			parent: sql`m.id`,
			date: sql`(m.starts_at at time zone 'Europe/Stockholm')::date::text`
		},
		{ kind: 'project', table: 'project' },
		{ kind: 'event', table: 'event', date: sql`event.held_on::text` },
		{ kind: 'person', table: 'person' },
		{ kind: 'document', table: 'governing_document' },
		{
			kind: 'news',
			table: 'news',
			where: editor ? undefined : sql`news.published_on <= (now() at time zone 'Europe/Stockholm')::date`,
			date: sql`news.published_on::text`
		},
		{ kind: 'influence', table: 'influence', date: sql`coalesce(influence.from_on::text, influence.year::text)` }
	];
	// Follow-up entries are working notes for signed-in users.
	if (member)
		list.push({
			kind: 'follow_up',
			table: 'follow_up',
			parent: sql`follow_up.activity_id`,
			date: sql`follow_up.date::text`
		});
	return list;
}

/** The whole text of a row, for the excerpt: its searched columns joined. */
const textOf = (table: SearchedTable) =>
	raw(`concat_ws(' — ', ${SEARCHED[table].columns.map((c) => `nullif(${table}.${c}, '')`).join(', ')})`);

/**
 * Searches everything the actor may see. The matching uses each table's GIN
 * index (the same expression as the migration's); the rank weighs a hit in the
 * title above one in the text; excerpts are made for the page's rows only.
 */
export async function search(
	db: Reader,
	actor: Actor,
	q: string,
	page: { limit: number; offset: number },
	kind?: SearchKind
): Promise<SearchResult> {
	const bodies = await visibleBodyIds(db, actor);
	const chosen = sources(actor, bodies).filter((s) => !kind || s.kind === kind);
	const result = await find(db, chosen, q, page);
	if (result.total > 0 || page.offset > 0) return { ...result, suggestion: null };
	const suggestion = await suggest(db, chosen, q);
	// Offered only if it finds something the actor may see.
	const found = suggestion !== null && (await find(db, chosen, suggestion, { limit: 1, offset: 0 })).total > 0;
	return { ...result, suggestion: found ? suggestion : null };
}

export interface SearchResult {
	items: SearchHit[];
	total: number;
	counts: Record<string, number>;
	limit: number;
	offset: number;
	/** "Menade du …": a query that finds something, when this one found nothing */
	suggestion: string | null;
}

/**
 * The closest words to the query's, by trigram similarity of their unaccented
 * lower-case forms, among the words (as PostgreSQL's parser splits them) of the
 * titles the actor may see; null when no word is close or nothing would change.
 */
async function suggest(db: Reader, chosen: Source[], q: string): Promise<string | null> {
	const typed = [...new Set(queryWords(q))].filter((w) => w.length >= 3).slice(0, 10);
	if (!typed.length || !chosen.length) return null;
	const titles = sql.join(
		chosen.map(
			(s) =>
				sql`select ${raw(`${s.table}.${SEARCHED[s.table].title}`)}::text as t from ${raw(s.table)} ${s.from ?? sql``} ${s.where ? sql`where ${s.where}` : sql``}`
		),
		sql` union all `
	);
	const result = await db.execute(sql`with titles as (${titles}),
		words as (select distinct tok.token as w from titles, ts_parse('default', titles.t) tok where tok.tokid in (1, 2) and length(tok.token) >= 3),
		known as (select w, lower(unaccent(w)) as plain from words),
		typed as (select w, lower(unaccent(w)) as plain from unnest(array[${sql.join(
			typed.map((w) => sql`${w}`),
			sql`, `
		)}]::text[]) as typed(w))
		select distinct on (typed.w) typed.w as typed, known.w as known
		from typed join known on known.plain % typed.plain
		order by typed.w, similarity(known.plain, typed.plain) desc, known.w`);
	const closest = new Map((result.rows as { typed: string; known: string }[]).map((r) => [r.typed, r.known.toLocaleLowerCase('sv')]));
	return suggestedQuery(q, closest);
}

async function find(db: Reader, chosen: Source[], q: string, page: { limit: number; offset: number }) {
	const query = sql`websearch_to_tsquery(${TS_CONFIG}::regconfig, ${q})`;
	const parts = chosen.map((s) => {
		const t = s.table;
		const title = raw(`${t}.${SEARCHED[t].title}`);
		const weighted = raw(
			`setweight(to_tsvector('${TS_CONFIG}'::regconfig, coalesce(${t}.${SEARCHED[t].title}, '')), 'A') || setweight(${vectorOf(t)}, 'B')`
		);
		return sql`select ${s.kind}::text as kind, ${raw(`${t}.id`)} as id, ${title}::text as title, ${s.parent ?? sql`null::int`} as parent_id,
			${s.activity ?? sql`null::int`} as activity_id, ${s.date ?? sql`null::text`} as date, ${textOf(t)} as body,
			ts_rank_cd(${weighted}, ${query}) as rank
			from ${raw(t)} ${s.from ?? sql``}
			where ${raw(vectorOf(t))} @@ ${query} ${s.where ? sql`and ${s.where}` : sql``}`;
	});
	if (!parts.length) return { items: [] as SearchHit[], total: 0, counts: {} as Record<string, number>, ...page };
	const union = sql.join(parts, sql` union all `);
	const options = `StartSel=${HIT_START}, StopSel=${HIT_STOP}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;
	const result = await db.execute(sql`with hits as (${union}),
		counted as (select kind, count(*)::int as n from hits group by kind),
		page as (select * from hits order by rank desc, kind, id limit ${page.limit} offset ${page.offset})
		select 'hit' as row, page.kind, page.id, page.title, page.parent_id, page.activity_id, page.date, page.rank,
			ts_headline(${TS_CONFIG}::regconfig, page.body, ${query}, ${options}) as headline, null::int as n
		from page
		union all select 'count', kind, null, null, null, null, null, null, null, n from counted`);
	const rows = result.rows as {
		row: string;
		kind: SearchKind;
		id: number | null;
		title: string | null;
		parent_id: number | null;
		activity_id: number | null;
		date: string | null;
		rank: number | null;
		headline: string | null;
		n: number | null;
	}[];
	const counts: Record<string, number> = {};
	for (const r of rows) if (r.row === 'count') counts[r.kind] = Number(r.n);
	const items: SearchHit[] = rows
		.filter((r) => r.row === 'hit')
		.sort((a, b) => Number(b.rank) - Number(a.rank) || a.kind.localeCompare(b.kind) || Number(a.id) - Number(b.id))
		.map((r) => ({
			kind: r.kind,
			id: Number(r.id),
			title: firstLine(r.title ?? ''),
			href: searchHref(r.kind, Number(r.id), r.parent_id, r.activity_id),
			date: r.date,
			excerpt: excerptParts(r.headline ?? ''),
			rank: Number(r.rank)
		}));
	return { items, total: Object.values(counts).reduce((a, b) => a + b, 0), counts, ...page };
}

/** A follow-up's "title" is its text: its first line, bounded. */
function firstLine(s: string) {
	const line = s.split('\n')[0].trim();
	return line.length > 120 ? `${line.slice(0, 118)}…` : line;
}
