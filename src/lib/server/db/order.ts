// Names sort the Swedish way (å, ä, ö last; case-insensitive), whatever the
// database's own collation. ICU collations ship with PostgreSQL's common builds.
import { sql, type AnyColumn, type SQL } from 'drizzle-orm';

export const swedish = (column: AnyColumn | SQL): SQL => sql`${column} collate "sv-SE-x-icu"`;
