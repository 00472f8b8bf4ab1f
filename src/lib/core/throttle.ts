// How sign-in attempts are throttled: the rules as data and pure functions.
// The database applies them in one statement (src/lib/server/auth/throttle.ts);
// these say what that statement must decide, and are unit-tested.

export interface ThrottleRule {
	/** At most this many checks per window. */
	limit: number;
	windowMinutes: number;
	/** Checks allowed back to back before the pauses begin. */
	free: number;
	/** The longest pause between two checks, in seconds. */
	maxPauseSeconds: number;
}

/** One account tried from one address: the owner elsewhere is never held up by it. */
export const ACCOUNT_AND_ADDRESS: ThrottleRule = { limit: 10, windowMinutes: 15, free: 3, maxPauseSeconds: 64 };
/** One address across every account: password spraying. No pauses, a hard limit. */
export const ADDRESS: ThrottleRule = { limit: 50, windowMinutes: 15, free: 50, maxPauseSeconds: 0 };
/** Reset mail asked for one account, and from one address: nobody is flooded with mail. */
export const RESET_ACCOUNT: ThrottleRule = { limit: 3, windowMinutes: 30, free: 3, maxPauseSeconds: 0 };
export const RESET_ADDRESS: ThrottleRule = { limit: 20, windowMinutes: 15, free: 20, maxPauseSeconds: 0 };

/**
 * The pause after the n-th counted check of a window: none for the first
 * `free`, then 1, 2, 4 … seconds, doubling up to the maximum.
 */
export function pauseSeconds(rule: ThrottleRule, n: number): number {
	if (n <= rule.free) return 0;
	return Math.min(2 ** (n - rule.free - 1), rule.maxPauseSeconds);
}

/** Whether another check may start, given the window's count and the time of the last pause's end. */
export function mayCheck(rule: ThrottleRule, s: { failures: number; windowStart: Date; pausedUntil: Date | null }, now: Date): boolean {
	if (s.windowStart.getTime() <= now.getTime() - rule.windowMinutes * 60_000) return true;
	return s.failures < rule.limit && (s.pausedUntil === null || s.pausedUntil.getTime() <= now.getTime());
}

/** How long to wait, said in Swedish: "30 sekunder", "1 minut", "14 minuter". */
export function waitText(seconds: number): string {
	const s = Math.max(1, Math.ceil(seconds));
	if (s < 60) return `${s} ${s === 1 ? 'sekund' : 'sekunder'}`;
	const m = Math.ceil(s / 60);
	return `${m} ${m === 1 ? 'minut' : 'minuter'}`;
}
