// The `samverka` command: `npm run samverka -- <command> [options]`.
import { ACCOUNT_ROLES } from '../src/lib/server/actor.ts';
import { UsageError } from './args.ts';
import { print, report } from './output.ts';
import { init, migrateCommand } from './setup.ts';
import { financeClosing, financeFees } from './finance.ts';
import { tokenAdd, userAdd, userDisable, userEnable, userList, userResetPassword } from './users.ts';

type Command = (args: string[]) => Promise<void>;

const COMMANDS: Record<string, Command> = {
	init,
	migrate: migrateCommand,
	'user add': userAdd,
	'user list': userList,
	'user disable': userDisable,
	'user enable': userEnable,
	'user reset-password': userResetPassword,
	'users reset-password': userResetPassword,
	'token add': tokenAdd,
	'finance closing': financeClosing,
	'finance fees': financeFees
};

const roles = Object.entries(ACCOUNT_ROLES)
	.map(([key, label]) => `${' '.repeat(30)}${key.padEnd(8)}${label}`)
	.join('\n');

const USAGE = `Samverka på kommandoraden.

Användning: npm run samverka -- <kommando> [alternativ]

Kommandon:
  init                      Startar databasen, uppdaterar schemat och skapar vid första
                            starten administratörskontot och demodatan. Stoppar sedan.
  migrate                   Uppdaterar bara databasschemat.
  user add --email E --name N --role R [--password P] [--person ID]
                            Lägger till ett konto. Utan --password skapas ett slumpat
                            lösenord som visas en gång. Roller:
${roles}
  user list                 Visar alla konton.
  user disable --email E    Stänger av ett konto.
  user enable --email E     Aktiverar ett avstängt konto igen.
  user reset-password E [--generate]
                            Skriver ut en engångslänk (giltig i 30 minuter) där kontots
                            ägare väljer ett nytt lösenord; lösenordet gäller tills dess.
                            Med --generate sätts i stället ett slumpat lösenord som visas
                            en gång, och kontots alla inloggningar avslutas. Länkens
                            adress börjar med ORIGIN.
  token add --email E --name N
                            Skapar en personlig API-nyckel för kontot och visar den en gång.
  finance closing ÅR [--json]
                            Visar årets bokslut per fond (med --json som API:t, i ören).
  finance fees ÅR [--json]  Visar årets avgift per kommun.
  help                      Visar den här texten.

Databasen: DATABASE_URL om den är satt; annars den inbyggda databasen i DATA_DIR
(standard data/), hos Samverka om den körs, annars startad för kommandot.`;

function resolve(argv: string[]): { command: Command; rest: string[] } | null {
	const [first, second] = argv;
	if (!first || ['help', '--help', '-h'].includes(first)) return null;
	const two = COMMANDS[`${first} ${second}`];
	if (two) return { command: two, rest: argv.slice(2) };
	const one = COMMANDS[first];
	if (one) return { command: one, rest: argv.slice(1) };
	const group = Object.keys(COMMANDS).some((name) => name.startsWith(`${first} `));
	if (group) {
		throw new UsageError(second ? `okänt kommando: ${first} ${second}.` : `ange vad ${first} ska göra.`);
	}
	throw new UsageError(`okänt kommando: ${first}.`);
}

async function main(argv: string[]): Promise<number> {
	try {
		const found = resolve(argv);
		if (!found) {
			print(USAGE);
			return 0;
		}
		await found.command(found.rest);
		return 0;
	} catch (e) {
		return report(e);
	}
}

process.exitCode = await main(process.argv.slice(2));
