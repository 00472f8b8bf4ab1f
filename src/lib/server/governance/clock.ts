// Runs the year's cycle on a timer: reminders as their windows open, and the
// weekly digest once per week. Both are safe with several instances (rows are
// claimed in the database), so every instance may run the clock.
import type { Db } from '../db/client.ts';
import { todayIso } from '../../core/format.ts';
import { sendReminders, sendWeeklyDigest } from './reminders.ts';

export interface CycleClock {
	tick(): Promise<void>;
	stop(): void;
}

export function startCycleClock(db: Db, baseUrl: string, log: (m: string) => void = console.error, everyMs = 15 * 60_000): CycleClock {
	let running: Promise<void> | null = null;
	const tick = () =>
		(running ??= (async () => {
			const today = todayIso();
			await sendReminders(db, today, baseUrl);
			await sendWeeklyDigest(db, today, baseUrl);
		})()
			.catch((e) => log(`Årshjulet: påminnelserna misslyckades: ${e instanceof Error ? e.message : e}`))
			.finally(() => {
				running = null;
			}));
	const timer = setInterval(() => void tick(), everyMs);
	timer.unref();
	void tick();
	return { tick, stop: () => clearInterval(timer) };
}
