import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from './db.ts';
import type { Db } from '../../src/lib/server/db/client.ts';
import { account, apiToken, auditLog, loginAttempt, session } from '../../src/lib/server/db/schema/index.ts';
import {
	createAccount,
	createFirstAdmin,
	hasAnyAdmin,
	issueApiToken,
	listAccounts,
	revokeApiToken,
	setAccountDisabled
} from '../../src/lib/server/auth/accounts.ts';
import { SESSION_DAYS, actorFromSession, actorFromToken, login, logout } from '../../src/lib/server/auth/sessions.ts';
import { hashPassword, randomPassword, verifyPassword } from '../../src/lib/server/auth/password.ts';
import { PUBLIC, SYSTEM, type Actor } from '../../src/lib/server/actor.ts';
import { ForbiddenError, TooManyRequestsError, UnauthenticatedError, ValidationError } from '../../src/lib/server/errors.ts';

const PASSWORD = 'rätt-lösenord-123';
const WRONG_LOGIN = 'Fel e-postadress eller lösenord.';

let db: Db;
let admin: Actor;
let n = 0;

/** A new account with an address of its own, so the throttling of one test does not touch another. */
async function newAccount(role: 'admin' | 'editor' | 'member' = 'editor', password = PASSWORD) {
	const email = `person${++n}@kommun.se`;
	const row = await createAccount(db, SYSTEM, {
		email,
		name: `Person ${n}`,
		password,
		role
	});
	return { ...row, password };
}

const auditOf = (entity: string, entityId: number | string) =>
	db
		.select()
		.from(auditLog)
		.where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, String(entityId))))
		.orderBy(auditLog.id);

beforeAll(async () => {
	({ db } = await freshDb());
	expect(await hasAnyAdmin(db)).toBe(false);
	const first = await createFirstAdmin(db, {
		email: 'admin@kommun.se',
		name: 'Admin',
		password: PASSWORD
	});
	expect(await hasAnyAdmin(db)).toBe(true);
	admin = (await login(db, 'admin@kommun.se', PASSWORD)).actor;
	expect(admin).toEqual({
		accountId: first.id,
		name: 'Admin',
		role: 'admin',
		personId: null
	});
});

describe('passwords', () => {
	it('hashes with argon2id and verifies only the right password', async () => {
		const h = await hashPassword('ett långt lösenord');
		expect(h).toMatch(/^\$argon2id\$/);
		expect(h).not.toContain('ett långt lösenord');
		expect(await verifyPassword(h, 'ett långt lösenord')).toBe(true);
		expect(await verifyPassword(h, 'ett långt lösenorD')).toBe(false);
		expect(await verifyPassword('inte en hash', 'x')).toBe(false);
	});

	it('generates random passwords of the asked length', () => {
		const a = randomPassword();
		expect(a).toHaveLength(20);
		expect(a).toMatch(/^[a-zA-Z2-9]+$/);
		expect(randomPassword(32)).toHaveLength(32);
		expect(randomPassword()).not.toBe(a);
	});
});

