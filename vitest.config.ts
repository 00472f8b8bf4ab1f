import { defineConfig } from 'vitest/config';

// The integration suite runs twice: on the embedded PostgreSQL, and on the
// PostgreSQL server of TEST_DATABASE_URL when one is given (required under CI).
const server = Boolean(process.env.TEST_DATABASE_URL);

export default defineConfig({
	test: {
		globalSetup: ['./tests/global-setup.ts'],
		projects: [
			{ extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
			{
				extends: true,
				test: {
					name: 'embedded',
					include: ['tests/integration/**/*.test.ts'],
					provide: { target: 'embedded' as const },
					testTimeout: 20_000,
					hookTimeout: 60_000
				}
			},
			...(server
				? [
						{
							extends: true,
							test: {
								name: 'server',
								include: ['tests/integration/**/*.test.ts'],
								provide: { target: 'server' as const },
								testTimeout: 20_000,
								hookTimeout: 60_000
							}
						}
					]
				: [])
		]
	}
});
