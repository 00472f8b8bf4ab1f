// What the command prints: results on stdout, progress and errors on stderr.
import { isServiceError, ValidationError } from '../src/lib/server/errors.ts';
import { UsageError } from './args.ts';

export const print = (line = '') => void process.stdout.write(line + '\n');
export const note = (line = '') => void process.stderr.write(line + '\n');

/** A plain text table with a header row, columns padded to their widest cell. */
export function table(headers: string[], rows: string[][]): string {
	const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
	const line = (cells: string[]) =>
		cells
			.map((c, i) => c.padEnd(widths[i]))
			.join('  ')
			.trimEnd();
	return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

const stockholm = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'short', timeStyle: 'short' });
export const stockholmTime = (d: Date) => stockholm.format(d);

/** The service's field names → the option that sets them. */
const OPTION_OF: Record<string, string> = {
	email: '--email',
	name: '--name',
	password: '--password',
	role: '--role',
	personId: '--person'
};

const CONNECTION_CODES: Record<string, string> = {
	ECONNREFUSED: 'ingen databasserver svarar på den adressen',
	ENOTFOUND: 'databasserverns namn finns inte',
	'28P01': 'fel användarnamn eller lösenord',
	'3D000': 'databasen finns inte'
};

/** Prints an error the way a user can act on, and returns the exit code. */
export function report(e: unknown): number {
	if (e instanceof UsageError) {
		note(`Fel: ${e.message}`);
		note('Skriv `npm run samverka -- help` för att se kommandona.');
		return 2;
	}
	if (e instanceof ValidationError) {
		note('Fel i uppgifterna, inget sparades:');
		for (const { field, message } of e.errors) note(`  ${message}${OPTION_OF[field] ? ` (${OPTION_OF[field]})` : ''}`);
		return 1;
	}
	if (isServiceError(e)) {
		note(`Fel: ${e.message}`);
		return 1;
	}
	const { code, message } = e as { code?: string; message?: string };
	if (code && CONNECTION_CODES[code]) {
		note(`Fel: kunde inte ansluta till databasen: ${CONNECTION_CODES[code]} (${message}).`);
	} else {
		note(`Fel: ${message ?? String(e)}`);
	}
	if (process.env.DEBUG) console.error(e);
	return 1;
}