describe('accounts', () => {
	it('creates an account with a hashed password, lower-cased address and an audit row', async () => {
		const row = await createAccount(db, SYSTEM, {
			email: '  Anna.Andersson@Botkyrka.SE ',
			name: 'Anna Andersson',
			password: PASSWORD,
			role: 'editor'
		});
		expect(row).toMatchObject({
			email: 'anna.andersson@botkyrka.se',
			name: 'Anna Andersson',
			role: 'editor',
			personId: null,
			disabledAt: null
		});
		expect(row).not.toHaveProperty('passwordHash');
		const [stored] = await db.select().from(account).where(eq(account.id, row.id));
		expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
		expect(stored.passwordHash).not.toContain(PASSWORD);
		const audit = await auditOf('account', row.id);
		expect(audit.map((a) => [a.action, a.actor, a.accountId])).toEqual([['create', 'System', null]]);
		expect(audit[0].after).toMatchObject({
			email: 'anna.andersson@botkyrka.se',
			role: 'editor'
		});
		expect(JSON.stringify(audit[0].after)).not.toContain('argon2');
	});

	it('refuses bad input field by field in Swedish, and saves nothing', async () => {
		const before = await db.select({ id: account.id }).from(account);
		const err = await createAccount(db, admin, {
			email: 'inte-en-adress',
			name: '',
			password: 'kort',
			role: 'kung'
		}).catch((e) => e);
		expect(err).toBeInstanceOf(ValidationError);
		const fields = (err as ValidationError).byField();
		expect(fields.email).toBe('E-post måste vara en giltig e-postadress.');
		expect(fields.name).toBe('Namn måste fyllas i.');
		expect(fields.password).toBe('Lösenord måste ha minst 12 tecken.');
		expect(fields.role).toBe('Roll: välj ett av alternativen.');
		expect(await db.select({ id: account.id }).from(account)).toHaveLength(before.length);
	});

	it('refuses a second account with the same address as a field error', async () => {
		const a = await newAccount();
		const err = await createAccount(db, admin, {
			email: a.email.toUpperCase(),
			name: 'Dubblett',
			password: PASSWORD,
			role: 'member'
		}).catch((e) => e);
		expect(err).toBeInstanceOf(ValidationError);
		expect((err as ValidationError).byField()).toEqual({
			email: 'E-post: det finns redan ett konto med den adressen.'
		});
		expect(await db.select().from(account).where(eq(account.name, 'Dubblett'))).toEqual([]);
	});

	it('lets only administrators create and list accounts', async () => {
		const editor = await newAccount('editor');
		const { actor: editorActor } = await login(db, editor.email, PASSWORD);
		const input = {
			email: 'ny@kommun.se',
			name: 'Ny',
			password: PASSWORD,
			role: 'admin'
		};
		await expect(createAccount(db, editorActor, input)).rejects.toBeInstanceOf(ForbiddenError);
		await expect(createAccount(db, { ...editorActor, role: 'member' }, input)).rejects.toBeInstanceOf(ForbiddenError);
		await expect(createAccount(db, PUBLIC, input)).rejects.toBeInstanceOf(UnauthenticatedError);
		await expect(listAccounts(db, editorActor)).rejects.toBeInstanceOf(ForbiddenError);
		await expect(setAccountDisabled(db, editorActor, editor.id, true)).rejects.toBeInstanceOf(ForbiddenError);
		expect(await db.select().from(account).where(eq(account.email, 'ny@kommun.se'))).toEqual([]);

		const made = await createAccount(db, admin, input);
		expect((await auditOf('account', made.id)).map((a) => [a.action, a.actor, a.accountId])).toEqual([
			['create', 'Admin', admin.accountId]
		]);
		expect((await listAccounts(db, admin)).map((a) => a.email)).toContain('ny@kommun.se');
	});
});

