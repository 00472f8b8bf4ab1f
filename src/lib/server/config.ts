// Configuration from the environment, read once.
import path from 'node:path';

export interface Config {
	dataDir: string;
	databaseUrl: string | null;
	smtpUrl: string | null;
	/** The sender of the cooperation's mail. */
	mailFrom: string;
	adminEmail: string | null;
	adminPassword: string | null;
	loadDemo: boolean;
	/** The address links in mail point to, e.g. https://samverka.example.se. */
	publicUrl: string;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
	return {
		dataDir: path.resolve(env.DATA_DIR || 'data'),
		databaseUrl: env.DATABASE_URL || null,
		smtpUrl: env.SMTP_URL || null,
		mailFrom: env.MAIL_FROM || 'Samverka <noreply@samverka.local>',
		adminEmail: env.SAMVERKA_ADMIN_EMAIL || null,
		adminPassword: env.SAMVERKA_ADMIN_PASSWORD || null,
		loadDemo: env.SAMVERKA_DEMO !== 'false',
		publicUrl: (env.ORIGIN || '').replace(/\/$/, '')
	};
}
