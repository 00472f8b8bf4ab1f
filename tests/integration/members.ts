// The demo knows its members only for the years its sources name (a role of
// 2020 holds in 2020). Tests about today's or future meetings seat the
// members they need, from a year on, as a secretariat would.
import { eq } from 'drizzle-orm';
import type { Db } from '../../src/lib/server/db/client.ts';
import { membership, person } from '../../src/lib/server/db/schema/index.ts';

export async function seatMembers(db: Db, bodyId: number, names: string[], from: string, role = 'member') {
	for (const name of names) {
		const [p] = await db.select({ id: person.id }).from(person).where(eq(person.name, name));
		if (!p) throw new Error(`No person ${name} in the demo`);
		await db.insert(membership).values({ personId: p.id, bodyId, role, validFrom: from });
	}
}
