// iCalendar for Outlook and every other calendar: a feed per body, one per
// person, and one file per meeting. A cancelled meeting stays in the feed as a
// cancelled event, so subscribed calendars strike it rather than keep it.
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { meetingTimeKnown, utcToStockholm, type CalendarMeeting } from '../../core/meetings.ts';
import { plainText } from '../../core/document-text.ts';

/**
 * The calendar's name as RFC 5545 TEXT (backslash, semicolon, comma and line
 * breaks escaped): ical-generator writes NAME and X-WR-CALNAME as given, so a
 * line break in a name would start a property of its own.
 */
function nameText(name: string): string {
	return plainText(name)
		.replace(/[\\;,]/g, (c) => `\\${c}`)
		.replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * RFC 5545 ends every content line with CRLF, the last one too: ical-generator
 * folds lines at 75 octets and joins them with CRLF, but leaves END:VCALENDAR
 * without one (RFC 5545 section 3.1: a content line is delimited by CRLF).
 */
const contentLines = (ics: string) => (ics.endsWith('\r\n') ? ics : `${ics}\r\n`);

/** A meeting known only to the day is a whole-day event, never one at midnight; one with no known end lasts an hour. */
function eventTimes(m: CalendarMeeting) {
	return meetingTimeKnown(m.startsAt)
		? { start: m.startsAt, end: m.endsAt ?? new Date(m.startsAt.getTime() + 3_600_000) }
		: { start: new Date(`${utcToStockholm(m.startsAt).date}T12:00:00Z`), allDay: true };
}

/**
 * The meetings as an iCalendar file. ical-generator escapes backslashes, commas,
 * semicolons and line breaks in an event's texts; the control characters that
 * RFC 5545's TEXT does not allow are left out here.
 */
export function calendarIcs(name: string, meetings: CalendarMeeting[], host: string): string {
	const cal = ical({
		name: nameText(name),
		prodId: { company: 'Samverka', product: 'Samverka', language: 'SV' },
		method: ICalCalendarMethod.PUBLISH,
		ttl: 60 * 60
	});
	for (const m of meetings) {
		cal.createEvent({
			id: `${m.uid}@${host}`,
			sequence: m.sequence,
			...eventTimes(m),
			stamp: m.updatedAt,
			lastModified: m.updatedAt,
			summary: plainText(m.cancelled ? `INSTÄLLT: ${m.title}` : m.title),
			description: m.description === null ? null : plainText(m.description),
			location: m.place === null ? null : plainText(m.place),
			url: m.url,
			status: m.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED
		});
	}
	return contentLines(cal.toString());
}

export interface MailAddress {
	name: string | null;
	email: string;
}

/** "Samverka <noreply@samverka.local>" as a name and an address. */
export function mailAddressOf(from: string): MailAddress {
	const m = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(from);
	return m ? { name: m[1].trim() || null, email: m[2].trim() } : { name: null, email: from.trim() };
}

export interface Invitation {
	/** REQUEST: add or update the meeting; CANCEL: remove it. */
	method: 'REQUEST' | 'CANCEL';
	meeting: CalendarMeeting;
	/** The sender of the mail: RFC 6047 wants the ORGANIZER to be who sends the request. */
	organizer: MailAddress;
	/** Everyone the notice went to. */
	attendees: MailAddress[];
	/** The domain of the UID, the same for every message about the meeting. */
	uidHost: string;
	/** DTSTAMP: when this message was made. */
	stamp: Date;
}

/**
 * A calendar invitation (iTIP, RFC 5546, sent by mail as iMIP, RFC 6047): one
 * event with METHOD, ORGANIZER, the recipients as ATTENDEEs, a UID that stays
 * the same for the meeting and a SEQUENCE that rises with each update. Times
 * are written in UTC, which needs no VTIMEZONE. RSVP is off: the organizer is
 * the application's sender, which reads no replies.
 */
export function invitationIcs(inv: Invitation): string {
	const m = inv.meeting;
	const cal = ical({
		prodId: { company: 'Samverka', product: 'Samverka', language: 'SV' },
		method: inv.method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST
	});
	cal.createEvent({
		id: `${m.uid}@${inv.uidHost}`,
		sequence: m.sequence,
		...eventTimes(m),
		stamp: inv.stamp,
		lastModified: m.updatedAt,
		summary: plainText(m.title),
		description: m.description === null ? null : plainText(m.description),
		location: m.place === null ? null : plainText(m.place),
		url: m.url,
		status: inv.method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
		organizer: { name: plainText(inv.organizer.name ?? inv.organizer.email), email: inv.organizer.email },
		attendees: inv.attendees.map((a) => ({
			email: a.email,
			name: a.name === null ? null : plainText(a.name),
			role: ICalAttendeeRole.REQ,
			status: ICalAttendeeStatus.NEEDSACTION,
			rsvp: false
		}))
	});
	return contentLines(cal.toString());
}
