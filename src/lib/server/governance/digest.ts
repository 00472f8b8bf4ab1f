// The weekly digest of the year's cycle goes to the secretariat; each person
// may turn it off for themselves on the account page, where the digest's
// List-Unsubscribe header points. Reminders of single tasks still come.
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Tx } from '../db/client.ts';
import type { Actor } from '../actor.ts';
import { body, digestOptOut, membership } from '../db/schema/index.ts';
import { fieldError } from '../errors.ts';
import { inTransaction, requireRole, validate, writeAudit } from '../service.ts';
import { checkbox } from '../../schemas/fields.ts';
import { membershipHeldOn } from '../organisation/queries.ts';

export const digestSettingInput = z.object({ weeklyDigest: checkbox('Veckans uppgifter per e-post') });

/** Whether the signed-in person gets the digest: in the secretariat today, and not turned off. */
export async function digestSetting(db: Db | Tx, actor: Actor, today: string) {
	requireRole(actor, 'member');
	if (!actor.personId) return { person: false, inSecretariat: false, on: false };
	const [inSecretariat] = await db
		.select({ id: membership.id })
		.from(membership)
		.innerJoin(body, eq(body.id, membership.bodyId))
		.where(and(eq(membership.personId, actor.personId), eq(body.kind, 'secretariat'), membershipHeldOn(today)))
		.limit(1);
	const [off] = await db.select().from(digestOptOut).where(eq(digestOptOut.personId, actor.personId));
	return { person: true, inSecretariat: !!inSecretariat, on: !off };
}

/** Turns the weekly digest on or off for the signed-in account's own person. */
export async function setWeeklyDigest(db: Db, actor: Actor, input: unknown) {
	requireRole(actor, 'member');
	const { weeklyDigest } = validate(digestSettingInput, input);
	const personId = actor.personId;
	if (!personId)
		throw fieldError('weeklyDigest', 'Veckans uppgifter per e-post: kontot är inte kopplat till en person; be administratören koppla det.');
	return inTransaction(db, async (tx) => {
		const [off] = await tx.select().from(digestOptOut).where(eq(digestOptOut.personId, personId)).for('update');
		if (weeklyDigest && off) await tx.delete(digestOptOut).where(eq(digestOptOut.personId, personId));
		if (!weeklyDigest && !off) await tx.insert(digestOptOut).values({ personId });
		await writeAudit(tx, actor, {
			action: 'update',
			entity: 'weekly_digest',
			entityId: personId,
			before: { weeklyDigest: !off },
			after: { weeklyDigest }
		});
		return { weeklyDigest };
	});
}

/** The people who turned the digest off. */
export async function digestOptOuts(db: Db | Tx): Promise<Set<number>> {
	return new Set((await db.select({ id: digestOptOut.personId }).from(digestOptOut)).map((r) => r.id));
}
