import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from './db.ts';
import type { Db } from '../../src/lib/server/db/client.ts';
import { account, apiToken, auditLog, loginAttempt, outbox, passwordReset, session } from '../../src/lib/server/db/schema/index.ts';
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
import { changePassword } from '../../src/lib/server/auth/accounts.ts';
import {
	forcePasswordReset,
	requestPasswordReset,
	resetPassword,
	resetTokenState,
	RESET_ANSWER,
	RESET_LINK_INVALID
} from '../../src/lib/server/auth/reset.ts';
import { addressKey, loginKey } from '../../src/lib/server/auth/throttle.ts';
import { ACCOUNT_AND_ADDRESS, ADDRESS, pauseSeconds } from '../../src/lib/core/throttle.ts';
import { deliverDue, PASSWORD_BODY_SENT } from '../../src/lib/server/mail/outbox.ts';
import { smtpSender } from '../../src/lib/server/mail/mailer.ts';
import { readMessage, smtpPeer } from './smtp-peer.ts';
import { createHash } from 'node:crypto';
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
	it('answers a megabyte e-mail, a NUL in it or a huge password as a wrong sign-in, storing nothing', async () => {
		const attempts = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(loginAttempt))[0].n;
		const before = await attempts();
		for (const [email, password] of [
			['a'.repeat(1024 * 1024) + '@exempel.se', PASSWORD],
			['admin\u0000@exempel.se', PASSWORD],
			['ingen@exempel.se', 'x'.repeat(1024 * 1024)]
		])
			await expect(login(db, email, password, { ip: '192.0.2.99' })).rejects.toThrow(UnauthenticatedError);
		expect(await attempts()).toBe(before);
	});

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

/** Lets the throttle's pause run out at once, as if the seconds had passed. */
const endPause = (key: string) => db.update(loginAttempt).set({ lockedUntil: null }).where(eq(loginAttempt.key, key));
const attemptRow = async (key: string) => (await db.select().from(loginAttempt).where(eq(loginAttempt.key, key)))[0];
const outcome = (p: Promise<unknown>) =>
	p.then(
		() => 'ok',
		(e) => (e instanceof TooManyRequestsError ? 'throttled' : e instanceof UnauthenticatedError ? 'wrong' : e)
	);

