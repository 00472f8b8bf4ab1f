// The public contact details (contact page, accessibility statement) on a real
// database over the demo data: the secretariat in office and the staff who
// hold a role in it on the day, the host municipality and its registrar, and
// where a visitor should write first. Nobody else's address is published.
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { freshDb } from './db.ts';
import type { Db } from '../../src/lib/server/db/client.ts';
import { loadDemo } from '../../src/lib/server/demo/load.ts';
import { publicContact } from '../../src/lib/server/public/contact.ts';

let db: Db;

beforeAll(async () => {
	({ db } = await freshDb());
	await loadDemo(db);
	// Known addresses, whatever the demo data carries.
	await db.execute(sql`update person set email = null, phone = null`);
	await db.execute(sql`update municipality set registrar_email = null`);
});

describe('the public contact details', () => {
	it('name the cooperation, its secretariat, the staff in office on the day and the host municipality', async () => {
		const c = await publicContact(db, '2021-06-01');
		expect(c.name).toBe('Södertörnskommunernas samarbetskommitté');
		expect(c.host?.name).toBe('Huddinge');
		expect(c.secretariats.map((s) => s.name)).toEqual(['Södertörns kansli']);
		const staff = c.secretariats[0].staff;
		expect(staff.map((p) => [p.name, p.role])).toEqual([
			['Anna Söderström', 'administrator'],
			['Helene Olofsson', 'strategist']
		]);
		// In 2018 the project employee was on the staff, the strategist not yet; in 2010 the register names nobody.
		const in2018 = (await publicContact(db, '2018-03-01')).secretariats[0].staff.map((p) => p.name);
		expect(in2018).toContain('Karin Hassler');
		expect(in2018).not.toContain('Helene Olofsson');
		expect((await publicContact(db, '2010-06-01')).secretariats[0].staff).toEqual([]);
	});

	it('point a visitor to a staff member’s address first, else the registrar, else nowhere', async () => {
		expect((await publicContact(db, '2021-06-01')).email).toBeNull();
		await db.execute(sql`update municipality set registrar_email = 'registrator@huddinge.invalid' where name = 'Huddinge'`);
		const viaRegistrar = await publicContact(db, '2021-06-01');
		expect(viaRegistrar.host?.registrarEmail).toBe('registrator@huddinge.invalid');
		expect(viaRegistrar.email).toBe('registrator@huddinge.invalid');
		await db.execute(
			sql`update person set email = 'helene.olofsson@exempel.invalid', phone = '08-123 45 67' where name = 'Helene Olofsson'`
		);
		const viaStaff = await publicContact(db, '2021-06-01');
		expect(viaStaff.email).toBe('helene.olofsson@exempel.invalid');
		expect(viaStaff.secretariats[0].staff.find((p) => p.name === 'Helene Olofsson')?.phone).toBe('08-123 45 67');
	});

	it('publish no one else’s address, and nobody who has left', async () => {
		// A committee member with an address: the register keeps it for signed-in users only.
		await db.execute(sql`
			update person set email = 'ledamot@exempel.invalid'
			where id = (select m.person_id from membership m join body b on b.id = m.body_id where b.kind = 'committee' limit 1)`);
		expect(JSON.stringify(await publicContact(db, '2021-06-01'))).not.toContain('ledamot@exempel.invalid');
		await db.execute(sql`update person set ended_on = '2021-03-31' where name = 'Anna Söderström'`);
		const after = await publicContact(db, '2021-06-01');
		expect(after.secretariats[0].staff.map((p) => p.name)).toEqual(['Helene Olofsson']);
		expect((await publicContact(db, '2021-02-01')).secretariats[0].staff.map((p) => p.name)).toContain('Anna Söderström');
	});
});
