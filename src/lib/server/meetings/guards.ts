// The checks every change to a meeting's record shares: it exists, its minutes
// are not locked, and (for decisions) it was not cancelled.
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../db/client.ts';
import { agendaItem, meeting, meetingBody, membership, minutes } from '../db/schema/index.ts';
import { fieldError, NotFoundError } from '../errors.ts';
import { loadForUpdate } from '../service.ts';
import { utcToStockholm } from '../../core/meetings.ts';
import { membershipHeldOn } from '../organisation/queries.ts';

export type MeetingRecord = typeof meeting.$inferSelect;

/** The meeting, locked for the change; 404 if it does not exist. */
export async function meetingForChange(tx: Tx, id: number): Promise<MeetingRecord> {
	return (await loadForUpdate(tx, meeting, id, 'Mötet')) as unknown as MeetingRecord;
}

export async function currentMinutes(tx: Tx, meetingId: number) {
	const [row] = await tx
		.select()
		.from(minutes)
		.where(eq(minutes.meetingId, meetingId))
		.orderBy(desc(minutes.version))
		.limit(1)
		.for('update');
	return row ?? null;
}

/** Adjusted minutes are locked: a change needs a new version with a reason first. */
export async function assertUnlocked(tx: Tx, meetingId: number) {
	const current = await currentMinutes(tx, meetingId);
	if (current && current.status !== 'draft')
		throw fieldError(
			'_',
			`Anteckningarna är justerade (version ${current.version}) och låsta. Öppna en ny version med en anledning för att ändra dem.`
		);
	return current;
}

/** The item and its meeting, both locked for the change. */
export async function itemForChange(tx: Tx, itemId: number) {
	const [item] = await tx.select().from(agendaItem).where(eq(agendaItem.id, itemId)).for('update');
	if (!item) throw new NotFoundError('Punkten');
	const m = await meetingForChange(tx, item.meetingId);
	return { item, meeting: m };
}

/** The meeting's date in Stockholm. */
export const meetingDate = (m: Pick<MeetingRecord, 'startsAt'>) => utcToStockholm(m.startsAt).date;

export async function bodyIdsOf(tx: Tx, meetingId: number) {
	const rows = await tx.select({ id: meetingBody.bodyId }).from(meetingBody).where(eq(meetingBody.meetingId, meetingId));
	return rows.map((r) => r.id);
}

/** Whether the person holds any membership of one of the bodies on the date (an unknown period counts). */
export async function isMemberOn(tx: Tx, personId: number, bodyIds: number[], date: string) {
	if (bodyIds.length === 0) return false;
	const [row] = await tx
		.select({ id: membership.id })
		.from(membership)
		.where(and(eq(membership.personId, personId), inArray(membership.bodyId, bodyIds), membershipHeldOn(date)))
		.limit(1);
	return !!row;
}
