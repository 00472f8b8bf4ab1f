// The application's life: its database (embedded or given), migrations, the
// demo data and the first administrator on first start, and a clean stop.
import { createDb, type Db } from './db/client.ts';
import { startEmbedded, type EmbeddedServer } from './db/embedded.ts';
import { migrate } from './db/migrate.ts';
import { readConfig, type Config } from './config.ts';
import { createFirstAdmin, hasAnyAdmin } from './auth/accounts.ts';
import { randomPassword } from './auth/password.ts';
import { demoDir, loadDemo } from './demo/load.ts';
import { freezeDemoEditions } from './demo/documents.ts';
import { getCooperation } from './organisation/queries.ts';
import { startChangeFeed, type ChangeFeed } from './cache/change-feed.ts';
import { smtpSender, startMailer, type Mailer } from './mail/mailer.ts';
import { startCycleClock, type CycleClock } from './governance/clock.ts';

export interface Runtime {
	db: Db;
	config: Config;
	embedded: EmbeddedServer | null;
	/** Hears every committed change, here or in another instance (drives the response cache). */
	changes: ChangeFeed;
	/** Delivers the outbox; null without SMTP_URL (mail then waits in the outbox). */
	mailer: Mailer | null;
	/** Reminders and the weekly digest of the year's cycle; runs with the mailer (mail without SMTP would only pile up). */
	cycle: CycleClock | null;
	stop(): Promise<void>;
}

export async function startRuntime(config = readConfig(), log: (m: string) => void = console.log): Promise<Runtime> {
	const embedded = config.databaseUrl ? null : await startEmbedded({ dataDir: config.dataDir, log });
	try {
		const url = config.databaseUrl ?? embedded!.url;
		const db = createDb(url);
		const applied = await migrate(db.$client);
		if (applied.length) log(`Databasschemat uppdaterat: ${applied.join(', ')}.`);
		await firstStart(db, config, log);
		const changes = await startChangeFeed(url);
		const mailer = config.smtpUrl ? startMailer(db, smtpSender(config.smtpUrl, config.mailFrom), log) : null;
		const cycle = mailer ? startCycleClock(db, config.publicUrl, log) : null;
		let stopped: Promise<void> | undefined;
		return {
			db,
			config,
			embedded,
			changes,
			mailer,
			cycle,
			stop: () =>
				(stopped ??= (async () => {
					mailer?.stop();
					cycle?.stop();
					await changes.stop();
					await db.$client.end();
					await embedded?.stop();
				})())
		};
	} catch (e) {
		await embedded?.stop();
		throw e;
	}
}

async function firstStart(db: Db, config: Config, log: (m: string) => void) {
	if (config.loadDemo && !(await getCooperation(db))) {
		const t0 = Date.now();
		const counts = await loadDemo(db);
		const editions = await freezeDemoEditions(db, demoDir());
		log(`Demodata laddad (${counts}, ${editions} fastställda dokument) på ${Date.now() - t0} ms.`);
	}
	if (!(await hasAnyAdmin(db))) {
		const email = config.adminEmail ?? 'admin@samverka.local';
		const password = config.adminPassword ?? randomPassword();
		await createFirstAdmin(db, { email, name: 'Administratör', password });
		if (config.adminPassword) {
			log(`Administratörskonto skapat: ${email} (lösenordet från SAMVERKA_ADMIN_PASSWORD).`);
		} else {
			log(
				`\n  Administratörskonto skapat. Det här visas bara en gång:\n` +
					`    E-post:   ${email}\n    Lösenord: ${password}\n` +
					`  Fler konton: npm run samverka -- user add\n`
			);
		}
	}
}
