import { expect, test } from '@playwright/test';

// Nobody signed in may change anything but the session: a post is refused
// before its body is read, however large (issue 21: 25 MB bodies were parsed
// before the role check on the upload and attach actions).
test('an anonymous post is refused before its body is read: a page sends to the login, the API answers 401', async ({
	request,
	baseURL
}) => {
	const big = Buffer.alloc(5 * 1024 * 1024, 0x61);
	for (const path of ['/meetings/17?/attach', '/consultations/1?/upload', '/organisation/persons/new']) {
		const r = await request.post(path, {
			headers: { origin: baseURL! },
			multipart: { file: { name: 'stor.pdf', mimeType: 'application/pdf', buffer: big } },
			maxRedirects: 0
		});
		expect(r.status(), path).toBe(303);
		expect(r.headers()['location']).toBe(`/login?next=${encodeURIComponent(path)}`);
	}
	const api = await request.post('/api/v1/persons', { data: { name: 'x'.repeat(1_000_000) } });
	expect(api.status()).toBe(401);
	expect(await api.json()).toEqual({ message: 'Logga in först.' });
	// The proof that nothing was read: a body that cannot be parsed is not even noticed (it would be a 422, or a failed form).
	const notJson = await request.post('/api/v1/persons', {
		headers: { 'content-type': 'application/json' },
		data: Buffer.from('{inte json')
	});
	expect(notJson.status()).toBe(401);
	const brokenForm = await request.post('/meetings/17?/attach', {
		headers: { origin: baseURL!, 'content-type': 'multipart/form-data; boundary=x' },
		data: Buffer.from('--x\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\nhalv'),
		maxRedirects: 0
	});
	expect(brokenForm.status()).toBe(303);
	// Signing in is still open to all.
	const session = await request.post('/api/v1/session', { data: { email: 'ingen@example.se', password: 'fel-losenord-1234' } });
	expect([401, 422]).toContain(session.status());
});