describe('sign-in throttle (per account and address, and per address)', () => {
	it('verifies at most the allowance of 100 parallel wrong passwords, and counts exactly those', async () => {
		const a = await newAccount();
		const ip = '198.51.100.10';
		const results = await Promise.all(Array.from({ length: 100 }, (_, i) => outcome(login(db, a.email, `fel-${i}-lösenord`, { ip }))));
		const wrong = results.filter((r) => r === 'wrong').length;
		const throttled = results.filter((r) => r === 'throttled').length;
		expect(wrong + throttled).toBe(100);
		// Three back to back, the fourth sets a pause of a second: the others are refused before any verification
		// (a fifth only if the machine took over a second to queue them).
		expect(wrong).toBeGreaterThanOrEqual(ACCOUNT_AND_ADDRESS.free + 1);
		expect(wrong).toBeLessThanOrEqual(ACCOUNT_AND_ADDRESS.free + 2);
		expect((await attemptRow(loginKey(a.email, ip))).failures).toBe(wrong);
		expect((await attemptRow(addressKey(ip))).failures).toBe(wrong);
	});

	it('never holds up the owner signing in from another address during an attack; the attacker gets 429 even with the right password', async () => {
		const a = await newAccount('admin');
		const attacker = '198.51.100.20';
		await Promise.all(Array.from({ length: 30 }, () => outcome(login(db, a.email, 'gissning-123456', { ip: attacker }))));
		const refused = await login(db, a.email, PASSWORD, { ip: attacker }).catch((e) => e);
		expect(refused).toBeInstanceOf(TooManyRequestsError);
		expect(refused.message).toMatch(/^För många misslyckade inloggningar härifrån\. Försök igen om \d+ (sekund|sekunder|minut|minuter)\.$/);
		await expect(login(db, a.email, PASSWORD, { ip: '203.0.113.5' })).resolves.toMatchObject({ actor: { accountId: a.id } });
	});

	it('pauses 1, 2, 4 … seconds after the third failure, and allows 10 checks per 15 minutes, right password or not', async () => {
		const a = await newAccount();
		const ip = '198.51.100.30';
		const key = loginKey(a.email, ip);
		for (let n = 1; n <= ACCOUNT_AND_ADDRESS.limit; n++) {
			expect(await outcome(login(db, a.email, 'fel-lösenord-xyz', { ip }))).toBe('wrong');
			const row = await attemptRow(key);
			expect(row.failures).toBe(n);
			const pause = pauseSeconds(ACCOUNT_AND_ADDRESS, n);
			if (pause === 0) expect(row.lockedUntil).toBeNull();
			else {
				const left = (row.lockedUntil!.getTime() - Date.now()) / 1000;
				expect(left).toBeGreaterThan(pause - 2);
				expect(left).toBeLessThanOrEqual(pause + 1);
				// during the pause even the right password is not checked
				expect(await outcome(login(db, a.email, PASSWORD, { ip }))).toBe('throttled');
				await endPause(key);
			}
		}
		// ten counted: the eleventh is refused, the right password too
		expect(await outcome(login(db, a.email, PASSWORD, { ip }))).toBe('throttled');
		expect((await attemptRow(key)).failures).toBe(10);
		// a new window: the right password is checked again, and clears the count
		await db
			.update(loginAttempt)
			.set({ windowStart: sql`now() - interval '15 minutes 1 second'` })
			.where(eq(loginAttempt.key, key));
		await expect(login(db, a.email, PASSWORD, { ip })).resolves.toMatchObject({ actor: { accountId: a.id } });
		expect(await attemptRow(key)).toBeUndefined();
	});

	it('a right password within the allowance starts the count again', async () => {
		const a = await newAccount();
		const ip = '198.51.100.40';
		for (let round = 0; round < 2; round++) {
			for (let i = 0; i < ACCOUNT_AND_ADDRESS.free; i++) expect(await outcome(login(db, a.email, 'fel-lösenord-xx', { ip }))).toBe('wrong');
			await expect(login(db, a.email, PASSWORD, { ip })).resolves.toMatchObject({ actor: { accountId: a.id } });
		}
	});

	it('refuses an address after 50 failures across accounts (password spraying), not another address', async () => {
		const ip = '198.51.100.50';
		const victim = await newAccount();
		const tried = await Promise.all(
			Array.from({ length: ADDRESS.limit }, (_, i) => outcome(login(db, `spray${i}@kommun.se`, 'Sommar2024!!', { ip })))
		);
		expect(tried.every((r) => r === 'wrong')).toBe(true);
		expect((await attemptRow(addressKey(ip))).failures).toBe(ADDRESS.limit);
		const refused = await login(db, victim.email, PASSWORD, { ip }).catch((e) => e);
		expect(refused).toBeInstanceOf(TooManyRequestsError);
		// the refusal counted nothing for the account from this address
		expect(await attemptRow(loginKey(victim.email, ip))).toBeUndefined();
		await expect(login(db, victim.email, PASSWORD, { ip: '198.51.100.51' })).resolves.toMatchObject({ actor: { accountId: victim.id } });
	});

	it('throttles an e-mail address that has no account in the same way', async () => {
		const ip = '198.51.100.60';
		const results = await Promise.all(Array.from({ length: 20 }, () => outcome(login(db, 'ingen@kommun.se', PASSWORD, { ip }))));
		const wrong = results.filter((r) => r === 'wrong').length;
		expect(wrong).toBeGreaterThanOrEqual(ACCOUNT_AND_ADDRESS.free + 1);
		expect(wrong).toBeLessThanOrEqual(ACCOUNT_AND_ADDRESS.free + 2);
		expect(results.filter((r) => r === 'throttled')).toHaveLength(20 - wrong);
	});
});

