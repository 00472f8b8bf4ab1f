import type { LayoutServerLoad } from './$types';
import { db, runtime } from '#lib/server/app.ts';
import { getCooperation } from '#lib/server/organisation/queries.ts';
import { generationMemo } from '#lib/server/cache/generation-memo.ts';

// Every page shows the cooperation's name: read once per data generation, not once per request.
const cooperationName = generationMemo(
	() => runtime().changes,
	async () => {
		const c = await getCooperation(db());
		return c ? { name: c.name, shortName: c.shortName } : null;
	}
);

export const load: LayoutServerLoad = async ({ locals }) => ({
	actor: { name: locals.actor.name, role: locals.actor.role, signedIn: locals.actor.accountId !== null },
	cooperation: await cooperationName()
});
