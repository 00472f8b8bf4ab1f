// Setting a new password through a single-use link: asked for by the owner
// ("Glömt lösenordet?"), forced by an administrator, or printed by the CLI.
// The link's token is random, valid 30 minutes, kept only as its sha256 and
// mailed through the outbox in the same transaction that stores it.
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import type { Db, Tx } from '../db/client.ts';
import { account, passwordReset } from '../db/schema/index.ts';
import { PUBLIC, SYSTEM, type Actor } from '../actor.ts';
import { NotFoundError, TooManyRequestsError, fieldError } from '../errors.ts';
import { inTransaction, requireRole, validate, writeAudit } from '../service.ts';
import { AUTO_SUBMITTED, enqueue } from '../mail/outbox.ts';
import { newPasswordField, withRepetition } from '../../schemas/password.ts';
import { RESET_ACCOUNT, RESET_ADDRESS, waitText } from '../../core/throttle.ts';
import { hashPassword, randomPassword } from './password.ts';
import { endSessions, hashToken, newToken } from './sessions.ts';
import { clearAccountThrottle, normalEmail, reserveCheck } from './throttle.ts';

export const RESET_MINUTES = 30;
/** A request for a reset answers no sooner than this, known address or not. */
const ANSWER_FLOOR_MS = 300;
export const RESET_ANSWER =
	'Om adressen hör till ett konto har vi skickat ett e-postmeddelande med en länk för att välja ett nytt lösenord. Länken gäller i 30 minuter.';
export const RESET_LINK_INVALID = 'Länken: den är ogiltig, redan använd eller för gammal. Begär en ny länk.';

export const resetRequestInput = z.object({
	email: z
		.string({ error: 'E-post måste fyllas i.' })
		.trim()
		.toLowerCase()
		.min(1, 'E-post måste fyllas i.')
		.pipe(z.email({ error: 'E-post måste vara en giltig e-postadress.' }))
});

export const resetInput = withRepetition({
	token: z.string({ error: RESET_LINK_INVALID }).min(1, RESET_LINK_INVALID),
	newPassword: newPasswordField('Nytt lösenord')
});

export const forceResetInput = z.object({ invalidate: z.boolean().default(false) });

export const resetLink = (baseUrl: string, token: string) => `${baseUrl.replace(/\/$/, '')}/login/reset?token=${encodeURIComponent(token)}`;

type Owner = { id: number; email: string; name: string };

/** Stores a new token for the account and returns it with its link; mails it when asked to. */
async function issueToken(
	tx: Tx,
	owner: Owner,
	o: { baseUrl: string; requestedBy: Actor; mail: false | 'owner' | 'admin'; invalidated?: boolean }
) {
	const token = newToken();
	const [row] = await tx
		.insert(passwordReset)
		.values({
			accountId: owner.id,
			tokenHash: hashToken(token),
			requestedBy: o.requestedBy.accountId,
			expiresAt: sql`now() + make_interval(mins => ${RESET_MINUTES})`
		})
		.returning({ id: passwordReset.id, expiresAt: passwordReset.expiresAt });
	const link = resetLink(o.baseUrl, token);
	if (o.mail) {
		const why =
			o.mail === 'owner'
				? 'Någon, förhoppningsvis du, har bett om ett nytt lösenord till ditt konto'
				: `${o.requestedBy.name}, administratör, har bett dig välja ett nytt lösenord till ditt konto`;
		const old = o.invalidated
			? 'Ditt tidigare lösenord gäller inte längre, och du har loggats ut överallt.'
			: 'Har du inte bett om det kan du bortse från meddelandet; ditt lösenord är oförändrat.';
		await enqueue(tx, o.requestedBy.name, [
			{
				kind: 'password',
				recipient: owner.email,
				recipientName: owner.name,
				subject: 'Välj ett nytt lösenord i Samverka',
				body:
					`Hej ${owner.name}!\n\n${why} i Samverka (${owner.email}).\n\n` +
					`Öppna länken och välj ett nytt lösenord. Länken gäller i ${RESET_MINUTES} minuter och kan användas en gång:\n\n${link}\n\n${old}\n`,
				headers: { ...AUTO_SUBMITTED }
			}
		]);
	}
	return { id: row.id, token, link, expiresAt: row.expiresAt };
}