describe("changing one's own password", () => {
	it('requires the current password, refuses short and common ones by field, and changes nothing then', async () => {
		const a = await newAccount();
		const { actor, token } = await login(db, a.email, PASSWORD, { ip: '192.0.2.1' });
		const [before] = await db.select().from(account).where(eq(account.id, a.id));
		const fields = async (input: Record<string, string>) => {
			const e = await changePassword(db, actor, input, { ip: '192.0.2.1', sessionToken: token }).catch((x) => x);
			expect(e).toBeInstanceOf(ValidationError);
			return (e as ValidationError).byField();
		};
		expect(await fields({ currentPassword: 'inte-det-rätta-1', newPassword: 'ett-helt-nytt-lösen-1' })).toEqual({
			currentPassword: 'Nuvarande lösenord: lösenordet stämmer inte.'
		});
		expect(await fields({ currentPassword: '', newPassword: 'kort' })).toEqual({
			currentPassword: 'Nuvarande lösenord måste fyllas i.',
			newPassword: 'Nytt lösenord måste ha minst 12 tecken.'
		});
		expect(await fields({ currentPassword: PASSWORD, newPassword: 'Password1234' })).toEqual({
			newPassword: 'Nytt lösenord: det är ett av de vanligaste lösenorden. Välj ett annat.'
		});
		expect(
			await fields({ currentPassword: PASSWORD, newPassword: 'ett-helt-nytt-lösen-1', repeatPassword: 'ett-helt-nytt-lösen-2' })
		).toEqual({ repeatPassword: 'Upprepa lösenordet: de två lösenorden är inte lika.' });
		const [after] = await db.select().from(account).where(eq(account.id, a.id));
		expect(after.passwordHash).toBe(before.passwordHash);
		expect(after.passwordChangedAt).toBeNull();
		expect((await auditOf('account', a.id)).map((x) => x.action)).not.toContain('change-password');
		await expect(changePassword(db, PUBLIC, {})).rejects.toBeInstanceOf(UnauthenticatedError);
	});

	it('changes it, ends the other sessions but not this one, and audits it', async () => {
		const a = await newAccount();
		const here = await login(db, a.email, PASSWORD, { ip: '192.0.2.2' });
		const phone = await login(db, a.email, PASSWORD, { ip: '192.0.2.3' });
		const laptop = await login(db, a.email, PASSWORD, { ip: '192.0.2.4' });
		const NEW = 'ett-helt-nytt-lösen-2';
		const r = await changePassword(
			db,
			here.actor,
			{ currentPassword: PASSWORD, newPassword: NEW, repeatPassword: NEW },
			{ ip: '192.0.2.2', sessionToken: here.token }
		);
		expect(r).toEqual({ endedSessions: 2 });
		expect(await actorFromSession(db, here.token)).toMatchObject({ accountId: a.id });
		expect(await actorFromSession(db, phone.token)).toBeNull();
		expect(await actorFromSession(db, laptop.token)).toBeNull();
		expect(await outcome(login(db, a.email, PASSWORD, { ip: '192.0.2.5' }))).toBe('wrong');
		await expect(login(db, a.email, NEW, { ip: '192.0.2.5' })).resolves.toMatchObject({ actor: { accountId: a.id } });
		const audit = (await auditOf('account', a.id)).find((x) => x.action === 'change-password')!;
		expect(audit).toMatchObject({ actor: a.name, accountId: a.id, after: { endedSessions: 2, ip: '192.0.2.2' } });
		expect(JSON.stringify(audit)).not.toContain(NEW);
		const [row] = await db.select().from(account).where(eq(account.id, a.id));
		expect(row.passwordChangedAt).toBeInstanceOf(Date);
	});

	it('ends every session when changed with an API token (no session of its own)', async () => {
		const a = await newAccount();
		const s = await login(db, a.email, PASSWORD, { ip: '192.0.2.6' });
		const t = await issueApiToken(db, admin, a.id, { name: 'Skript' });
		const actor = (await actorFromToken(db, t.token))!;
		const r = await changePassword(db, actor, { currentPassword: PASSWORD, newPassword: 'ett-helt-nytt-lösen-3' }, { ip: '192.0.2.6' });
		expect(r).toEqual({ endedSessions: 1 });
		expect(await actorFromSession(db, s.token)).toBeNull();
	});

	it('counts a wrong current password as a failed sign-in from that address', async () => {
		const a = await newAccount();
		const ip = '192.0.2.7';
		const { actor, token } = await login(db, a.email, PASSWORD, { ip });
		const tries = await Promise.all(
			Array.from({ length: 20 }, (_, i) =>
				changePassword(
					db,
					actor,
					{ currentPassword: `gissning-${i}-abc`, newPassword: 'ett-helt-nytt-lösen-4' },
					{ ip, sessionToken: token }
				).then(
					() => 'ok',
					(e) => e.constructor.name
				)
			)
		);
		const checked = tries.filter((x) => x === 'ValidationError').length;
		expect(checked).toBeGreaterThanOrEqual(ACCOUNT_AND_ADDRESS.free + 1);
		expect(checked).toBeLessThanOrEqual(ACCOUNT_AND_ADDRESS.free + 2);
		expect(tries.filter((x) => x === 'TooManyRequestsError')).toHaveLength(20 - checked);
	});
});

