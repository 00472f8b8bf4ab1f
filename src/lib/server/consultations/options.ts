// The choices the consultations and projects forms offer beside the register's own.
import { asc, desc } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import { meeting, priorityObject } from '../db/schema/index.ts';
import type { ListName, OptionLists } from '../../forms/spec.ts';
import { optionLists } from '../organisation/options.ts';
import { bodiesOf } from '../meetings/access.ts';

export async function consultationOptions(db: Db, names: ListName[]): Promise<OptionLists> {
	const out = await optionLists(db, names);
	if (names.includes('priorityObjects')) {
		const rows = await db
			.select({ id: priorityObject.id, name: priorityObject.name })
			.from(priorityObject)
			.orderBy(asc(priorityObject.position));
		out.priorityObjects = rows.map((r) => ({ value: String(r.id), label: r.name }));
	}
	if (names.includes('meetings')) {
		const rows = await db
			.select({ id: meeting.id, startsAt: meeting.startsAt, title: meeting.title })
			.from(meeting)
			.orderBy(desc(meeting.startsAt));
		out.meetings = await meetingLabels(db, rows);
	}
	return out;
}

/** "20 november 2020 – Södertörnskommunernas ledningsgrupp": the meeting's own title, else its bodies. */
export async function meetingLabels(db: Db | Tx, rows: { id: number; startsAt: Date; title: string | null }[]) {
	const bodies = await bodiesOf(
		db,
		rows.map((r) => r.id)
	);
	return rows.map((r) => ({
		value: String(r.id),
		label: meetingLabel(r, (bodies.get(r.id) ?? []).map((b) => b.shortName ?? b.name).join(', '))
	}));
}

/** A meeting's label, given its bodies' short names joined ("SSK, LG"). */
export const meetingLabel = (r: { startsAt: Date; title: string | null }, bodies: string) =>
	`${stockholmDate.format(r.startsAt)} – ${r.title ?? (bodies || 'möte')}`;

/** The meeting's day in Stockholm, "20 november 2020": one formatter for every label (formatToParts per label cost 6 % of a remiss page's CPU). */
const stockholmDate = new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Stockholm' });
