// What the meetings pages share: the year and body in a calendar's address.
import type { Db } from '../db/client.ts';
import type { Actor } from '../actor.ts';
import { todayIso } from '../../core/format.ts';
import { listBodies } from '../organisation/queries.ts';
import { visibleBodyIds } from './access.ts';

export function calendarYear(url: URL): number {
	const y = Number(url.searchParams.get('year'));
	return Number.isInteger(y) && y >= 1900 && y <= 2200 ? y : Number(todayIso().slice(0, 4));
}

/** The bodies whose meetings the actor may see, for a filter. */
export async function bodyChoices(db: Db, actor: Actor) {
	const visible = await visibleBodyIds(db, actor);
	const all = await listBodies(db);
	return all.filter((b) => visible === null || visible.includes(b.id)).map((b) => ({ id: b.id, name: b.name, shortName: b.shortName }));
}
