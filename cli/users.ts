// `user add|list|disable|enable` and `token add`: accounts and personal API
// tokens, changed through the auth services as the system actor (audited).
import { SYSTEM } from '../src/lib/server/actor.ts';
import { createAccount, issueApiToken, listAccounts, setAccountDisabled } from '../src/lib/server/auth/accounts.ts';
import { randomPassword } from '../src/lib/server/auth/password.ts';
import { cliPasswordReset, RESET_MINUTES } from '../src/lib/server/auth/reset.ts';
import { readConfig } from '../src/lib/server/config.ts';
import type { Db } from '../src/lib/server/db/client.ts';
import { NotFoundError } from '../src/lib/server/errors.ts';
import { parseArgs } from 'node:util';
import { parseOptions, UsageError } from './args.ts';
import { withDatabase } from './database.ts';
import { note, print, stockholmTime, table } from './output.ts';

async function accountByEmail(db: Db, email: string) {
	const wanted = email.trim().toLowerCase();
	const found = (await listAccounts(db, SYSTEM)).find((a) => a.email === wanted);
	if (!found) throw new NotFoundError(`Något konto med e-posten ${wanted}`);
	return found;
}

export async function userAdd(args: string[]) {
	const o = parseOptions('user add', args, {
		email: { label: 'E-post', required: true },
		name: { label: 'Namn', required: true },
		role: { label: 'Roll', required: true },
		password: { label: 'Lösenord' },
		person: { label: 'Personens id' }
	});
	const password = o.password ?? randomPassword();
	const input = { email: o.email, name: o.name, role: o.role, password, personId: o.person };
	const created = await withDatabase('use', note, ({ db }) => createAccount(db, SYSTEM, input));
	print(`Kontot ${created.email} (${created.name}, ${created.role}) är skapat med id ${created.id}.`);
	if (!o.password) {
		print('Lösenordet visas bara den här gången:');
		print(`  ${password}`);
	}
}

export async function userList(args: string[]) {
	parseOptions('user list', args, {});
	const accounts = await withDatabase('use', note, ({ db }) => listAccounts(db, SYSTEM));
	if (!accounts.length) return print('Det finns inga konton än. Lägg till ett med: npm run samverka -- user add');
	const rows = accounts.map((a) => [String(a.id), a.email, a.name, a.role, a.disabledAt ? `ja, ${stockholmTime(a.disabledAt)}` : 'nej']);
	print(table(['id', 'e-post', 'namn', 'roll', 'avstängd'], rows));
}

async function setDisabled(command: string, args: string[], disabled: boolean) {
	const o = parseOptions(command, args, { email: { label: 'E-post', required: true } });
	const message = await withDatabase('use', note, async ({ db }) => {
		const account = await accountByEmail(db, o.email!);
		if (Boolean(account.disabledAt) === disabled) {
			return `Kontot ${account.email} är redan ${disabled ? 'avstängt' : 'aktivt'}; inget ändrades.`;
		}
		await setAccountDisabled(db, SYSTEM, account.id, disabled);
		return disabled
			? `Kontot ${account.email} är avstängt: det kan inte logga in, och dess sessioner och nycklar gäller inte längre.`
			: `Kontot ${account.email} är aktivt igen.`;
	});
	print(message);
}

export const userDisable = (args: string[]) => setDisabled('user disable', args, true);
export const userEnable = (args: string[]) => setDisabled('user enable', args, false);

export async function tokenAdd(args: string[]) {
	const o = parseOptions('token add', args, {
		email: { label: 'E-post', required: true },
		name: { label: 'Namn på nyckeln', required: true }
	});
	const { account, issued } = await withDatabase('use', note, async ({ db }) => {
		const account = await accountByEmail(db, o.email!);
		return { account, issued: await issueApiToken(db, SYSTEM, account.id, { name: o.name }) };
	});
	print(`API-nyckeln "${issued.name}" är skapad för ${account.email} (${account.role}).`);
	print('Nyckeln visas bara den här gången; skicka den som "Authorization: Bearer <nyckel>":');
	print(`  ${issued.token}`);
}

/**
 * `user reset-password E-POST [--generate]`: prints a one-time link (valid 30
 * minutes) for the operator to hand over; the password stays until the link is
 * used. With --generate a random password is set at once and printed once,
 * and every session of the account ends.
 */
export async function userResetPassword(args: string[]) {
	let parsed;
	try {
		parsed = parseArgs({
			args,
			options: { email: { type: 'string' }, generate: { type: 'boolean' } },
			strict: true,
			allowPositionals: true
		});
	} catch (e) {
		throw new UsageError(`user reset-password: ${(e as Error).message}`);
	}
	const emails = [...parsed.positionals, ...(parsed.values.email ? [parsed.values.email] : [])];
	if (emails.length !== 1)
		throw new UsageError('user reset-password: ange en e-postadress, till exempel: user reset-password anna@kommun.se');
	const config = readConfig();
	const baseUrl = config.publicUrl || `http://localhost:${process.env.PORT || 3000}`;
	const generate = parsed.values.generate === true;
	const r = await withDatabase('use', note, ({ db }) => cliPasswordReset(db, emails[0], { baseUrl, generate }));
	if (r.password) {
		print(`Kontot ${r.owner.email} har fått ett nytt lösenord, och alla dess inloggningar är avslutade.`);
		print('Lösenordet visas bara den här gången:');
		print(`  ${r.password}`);
	} else {
		print(
			`Länk för att välja ett nytt lösenord till ${r.owner.email}, giltig i ${RESET_MINUTES} minuter (till ${stockholmTime(r.expiresAt!)}) och en gång:`
		);
		print(`  ${r.link}`);
		print('Det nuvarande lösenordet gäller tills länken används. Skicka länken till kontots ägare på ett säkert sätt.');
	}
	if (r.disabled) note(`Obs: kontot ${r.owner.email} är avstängt; aktivera det med: user enable --email ${r.owner.email}`);
}
