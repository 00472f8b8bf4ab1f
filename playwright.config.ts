import fs from 'node:fs';
import { defineConfig } from '@playwright/test';

// Debian's Chromium: no browser download is possible on these machines.
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = fs.existsSync(chromium);
if (!hasChromium && process.env.CI === 'true') {
	throw new Error(`CI=true men Chromium saknas (${chromium}): end-to-end-testerna får inte hoppas över.`);
}
if (!hasChromium) console.warn(`Chromium saknas (${chromium}); end-to-end-testerna körs inte. Installera paketet chromium.`);

const port = Number(process.env.E2E_PORT ?? 3210);
export const ADMIN = { email: 'admin@e2e.test', password: 'e2e-losenord-som-ar-langt' };

export default defineConfig({
	testDir: 'tests/e2e',
	testIgnore: hasChromium ? [] : ['**/*'],
	fullyParallel: false,
	workers: 1,
	retries: 0,
	reporter: [['list']],
	timeout: 30_000,
	use: {
		baseURL: `http://localhost:${port}`,
		locale: 'sv-SE',
		timezoneId: 'Europe/Stockholm',
		launchOptions: {
			executablePath: chromium,
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync'
			]
		}
	},
	projects: [
		{ name: 'chromium', testIgnore: /no-js\.spec\.ts/ },
		{ name: 'chromium-no-js', testMatch: /no-js\.spec\.ts/, use: { javaScriptEnabled: false } }
	],
	webServer: {
		// A fresh data directory: the first start of all, with the demo data.
		command: 'rm -rf .tmp/e2e-data && node server.ts',
		url: `http://localhost:${port}/ping.txt`,
		reuseExistingServer: false,
		timeout: 120_000,
		stdout: 'ignore',
		stderr: 'pipe',
		env: {
			DATA_DIR: '.tmp/e2e-data',
			PORT: String(port),
			SAMVERKA_ADMIN_EMAIL: ADMIN.email,
			SAMVERKA_ADMIN_PASSWORD: ADMIN.password,
			// Every answer says how many database round trips it took (tests/e2e/round-trips.spec.ts holds pages to a budget).
			SAMVERKA_ROUND_TRIPS: '1'
		}
	}
});
