// The secretariat's contact details for the public contact page and the
// accessibility statement: the cooperation, its secretariat(s) in office on
// the day, the staff who hold a role in them that day, and the host
// municipality with its registrar's address. Everything comes from the
// organisation register, nothing is assumed about a particular cooperation.
//
// The register shows people's contact details only to signed-in users
// (organisation/queries.ts). The one exception is made here, on purpose: the
// secretariat's staff, in their role on the day, are the cooperation's
// contact, so their work address and telephone are published. Nobody else's.
import { and, asc, eq, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { body, cooperation, membership, municipality, person } from '../db/schema/index.ts';
import { membershipHeldOn } from '../organisation/queries.ts';
import { swedish } from '../db/order.ts';

export interface ContactPerson {
	name: string;
	title: string | null;
	role: string;
	email: string | null;
	phone: string | null;
}
export interface Secretariat {
	id: number;
	name: string;
	description: string | null;
	staff: ContactPerson[];
}
export interface PublicContact {
	name: string | null;
	shortName: string | null;
	host: { name: string; registrarEmail: string | null } | null;
	secretariats: Secretariat[];
	/** Where to write first: a staff member's address, else the host's registrar, else none. */
	email: string | null;
}

export async function publicContact(db: Db, day: string): Promise<PublicContact> {
	const activeOn = and(
		eq(body.kind, 'secretariat'),
		or(isNull(body.activeFrom), sql`${body.activeFrom} <= ${day}`),
		or(isNull(body.activeTo), sql`${body.activeTo} >= ${day}`)
	);
	const [[coop], offices, staff] = await Promise.all([
		db
			.select({
				name: cooperation.name,
				shortName: cooperation.shortName,
				host: municipality.name,
				registrarEmail: municipality.registrarEmail
			})
			.from(cooperation)
			.leftJoin(municipality, eq(municipality.id, cooperation.hostMunicipalityId))
			.where(eq(cooperation.id, 1)),
		db.select({ id: body.id, name: body.name, description: body.description }).from(body).where(activeOn).orderBy(swedish(body.name)),
		db
			.select({
				bodyId: membership.bodyId,
				name: person.name,
				title: person.title,
				role: membership.role,
				email: person.email,
				phone: person.phone
			})
			.from(membership)
			.innerJoin(person, eq(person.id, membership.personId))
			.innerJoin(body, eq(body.id, membership.bodyId))
			.where(and(activeOn, membershipHeldOn(day), or(isNull(person.endedOn), sql`${person.endedOn} >= ${day}`)))
			.orderBy(swedish(person.name), asc(membership.id))
	]);
	const secretariats = offices.map((o) => ({
		...o,
		staff: staff.filter((s) => s.bodyId === o.id).map(({ bodyId: _, ...p }) => p)
	}));
	const host = coop?.host ? { name: coop.host, registrarEmail: coop.registrarEmail } : null;
	return {
		name: coop?.name ?? null,
		shortName: coop?.shortName ?? null,
		host,
		secretariats,
		email: staff.find((s) => s.email)?.email ?? host?.registrarEmail ?? null
	};
}
