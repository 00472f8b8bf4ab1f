import type { PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { listPlans } from '#lib/server/planning/queries.ts';
import { listProgrammes } from '#lib/server/planning/structure.ts';

export const load: PageServerLoad = async () => {
	const [plans, programmes] = await Promise.all([listPlans(db()), listProgrammes(db())]);
	return { plans, programmes };
};
