import { expect, test } from '@playwright/test';
import { ADMIN } from './helpers.ts';

// The JSON API through HTTP, against the running application and its database.
test('the register API: session, create, validation, paging, stale versions, tokens', async ({ request, playwright, baseURL }) => {
	// Reading is open; writing needs a session.
	const list = await request.get('/api/v1/persons?limit=5');
	expect(list.status()).toBe(200);
	const page1 = await list.json();
	expect(page1).toMatchObject({ limit: 5, offset: 0 });
	expect(page1.items).toHaveLength(5);
	expect(page1.total).toBeGreaterThan(5);
	expect(page1.items[0].email).toBeNull(); // contact details only for signed-in users

	const refused = await request.post('/api/v1/persons', { data: { name: 'Utan inloggning' } });
	expect(refused.status()).toBe(401);

	const session = await request.post('/api/v1/session', { data: ADMIN });
	expect(session.status()).toBe(200);
	expect(await session.json()).toMatchObject({ role: 'admin' });

	const bad = await request.post('/api/v1/persons', { data: { name: '', email: 'nej' } });
	expect(bad.status()).toBe(422);
	const badBody = await bad.json();
	expect(badBody.message).toMatch(/Inget sparades/);
	expect(badBody.errors).toEqual(
		expect.arrayContaining([
			{ field: 'name', message: 'Namn måste fyllas i.' },
			{ field: 'email', message: expect.stringMatching(/^E-post måste vara en giltig e-postadress/) }
		])
	);

	const created = await request.post('/api/v1/persons', { data: { name: 'Api Apisson', email: 'api@example.se' } });
	expect(created.status()).toBe(201);
	const person = await created.json();
	expect(created.headers()['location']).toBe(`/api/v1/persons/${person.id}`);

	const patched = await request.patch(`/api/v1/persons/${person.id}`, { data: { title: 'utredare', version: person.version } });
	expect(patched.status()).toBe(200);
	expect(await patched.json()).toMatchObject({ title: 'utredare', email: 'api@example.se', version: person.version + 1 });

	const stale = await request.patch(`/api/v1/persons/${person.id}`, { data: { title: 'något annat', version: person.version } });
	expect(stale.status()).toBe(409);
	expect((await stale.json()).message).toMatch(/Någon annan har ändrat posten/);

	const network = (await (await request.get('/api/v1/bodies?kind=network&limit=1')).json()).items[0];
	const membership = await request.post('/api/v1/memberships', {
		data: { personId: person.id, bodyId: network.id, role: 'member', validFrom: '2022-01-01' }
	});
	expect(membership.status()).toBe(201);
	const onDate = await (await request.get(`/api/v1/memberships?body=${network.id}&activeOn=2022-06-01`)).json();
	expect(onDate.items.map((m: { personName: string }) => m.personName)).toContain('Api Apisson');
	const before = await (await request.get(`/api/v1/memberships?body=${network.id}&activeOn=2021-06-01`)).json();
	expect(before.items.map((m: { personName: string }) => m.personName)).not.toContain('Api Apisson');

	expect((await request.get('/api/v1/persons/999999')).status()).toBe(404);
	expect((await request.get('/api/v1/persons?municipality=abc')).status()).toBe(422);

	// A personal API token, issued in the UI, works without a session.
	const anon = await playwright.request.newContext({ baseURL });
	expect((await anon.post('/api/v1/organisations', { data: { name: 'Trafikverket Region Stockholm', kind: 'authority' } })).status()).toBe(
		401
	);
	await anon.dispose();

	expect((await request.delete('/api/v1/session')).status()).toBe(204);
	expect((await request.post('/api/v1/persons', { data: { name: 'Efter utloggning' } })).status()).toBe(401);
});

test('the OpenAPI document describes every register resource from the same schemas', async ({ request }) => {
	const doc = await (await request.get('/api/v1/openapi.json')).json();
	expect(doc.openapi).toBe('3.1.0');
	for (const r of ['municipalities', 'populations', 'bodies', 'persons', 'organisations', 'memberships']) {
		expect(doc.paths[`/api/v1/${r}`].get).toBeTruthy();
		expect(doc.paths[`/api/v1/${r}`].post).toBeTruthy();
		expect(doc.paths[`/api/v1/${r}/{id}`].patch).toBeTruthy();
	}
	expect(doc.components.schemas.municipalitiesInput.properties.code).toBeTruthy();
	expect(doc.components.schemas.membershipsInput.properties.role.enum).toContain('vice_chair');
	expect(doc.paths['/api/v1/session'].post).toBeTruthy();
});

test('an API token issued by an administrator signs a script in', async ({ page, playwright, baseURL }) => {
	await page.goto('/login');
	await page.getByLabel('E-post').fill(ADMIN.email);
	await page.getByLabel('Lösenord').fill(ADMIN.password);
	await page.getByRole('button', { name: 'Logga in' }).click();
	await page.goto('/admin/accounts');
	await page.getByRole('combobox', { name: 'Konto', exact: true }).selectOption({ label: `Administratör (${ADMIN.email})` });
	await page.getByLabel('Namn på nyckeln').fill('Skript');
	await page.getByRole('button', { name: 'Skapa nyckel' }).click();
	const token = (await page.locator('.notice.success code').textContent())!.trim();
	expect(token.length).toBeGreaterThan(30);

	const script = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
	const created = await script.post('/api/v1/organisations', { data: { name: 'Skriptorganisation', kind: 'other' } });
	expect(created.status()).toBe(201);
	await script.dispose();

	await page
		.getByRole('button', { name: /Återkalla/ })
		.first()
		.click();
	const revoked = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
	expect((await revoked.post('/api/v1/organisations', { data: { name: 'Efter återkallning', kind: 'other' } })).status()).toBe(401);
	await revoked.dispose();
});

