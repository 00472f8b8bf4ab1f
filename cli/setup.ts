// `init` and `migrate`: prepare a database without starting the web server.
import { knownMigrations } from '../src/lib/server/db/migrate.ts';
import { parseOptions } from './args.ts';
import { withDatabase } from './database.ts';
import { print } from './output.ts';

export async function init(args: string[]) {
	parseOptions('init', args, {});
	let steps = 0;
	const log = (message: string) => {
		steps++;
		print(message);
	};
	await withDatabase('init', log, async ({ kind, source }) => {
		if (kind === 'running') {
			print(`Samverka körs redan på den här datakatalogen och har initierat ${source}; inget att göra.`);
		} else if (steps === 0) {
			print(`Inget att göra: ${source} var redan initierad och har det senaste schemat.`);
		} else {
			print(`Klart: ${source} är initierad.`);
		}
	});
}

export async function migrateCommand(args: string[]) {
	parseOptions('migrate', args, {});
	await withDatabase('migrate', print, async ({ applied, source }) => {
		if (!applied?.length) print(`Databasschemat i ${source} är redan aktuellt (${count(knownMigrations().length)}).`);
		else print(`Klart: ${source} har nu det senaste schemat.`);
	});
}

const count = (n: number) => `${n} ${n === 1 ? 'migrering' : 'migreringar'}`;
