import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from './db.ts';
import type { Db } from '../../src/lib/server/db/client.ts';
import { auditLog, municipality } from '../../src/lib/server/db/schema/index.ts';
import { createEntry, endEntry, updateEntry } from '../../src/lib/server/register.ts';
import { bodies, memberships, municipalities, persons } from '../../src/lib/server/organisation/registers.ts';
import { getBody } from '../../src/lib/server/organisation/queries.ts';
import { ConflictError, UnauthenticatedError, ForbiddenError, ValidationError } from '../../src/lib/server/errors.ts';
import { PUBLIC, type Actor } from '../../src/lib/server/actor.ts';

const editor: Actor = { accountId: null, name: 'Testredaktör', role: 'editor', personId: null };
const member: Actor = { accountId: null, name: 'Testmedlem', role: 'member', personId: null };

let db: Db;
beforeAll(async () => {
	({ db } = await freshDb());
});

describe('municipality register', () => {
	it('creates a municipality and writes the audit log', async () => {
		const row = await createEntry(db, editor, municipalities, { code: '0127', name: 'Botkyrka', registrarEmail: '' });
		expect(row).toMatchObject({ code: '0127', name: 'Botkyrka', registrarEmail: null, version: 1 });
		const audit = await db
			.select()
			.from(auditLog)
			.where(eq(auditLog.entityId, String(row.id)));
		expect(audit.map((a) => [a.action, a.entity, a.actor])).toContainEqual(['create', 'municipality', 'Testredaktör']);
	});

	it('refuses bad input with a Swedish message naming the field, and saves nothing', async () => {
		const before = await db.select().from(municipality);
		const err = await createEntry(db, editor, municipalities, { code: '127', name: '', registrarEmail: 'inte-en-adress' }).catch((e) => e);
		expect(err).toBeInstanceOf(ValidationError);
		const fields = (err as ValidationError).byField();
		expect(fields.code).toMatch(/^Kommunkod/);
		expect(fields.name).toMatch(/^Namn måste fyllas i/);
		expect(fields.registrarEmail).toMatch(/^Registratorns e-post/);
		expect(await db.select().from(municipality)).toHaveLength(before.length);
	});

	it('refuses a duplicate code as a field error', async () => {
		const err = await createEntry(db, editor, municipalities, { code: '0127', name: 'Botkyrka igen' }).catch((e) => e);
		expect(err).toBeInstanceOf(ValidationError);
		expect((err as ValidationError).byField().code).toMatch(/finns redan/);
	});

	it('refuses the second of two concurrent edits instead of overwriting', async () => {
		const row = await createEntry(db, editor, municipalities, { code: '0136', name: 'Haninge' });
		await updateEntry(db, editor, municipalities, row.id, { code: '0136', name: 'Haninge kommun', version: 1 });
		const err = await updateEntry(db, editor, municipalities, row.id, { code: '0136', name: 'Haninge K', version: 1 }).catch((e) => e);
		expect(err).toBeInstanceOf(ConflictError);
		const [now] = await db.select().from(municipality).where(eq(municipality.id, row.id));
		expect(now).toMatchObject({ name: 'Haninge kommun', version: 2 });
	});

	it('lets only editors change the register', async () => {
		await expect(createEntry(db, PUBLIC, municipalities, { code: '0126', name: 'Huddinge' })).rejects.toBeInstanceOf(UnauthenticatedError);
		await expect(createEntry(db, member, municipalities, { code: '0126', name: 'Huddinge' })).rejects.toBeInstanceOf(ForbiddenError);
	});
});

describe('bodies and memberships', () => {
	it('keeps who chaired when, and ends a membership with a date', async () => {
		const network = await createEntry(db, editor, bodies, { kind: 'network', name: 'Planeringschefsnätverket', shortName: 'SUP-gruppen' });
		const group = await createEntry(db, editor, bodies, {
			kind: 'working_group',
			name: 'Arbetsgrupp kartor',
			parentId: String(network.id)
		});
		const anna = await createEntry(db, editor, persons, { name: 'Anna Andersson' });
		const m = await createEntry(db, editor, memberships, {
			personId: String(anna.id),
			bodyId: String(network.id),
			role: 'chair',
			validFrom: '2020-01-01'
		});
		await endEntry(db, editor, memberships, m.id, { date: '2021-03-11', version: 1 });
		const detail = await getBody(db, network.id);
		expect(detail.children.map((c) => c.id)).toEqual([group.id]);
		expect(detail.memberships[0]).toMatchObject({
			personName: 'Anna Andersson',
			role: 'chair',
			validFrom: '2020-01-01',
			validTo: '2021-03-11'
		});
	});

	it('refuses a body inside itself and an end before the start', async () => {
		const a = await createEntry(db, editor, bodies, { kind: 'network', name: 'A' });
		const b = await createEntry(db, editor, bodies, { kind: 'working_group', name: 'B', parentId: a.id });
		const err = await updateEntry(db, editor, bodies, a.id, { kind: 'network', name: 'A', parentId: b.id, version: 1 }).catch((e) => e);
		expect((err as ValidationError).byField().parentId).toMatch(/kan inte ingå i sig självt/);
		const err2 = await createEntry(db, editor, bodies, {
			kind: 'network',
			name: 'C',
			activeFrom: '2021-01-01',
			activeTo: '2020-01-01'
		}).catch((e) => e);
		expect((err2 as ValidationError).byField().activeTo).toMatch(/före startdatumet/);
	});
});
