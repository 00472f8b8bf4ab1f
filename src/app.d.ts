import type { Actor } from '#lib/server/actor.ts';

declare global {
	namespace App {
		interface Locals {
			actor: Actor;
			sessionToken: string | null;
			/** Set when the database was out of reach during the request: it answers 503, not 500. */
			databaseUnavailable?: boolean;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
