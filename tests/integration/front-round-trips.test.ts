// Issue 22: the start page, the consultations register, a remiss and the
// secretariat's week each read their data in one query (a remiss page two
// for an editor), counted as the server counts them.
import { beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from './db.ts';
import type { Db } from '../../src/lib/server/db/client.ts';
import { loadDemo } from '../../src/lib/server/demo/load.ts';
import { countingRoundTrips, installRoundTripCounter } from '../../src/lib/server/db/round-trips.ts';
import { publicFront } from '../../src/lib/server/public/front.ts';
import { consultationRegister, getConsultation, remissEditorLists } from '../../src/lib/server/consultations/queries.ts';
import { weekView } from '../../src/lib/server/governance/cycle.ts';
import { PUBLIC, type Actor } from '../../src/lib/server/actor.ts';

const editor: Actor = { accountId: null, name: 'Kansliet', role: 'editor', personId: null };
const member: Actor = { accountId: null, name: 'Ledamot', role: 'member', personId: null };
let db: Db;

beforeAll(async () => {
	({ db } = await freshDb());
	await loadDemo(db);
	installRoundTripCounter();
});

const trips = async (work: () => Promise<unknown>) => (await countingRoundTrips(work)).roundTrips;

describe('round trips of the members’ main pages', () => {
	it('the start page reads in one query', async () => {
		expect(await trips(() => publicFront(db, '2021-06-01'))).toBe(1);
	});

	it('the consultations register reads its list, what is due and the issuers in one query', async () => {
		for (const actor of [PUBLIC, member, editor])
			expect(await trips(() => consultationRegister(db, actor, { year: 2021 }, { limit: 50, offset: 0 }, '2021-06-01'))).toBe(1);
	});

	it('a remiss reads in one query, and an editor’s lists in one more', async () => {
		for (const actor of [PUBLIC, member, editor]) expect(await trips(() => getConsultation(db, actor, 1).catch(() => null))).toBe(1);
		expect(await trips(() => remissEditorLists(db, '2021-06-01', 1))).toBe(1);
	});

	it('the week reads in one query, another year’s wheel included, once the year’s tasks exist', async () => {
		await weekView(db, '2021-06-01');
		expect(await trips(() => weekView(db, '2021-06-01', 2019))).toBe(1);
	});
});
