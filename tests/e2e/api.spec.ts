import { expect, test } from '@playwright/test';
import { createHash } from 'node:crypto';
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

	// A period as precisely as it is known: "våren 2023" is stored as 2023-H1 and holds from January to June 2023.
	const spring = await request.post('/api/v1/memberships', {
		data: { personId: person.id, bodyId: network.id, role: 'substitute', validFrom: 'våren 2023', validTo: 'våren 2023' }
	});
	expect(spring.status()).toBe(201);
	expect(await spring.json()).toMatchObject({ validFrom: '2023-H1', validTo: '2023-H1', startsOn: '2023-01-01', endsOn: '2023-06-30' });
	const notADate = await request.post('/api/v1/memberships', {
		data: { personId: person.id, bodyId: network.id, role: 'member', validFrom: '2021-13' }
	});
	expect(notADate.status()).toBe(422);
	expect((await notADate.json()).errors).toEqual([{ field: 'validFrom', message: expect.stringMatching(/^Från ska vara ett datum/) }]);

	// What the published reports count, and each project's section of a year's report, by year.
	const counted = await (await request.get('/api/v1/meeting-counts?year=2021&limit=100')).json();
	expect(counted.items.length).toBeGreaterThan(5);
	// The committee's planning conference of 14 January 2021 is on record, held digitally: a count of none is refused.
	const conference = counted.items.find(
		(c: { kind: string; format: string | null }) => c.kind === 'planning_conference' && c.format === 'digital'
	);
	const low = await request.post('/api/v1/meeting-counts', {
		data: { bodyId: conference.bodyId, year: 2021, kind: 'planning_conference', format: 'digital', count: 0, source: 'Test' }
	});
	expect(low.status()).toBe(422);
	expect((await low.json()).errors[0].field).toBe('count');
	const changes = await (await request.get('/api/v1/turnover-counts?year=2021')).json();
	expect(changes.items.map((c: { municipalities: number }) => c.municipalities)).toEqual([4]);
	const sections = await (await request.get('/api/v1/project-report-texts?year=2020')).json();
	expect(sections.items.map((t: { title: string }) => t.title)).toEqual([
		'Extra analyser av näringslivet på Södertörn som följd av Corona',
		'Kartor över infrastruktur på Södertörn'
	]);

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

