import type { Actor } from '#lib/server/actor.ts';

declare global {
	namespace App {
		interface Locals {
			actor: Actor;
			sessionToken: string | null;
			/** Set when the database was out of reach during the request: it answers 503, not 500. */
			databaseUnavailable?: boolean;
			/** set by handleError when the database refused a value as data (answered 400, not 500) */
			dataRefused?: boolean;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
