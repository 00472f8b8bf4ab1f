// The public site's sitemap: every page a visitor without login may open, so
// the cooperation's site can be indexed. Records are listed only where the
// public sees them (sent joint responses, meetings of bodies whose meetings are public).
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { todayIso } from '../../core/format.ts';
import { xmlText } from '../../core/document-text.ts';

const PAGES = [
	'/',
	'/en',
	'/search',
	'/organisation',
	'/organisation/municipalities',
	'/organisation/bodies',
	'/planning',
	'/meetings',
	'/consultations',
	'/consultations/years',
	'/consultations/priority-objects',
	'/projects',
	'/projects/events',
	'/projects/external-meetings',
	'/governance',
	'/governance/agreement',
	'/governance/documents',
	'/governance/influence',
	'/governance/news',
	'/reports',
	'/contact',
	'/accessibility'
];

/** Each public record's address, read in one query. */
export async function publicAddresses(db: Db): Promise<string[]> {
	const result = await db.execute(sql`
		select '/organisation/municipalities/' || id as path from municipality
		union all select '/organisation/bodies/' || id from body
		union all select '/planning/plans/' || year from plan
		union all select '/planning/activities/' || id from activity
		union all select '/consultations/' || id from consultation where answer_jointly = 'yes' and status = 'answered'
		union all select '/consultations/priority-objects/' || id from priority_object
		union all select '/projects/' || id from project
		union all select '/projects/events/' || id from event
		union all select '/projects/external-meetings/' || id from external_meeting
		union all select '/meetings/' || m.id from meeting m
			where exists (select 1 from meeting_body mb join body_rules br on br.body_id = mb.body_id where mb.meeting_id = m.id and br.public_meetings)
		union all select '/governance/documents/' || id from governing_document
		union all select '/governance/influence/' || id from influence
		union all select '/governance/news/' || id from news where published_on <= ${todayIso()}
		union all select '/reports/' || kind || '/' || year || '.html' from report_edition
		union all select '/reports/plan/' || year || '.html' from plan
			where status = 'adopted' and not exists (select 1 from report_edition e where e.kind = 'plan' and e.year = plan.year)
	`);
	return [...PAGES, ...(result.rows as { path: string }[]).map((r) => r.path)];
}

/** XML character data: what XML 1.0 cannot hold left out, all five markup characters escaped. */
const escape = (s: string) =>
	xmlText(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

export function sitemapXml(origin: string, paths: string[]): string {
	return (
		'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
		paths.map((p) => `  <url><loc>${escape(origin + p)}</loc></url>\n`).join('') +
		'</urlset>\n'
	);
}
