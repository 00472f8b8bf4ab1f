// The demo's sources end in an earlier year, and roles are year-dated: loaded
// today, the committee and the management group would have no members and
// nothing to call a meeting to. So that the notice can be tried on a fresh demo,
// the loader carries each such body's latest known roster into the current
// year (saying from which year, in the role's period note and source) and plans
// its next meeting, marked as the demo's own. Nothing here knows the
// cooperation: it works from whatever the demo data holds.
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import { body, meeting, meetingBody, membership } from '../db/schema/index.ts';
import { latestRoster } from '../../core/roster.ts';
import { stockholmToUtc, utcToStockholm } from '../../core/meetings.ts';
import { addDays, isoWeekday } from '../../core/days.ts';
import { ROLES, type Role } from '../../core/organisation.ts';
import { todayIso } from '../../core/format.ts';

/** The bodies a notice is called to in the everyday work. */
const CARRIED_KINDS = ['committee', 'management_group', 'secretariat'];
/** The bodies whose next meeting the demo plans. */
const MEETING_KINDS = ['committee', 'management_group'];

export async function carryIntoCurrentYear(tx: Tx, today = todayIso()): Promise<{ 'uppdrag i år': number; 'kommande möten': number }> {
	const year = Number(today.slice(0, 4));
	const bodies = await tx.select({ id: body.id, kind: body.kind }).from(body).where(inArray(body.kind, CARRIED_KINDS));
	const roles = await tx
		.select()
		.from(membership)
		.where(
			inArray(
				membership.bodyId,
				bodies.map((b) => b.id)
			)
		);
	const carried: (typeof membership.$inferInsert)[] = [];
	for (const b of bodies) {
		const roster = latestRoster(roles.filter((r) => r.bodyId === b.id).map((r) => ({ ...r, personKey: String(r.personId) })));
		for (const { from, year: known } of roster) {
			if (known >= year) continue;
			carried.push({
				personId: from.personId,
				bodyId: b.id,
				role: from.role,
				representsMunicipalityId: from.representsMunicipalityId,
				representsOrganisationId: from.representsOrganisationId,
				validFrom: String(year),
				validTo: String(year),
				periodNote: `Demodata: ${(ROLES[from.role as Role] ?? from.role).toLowerCase()} ${known} enligt källorna, fört fram till ${year} så att kallelser och utskick kan provas. Källorna säger inget om ${year}.`,
				source: `Demodata, fört fram från uppdraget ${known}`
			});
		}
	}
	if (carried.length) await tx.insert(membership).values(carried);

	let meetings = 0;
	/** The days already given a demo meeting: two bodies' meetings moved off a holiday do not land on the same day. */
	const taken = new Set<string>();
	for (const b of bodies.filter((x) => MEETING_KINDS.includes(x.kind))) {
		if (!carried.some((c) => c.bodyId === b.id)) continue;
		const next = await nextMeetingOf(tx, b.id, today, taken);
		if (!next) continue;
		const [row] = await tx
			.insert(meeting)
			.values({
				kind: 'ordinary',
				startsAt: next.startsAt,
				endsAt: next.endsAt,
				place: next.place,
				hostMunicipalityId: next.hostMunicipalityId,
				format: next.format,
				status: 'planned',
				source: 'Demodata: ett kommande möte, planerat när demodatan laddades så att kallelsen kan provas; det finns inte i källorna.'
			})
			.returning({ id: meeting.id });
		await tx.insert(meetingBody).values({ meetingId: row.id, bodyId: b.id });
		taken.add(utcToStockholm(next.startsAt).date);
		meetings++;
	}
	return { 'uppdrag i år': carried.length, 'kommande möten': meetings };
}

/**
 * The body's next meeting after the pattern of its latest one with a known
 * time: the same weekday and hours, at least two weeks from today, moved to
 * the next working day when that falls on a holiday.
 */
async function nextMeetingOf(tx: Tx, bodyId: number, today: string, taken: ReadonlySet<string>) {
	const rows = await tx
		.select({
			startsAt: meeting.startsAt,
			endsAt: meeting.endsAt,
			place: meeting.place,
			hostMunicipalityId: meeting.hostMunicipalityId,
			format: meeting.format
		})
		.from(meeting)
		.innerJoin(meetingBody, eq(meetingBody.meetingId, meeting.id))
		.where(and(eq(meetingBody.bodyId, bodyId), eq(meeting.kind, 'ordinary')))
		.orderBy(desc(meeting.startsAt));
	const model = rows.find((r) => utcToStockholm(r.startsAt).time !== '00:00');
	if (!model) return null;
	const start = utcToStockholm(model.startsAt);
	const end = model.endsAt ? utcToStockholm(model.endsAt).time : null;
	const weekday = isoWeekday(start.date);
	let date = addDays(today, 14);
	while (isoWeekday(date) !== weekday) date = addDays(date, 1);
	// Not on Christmas, New Year or Epiphany (nor a weekend): the next working day no other body's meeting took instead.
	const holiday = (d: string) => ['12-24', '12-25', '12-26', '12-31', '01-01', '01-06'].includes(d.slice(5, 10));
	const free = (d: string) => !holiday(d) && isoWeekday(d) < 6;
	if (!free(date)) {
		date = addDays(date, 1);
		while (!free(date) || taken.has(date)) date = addDays(date, 1);
	}
	return {
		startsAt: stockholmToUtc(date, start.time),
		endsAt: end && end > start.time ? stockholmToUtc(date, end) : null,
		place: model.place,
		hostMunicipalityId: model.hostMunicipalityId,
		format: model.format
	};
}
