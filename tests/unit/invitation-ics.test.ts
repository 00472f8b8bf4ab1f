// The calendar invitation's text, read back with an independent parser
// (ical.js): what Outlook and the others need of an iMIP REQUEST and CANCEL,
// every line ended with CRLF and folded at 75 octets, names with quotes and
// commas kept whole, a meeting known only to the day as a whole-day event.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { invitationIcs, mailAddressOf, type Invitation } from '../../src/lib/server/meetings/ical.ts';
import { stockholmToUtc, type CalendarMeeting } from '../../src/lib/core/meetings.ts';

const meeting: CalendarMeeting = {
	id: 7,
	uid: 'meeting-7',
	sequence: 4,
	title: 'Möte med Södertörnskommunernas samarbetskommitté',
	startsAt: stockholmToUtc('2027-03-12', '08:30'),
	endsAt: stockholmToUtc('2027-03-12', '11:00'),
	place: 'Huddinge kommunhus, sal 3',
	description: 'Ordinarie möte',
	cancelled: false,
	url: 'https://samverka.example/meetings/7',
	updatedAt: new Date('2027-02-01T09:00:00Z')
};

const invitation = (over: Partial<Invitation> = {}): Invitation => ({
	method: 'REQUEST',
	meeting,
	organizer: { name: 'Samverka', email: 'noreply@samverka.example' },
	attendees: [
		{ name: 'Anna "Annie" Berg, Botkyrka', email: 'anna.berg@botkyrka.example' },
		{ name: null, email: 'registrator@haninge.example' }
	],
	uidHost: 'samverka.example',
	stamp: new Date('2027-02-01T10:00:00Z'),
	...over
});

function read(ics: string) {
	const cal = new ICAL.Component(ICAL.parse(ics));
	const ev = cal.getFirstSubcomponent('vevent')!;
	return { cal, ev };
}

describe('a calendar invitation', () => {
	it('is a REQUEST with organizer, attendees, UID, SEQUENCE, DTSTAMP and UTC times', () => {
		const { cal, ev } = read(invitationIcs(invitation()));
		expect(cal.getFirstPropertyValue('method')).toBe('REQUEST');
		expect(ev.getFirstPropertyValue('uid')).toBe('meeting-7@samverka.example');
		expect(ev.getFirstPropertyValue('sequence')).toBe(4);
		expect(ev.getFirstPropertyValue('status')).toBe('CONFIRMED');
		expect((ev.getFirstPropertyValue('dtstamp') as ICAL.Time).toJSDate().toISOString()).toBe('2027-02-01T10:00:00.000Z');
		expect((ev.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().toISOString()).toBe('2027-03-12T07:30:00.000Z');
		expect((ev.getFirstPropertyValue('dtend') as ICAL.Time).toJSDate().toISOString()).toBe('2027-03-12T10:00:00.000Z');
		expect(ev.getFirstPropertyValue('location')).toBe('Huddinge kommunhus, sal 3');
		const organizer = ev.getFirstProperty('organizer')!;
		expect(String(organizer.getFirstValue()).toLowerCase()).toBe('mailto:noreply@samverka.example');
		expect(organizer.getParameter('cn')).toBe('Samverka');
		const attendees = ev.getAllProperties('attendee');
		expect(attendees.map((a) => String(a.getFirstValue()).toLowerCase())).toEqual([
			'mailto:anna.berg@botkyrka.example',
			'mailto:registrator@haninge.example'
		]);
		// RFC 6868 keeps the quotes and the comma of a name inside its parameter.
		expect(attendees[0].getParameter('cn')).toBe('Anna "Annie" Berg, Botkyrka');
		expect(attendees[0].getParameter('partstat')).toBe('NEEDS-ACTION');
		expect(attendees[0].getParameter('rsvp')).toBe('FALSE');
	});

	it('ends every line with CRLF, the last one too, and folds at 75 octets', () => {
		const ics = invitationIcs(invitation({ meeting: { ...meeting, description: 'Ärenden: '.repeat(30) } }));
		expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
		expect(ics).not.toMatch(/[^\r]\n/);
		for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
	});

	it('is a CANCEL with STATUS:CANCELLED under the same UID', () => {
		const { cal, ev } = read(invitationIcs(invitation({ method: 'CANCEL', meeting: { ...meeting, sequence: 5, cancelled: true } })));
		expect(cal.getFirstPropertyValue('method')).toBe('CANCEL');
		expect(ev.getFirstPropertyValue('status')).toBe('CANCELLED');
		expect(ev.getFirstPropertyValue('uid')).toBe('meeting-7@samverka.example');
		expect(ev.getFirstPropertyValue('sequence')).toBe(5);
	});

	it('makes a meeting known only to the day a whole-day event on its Stockholm day, not one at midnight', () => {
		// Midnight in Stockholm is 23.00 UTC the day before.
		const dayOnly = { ...meeting, startsAt: stockholmToUtc('2027-01-14', '00:00'), endsAt: null };
		const { ev } = read(invitationIcs(invitation({ meeting: dayOnly })));
		const start = ev.getFirstPropertyValue('dtstart') as ICAL.Time;
		expect(start.isDate).toBe(true);
		expect(start.toString()).toBe('2027-01-14');
	});
});

describe('the sender as organizer', () => {
	it('reads a name and an address from MAIL_FROM', () => {
		expect(mailAddressOf('Samverka <noreply@samverka.local>')).toEqual({ name: 'Samverka', email: 'noreply@samverka.local' });
		expect(mailAddressOf('"Kansliet, SSK" <kansli@ssk.example>')).toEqual({ name: 'Kansliet, SSK', email: 'kansli@ssk.example' });
		expect(mailAddressOf('kansli@ssk.example')).toEqual({ name: null, email: 'kansli@ssk.example' });
	});
});