test('the reports API: the documents per year, a report as data, its template, and its adoption', async ({
	request,
	playwright,
	baseURL
}) => {
	// The public sees the adopted documents only, each at its stable addresses.
	const anon = await playwright.request.newContext({ baseURL });
	const list = await (await anon.get('/api/v1/reports')).json();
	const y2021 = list.items.find((i: { year: number }) => i.year === 2021);
	expect(y2021.annual).toMatchObject({
		status: 'frozen',
		decidedOn: '2022-02-09',
		html: '/reports/annual/2021.html',
		pdf: '/reports/annual/2021.pdf'
	});
	expect(
		list.items.flatMap((i: { plan: { status: string } | null; annual: { status: string } | null }) => [i.plan, i.annual]).filter(Boolean)
	).not.toContainEqual(expect.objectContaining({ status: 'draft' }));

	const r2021 = await (await anon.get('/api/v1/reports/annual/2021')).json();
	expect(r2021).toMatchObject({ kind: 'annual', year: 2021, adopted: true, docx: '/reports/annual/2021.docx' });
	expect(r2021.edition.docxSha256).toMatch(/^[0-9a-f]{64}$/);
	expect(r2021.report.cover.decided).toBe('Beslutad 9 februari 2022');
	const chapters = r2021.report.blocks.filter((b: { kind: string; level: number }) => b.kind === 'heading' && b.level === 1);
	expect(chapters.map((c: { number: string }) => c.number)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
	expect(chapters.at(-1).text).toBe('Bokslut 2021');

	// A draft, the template and adoption are the editors'; a year that is not one is a JSON 404.
	expect((await anon.get('/api/v1/reports/annual/2019')).status()).toBe(401);
	expect((await anon.get('/api/v1/reports/annual/2019/template')).status()).toBe(401);
	expect((await anon.post('/api/v1/reports/annual/2019/adoption', { data: { decidedOn: '2020-02-01' } })).status()).toBe(401);
	const notAYear = await anon.get('/api/v1/reports/annual/tjugo');
	expect(notAYear.status()).toBe(404);
	expect(await notAYear.json()).toEqual({ message: 'Året finns inte.' });
	expect((await anon.get('/api/v1/finance/years/tjugo/fees')).status()).toBe(404);
	await anon.dispose();

	expect((await request.post('/api/v1/session', { data: ADMIN })).status()).toBe(200);
	const drafts = await (await request.get('/api/v1/reports')).json();
	const thisYear = Number(new Date().toISOString().slice(0, 4));
	expect(drafts.items.find((i: { year: number }) => i.year === thisYear).annual).toMatchObject({ status: 'draft' });

	// 2019 has no template of its own: it starts from the last year's before it.
	const derived = await (await request.get('/api/v1/reports/annual/2019/template')).json();
	expect(derived).toMatchObject({ id: null, version: null, derivedFrom: 2018 });
	const badTemplate = await request.put('/api/v1/reports/annual/2019/template', { data: { ...derived, title: '', chapters: [] } });
	expect(badTemplate.status()).toBe(422);
	expect((await badTemplate.json()).errors).toEqual(
		expect.arrayContaining([
			{ field: 'title', message: 'Titel måste fyllas i.' },
			{ field: 'chapters', message: 'Mallen måste ha minst ett kapitel.' }
		])
	);
	expect(await (await request.get('/api/v1/reports/annual/2019/template')).json()).toMatchObject({ id: null });
	const saved = await request.put('/api/v1/reports/annual/2019/template', { data: { ...derived, title: 'Årsredovisning 2019 via API' } });
	expect(saved.status()).toBe(200);
	const template = await saved.json();
	expect(template).toMatchObject({ title: 'Årsredovisning 2019 via API', version: 1, derivedFrom: null });
	// The template is edited at the version read: a second save at the same version is refused.
	const again = await request.put('/api/v1/reports/annual/2019/template', { data: { ...template, responsible: 'Sekretariatet' } });
	expect(await again.json()).toMatchObject({ responsible: 'Sekretariatet', version: 2 });
	const stale = await request.put('/api/v1/reports/annual/2019/template', { data: { ...template, title: 'Gammal' } });
	expect(stale.status()).toBe(409);

	const early = await request.post('/api/v1/reports/annual/2019/adoption', { data: { decidedOn: '2018-12-31' } });
	expect(early.status()).toBe(422);
	expect((await early.json()).errors).toEqual([{ field: 'decidedOn', message: 'Årsredovisningen 2019 kan inte beslutas före 2019.' }]);
	const adopted = await request.post('/api/v1/reports/annual/2019/adoption', { data: { decidedOn: '2020-02-13' } });
	expect(adopted.status()).toBe(201);
	const edition = (await adopted.json()).edition;
	expect(edition).toMatchObject({ decidedOn: '2020-02-13', pdfSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
	expect((await request.post('/api/v1/reports/annual/2019/adoption', { data: { decidedOn: '2020-02-14' } })).status()).toBe(422);

	// Adopted, the report is public and frozen: the file served is the one whose checksum was recorded.
	const anonAfter = await playwright.request.newContext({ baseURL });
	const frozen = await (await anonAfter.get('/api/v1/reports/annual/2019')).json();
	expect(frozen.report).toMatchObject({ title: 'Årsredovisning 2019 via API', cover: { decided: 'Beslutad 13 februari 2020' } });
	const docx = await anonAfter.get('/reports/annual/2019.docx');
	expect(docx.headers()['x-content-sha256']).toBe(edition.docxSha256);
	const sha = createHash('sha256')
		.update(await docx.body())
		.digest('hex');
	expect(sha).toBe(edition.docxSha256);
	await anonAfter.dispose();
});
