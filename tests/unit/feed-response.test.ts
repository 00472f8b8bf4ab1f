// The calendar feeds' conditional GET (RFC 9110 section 13): 304 while the
// subscriber's validators hold, the full calendar otherwise.
import { describe, expect, it } from 'vitest';
import { calendarResponse, etagOf } from '../../src/lib/server/meetings/feed-response.ts';

const ICS = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n';
const CHANGED = new Date('2027-02-01T10:00:00Z');
const get = (headers: Record<string, string>) => calendarResponse(new Request('https://x/c.ics', { headers }), ICS, CHANGED);

describe('a calendar feed answer', () => {
	it('carries the calendar with a strong ETag of its bytes and a Last-Modified', async () => {
		const r = get({});
		expect(r.status).toBe(200);
		expect(r.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
		expect(r.headers.get('etag')).toBe(etagOf(ICS));
		expect(r.headers.get('etag')).not.toBe(etagOf(ICS.replace('2.0', '2.1')));
		expect(r.headers.get('last-modified')).toBe('Mon, 01 Feb 2027 10:00:00 GMT');
		expect(await r.text()).toBe(ICS);
	});

	it('answers 304 to a matching If-None-Match, weak or strong, in a list, or *', () => {
		for (const inm of [etagOf(ICS), `W/${etagOf(ICS)}`, `"a", ${etagOf(ICS)}`, '*']) expect(get({ 'if-none-match': inm }).status).toBe(304);
		expect(get({ 'if-none-match': '"a", "b"' }).status).toBe(200);
	});

	it('answers 304 to an If-Modified-Since at or after the last change, unless an If-None-Match says otherwise', () => {
		expect(get({ 'if-modified-since': 'Mon, 01 Feb 2027 10:00:00 GMT' }).status).toBe(304);
		expect(get({ 'if-modified-since': 'Mon, 01 Feb 2027 10:00:05 GMT' }).status).toBe(304);
		expect(get({ 'if-modified-since': 'Mon, 01 Feb 2027 09:59:59 GMT' }).status).toBe(200);
		expect(get({ 'if-modified-since': 'not a date' }).status).toBe(200);
		expect(get({ 'if-modified-since': 'Mon, 01 Feb 2027 10:00:00 GMT', 'if-none-match': '"old"' }).status).toBe(200);
	});

	it('sends the validators with a 304 and no body', async () => {
		const r = get({ 'if-none-match': etagOf(ICS) });
		expect(r.headers.get('etag')).toBe(etagOf(ICS));
		expect(r.headers.get('last-modified')).toBe('Mon, 01 Feb 2027 10:00:00 GMT');
		expect(await r.text()).toBe('');
	});
});
