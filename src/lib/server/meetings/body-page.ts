// What a body's meeting page shows besides its year in figures and its
// calendar, in one query: the body, the year's counted meetings and turnover,
// the members its forms offer (on the given day) and, for editors, the bodies.
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { meetingCount, turnoverCount } from '../db/schema/index.ts';
import { NotFoundError } from '../errors.ts';
import { swedish } from '../db/order.ts';
import { membership } from '../db/schema/index.ts';
import { membershipHeldOn } from '../organisation/queries.ts';

type Stamped<T> = Omit<T, 'createdAt' | 'updatedAt'> & { createdAt: string; updatedAt: string };
const stamped = <T extends { createdAt: string; updatedAt: string }>(r: T) => ({
	...r,
	createdAt: new Date(r.createdAt),
	updatedAt: new Date(r.updatedAt)
});

interface BodyPageJson {
	body: { id: number; name: string; shortName: string | null } | null;
	counts: Stamped<typeof meetingCount.$inferSelect>[] | null;
	turnoverCounts: Stamped<typeof turnoverCount.$inferSelect>[] | null;
	members: { id: number; name: string }[] | null;
	bodies: { id: number; name: string; shortName: string | null }[] | null;
}

/**
 * The same rows as getBody (its name), listMeetingCounts and listTurnoverCounts
 * for the body and year, attendeeOptions' members on the day (withMembers) and
 * optionLists' bodies (withBodies).
 */
export async function bodyPageParts(db: Db, bodyId: number, year: number, day: string, o: { withMembers: boolean; withBodies: boolean }) {
	const { rows } = await db.execute<{ p: BodyPageJson }>(sql`
		select json_build_object(
			'body', (select json_build_object('id', b.id, 'name', b.name, 'shortName', b.short_name) from body b where b.id = ${bodyId}),
			'counts', (
				select json_agg(json_build_object('id', c.id, 'bodyId', c.body_id, 'year', c.year, 'kind', c.kind, 'format', c.format,
					'count', c.count, 'source', c.source, 'note', c.note, 'version', c.version, 'createdAt', c.created_at,
					'updatedAt', c.updated_at)
					order by array_position(array['ordinary','extra','planning_conference','joint_network'], c.kind), c.id)
				from meeting_count c where c.body_id = ${bodyId} and c.year = ${year}
			),
			'turnoverCounts', (
				select json_agg(json_build_object('id', t.id, 'bodyId', t.body_id, 'year', t.year, 'municipalities', t.municipalities,
					'source', t.source, 'note', t.note, 'version', t.version, 'createdAt', t.created_at, 'updatedAt', t.updated_at))
				from turnover_count t where t.body_id = ${bodyId} and t.year = ${year}
			),
			'members', ${
				o.withMembers
					? sql`(
				select json_agg(json_build_object('id', p.id, 'name', p.name) order by ${swedish(sql`p.name`)}, p.id)
				from person p where p.id in (
					select ${membership.personId} from ${membership} where ${membership.bodyId} = ${bodyId} and ${membershipHeldOn(day)}
				)
			)`
					: sql`null`
			},
			'bodies', ${
				o.withBodies
					? sql`(
				select json_agg(json_build_object('id', b.id, 'name', b.name, 'shortName', b.short_name) order by ${swedish(sql`b.name`)}, b.id)
				from body b
			)`
					: sql`null`
			}
		) as p
	`);
	const p = rows[0].p;
	if (!p.body) throw new NotFoundError('Organet');
	return {
		body: p.body,
		counts: (p.counts ?? []).map(stamped),
		turnoverCounts: (p.turnoverCounts ?? []).map(stamped),
		members: p.members ?? [],
		bodies: (p.bodies ?? []).map((r) => ({ value: String(r.id), label: r.shortName ? `${r.name} (${r.shortName})` : r.name }))
	};
}
