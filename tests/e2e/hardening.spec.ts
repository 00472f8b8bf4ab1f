import { expect, test } from '@playwright/test';
import { ADMIN, login } from './helpers.ts';

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

// A member sends no files: a body past 1 MB from anyone but an editor is refused before it is read.
test('a body past 1 MB from a member is refused with 413 before it is read; an editor’s body is read', async ({
	page,
	playwright,
	baseURL
}) => {
	await login(page);
	await page.goto('/admin/accounts');
	const form = page.getByRole('form', { name: 'Nytt konto' });
	await form.getByLabel('Namn').fill('Mia Medlem');
	await form.getByLabel('E-post').fill('medlem-stor@e2e.test');
	await form.getByLabel('Lösenord').fill('medlemmens-eget-losenord-7');
	await form.getByRole('button', { name: 'Skapa konto' }).click();
	await expect(page.getByRole('status')).toContainText('Kontot medlem-stor@e2e.test är skapat.');

	const member = await playwright.request.newContext({ baseURL });
	expect(
		(await member.post('/api/v1/session', { data: { email: 'medlem-stor@e2e.test', password: 'medlemmens-eget-losenord-7' } })).status()
	).toBe(200);
	const big = Buffer.alloc(2 * 1024 * 1024, 0x61);
	const upload = await member.post('/consultations/1?/upload', {
		headers: { origin: baseURL! },
		multipart: { file: { name: 'stor.pdf', mimeType: 'application/pdf', buffer: big } },
		maxRedirects: 0
	});
	expect(upload.status()).toBe(413);
	expect(await upload.text()).toBe('Bara redaktörer och administratörer kan skicka filer.');
	const api = await member.post('/api/v1/persons', { data: { name: 'x'.repeat(2_000_000) } });
	expect(api.status()).toBe(413);
	// A small post from the member still reaches the service, which refuses it for its role.
	expect((await member.post('/api/v1/persons', { data: { name: 'Liten' } })).status()).toBe(403);
	await member.dispose();

	// The administrator's (an editor's) large body is read: a 2 MB name is refused for its length, not its size.
	const admin = await playwright.request.newContext({ baseURL });
	expect((await admin.post('/api/v1/session', { data: ADMIN })).status()).toBe(200);
	const long = await admin.post('/api/v1/persons', { data: { name: 'x'.repeat(2_000_000) } });
	expect(long.status()).toBe(422);
	await admin.dispose();
});

// Issue 21: a Content-Security-Policy, no framing, HSTS behind https (a unit test),
// a Permissions-Policy, on pages, API answers and downloads alike.
test('pages, API answers and downloads carry the security headers; a page allows only its own scripts', async ({ request }) => {
	const common = (h: Record<string, string>, what: string) => {
		expect(h['x-frame-options'], what).toBe('DENY');
		expect(h['x-content-type-options'], what).toBe('nosniff');
		expect(h['referrer-policy'], what).toBe('same-origin');
		expect(h['permissions-policy'], what).toMatch(/camera=\(\).*geolocation=\(\).*microphone=\(\)/);
		expect(h['strict-transport-security'], `${what}: no HSTS over plain http`).toBeUndefined();
		expect(h['content-security-policy'], what).toMatch(/frame-ancestors 'none'/);
	};
	for (const path of ['/', '/organisation/municipalities/4']) {
		// Twice: the second is the anonymous cache's copy, which must carry them too (and a policy still true for it).
		for (const round of ['miss', 'hit']) {
			const r = await request.get(path);
			expect(r.status()).toBe(200);
			const h = r.headers();
			expect(h['x-samverka-cache'], path).toBe(round);
			common(h, `${path} (${round})`);
			const csp = h['content-security-policy'];
			for (const d of ["object-src 'none'", "base-uri 'self'", "form-action 'self'", "default-src 'self'"]) expect(csp).toContain(d);
			// Only this site's files and the hashed start-up script: no 'unsafe-inline' script, no nonce a cached copy would repeat.
			const scriptSrc = csp.match(/script-src ([^;]*)/)![1];
			expect(scriptSrc).toMatch(/^'self'( 'sha256-[A-Za-z0-9+/=]+')+$/);
			expect(csp).not.toContain('nonce-');
		}
	}
	for (const path of [
		'/api/v1/persons?limit=1',
		'/meetings/17/meeting.ics',
		'/reports/annual/2021.pdf',
		'/governance/news/feed.atom',
		'/ping.txt'
	]) {
		const r = await request.get(path);
		expect(r.status(), path).toBe(200);
		common(r.headers(), path);
		expect(r.headers()['content-security-policy'], path).toBe("default-src 'none'; frame-ancestors 'none'");
	}
	// A page's 304 carries no policy: the browser would put it in place of the page's own (and block its script).
	const first = await request.get('/organisation');
	const again = await request.get('/organisation', { headers: { 'if-none-match': first.headers()['etag'] } });
	expect(again.status()).toBe(304);
	expect(again.headers()['content-security-policy']).toBeUndefined();
	const missing = await request.get('/api/v1/persons/999999');
	expect(missing.status()).toBe(404);
	common(missing.headers(), 'a 404 of the API');
});