/** Every link of the account not yet used stops working (a new password was set). */
export async function retireResetTokens(tx: Tx | Db, accountId: number) {
	await tx
		.update(passwordReset)
		.set({ usedAt: sql`now()` })
		.where(and(eq(passwordReset.accountId, accountId), isNull(passwordReset.usedAt)));
}

/**
 * "Glömt lösenordet?": mails a link if the address belongs to an enabled
 * account. The answer is the same, and comes after at least the same time,
 * whether it does or not; at most 3 links per account per 30 minutes, and 20
 * requests per address per 15 minutes.
 */
export async function requestPasswordReset(db: Db, input: unknown, meta: { ip?: string; baseUrl: string }) {
	const started = Date.now();
	const { email } = validate(resetRequestInput, input);
	const ip = meta.ip || 'unknown';
	if (!(await reserveCheck(db, `reset-address:${ip}`, RESET_ADDRESS))) {
		throw new TooManyRequestsError(`För många begäranden härifrån. Försök igen om ${waitText(RESET_ADDRESS.windowMinutes * 60)}.`);
	}
	const allowed = await reserveCheck(db, `reset:${normalEmail(email)}`, RESET_ACCOUNT);
	const [owner] = await db
		.select({ id: account.id, email: account.email, name: account.name })
		.from(account)
		.where(and(eq(account.email, email), isNull(account.disabledAt)));
	if (owner && allowed) {
		await inTransaction(db, async (tx) => {
			const issued = await issueToken(tx, owner, { baseUrl: meta.baseUrl, requestedBy: PUBLIC, mail: 'owner' });
			await writeAudit(tx, PUBLIC, {
				action: 'request-password-reset',
				entity: 'account',
				entityId: owner.id,
				after: { resetId: issued.id, ip: meta.ip ?? null }
			});
		});
	}
	const left = ANSWER_FLOOR_MS - (Date.now() - started);
	if (left > 0) await sleep(left);
	return { message: RESET_ANSWER };
}

/** Whether a link's token can still be used, and for which address (the page that sets the password says it). */
export async function resetTokenState(db: Db, token: string): Promise<{ email: string } | null> {
	if (!token) return null;
	const [row] = await db
		.select({ email: account.email })
		.from(passwordReset)
		.innerJoin(account, eq(account.id, passwordReset.accountId))
		.where(
			and(
				eq(passwordReset.tokenHash, hashToken(token)),
				isNull(passwordReset.usedAt),
				gt(passwordReset.expiresAt, sql`now()`),
				isNull(account.disabledAt)
			)
		);
	return row ?? null;
}

/**
 * Sets a new password through a link: the token is used up with every other
 * link of the account, and every session of the account ends.
 */
export async function resetPassword(db: Db, input: unknown, meta: { ip?: string } = {}) {
	const values = validate(resetInput, input);
	const passwordHash = await hashPassword(values.newPassword);
	return inTransaction(db, async (tx) => {
		const [row] = await tx
			.select({
				id: passwordReset.id,
				accountId: account.id,
				email: account.email,
				name: account.name,
				role: account.role,
				personId: account.personId
			})
			.from(passwordReset)
			.innerJoin(account, eq(account.id, passwordReset.accountId))
			.where(
				and(
					eq(passwordReset.tokenHash, hashToken(values.token)),
					isNull(passwordReset.usedAt),
					gt(passwordReset.expiresAt, sql`now()`),
					isNull(account.disabledAt)
				)
			)
			.for('update', { of: passwordReset });
		if (!row) throw fieldError('token', RESET_LINK_INVALID);
		await tx
			.update(account)
			.set({ passwordHash, passwordChangedAt: sql`now()`, updatedAt: sql`now()` })
			.where(eq(account.id, row.accountId));
		await retireResetTokens(tx, row.accountId);
		const endedSessions = await endSessions(tx, row.accountId);
		await clearAccountThrottle(tx, row.email);
		const owner: Actor = { accountId: row.accountId, name: row.name, role: row.role as Actor['role'], personId: row.personId };
		await writeAudit(tx, owner, {
			action: 'reset-password',
			entity: 'account',
			entityId: row.accountId,
			after: { resetId: row.id, endedSessions, ip: meta.ip ?? null }
		});
		return { email: row.email };
	});
}

