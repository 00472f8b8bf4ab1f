// The choices a meeting's forms offer: the people its attendance may name, and
// the activities an agenda item may concern.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import { activity, membership, person, plan, planArea, subGoal } from '../db/schema/index.ts';
import { swedish } from '../db/order.ts';
import { membershipHeldOn } from '../organisation/queries.ts';

/** The people a meeting's attendance may name: members of its bodies on its date first. */
export async function attendeeOptions(db: Db | Tx, bodyIds: number[], date: string) {
	const members = bodyIds.length
		? await db
				.selectDistinct({ id: person.id, name: person.name })
				.from(membership)
				.innerJoin(person, eq(person.id, membership.personId))
				.where(and(inArray(membership.bodyId, bodyIds), membershipHeldOn(date)))
		: [];
	const everyone = await db.select({ id: person.id, name: person.name }).from(person).orderBy(swedish(person.name));
	const memberIds = new Set(members.map((m) => m.id));
	return {
		members: everyone.filter((p) => memberIds.has(p.id)),
		others: everyone.filter((p) => !memberIds.has(p.id))
	};
}

/** Activities an agenda item can point to: those of the plans of the meeting's year and the year before. */
export async function activityOptions(db: Db | Tx, year: number) {
	return db
		.select({ id: activity.id, title: activity.title, year: plan.year, subGoal: subGoal.text, area: planArea.name })
		.from(activity)
		.innerJoin(plan, eq(plan.id, activity.planId))
		.leftJoin(subGoal, eq(subGoal.id, activity.subGoalId))
		.leftJoin(planArea, eq(planArea.id, activity.planAreaId))
		.where(inArray(plan.year, [year - 1, year, year + 1]))
		.orderBy(sql`${plan.year} desc`, swedish(activity.title));
}
