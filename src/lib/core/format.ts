// Swedish formats for the screen: dates, times in Europe/Stockholm, money, numbers.
import { formatPartialPeriod } from './partial-date.ts';

const TZ = 'Europe/Stockholm';
/**
 * The screen's numbers, calendar dates and Stockholm times in a locale: the
 * application's Swedish ones below, and the public site's English ones.
 */
export function formatsIn(locale: string) {
	const number = new Intl.NumberFormat(locale);
	const date = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
	const dateTime = new Intl.DateTimeFormat(locale, {
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		hour: '2-digit',
		minute: '2-digit',
		timeZone: TZ
	});
	return {
		number: (n: number) => number.format(n),
		// Read as a calendar date, never shifted by a time zone.
		date: (iso: string | null | undefined) => (iso ? date.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)) : ''),
		dateTime: (at: Date | string | null | undefined) => (at ? dateTime.format(typeof at === 'string' ? new Date(at) : at) : '')
	};
}

export const SWEDISH = formatsIn('sv-SE');

/** 1381130 → "1 381 130" (with the no-break spaces sv-SE uses). */
export const formatNumber = SWEDISH.number;

/** Integer öre → "1 381 130 kr", or with öre when there are any. */
export function formatKronor(ore: number): string {
	if (!Number.isInteger(ore)) throw new TypeError('Belopp ska vara hela ören.');
	const sign = ore < 0 ? '−' : '';
	const abs = Math.abs(ore);
	const kr = Math.trunc(abs / 100);
	const rest = abs % 100;
	return `${sign}${SWEDISH.number(kr)}${rest ? ',' + String(rest).padStart(2, '0') : ''} kr`;
}

/** ISO date "2020-11-20" → "20 november 2020". Read as a calendar date, never shifted by a time zone. */
export const formatDate = SWEDISH.date;

/** A UTC instant → "20 november 2020 kl. 08:30" in Europe/Stockholm. */
export const formatDateTime = SWEDISH.dateTime;

const isoDateFmt = new Intl.DateTimeFormat('sv-SE', { timeZone: TZ });

/** "möte med …" → "Möte med …" */
export const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Today's date in Stockholm, as ISO. */
export function todayIso(now = new Date()): string {
	return isoDateFmt.format(now);
}

/** "1 januari 2020 – 30 november 2021", "2021", "fr o m 12 mars 2021", "period okänd": partial dates printed as written. */
export const formatPeriod = (from: string | null, to: string | null): string => formatPartialPeriod({ from, to });
