import type { LayoutServerLoad } from './$types';
import { db, runtime } from '#lib/server/app.ts';
import { getCooperation } from '#lib/server/organisation/queries.ts';
import { generationMemo } from '#lib/server/cache/generation-memo.ts';
import { takeFlash } from '#lib/server/flash.ts';

// Every page shows the cooperation's name: read once per data generation, not once per request.
const cooperationName = generationMemo(
	() => runtime().changes,
	async () => {
		const c = await getCooperation(db());
		return c ? { name: c.name, shortName: c.shortName } : null;
	}
);

export const load: LayoutServerLoad = async ({ locals, cookies, url }) => {
	// Reading the path makes this load run again on every navigation (it costs no query), so the
	// confirmation of the change just made is said on the page it was meant for, and only there.
	void url.pathname;
	return {
		actor: { name: locals.actor.name, role: locals.actor.role, signedIn: locals.actor.accountId !== null },
		cooperation: await cooperationName(),
		flash: takeFlash(cookies, url.protocol === 'https:')
	};
};
