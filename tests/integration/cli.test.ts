// The samverka command, run as a child process the way a user runs it, against
// this file's own database (DATABASE_URL).
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from './db.ts';
import type { Db } from '../../src/lib/server/db/client.ts';
import { account, auditLog } from '../../src/lib/server/db/schema/index.ts';
import { actorFromSession, actorFromToken, login } from '../../src/lib/server/auth/sessions.ts';
import { resetPassword } from '../../src/lib/server/auth/reset.ts';
import { ValidationError } from '../../src/lib/server/errors.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

let db: Db;
let url: string;
beforeAll(async () => {
	({ db, url } = await freshDb());
});

interface Result {
	code: number;
	stdout: string;
	stderr: string;
}

/** Runs `node cli/samverka.ts ...args` on Node 24 (vitest's own) against this file's database. */
function samverka(...args: string[]): Promise<Result> {
	return new Promise((resolve) => {
		execFile(
			process.execPath,
			['cli/samverka.ts', ...args],
			{ cwd: ROOT, env: { ...process.env, DATABASE_URL: url, NODE_NO_WARNINGS: '1' }, timeout: 45_000 },
			(error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr })
		);
	});
}

// Each command is a process of its own (about a second each): generous timeouts.
const slow = { timeout: 60_000 };

describe('samverka user', slow, () => {
	it('adds an account that can log in, and audits it', async () => {
		const r = await samverka(
			'user',
			'add',
			'--email',
			'Kansliet@Example.se',
			'--name',
			'Kerstin Kansli',
			'--role',
			'editor',
			'--password',
			'ett-bra-losenord-1'
		);
		expect(r.stderr).toBe('');
		expect(r.code).toBe(0);
		expect(r.stdout).toMatch(/kansliet@example\.se/);
		expect(r.stdout).not.toMatch(/Lösenordet visas/);

		const session = await login(db, 'kansliet@example.se', 'ett-bra-losenord-1');
		expect(session.actor).toMatchObject({ name: 'Kerstin Kansli', role: 'editor' });

		const [row] = await db.select().from(account).where(eq(account.email, 'kansliet@example.se'));
		const audit = await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.entity, 'account'), eq(auditLog.entityId, String(row.id)), eq(auditLog.action, 'create')));
		expect(audit).toHaveLength(1);
		expect(audit[0]).toMatchObject({ actor: 'System', accountId: null });
	});

	it('generates a password when none is given and prints it once', async () => {
		const r = await samverka('user', 'add', '--email', 'medlem@example.se', '--name', 'Mia Medlem', '--role', 'member');
		expect(r.code).toBe(0);
		const password = /Lösenordet visas bara den här gången:\n\s+(\S+)\n/.exec(r.stdout)?.[1];
		expect(password).toMatch(/^\S{20}$/);
		await expect(login(db, 'medlem@example.se', password!)).resolves.toMatchObject({ actor: { role: 'member' } });
	});

	it('refuses a bad e-mail address with a Swedish message naming the field, and saves nothing', async () => {
		const before = await db.select().from(account);
		const r = await samverka('user', 'add', '--email', 'inte-en-adress', '--name', 'Fel Felsson', '--role', 'member');
		expect(r.code).toBe(1);
		expect(r.stderr).toMatch(/E-post måste vara en giltig e-postadress/);
		expect(r.stdout).toBe('');
		expect(await db.select().from(account)).toHaveLength(before.length);
	});

	it('refuses a duplicate address and a too short password', async () => {
		const dup = await samverka('user', 'add', '--email', 'kansliet@example.se', '--name', 'Igen', '--role', 'editor');
		expect(dup.code).toBe(1);
		expect(dup.stderr).toMatch(/E-post: det finns redan ett konto/);
		const short = await samverka('user', 'add', '--email', 'ny@example.se', '--name', 'Ny', '--role', 'admin', '--password', 'kort');
		expect(short.code).toBe(1);
		expect(short.stderr).toMatch(/Lösenord måste ha minst 12 tecken/);
	});

	it('gives exit code 2 on a usage error', async () => {
		const r = await samverka('user', 'add', '--email', 'x@example.se');
		expect(r.code).toBe(2);
		expect(r.stderr).toMatch(/--name \(Namn\)/);
		expect((await samverka('nonsense')).code).toBe(2);
		const help = await samverka('help');
		expect(help.code).toBe(0);
		expect(help.stdout).toMatch(/user add/);
	});

	it('lists the accounts', async () => {
		const r = await samverka('user', 'list');
		expect(r.code).toBe(0);
		expect(r.stdout).toMatch(/^id\s+e-post\s+namn\s+roll\s+avstängd/);
		expect(r.stdout).toMatch(/kansliet@example\.se\s+Kerstin Kansli\s+editor\s+nej/);
	});

	it('disables and enables an account', async () => {
		expect((await samverka('user', 'disable', '--email', 'medlem@example.se')).code).toBe(0);
		expect((await samverka('user', 'list')).stdout).toMatch(/medlem@example\.se\s+Mia Medlem\s+member\s+ja, \d{4}-\d\d-\d\d/);
		const [row] = await db.select().from(account).where(eq(account.email, 'medlem@example.se'));
		expect(row.disabledAt).not.toBeNull();
		expect((await samverka('user', 'enable', '--email', 'medlem@example.se')).code).toBe(0);
		const [again] = await db.select().from(account).where(eq(account.email, 'medlem@example.se'));
		expect(again.disabledAt).toBeNull();

		const missing = await samverka('user', 'disable', '--email', 'ingen@example.se');
		expect(missing.code).toBe(1);
		expect(missing.stderr).toMatch(/ingen@example\.se finns inte/);
	});
});

