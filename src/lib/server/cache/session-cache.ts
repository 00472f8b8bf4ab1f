// The actor behind a session cookie, remembered until the next committed
// change, so a signed-in request does not wait for the database before its
// page. Whatever can end a session (logging out, disabling an account) is an
// audited change, and every audited change starts a new generation in every
// instance, so a remembered session is never one that has ended; nor is it used
// past the moment it needs extending, which only the database does.
import { createHash } from 'node:crypto';
import type { Actor } from '../actor.ts';

interface Feed {
	readonly generation: number;
	readonly listening: boolean;
}

type Lookup = (token: string) => Promise<{ actor: Actor; renewAt: number } | null>;

export class SessionCache {
	private readonly remembered = new Map<string, { generation: number; actor: Actor; renewAt: number }>();

	private readonly feed: () => Feed;
	private readonly capacity: number;
	private readonly now: () => number;

	constructor(feed: () => Feed, capacity = 5_000, now: () => number = Date.now) {
		this.feed = feed;
		this.capacity = capacity;
		this.now = now;
	}

	async actor(token: string, lookup: Lookup): Promise<Actor | null> {
		// Keyed by the token's hash: no session token is kept in memory longer than its request.
		const key = createHash('sha256').update(token).digest('base64url');
		const feed = this.feed();
		const hit = this.remembered.get(key);
		if (hit && feed.listening && hit.generation === feed.generation && this.now() < hit.renewAt) return hit.actor;
		// Read before the lookup: a change committed meanwhile makes what it finds stale at once.
		const generation = feed.generation;
		const found = await lookup(token);
		if (!found) {
			this.remembered.delete(key);
			return null;
		}
		if (feed.listening) {
			if (this.remembered.size >= this.capacity) this.remembered.clear();
			this.remembered.set(key, { generation, actor: found.actor, renewAt: found.renewAt });
		}
		return found.actor;
	}

	get size(): number {
		return this.remembered.size;
	}
}