describe('login, sessions and logout', () => {
	it('logs in with the right password; the token resolves to the actor and only its hash is stored', async () => {
		const a = await newAccount('member');
		const { token, expiresAt, actor } = await login(db, `  ${a.email.toUpperCase()} `, PASSWORD, { ip: '192.0.2.7' });
		expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(actor).toEqual({
			accountId: a.id,
			name: a.name,
			role: 'member',
			personId: null
		});
		expect(Math.abs(expiresAt.getTime() - (Date.now() + SESSION_DAYS * 86400_000))).toBeLessThan(60_000);
		expect(await actorFromSession(db, token)).toEqual(actor);

		const rows = await db.select().from(session).where(eq(session.accountId, a.id));
		expect(rows).toHaveLength(1);
		expect(rows[0].id).not.toBe(token);
		expect(rows[0].id).toMatch(/^[0-9a-f]{64}$/);

		expect(await actorFromSession(db, token + 'x')).toBeNull();
		expect(await actorFromSession(db, rows[0].id)).toBeNull(); // the stored hash is not a key

		const audit = await auditOf('account', a.id);
		expect(audit.map((x) => [x.action, x.actor, x.accountId])).toContainEqual(['login', a.name, a.id]);
		expect(audit.find((x) => x.action === 'login')!.after).toEqual({
			ip: '192.0.2.7'
		});
	});

	it('refuses a wrong password or an unknown address with the same Swedish message', async () => {
		const a = await newAccount();
		const wrong = await login(db, a.email, 'fel-lösenord-999').catch((e) => e);
		expect(wrong).toBeInstanceOf(UnauthenticatedError);
		expect(wrong.message).toBe(WRONG_LOGIN);
		expect(wrong.status).toBe(401);
		const unknown = await login(db, 'finns-inte@kommun.se', PASSWORD).catch((e) => e);
		expect(unknown).toBeInstanceOf(UnauthenticatedError);
		expect(unknown.message).toBe(WRONG_LOGIN);
		expect(await db.select().from(session).where(eq(session.accountId, a.id))).toEqual([]);
		expect((await auditOf('account', a.id)).map((x) => x.action)).not.toContain('login');
	});

	it('locks an address after 5 failures, even against the right password; other addresses still log in', async () => {
		const a = await newAccount();
		const other = await newAccount();
		for (let i = 0; i < 5; i++) {
			await expect(login(db, a.email, `fel-${i}-lösenordet`)).rejects.toBeInstanceOf(UnauthenticatedError);
		}
		const locked = await login(db, a.email, PASSWORD).catch((e) => e);
		expect(locked).toBeInstanceOf(TooManyRequestsError);
		expect(locked.status).toBe(429);
		expect(locked.message).toMatch(/^För många misslyckade inloggningar/);
		// the address in another case is the same address
		await expect(login(db, a.email.toUpperCase(), PASSWORD)).rejects.toBeInstanceOf(TooManyRequestsError);
		expect(await db.select().from(session).where(eq(session.accountId, a.id))).toEqual([]);

		// the lock lives in a row, so every instance sees it
		const [row] = await db
			.select()
			.from(loginAttempt)
			.where(eq(loginAttempt.key, `email:${a.email}`));
		expect(row.failures).toBe(5);
		expect(row.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + 10 * 60_000);

		await expect(login(db, other.email, PASSWORD)).resolves.toMatchObject({
			actor: { accountId: other.id }
		});

		// when the lock has run out, the right password works again and clears the count
		await db
			.update(loginAttempt)
			.set({ lockedUntil: sql`now() - interval '1 second'` })
			.where(eq(loginAttempt.key, `email:${a.email}`));
		await expect(login(db, a.email, PASSWORD)).resolves.toMatchObject({
			actor: { accountId: a.id }
		});
		expect(
			await db
				.select()
				.from(loginAttempt)
				.where(eq(loginAttempt.key, `email:${a.email}`))
		).toEqual([]);
	});

	it('does not lock after 4 failures, and a success starts the count again', async () => {
		const a = await newAccount();
		for (let round = 0; round < 2; round++) {
			for (let i = 0; i < 4; i++) await expect(login(db, a.email, 'fel-lösenord-xx')).rejects.toBeInstanceOf(UnauthenticatedError);
			await expect(login(db, a.email, PASSWORD)).resolves.toMatchObject({
				actor: { accountId: a.id }
			});
		}
	});

	it('throttles an address that has no account too', async () => {
		for (let i = 0; i < 5; i++) await expect(login(db, 'ingen@kommun.se', PASSWORD)).rejects.toBeInstanceOf(UnauthenticatedError);
		await expect(login(db, 'ingen@kommun.se', PASSWORD)).rejects.toBeInstanceOf(TooManyRequestsError);
	});

	it('logs out: the session row is deleted, the token stops resolving, and the audit log says so', async () => {
		const a = await newAccount();
		const one = await login(db, a.email, PASSWORD);
		const two = await login(db, a.email, PASSWORD);
		await logout(db, one.token);
		expect(await actorFromSession(db, one.token)).toBeNull();
		expect(await db.select().from(session).where(eq(session.accountId, a.id))).toHaveLength(1);
		// the other session (another browser) stays
		expect(await actorFromSession(db, two.token)).toMatchObject({
			accountId: a.id
		});
		// logging out twice, or with a made-up token, is harmless and writes nothing
		await logout(db, one.token);
		await logout(db, 'påhittad');
		const actions = (await auditOf('account', a.id)).map((x) => [x.action, x.accountId]);
		expect(actions).toEqual([
			['create', null],
			['login', a.id],
			['login', a.id],
			['logout', a.id]
		]);
	});

	it('does not resolve an expired session, and extends one past half its life', async () => {
		const a = await newAccount();
		const { token } = await login(db, a.email, PASSWORD);
		await db
			.update(session)
			.set({ expiresAt: sql`now() + interval '2 days'` })
			.where(eq(session.accountId, a.id));
		expect(await actorFromSession(db, token)).toMatchObject({
			accountId: a.id
		});
		const [extended] = await db.select().from(session).where(eq(session.accountId, a.id));
		expect(extended.expiresAt.getTime()).toBeGreaterThan(Date.now() + (SESSION_DAYS - 1) * 86400_000);

		await db
			.update(session)
			.set({ expiresAt: sql`now() - interval '1 second'` })
			.where(eq(session.accountId, a.id));
		expect(await actorFromSession(db, token)).toBeNull();
	});

	it('refuses a disabled account, and its open sessions stop resolving; enabling it again restores them', async () => {
		const a = await newAccount();
		const { token } = await login(db, a.email, PASSWORD);
		const disabled = await setAccountDisabled(db, admin, a.id, true);
		expect(disabled.disabledAt).toBeInstanceOf(Date);
		expect(await actorFromSession(db, token)).toBeNull();
		const err = await login(db, a.email, PASSWORD).catch((e) => e);
		expect(err).toBeInstanceOf(UnauthenticatedError);
		expect(err.message).toBe(WRONG_LOGIN);

		await setAccountDisabled(db, admin, a.id, false);
		expect(await actorFromSession(db, token)).toMatchObject({
			accountId: a.id
		});
		const actions = (await auditOf('account', a.id)).map((x) => [x.action, x.actor]);
		expect(actions).toContainEqual(['disable', 'Admin']);
		expect(actions).toContainEqual(['enable', 'Admin']);
	});
});

