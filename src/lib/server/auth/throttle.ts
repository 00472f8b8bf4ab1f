// Sign-in throttling in rows, shared by every instance. A check is counted
// *before* the password is verified, by one INSERT … ON CONFLICT DO UPDATE …
// WHERE per key: the row lock makes parallel attempts queue, and an attempt
// whose count or pause says no updates nothing and gets no row back. So 100
// parallel wrong passwords verify at most the rule's allowance, not 100.
import { eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import { loginAttempt } from '../db/schema/index.ts';
import { ACCOUNT_AND_ADDRESS, ADDRESS, waitText, type ThrottleRule } from '../../core/throttle.ts';

export const normalEmail = (email: string) => email.trim().toLowerCase();
/** The address a request came from; internal callers without one share "unknown". */
const addressOf = (ip: string | undefined | null) => ip || 'unknown';

export const loginKey = (email: string, ip?: string | null) => `login:${normalEmail(email)} ${addressOf(ip)}`;
export const addressKey = (ip?: string | null) => `address:${addressOf(ip)}`;

/** The pause after the n-th check (n an SQL expression), as in pauseSeconds: null when there is none. */
function pauseUntil(rule: ThrottleRule, n: ReturnType<typeof sql>) {
	if (rule.maxPauseSeconds === 0) return sql`null::timestamptz`;
	return sql`case when ${n} <= ${rule.free} then null
		else now() + make_interval(secs => least(power(2, ${n} - ${rule.free} - 1), ${rule.maxPauseSeconds})) end`;
}

/**
 * Counts one check against the key if the rule allows it now; returns whether
 * it did. One statement: the count, the window and the pause are read and
 * written under the row's lock.
 */
export async function reserveCheck(tx: Tx | Db, key: string, rule: ThrottleRule): Promise<boolean> {
	const expired = sql`login_attempt.window_start <= now() - make_interval(mins => ${rule.windowMinutes})`;
	const next = sql`(case when ${expired} then 1 else login_attempt.failures + 1 end)`;
	const rows = await tx.execute(sql`
		insert into login_attempt (key, failures, window_start, locked_until)
		values (${key}, 1, now(), ${pauseUntil(rule, sql`1`)})
		on conflict (key) do update set
			failures = ${next},
			window_start = case when ${expired} then now() else login_attempt.window_start end,
			locked_until = ${pauseUntil(rule, next)}
		where ${expired}
			or (login_attempt.failures < ${rule.limit} and (login_attempt.locked_until is null or login_attempt.locked_until <= now()))
		returning failures`);
	return rows.rows.length > 0;
}

/** Seconds until the key may be checked again (at least 1). */
export async function secondsToWait(db: Db, key: string, rule: ThrottleRule): Promise<number> {
	const rows = await db.execute<{ wait: number | string | null }>(sql`
		select extract(epoch from greatest(
			locked_until,
			case when failures >= ${rule.limit} then window_start + make_interval(mins => ${rule.windowMinutes}) end
		) - now()) as wait
		from login_attempt where key = ${key}`);
	return Math.max(1, Number(rows.rows[0]?.wait ?? 1));
}

export type Reservation = { ok: true } | { ok: false; waitSeconds: number };

class Refused extends Error {
	readonly key: string;
	readonly rule: ThrottleRule;
	constructor(key: string, rule: ThrottleRule) {
		super('refused');
		this.key = key;
		this.rule = rule;
	}
}

/**
 * Counts a password check for an account tried from an address, against both
 * the account-and-address rule and the address's own rule, in one transaction:
 * if either says no, neither counts.
 */
export async function reservePasswordCheck(db: Db, email: string, ip?: string | null): Promise<Reservation> {
	const keys: [string, ThrottleRule][] = [
		[loginKey(email, ip), ACCOUNT_AND_ADDRESS],
		[addressKey(ip), ADDRESS]
	];
	try {
		await db.transaction(async (tx) => {
			for (const [key, rule] of keys) if (!(await reserveCheck(tx, key, rule))) throw new Refused(key, rule);
		});
		return { ok: true };
	} catch (e) {
		if (!(e instanceof Refused)) throw e;
		return { ok: false, waitSeconds: await secondsToWait(db, e.key, e.rule) };
	}
}

/**
 * The password was right: the account-and-address count starts again, and the
 * address's count gives back the check it took (a right password is no spraying).
 */
export async function passwordCheckSucceeded(db: Db, email: string, ip?: string | null) {
	await db.delete(loginAttempt).where(eq(loginAttempt.key, loginKey(email, ip)));
	await db.execute(sql`update login_attempt set failures = greatest(failures - 1, 0) where key = ${addressKey(ip)}`);
}

/** A new password (changed or reset): every address starts afresh for the account. */
export async function clearAccountThrottle(tx: Tx | Db, email: string) {
	await tx.execute(sql`delete from login_attempt where key like ${`login:${normalEmail(email).replace(/[\\%_]/g, '\\$&')} %`}`);
}

export const tooManyMessage = (waitSeconds: number) =>
	`För många misslyckade inloggningar härifrån. Försök igen om ${waitText(waitSeconds)}.`;