/**
 * An administrator makes an account choose a new password: the reset link is
 * mailed, and with `invalidate` the current password stops working (replaced
 * by a random one nobody knows) and every session of the account ends.
 */
export async function forcePasswordReset(db: Db, actor: Actor, accountId: number, input: unknown, meta: { baseUrl: string }) {
	requireRole(actor, 'admin');
	const { invalidate } = validate(forceResetInput, input);
	const unknowable = invalidate ? await hashPassword(randomPassword(32)) : null;
	return inTransaction(db, async (tx) => {
		const [owner] = await tx
			.select({ id: account.id, email: account.email, name: account.name, disabledAt: account.disabledAt })
			.from(account)
			.where(eq(account.id, accountId))
			.for('update');
		if (!owner) throw new NotFoundError('Kontot');
		if (owner.disabledAt) throw fieldError('accountId', 'Konto: kontot är avstängt. Aktivera det först.');
		let endedSessions = 0;
		if (unknowable) {
			await tx
				.update(account)
				.set({ passwordHash: unknowable, passwordChangedAt: sql`now()`, updatedAt: sql`now()` })
				.where(eq(account.id, owner.id));
			endedSessions = await endSessions(tx, owner.id);
		}
		const issued = await issueToken(tx, owner, { baseUrl: meta.baseUrl, requestedBy: actor, mail: 'admin', invalidated: invalidate });
		await writeAudit(tx, actor, {
			action: 'force-password-reset',
			entity: 'account',
			entityId: owner.id,
			after: { resetId: issued.id, invalidated: invalidate, endedSessions }
		});
		return { email: owner.email, invalidated: invalidate, endedSessions };
	});
}

/**
 * The command line's reset, by the system: a link printed for the operator to
 * hand over (nothing mailed, the password unchanged until the link is used), or
 * with `generate` a random password set at once, every session ended.
 */
export async function cliPasswordReset(db: Db, email: string, o: { baseUrl: string; generate: boolean }) {
	const password = o.generate ? randomPassword() : null;
	const passwordHash = password ? await hashPassword(password) : null;
	return inTransaction(db, async (tx) => {
		const [owner] = await tx
			.select({ id: account.id, email: account.email, name: account.name, disabledAt: account.disabledAt })
			.from(account)
			.where(eq(account.email, normalEmail(email)))
			.for('update');
		if (!owner) throw new NotFoundError(`Något konto med e-posten ${normalEmail(email)}`);
		if (passwordHash) {
			await tx
				.update(account)
				.set({ passwordHash, passwordChangedAt: sql`now()`, updatedAt: sql`now()` })
				.where(eq(account.id, owner.id));
			await retireResetTokens(tx, owner.id);
			const endedSessions = await endSessions(tx, owner.id);
			await clearAccountThrottle(tx, owner.email);
			await writeAudit(tx, SYSTEM, { action: 'set-password', entity: 'account', entityId: owner.id, after: { endedSessions } });
			return { owner, password, link: null, expiresAt: null, disabled: Boolean(owner.disabledAt) };
		}
		const issued = await issueToken(tx, owner, { baseUrl: o.baseUrl, requestedBy: SYSTEM, mail: false });
		await writeAudit(tx, SYSTEM, {
			action: 'force-password-reset',
			entity: 'account',
			entityId: owner.id,
			after: { resetId: issued.id, invalidated: false }
		});
		return { owner, password: null, link: issued.link, expiresAt: issued.expiresAt, disabled: Boolean(owner.disabledAt) };
	});
}
