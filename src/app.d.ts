import type { Actor } from '#lib/server/actor.ts';

declare global {
	namespace App {
		interface Locals {
			actor: Actor;
			sessionToken: string | null;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
