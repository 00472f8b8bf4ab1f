import { expect, test } from '@playwright/test';

// The agreement's notice period through the API (issue 9's first step): the
// exit takes effect twelve months after the first of the month after receipt.

test('the API computes when a notice to leave takes effect, and refuses a date that is not one', async ({ request }) => {
	const r = await request.get('/api/v1/agreement/notice?received=2023-05-17');
	expect(r.status()).toBe(200);
	expect(await r.json()).toEqual({ received: '2023-05-17', periodStarts: '2023-06-01', effective: '2024-06-01' });
	expect(await (await request.get('/api/v1/agreement/notice?received=2023-12-31')).json()).toMatchObject({ effective: '2025-01-01' });

	for (const bad of ['', '?received=2023-02-30', '?received=17 maj']) {
		const refused = await request.get(`/api/v1/agreement/notice${bad}`);
		expect(refused.status()).toBe(422);
		expect((await refused.json()).errors).toEqual([
			{ field: 'received', message: expect.stringMatching(/^received måste vara ett datum/) }
		]);
	}
	const openapi = await (await request.get('/api/v1/openapi.json')).json();
	expect(openapi.paths['/api/v1/agreement/notice'].get.parameters[0]).toMatchObject({ name: 'received', required: true });
});