describe('samverka user reset-password', slow, () => {
	it('prints a one-time link valid 30 minutes that sets a new password; the old one holds until then', async () => {
		const r = await samverka('user', 'reset-password', 'Kansliet@Example.se');
		expect(r.stderr).toBe('');
		expect(r.code).toBe(0);
		expect(r.stdout).toMatch(/kansliet@example\.se, giltig i 30 minuter/);
		const token = /^\s+https?:\/\/\S+\/login\/reset\?token=([A-Za-z0-9_-]{43})$/m.exec(r.stdout)?.[1];
		expect(token).toBeDefined();
		await expect(login(db, 'kansliet@example.se', 'ett-bra-losenord-1', { ip: '192.0.2.90' })).resolves.toBeDefined();
		await resetPassword(db, { token, newPassword: 'nytt-från-länken-1' });
		await expect(login(db, 'kansliet@example.se', 'nytt-från-länken-1', { ip: '192.0.2.90' })).resolves.toBeDefined();
		await expect(resetPassword(db, { token, newPassword: 'en-gång-till-123' })).rejects.toBeInstanceOf(ValidationError);
	});

	it('with --generate sets a random password at once, printed once, and ends the sessions; audited', async () => {
		const before = await login(db, 'kansliet@example.se', 'nytt-från-länken-1', { ip: '192.0.2.91' });
		const r = await samverka('users', 'reset-password', 'kansliet@example.se', '--generate');
		expect(r.code).toBe(0);
		const password = /Lösenordet visas bara den här gången:\n\s+(\S+)\n/.exec(r.stdout)?.[1];
		expect(password).toMatch(/^\S{20}$/);
		expect(await actorFromSession(db, before.token)).toBeNull();
		await expect(login(db, 'kansliet@example.se', password!, { ip: '192.0.2.91' })).resolves.toMatchObject({ actor: { role: 'editor' } });
		const [row] = await db.select().from(account).where(eq(account.email, 'kansliet@example.se'));
		const actions = await db
			.select({ action: auditLog.action, actor: auditLog.actor })
			.from(auditLog)
			.where(and(eq(auditLog.entity, 'account'), eq(auditLog.entityId, String(row.id))));
		expect(actions).toContainEqual({ action: 'force-password-reset', actor: 'System' });
		expect(actions).toContainEqual({ action: 'set-password', actor: 'System' });
	});

	it('refuses an unknown address and a missing one', async () => {
		const r = await samverka('user', 'reset-password', 'ingen@example.se');
		expect(r.code).toBe(1);
		expect(r.stderr).toMatch(/ingen@example\.se finns inte/);
		expect((await samverka('user', 'reset-password')).code).toBe(2);
	});

	it('refuses a common password for a new account', async () => {
		const r = await samverka(
			'user',
			'add',
			'--email',
			'vanlig@example.se',
			'--name',
			'V',
			'--role',
			'member',
			'--password',
			'password1234'
		);
		expect(r.code).toBe(1);
		expect(r.stderr).toMatch(/Lösenord: det är ett av de vanligaste lösenorden\. Välj ett annat\./);
	});
});

describe('samverka token', slow, () => {
	it('issues a personal API token that authenticates as the account', async () => {
		const r = await samverka('token', 'add', '--email', 'kansliet@example.se', '--name', 'Importskript');
		expect(r.code).toBe(0);
		const token = /^\s+([A-Za-z0-9_-]{43})$/m.exec(r.stdout)?.[1];
		expect(token).toBeDefined();
		await expect(actorFromToken(db, token!)).resolves.toMatchObject({ name: 'Kerstin Kansli', role: 'editor' });
		await expect(actorFromToken(db, token!.slice(1))).resolves.toBeNull();
	});
});

describe('samverka migrate', slow, () => {
	it('reports an up-to-date schema', async () => {
		const r = await samverka('migrate');
		expect(r.code).toBe(0);
		expect(r.stdout).toMatch(/redan aktuellt/);
	});
});
