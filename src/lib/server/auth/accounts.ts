// Accounts and personal API tokens, managed by an administrator.
import { desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { account, apiToken } from '../db/schema/index.ts';
import { ACCOUNT_ROLES, SYSTEM, type Actor } from '../actor.ts';
import { NotFoundError } from '../errors.ts';
import { inTransaction, requireRole, validate, writeAudit } from '../service.ts';
import { choice, optionalId, requiredText } from '../../schemas/fields.ts';
import { currentPasswordField, newPasswordField, withRepetition } from '../../schemas/password.ts';
import { fieldError } from '../errors.ts';
import { hashPassword } from './password.ts';
import { checkPassword, endSessions, hashToken, newToken } from './sessions.ts';
import { clearAccountThrottle } from './throttle.ts';
import { retireResetTokens } from './reset.ts';
import { keysOf } from '../../core/organisation.ts';
import { swedish } from '../db/order.ts';

export const accountInput = z.object({
	email: z
		.string({ error: 'E-post måste fyllas i.' })
		.trim()
		.toLowerCase()
		.pipe(z.email({ error: 'E-post måste vara en giltig e-postadress.' })),
	name: requiredText('Namn'),
	password: newPasswordField('Lösenord'),
	role: choice('Roll', keysOf(ACCOUNT_ROLES)),
	personId: optionalId('Person')
});

export const changePasswordInput = withRepetition({
	currentPassword: currentPasswordField('Nuvarande lösenord'),
	newPassword: newPasswordField('Nytt lösenord')
});

export const tokenInput = z.object({ name: requiredText('Namn på nyckeln', 100) });

const publicColumns = {
	id: account.id,
	email: account.email,
	name: account.name,
	role: account.role,
	personId: account.personId,
	disabledAt: account.disabledAt,
	passwordChangedAt: account.passwordChangedAt,
	createdAt: account.createdAt
};

export async function createAccount(db: Db, actor: Actor, input: unknown) {
	requireRole(actor, 'admin');
	const values = validate(accountInput, input);
	const passwordHash = await hashPassword(values.password);
	return inTransaction(
		db,
		async (tx) => {
			const [row] = await tx
				.insert(account)
				.values({ email: values.email, name: values.name, role: values.role, personId: values.personId, passwordHash })
				.returning(publicColumns);
			await writeAudit(tx, actor, { action: 'create', entity: 'account', entityId: row.id, after: row });
			return row;
		},
		{
			account_email_unique: ['email', 'E-post: det finns redan ett konto med den adressen.'],
			account_person_id_person_id_fk: ['personId', 'Person: den valda personen finns inte.']
		}
	);
}

export async function hasAnyAdmin(db: Db) {
	const rows = await db.select({ id: account.id }).from(account).where(eq(account.role, 'admin')).limit(1);
	return rows.length > 0;
}

/** The first start's administrator, created by the system itself. */
export const createFirstAdmin = (db: Db, input: { email: string; name: string; password: string }) =>
	createAccount(db, SYSTEM, { ...input, role: 'admin' });

export async function listAccounts(db: Db, actor: Actor) {
	requireRole(actor, 'admin');
	return db.select(publicColumns).from(account).orderBy(swedish(account.name));
}

export async function setAccountDisabled(db: Db, actor: Actor, id: number, disabled: boolean) {
	requireRole(actor, 'admin');
	return inTransaction(db, async (tx) => {
		const [before] = await tx.select(publicColumns).from(account).where(eq(account.id, id)).for('update');
		if (!before) throw new NotFoundError('Kontot');
		const [after] = await tx
			.update(account)
			.set({ disabledAt: disabled ? new Date() : null })
			.where(eq(account.id, id))
			.returning(publicColumns);
		await writeAudit(tx, actor, { action: disabled ? 'disable' : 'enable', entity: 'account', entityId: id, before, after });
		return after;
	});
}

/** Issues a personal API token; the token itself is shown once and only its hash kept. */
export async function issueApiToken(db: Db, actor: Actor, accountId: number, input: unknown) {
	requireRole(actor, 'admin');
	const { name } = validate(tokenInput, input);
	const token = newToken();
	return inTransaction(db, async (tx) => {
		const [owner] = await tx.select({ id: account.id }).from(account).where(eq(account.id, accountId));
		if (!owner) throw new NotFoundError('Kontot');
		const [row] = await tx
			.insert(apiToken)
			.values({ accountId, name, tokenHash: hashToken(token) })
			.returning({ id: apiToken.id, name: apiToken.name, createdAt: apiToken.createdAt });
		await writeAudit(tx, actor, { action: 'create', entity: 'api_token', entityId: row.id, after: { accountId, name } });
		return { ...row, token };
	});
}

export async function listApiTokens(db: Db, actor: Actor) {
	requireRole(actor, 'admin');
	return db
		.select({
			id: apiToken.id,
			name: apiToken.name,
			accountId: apiToken.accountId,
			accountName: account.name,
			createdAt: apiToken.createdAt,
			lastUsedAt: apiToken.lastUsedAt,
			revokedAt: apiToken.revokedAt
		})
		.from(apiToken)
		.innerJoin(account, eq(account.id, apiToken.accountId))
		.orderBy(desc(apiToken.createdAt));
}

export async function revokeApiToken(db: Db, actor: Actor, id: number) {
	requireRole(actor, 'admin');
	return inTransaction(db, async (tx) => {
		const [row] = await tx
			.update(apiToken)
			.set({ revokedAt: new Date() })
			.where(eq(apiToken.id, id))
			.returning({ id: apiToken.id, name: apiToken.name });
		if (!row) throw new NotFoundError('Nyckeln');
		await writeAudit(tx, actor, { action: 'revoke', entity: 'api_token', entityId: id, after: row });
	});
}

/** The signed-in account's own record, for its page. */
export async function ownAccount(db: Db, actor: Actor) {
	requireRole(actor, 'member');
	const [row] = await db.select(publicColumns).from(account).where(eq(account.id, actor.accountId!));
	if (!row) throw new NotFoundError('Kontot');
	return row;
}

/**
 * Changes the signed-in account's own password: the current one is required
 * (and counted by the sign-in throttle, so a stolen session cannot guess it),
 * and every other session of the account ends; the one in use stays.
 */
export async function changePassword(db: Db, actor: Actor, input: unknown, meta: { ip?: string; sessionToken?: string | null } = {}) {
	requireRole(actor, 'member');
	const values = validate(changePasswordInput, input);
	const [own] = await db.select({ email: account.email }).from(account).where(eq(account.id, actor.accountId!));
	if (!own) throw new NotFoundError('Kontot');
	const checked = await checkPassword(db, own.email, values.currentPassword, meta.ip);
	if (!checked || checked.id !== actor.accountId) throw fieldError('currentPassword', 'Nuvarande lösenord: lösenordet stämmer inte.');
	if (values.newPassword === values.currentPassword) throw fieldError('newPassword', 'Nytt lösenord: det är samma som det nuvarande.');
	const passwordHash = await hashPassword(values.newPassword);
	return inTransaction(db, async (tx) => {
		await tx
			.update(account)
			.set({ passwordHash, passwordChangedAt: sql`now()`, updatedAt: sql`now()` })
			.where(eq(account.id, checked.id));
		const endedSessions = await endSessions(tx, checked.id, meta.sessionToken);
		await retireResetTokens(tx, checked.id);
		await clearAccountThrottle(tx, own.email);
		await writeAudit(tx, actor, {
			action: 'change-password',
			entity: 'account',
			entityId: checked.id,
			after: { endedSessions, ip: meta.ip ?? null }
		});
		return { endedSessions };
	});
}