describe('resetting a password by e-mail', () => {
	const BASE = 'https://samverka.example.se';
	const FROM = 'Samverka <noreply@samverka.example.se>';
	const sha = (t: string) => createHash('sha256').update(t).digest('hex');

	async function mailedLink(peer: Awaited<ReturnType<typeof smtpPeer>>, to: string) {
		await deliverDue(db, smtpSender(peer.url, FROM));
		const got = peer.messages.filter((m) => m.rcptTo.includes(to)).map(readMessage);
		const link = /https:\/\/samverka\.example\.se\/login\/reset\?token=([A-Za-z0-9_-]{43})/.exec(got.at(-1)?.text ?? '');
		return { got, token: link?.[1] };
	}

	it('mails a single-use link through the outbox; the token is stored hashed; using it sets the password and ends every session', async () => {
		const a = await newAccount();
		const s1 = await login(db, a.email, PASSWORD, { ip: '192.0.2.20' });
		const answer = await requestPasswordReset(db, { email: `  ${a.email.toUpperCase()}` }, { ip: '192.0.2.21', baseUrl: BASE });
		expect(answer).toEqual({ message: RESET_ANSWER });
		const peer = await smtpPeer();
		const { got, token } = await mailedLink(peer, a.email);
		expect(got).toHaveLength(1);
		expect(got[0].subject).toBe('Välj ett nytt lösenord i Samverka');
		expect(got[0].text).toMatch(/gäller i 30 minuter och kan användas en gång/);
		expect(token).toBeDefined();
		const [stored] = await db.select().from(passwordReset).where(eq(passwordReset.accountId, a.id));
		expect(stored.tokenHash).toBe(sha(token!));
		expect(stored.tokenHash).not.toContain(token!);
		expect((stored.expiresAt.getTime() - stored.createdAt.getTime()) / 60_000).toBeCloseTo(30, 1);
		// once sent, the outbox keeps no usable link
		const [mail] = await db.select().from(outbox).where(eq(outbox.recipient, a.email));
		expect(mail).toMatchObject({ kind: 'password', status: 'sent', body: PASSWORD_BODY_SENT });

		expect(await resetTokenState(db, token!)).toEqual({ email: a.email });
		const NEW = 'nytt-efter-länken-1';
		await expect(resetPassword(db, { token, newPassword: 'qwerty123456', repeatPassword: 'qwerty123456' })).rejects.toMatchObject({
			errors: [{ field: 'newPassword', message: 'Nytt lösenord: det är ett av de vanligaste lösenorden. Välj ett annat.' }]
		});
		expect(await resetPassword(db, { token, newPassword: NEW, repeatPassword: NEW }, { ip: '192.0.2.21' })).toEqual({ email: a.email });
		expect(await actorFromSession(db, s1.token)).toBeNull();
		expect(await outcome(login(db, a.email, PASSWORD, { ip: '192.0.2.22' }))).toBe('wrong');
		await expect(login(db, a.email, NEW, { ip: '192.0.2.22' })).resolves.toMatchObject({ actor: { accountId: a.id } });

		// single use
		expect(await resetTokenState(db, token!)).toBeNull();
		const again = await resetPassword(db, { token, newPassword: 'ett-tredje-lösen-1' }).catch((e) => e);
		expect(again).toBeInstanceOf(ValidationError);
		expect(again.byField()).toEqual({ token: RESET_LINK_INVALID });
		await expect(login(db, a.email, NEW, { ip: '192.0.2.22' })).resolves.toBeDefined();

		const actions = (await auditOf('account', a.id)).map((x) => [x.action, x.actor]);
		expect(actions).toContainEqual(['request-password-reset', 'Allmänheten']);
		expect(actions).toContainEqual(['reset-password', a.name]);
	});

	it('gives an unknown address the same answer after the same floor of time, and mails nothing', async () => {
		const a = await newAccount();
		const time = async (email: string) => {
			const t0 = performance.now();
			const r = await requestPasswordReset(db, { email }, { ip: '192.0.2.30', baseUrl: BASE });
			return { r, ms: performance.now() - t0 };
		};
		const before = await db.select({ id: outbox.id }).from(outbox);
		const unknown = await time('finns-inte-alls@kommun.se');
		const known = await time(a.email);
		expect(unknown.r).toEqual(known.r);
		expect(unknown.ms).toBeGreaterThanOrEqual(295);
		expect(known.ms).toBeGreaterThanOrEqual(295);
		const after = await db.select({ recipient: outbox.recipient }).from(outbox);
		expect(after.length - before.length).toBe(1);
		expect(after.map((x) => x.recipient)).not.toContain('finns-inte-alls@kommun.se');
		// a malformed address is a field error, as on any form
		await expect(requestPasswordReset(db, { email: 'inte-en-adress' }, { ip: '192.0.2.30', baseUrl: BASE })).rejects.toMatchObject({
			errors: [{ field: 'email', message: 'E-post måste vara en giltig e-postadress.' }]
		});
	});

	it('refuses a link older than 30 minutes, and mails at most 3 links per account per 30 minutes', async () => {
		const a = await newAccount();
		for (let i = 0; i < 5; i++) await requestPasswordReset(db, { email: a.email }, { ip: `192.0.2.${40 + i}`, baseUrl: BASE });
		const rows = await db.select().from(passwordReset).where(eq(passwordReset.accountId, a.id));
		expect(rows).toHaveLength(3);
		const peer = await smtpPeer();
		const { got, token } = await mailedLink(peer, a.email);
		expect(got).toHaveLength(3);
		await db
			.update(passwordReset)
			.set({ expiresAt: sql`now() - interval '1 second'` })
			.where(eq(passwordReset.accountId, a.id));
		expect(await resetTokenState(db, token!)).toBeNull();
		const err = await resetPassword(db, { token, newPassword: 'för-sent-lösen-12' }).catch((e) => e);
		expect(err.byField()).toEqual({ token: RESET_LINK_INVALID });
		await expect(login(db, a.email, PASSWORD, { ip: '192.0.2.49' })).resolves.toBeDefined();
	});

	it('lets an administrator force a reset: mailed, and with invalidation the old password and every session end; audited', async () => {
		const a = await newAccount();
		const s = await login(db, a.email, PASSWORD, { ip: '192.0.2.60' });
		const editor = (await login(db, (await newAccount('editor')).email, PASSWORD, { ip: '192.0.2.61' })).actor;
		await expect(forcePasswordReset(db, editor, a.id, { invalidate: true }, { baseUrl: BASE })).rejects.toBeInstanceOf(ForbiddenError);
		expect(await actorFromSession(db, s.token)).not.toBeNull();

		expect(await forcePasswordReset(db, admin, a.id, { invalidate: true }, { baseUrl: BASE })).toEqual({
			email: a.email,
			invalidated: true,
			endedSessions: 1
		});
		expect(await actorFromSession(db, s.token)).toBeNull();
		expect(await outcome(login(db, a.email, PASSWORD, { ip: '192.0.2.62' }))).toBe('wrong');
		const peer = await smtpPeer();
		const { got, token } = await mailedLink(peer, a.email);
		expect(got.at(-1)!.text).toMatch(/Admin, administratör, har bett dig välja ett nytt lösenord/);
		expect(got.at(-1)!.text).toMatch(/Ditt tidigare lösenord gäller inte längre/);
		await resetPassword(db, { token, newPassword: 'valt-efter-tvång-1' });
		await expect(login(db, a.email, 'valt-efter-tvång-1', { ip: '192.0.2.62' })).resolves.toBeDefined();
		const audit = (await auditOf('account', a.id)).find((x) => x.action === 'force-password-reset')!;
		expect(audit).toMatchObject({ actor: 'Admin', accountId: admin.accountId, after: { invalidated: true, endedSessions: 1 } });
	});
});
