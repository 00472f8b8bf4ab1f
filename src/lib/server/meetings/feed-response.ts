// The calendar feeds' HTTP answer: a calendar that has not changed since the
// subscriber's last fetch is answered 304 Not Modified (RFC 9110 section 13),
// so Outlook and the others polling every hour fetch the body only after a
// change.
import { createHash } from 'node:crypto';
import { desc } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { auditLog } from '../db/schema/index.ts';

/**
 * When anything the feeds show last changed: every committed change writes an
 * audit row, so the newest one is never earlier than the last change to a
 * meeting, a body or a membership (a meeting's own updated_at would miss a new
 * member's older meetings). At the resolution of an HTTP date, one second.
 */
export async function lastChange(db: Db): Promise<Date | null> {
	const [row] = await db.select({ at: auditLog.at }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
	return row ? new Date(Math.floor(row.at.getTime() / 1000) * 1000) : null;
}

/** A strong validator of the calendar's exact bytes. */
export const etagOf = (body: string) => `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;

/** If-None-Match: any of the listed tags, weak or strong, or *. */
function noneMatch(header: string, etag: string): boolean {
	if (header.trim() === '*') return true;
	return header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

/**
 * The calendar as text/calendar with ETag and Last-Modified, or 304 when the
 * request's validators still hold: If-None-Match decides when present, else
 * If-Modified-Since (RFC 9110 section 13.2.2).
 */
export function calendarResponse(request: Request, ics: string, lastModified: Date | null, headers: Record<string, string> = {}): Response {
	const etag = etagOf(ics);
	const validators: Record<string, string> = { etag, ...(lastModified ? { 'last-modified': lastModified.toUTCString() } : {}) };
	const inm = request.headers.get('if-none-match');
	const ims = request.headers.get('if-modified-since');
	const since = ims ? Date.parse(ims) : NaN;
	const unchanged = inm !== null ? noneMatch(inm, etag) : lastModified !== null && !Number.isNaN(since) && lastModified.getTime() <= since;
	if (unchanged) return new Response(null, { status: 304, headers: { ...headers, ...validators } });
	return new Response(ics, { headers: { 'content-type': 'text/calendar; charset=utf-8', ...headers, ...validators } });
}