describe('personal API tokens', () => {
	it('issues a token shown once, stores only its hash, and resolves it to the owner', async () => {
		const a = await newAccount('editor');
		const issued = await issueApiToken(db, admin, a.id, {
			name: 'Importskript'
		});
		expect(issued).toMatchObject({ name: 'Importskript' });
		expect(issued.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
		const [stored] = await db.select().from(apiToken).where(eq(apiToken.id, issued.id));
		expect(stored.tokenHash).not.toBe(issued.token);
		expect(stored.lastUsedAt).toBeNull();

		expect(await actorFromToken(db, issued.token)).toEqual({
			accountId: a.id,
			name: a.name,
			role: 'editor',
			personId: null
		});
		const [used] = await db.select().from(apiToken).where(eq(apiToken.id, issued.id));
		expect(used.lastUsedAt).toBeInstanceOf(Date);
		expect(await actorFromToken(db, stored.tokenHash)).toBeNull();
		// a session token is not an API token, nor the other way round
		expect(await actorFromSession(db, issued.token)).toBeNull();

		const audit = await auditOf('api_token', issued.id);
		expect(audit.map((x) => [x.action, x.actor])).toEqual([['create', 'Admin']]);
		expect(JSON.stringify(audit[0].after)).not.toContain(issued.token);
	});

	it('stops resolving a revoked token, or the token of a disabled account', async () => {
		const a = await newAccount('editor');
		const t1 = await issueApiToken(db, admin, a.id, { name: 'Ett' });
		const t2 = await issueApiToken(db, admin, a.id, { name: 'Två' });
		await revokeApiToken(db, admin, t1.id);
		expect(await actorFromToken(db, t1.token)).toBeNull();
		expect(await actorFromToken(db, t2.token)).toMatchObject({
			accountId: a.id
		});
		expect((await auditOf('api_token', t1.id)).map((x) => x.action)).toEqual(['create', 'revoke']);

		await setAccountDisabled(db, admin, a.id, true);
		expect(await actorFromToken(db, t2.token)).toBeNull();
	});

	it('lets only administrators issue and revoke tokens', async () => {
		const a = await newAccount('editor');
		const { actor } = await login(db, a.email, PASSWORD);
		await expect(issueApiToken(db, actor, a.id, { name: 'Egen' })).rejects.toBeInstanceOf(ForbiddenError);
		const t = await issueApiToken(db, admin, a.id, { name: 'Av admin' });
		await expect(revokeApiToken(db, actor, t.id)).rejects.toBeInstanceOf(ForbiddenError);
		expect(await actorFromToken(db, t.token)).toMatchObject({
			accountId: a.id
		});
		expect(await db.select().from(apiToken).where(eq(apiToken.name, 'Egen'))).toEqual([]);
		const err = await issueApiToken(db, admin, a.id, { name: '' }).catch((e) => e);
		expect(err).toBeInstanceOf(ValidationError);
		expect(err.byField()).toEqual({ name: 'Namn på nyckeln måste fyllas i.' });
	});
});
