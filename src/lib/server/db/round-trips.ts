// How many times a request went to the database: every query a pg client sends
// (BEGIN and COMMIT included) is one round trip. Counted per request through
// AsyncLocalStorage, so concurrent requests keep their own counts; the tests
// hold each page to its budget, and the bench prints the figure.
import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';

const counter = new AsyncLocalStorage<{ count: number }>();
let installed = false;

/** Counts the queries of every pg client from now on (once per process). */
export function installRoundTripCounter() {
	if (installed) return;
	installed = true;
	const query = pg.Client.prototype.query;
	pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
		const store = counter.getStore();
		if (store) store.count++;
		return (query as (...a: unknown[]) => unknown).apply(this, args);
	} as typeof query;
}

/** Runs work, counting its round trips. */
export async function countingRoundTrips<T>(work: () => Promise<T>): Promise<{ result: T; roundTrips: number }> {
	const store = { count: 0 };
	const result = await counter.run(store, work);
	return { result, roundTrips: store.count };
}