test('an anonymous visitor is served from the cache, and sees a change as soon as it is committed', async ({
	request,
	playwright,
	baseURL
}) => {
	const anon = await playwright.request.newContext({ baseURL });
	const page = '/organisation/municipalities/4';
	await anon.get(page);
	const cached = await anon.get(page);
	expect(cached.headers()['x-samverka-cache']).toBe('hit');
	// A client-side navigation's data request is its own entry: the page stays a page.
	const data = await anon.get(`${page}/__data.json`);
	expect(data.headers()['content-type']).toMatch(/^application\/json/);
	expect((await anon.get(`${page}/__data.json`)).headers()['x-samverka-cache']).toBe('hit');
	expect((await anon.get(page)).headers()['content-type']).toMatch(/^text\/html/);

	await request.post('/api/v1/session', { data: ADMIN });
	const before = await (await request.get('/api/v1/municipalities/4')).json();
	const renamed = await request.patch('/api/v1/municipalities/4', { data: { name: `${before.name} (ändrad)`, version: before.version } });
	expect(renamed.status()).toBe(200);
	// Signed in: never from the cache.
	expect((await request.get(page)).headers()['x-samverka-cache']).toBeUndefined();

	// The change reaches the cache through the database's notification; allow it a moment.
	await expect
		.poll(async () => {
			const res = await anon.get(page);
			return (await res.text()).includes(`${before.name} (ändrad)`);
		})
		.toBe(true);
	const restored = await request.patch('/api/v1/municipalities/4', { data: { name: before.name, version: before.version + 1 } });
	expect(restored.status()).toBe(200);
	await anon.dispose();
});

test('the planning API: programmes, sub-goals on a date, plans, activities with their follow-ups', async ({ request }) => {
	const programmes = await (await request.get('/api/v1/programmes')).json();
	const sup2035 = programmes.items.find((p: { shortName: string }) => p.shortName === 'SUP 2035');
	expect(sup2035).toBeTruthy();

	// The sub-goal added to Utbildning on 14 January 2021 is not in force at the end of 2020.
	const before = await (await request.get(`/api/v1/sub-goals?programme=${sup2035.id}&on=2020-12-31`)).json();
	const after = await (await request.get(`/api/v1/sub-goals?programme=${sup2035.id}&on=2021-12-31`)).json();
	expect(after.total).toBe(before.total + 1);
	const added = after.items.find((s: { id: number }) => !before.items.some((b: { id: number }) => b.id === s.id));
	expect(added.addedOn).toBe('2021-01-14');

	const plans = await (await request.get('/api/v1/plans?year=2020')).json();
	expect(plans.items).toHaveLength(1);
	expect(plans.items[0]).toMatchObject({ year: 2020, status: 'adopted' });

	// Follow-up entries are for signed-in users; the annual report's text is public.
	const anonymous = await (await request.get('/api/v1/activities?year=2020&limit=100')).json();
	expect(anonymous.items.every((a: { followUps: unknown[] }) => a.followUps.length === 0)).toBe(true);
	expect(anonymous.items.some((a: { reportText: string | null }) => a.reportText)).toBe(true);
	expect((await request.get('/api/v1/follow-ups')).status()).toBe(401);
	expect(
		(await request.post('/api/v1/follow-ups', { data: { activityId: anonymous.items[0].id, date: '2020-06-01', text: 'x' } })).status()
	).toBe(401);

	await request.post('/api/v1/session', { data: ADMIN });
	const done = await (await request.get('/api/v1/activities?year=2020&status=done&limit=100')).json();
	expect(done.total).toBeGreaterThan(0);
	expect(done.items.every((a: { status: string; year: number }) => a.status === 'done' && a.year === 2020)).toBe(true);
	const withFollowUp = done.items.find((a: { followUps: unknown[] }) => a.followUps.length > 0);
	expect(withFollowUp.followUps[0]).toMatchObject({ activityId: withFollowUp.id, date: expect.stringMatching(/^2020-/) });

	const bad = await request.get('/api/v1/activities?status=klar');
	expect(bad.status()).toBe(422);

	// A follow-up outside the plan's year is refused, naming the field.
	const outside = await request.post('/api/v1/follow-ups', { data: { activityId: withFollowUp.id, date: '2021-06-01', text: 'Sent' } });
	expect(outside.status()).toBe(422);
	expect((await outside.json()).errors).toEqual([
		{ field: 'date', message: 'Datum: uppföljningen ska vara daterad inom planens år (2020).' }
	]);
	const created = await request.post('/api/v1/follow-ups', {
		data: { activityId: withFollowUp.id, date: '2020-06-01', text: 'Via API:t' }
	});
	expect(created.status()).toBe(201);
	const row = await created.json();
	expect((await request.patch(`/api/v1/follow-ups/${row.id}`, { data: { text: 'ändrad', version: 1 } })).status()).toBe(405);
	const activity = await (await request.get(`/api/v1/activities/${withFollowUp.id}`)).json();
	expect(activity.followUps.map((f: { text: string }) => f.text)).toContain('Via API:t');

	const doc = await (await request.get('/api/v1/openapi.json')).json();
	for (const path of ['programmes', 'focus-areas', 'sub-goals', 'plans', 'activities', 'follow-ups']) {
		expect(doc.paths[`/api/v1/${path}`], path).toBeTruthy();
	}
	expect(doc.paths['/api/v1/follow-ups/{id}'].patch).toBeUndefined();
	expect(doc.components.schemas['activitiesInput'].properties).toHaveProperty('subGoalId');
});
