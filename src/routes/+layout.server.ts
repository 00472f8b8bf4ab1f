import type { LayoutServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { getCooperation } from '#lib/server/organisation/queries.ts';

export const load: LayoutServerLoad = async ({ locals }) => {
	const cooperation = await getCooperation(db());
	return {
		actor: { name: locals.actor.name, role: locals.actor.role, signedIn: locals.actor.accountId !== null },
		cooperation: cooperation ? { name: cooperation.name, shortName: cooperation.shortName } : null
	};
};
