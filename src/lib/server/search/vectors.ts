// The text each kind of record is searched by, as PostgreSQL expressions. The
// migration 0007_search indexes exactly these expressions (GIN, the swedish
// configuration), and the search query repeats them word for word, so the
// planner uses the indexes. Change one here and add a migration for it.

/** `to_tsvector('swedish', …)` of the columns, empty ones skipped. */
export const vector = (table: string, columns: string[]) =>
	`to_tsvector('swedish'::regconfig, ${columns.map((c) => `coalesce(${table}.${c}, '')`).join(` || ' ' || `)})`;

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

/** The migration's statements: one GIN index per table on its vector. */
export const indexStatements = () =>
	(Object.keys(SEARCHED) as SearchedTable[]).map((t) => `CREATE INDEX IF NOT EXISTS "${t}_search" ON "${t}" USING gin ((${vectorOf(t)}));`);