test('no page breaks the policy: the start-up script runs and nothing is blocked, for visitors and the signed in', async ({ page }) => {
	test.setTimeout(240_000);
	const violations: string[] = [];
	page.on('console', (m) => {
		if (/Content.Security.Policy/i.test(m.text())) violations.push(`${page.url()}: ${m.text()}`);
	});
	await page.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (e) =>
			console.error(`Content Security Policy: ${e.violatedDirective} ${e.blockedURI}`)
		);
	});
	const crawl = async (limit: number) => {
		const seen = new Set<string>();
		const queue = ['/'];
		while (queue.length && seen.size < limit) {
			const path = queue.shift()!;
			if (seen.has(path)) continue;
			seen.add(path);
			const r = await page.goto(path);
			expect(r?.status(), path).toBeLessThan(400);
			// SvelteKit's inline start-up script ran (it is allowed by its hash alone): the page is hydrated.
			await expect
				.poll(
					() =>
						page.evaluate(() =>
							Object.keys(globalThis)
								.filter((k) => k.startsWith('__s'))
								.join()
						),
					{ message: path }
				)
				.toMatch(/__sveltekit_/);
			const links = await page.locator('a[href^="/"]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')!));
			for (const href of links) {
				const p = href.split('#')[0];
				if (/\.(pdf|docx|xlsx|csv|ics|atom|xml|txt|json)(\?|$)|^\/(logout|api\/)/.test(p) || p.includes('/files/')) continue;
				if (!seen.has(p)) queue.push(p);
			}
		}
		return seen.size;
	};
	expect(await crawl(30)).toBeGreaterThan(20);
	await login(page);
	expect(await crawl(40)).toBeGreaterThan(30);
	expect(violations).toEqual([]);
});

// Issue 21: the API accepted any body as JSON, and a cookie-signed write from a foreign Origin (201 for evil.example).
test('an API write must be JSON, and one signed in by cookie must come from this site; a bearer token need not', async ({
	playwright,
	baseURL,
	page,
	request
}) => {
	const browser = await playwright.request.newContext({ baseURL });
	expect((await browser.post('/api/v1/session', { data: ADMIN })).status()).toBe(200);
	const count = async () => (await (await request.get('/api/v1/organisations?limit=1')).json()).total as number;
	const before = await count();

	const asText = await browser.post('/api/v1/organisations', {
		headers: { 'content-type': 'text/plain', origin: baseURL! },
		data: JSON.stringify({ name: 'Textkroppen', kind: 'other' })
	});
	expect(asText.status()).toBe(415);
	expect((await asText.json()).message).toMatch(/^Begäran måste skickas som JSON, med Content-Type: application\/json/);
	const asForm = await browser.post('/api/v1/organisations', { form: { name: 'Formuläret', kind: 'other' } });
	expect(asForm.status()).toBe(415);

	const foreign = await browser.post('/api/v1/organisations', {
		headers: { origin: 'http://evil.example' },
		data: { name: 'Från en annan webbplats', kind: 'other' }
	});
	expect(foreign.status()).toBe(403);
	expect((await foreign.json()).message).toMatch(/annan webbplats/);
	expect((await browser.delete('/api/v1/session', { headers: { origin: 'http://evil.example' } })).status()).toBe(403);
	expect(await count()).toBe(before);

	// Our own pages' Origin, and a script that sends none (server.ts fills in ours), are served.
	const own = await browser.post('/api/v1/organisations', {
		headers: { origin: baseURL! },
		data: { name: 'Egen webbplats', kind: 'other' }
	});
	expect(own.status()).toBe(201);
	const script = await browser.post('/api/v1/organisations', { data: { name: 'Skript med kaka', kind: 'other' } });
	expect(script.status()).toBe(201);
	// A DELETE without a body needs no Content-Type.
	expect((await browser.delete('/api/v1/session')).status()).toBe(204);
	await browser.dispose();

	// A bearer token is exempt from the Origin rule, not from JSON.
	await login(page);
	await page.goto('/admin/accounts');
	await page.getByRole('combobox', { name: 'Konto', exact: true }).selectOption({ label: `Administratör (${ADMIN.email})` });
	await page.getByLabel('Namn på nyckeln').fill('Härdning');
	await page.getByRole('button', { name: 'Skapa nyckel' }).click();
	const token = (await page.locator('.notice.success code').textContent())!.trim();
	const bearer = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
	const fromAfar = await bearer.post('/api/v1/organisations', {
		headers: { origin: 'http://evil.example' },
		data: { name: 'Skript med nyckel', kind: 'other' }
	});
	expect(fromAfar.status()).toBe(201);
	const bearerText = await bearer.post('/api/v1/organisations', {
		headers: { 'content-type': 'text/plain' },
		data: JSON.stringify({ name: 'Nyckel med text', kind: 'other' })
	});
	expect(bearerText.status()).toBe(415);
	await bearer.dispose();
	expect(await count()).toBe(before + 3);
});
