// iCalendar for Outlook and every other calendar: a feed per body, one per
// person, and one file per meeting. A cancelled meeting stays in the feed as a
// cancelled event, so subscribed calendars strike it rather than keep it.
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
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
			// A meeting known only to the day is a whole-day event, never one at midnight.
			...(meetingTimeKnown(m.startsAt)
				? {
						start: m.startsAt,
						// A meeting with no known end is shown as one hour.
						end: m.endsAt ?? new Date(m.startsAt.getTime() + 3_600_000)
					}
				: { start: new Date(`${utcToStockholm(m.startsAt).date}T12:00:00Z`), allDay: true }),
			stamp: m.updatedAt,
			lastModified: m.updatedAt,
			summary: plainText(m.cancelled ? `INSTÄLLT: ${m.title}` : m.title),
			description: m.description === null ? null : plainText(m.description),
			location: m.place === null ? null : plainText(m.place),
			url: m.url,
			status: m.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED
		});
	}
	return cal.toString();
}
