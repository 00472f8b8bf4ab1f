// The text each kind of record is searched by, as PostgreSQL expressions. The
// migration 0011_forgiving_search indexes exactly these expressions (GIN, the
// samverka_swedish configuration), and the search query repeats them word for
// word, so the planner uses the indexes. Change one here and add a migration for it.

/**
 * The text search configuration: PostgreSQL's swedish with the unaccent
 * dictionary in front of the stemmer (migration 0011), so "tvarforbindelse"
 * and "Tvärförbindelse" are the same lexeme. A configuration, not a call of
 * unaccent() (which is only STABLE), keeps to_tsvector IMMUTABLE and indexable.
 */
export const TS_CONFIG = 'samverka_swedish';

/** `to_tsvector('samverka_swedish', …)` of the columns, empty ones skipped. */
export const vector = (table: string, columns: string[]) =>
	`to_tsvector('${TS_CONFIG}'::regconfig, ${columns.map((c) => `coalesce(${table}.${c}, '')`).join(` || ' ' || `)})`;

export const SEARCHED = {
	activity: { title: 'title', columns: ['title', 'comment', 'report_text'] },
	follow_up: { title: 'text', columns: ['text'] },
	consultation: { title: 'title', columns: ['title', 'reference', 'response_text'] },
	priority_object: { title: 'name', columns: ['name', 'description'] },
	decision: { title: 'title', columns: ['title', 'description'] },
	agenda_item: { title: 'title', columns: ['title', 'minutes_text'] },
	project: { title: 'name', columns: ['name', 'purpose', 'description', 'results'] },
	event: { title: 'name', columns: ['name', 'theme', 'evaluation'] },
	person: { title: 'name', columns: ['name', 'title'] },
	governing_document: { title: 'title', columns: ['title', 'description'] },
	news: { title: 'title', columns: ['title', 'summary', 'body'] },
	influence: { title: 'title', columns: ['title', 'description'] }
} as const;

export type SearchedTable = keyof typeof SEARCHED;

export const vectorOf = (table: SearchedTable) => vector(table, [...SEARCHED[table].columns]);

/** The migration's statements: one GIN index per table on its vector (replacing the one before). */
export const indexStatements = () =>
	(Object.keys(SEARCHED) as SearchedTable[]).flatMap((t) => [
		`DROP INDEX IF EXISTS "${t}_search";`,
		`CREATE INDEX "${t}_search" ON "${t}" USING gin ((${vectorOf(t)}));`
	]);
