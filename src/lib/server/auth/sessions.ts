// Sessions and API tokens: random tokens handed to the client, their sha256
// stored. Login throttling lives in rows, shared by every instance (throttle.ts).
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, lt, ne, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import { account, apiToken, session } from '../db/schema/index.ts';
import type { Actor, AccountRole } from '../actor.ts';
import { TooManyRequestsError, UnauthenticatedError } from '../errors.ts';
import { writeAudit } from '../service.ts';
import { hashPassword, randomPassword, verifyPassword } from './password.ts';
import { unsafeText } from '../../core/input-text.ts';
import { normalEmail, passwordCheckSucceeded, reservePasswordCheck, tooManyMessage } from './throttle.ts';

let dummy: Promise<string> | undefined;
const dummyHash = () => (dummy ??= hashPassword(randomPassword()));

export const SESSION_COOKIE = 'samverka_session';
export const SESSION_DAYS = 14;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');

function actorOf(row: { id: number; name: string; role: string; personId: number | null }): Actor {
	return { accountId: row.id, name: row.name, role: row.role as AccountRole, personId: row.personId };
}

/**
 * Whether the password is the account's, counted by the throttle (per account
 * and address, and per address): refused with 429 before any verification
 * when the count or the pause says so. Returns the enabled account, or null.
 */
export async function checkPassword(db: Db, email: string, password: string, ip?: string | null) {
	// No account has such an address or password: answered as a wrong one, without storing a megabyte as a throttle key.
	if (email.length > 254 || unsafeText(email, { multiline: false }) || password.length > 1000) return null;
	const reserved = await reservePasswordCheck(db, email, ip);
	if (!reserved.ok) throw new TooManyRequestsError(tooManyMessage(reserved.waitSeconds));
	const [row] = await db
		.select()
		.from(account)
		.where(and(eq(account.email, normalEmail(email)), isNull(account.disabledAt)));
	// Verify even when there is no account, so timing does not reveal which addresses exist.
	const ok = await verifyPassword(row?.passwordHash ?? (await dummyHash()), password);
	if (!row || !ok) return null;
	await passwordCheckSucceeded(db, email, ip);
	return row;
}

/**
 * Checks e-mail and password; returns a new session token. Throttled per
 * account and address together (an attacker elsewhere cannot lock the owner
 * out) and per address across accounts.
 */
export async function login(db: Db, email: string, password: string, meta: { ip?: string } = {}) {
	const row = await checkPassword(db, email, password, meta.ip);
	if (!row) throw new UnauthenticatedError('Fel e-postadress eller lösenord.');
	const token = newToken();
	const expiresAt = new Date(Date.now() + SESSION_DAYS * 86400_000);
	await db.transaction(async (tx) => {
		await tx.insert(session).values({ id: sha256(token), accountId: row.id, expiresAt });
		await writeAudit(tx, actorOf(row), { action: 'login', entity: 'account', entityId: row.id, after: { ip: meta.ip ?? null } });
	});
	return { token, expiresAt, actor: actorOf(row) };
}

/** Ends an account's sessions, all of them or all but the one whose token is given; returns how many ended. */
export async function endSessions(tx: Tx | Db, accountId: number, keepToken?: string | null): Promise<number> {
	const gone = await tx
		.delete(session)
		.where(and(eq(session.accountId, accountId), keepToken ? ne(session.id, sha256(keepToken)) : undefined))
		.returning({ id: session.id });
	return gone.length;
}

/**
 * The actor behind a session cookie, and when the session next needs the
 * database: the moment it is half through its life, when it is extended.
 */
export async function sessionOf(db: Db, token: string): Promise<{ actor: Actor; renewAt: number } | null> {
	const id = sha256(token);
	const [row] = await db
		.select({ id: account.id, name: account.name, role: account.role, personId: account.personId, expiresAt: session.expiresAt })
		.from(session)
		.innerJoin(account, eq(account.id, session.accountId))
		.where(and(eq(session.id, id), gt(session.expiresAt, sql`now()`), isNull(account.disabledAt)));
	if (!row) return null;
	const half = (SESSION_DAYS / 2) * 86400_000;
	let expiresAt = row.expiresAt.getTime();
	if (expiresAt - Date.now() < half) {
		expiresAt = Date.now() + SESSION_DAYS * 86400_000;
		await db
			.update(session)
			.set({ expiresAt: new Date(expiresAt) })
			.where(eq(session.id, id));
	}
	return { actor: actorOf(row), renewAt: expiresAt - half };
}

/** The actor behind a session cookie; extends a session past half its life. */
export async function actorFromSession(db: Db, token: string): Promise<Actor | null> {
	return (await sessionOf(db, token))?.actor ?? null;
}

export async function logout(db: Db, token: string) {
	const [gone] = await db
		.delete(session)
		.where(eq(session.id, sha256(token)))
		.returning({ accountId: session.accountId });
	if (gone) {
		const [row] = await db.select().from(account).where(eq(account.id, gone.accountId));
		if (row) await writeAudit(db, actorOf(row), { action: 'logout', entity: 'account', entityId: row.id });
	}
}

export async function purgeExpiredSessions(db: Db) {
	await db.delete(session).where(lt(session.expiresAt, sql`now()`));
}

/** The actor behind a personal API token ("Authorization: Bearer …"). */
export async function actorFromToken(db: Db, token: string): Promise<Actor | null> {
	const [row] = await db
		.select({ tokenId: apiToken.id, id: account.id, name: account.name, role: account.role, personId: account.personId })
		.from(apiToken)
		.innerJoin(account, eq(account.id, apiToken.accountId))
		.where(and(eq(apiToken.tokenHash, sha256(token)), isNull(apiToken.revokedAt), isNull(account.disabledAt)));
	if (!row) return null;
	await db
		.update(apiToken)
		.set({ lastUsedAt: sql`now()` })
		.where(eq(apiToken.id, row.tokenId));
	return actorOf(row);
}

export const hashToken = sha256;
export { newToken };

/** The actor of an enabled account (a calendar feed acts as its account). */
export async function actorOfAccount(db: Db, accountId: number): Promise<Actor | null> {
	const [row] = await db
		.select({ id: account.id, name: account.name, role: account.role, personId: account.personId })
		.from(account)
		.where(and(eq(account.id, accountId), isNull(account.disabledAt)));
	return row ? actorOf(row) : null;
}
