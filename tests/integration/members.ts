// The demo knows its members only for the years its sources name (a role of
// 2020 holds in 2020). Tests about today's or future meetings seat the
// members they need, from a year on, as a secretariat would.
import { eq } from 'drizzle-orm';
import type { Db } from '../../src/lib/server/db/client.ts';
import { membership, municipality, person } from '../../src/lib/server/db/schema/index.ts';

export async function seatMembers(db: Db, bodyId: number, names: string[], from: string, role = 'member') {
	for (const name of names) {
		const [p] = await db.select({ id: person.id }).from(person).where(eq(person.name, name));
		if (!p) throw new Error(`No person ${name} in the demo`);
		await db.insert(membership).values({ personId: p.id, bodyId, role, validFrom: from });
	}
}

/**
 * The demo gives its persons and registrars addresses in the reserved .invalid
 * domain. Tests about who gets mail clear them and set the addresses they mean
 * to see, so each recipient in an assertion is one the test chose.
 */
export async function clearDemoAddresses(db: Db) {
	await db.update(person).set({ email: null });
	await db.update(municipality).set({ registrarEmail: null });
}
