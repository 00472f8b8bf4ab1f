import type { PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { listPlans, listProgrammes } from '#lib/server/planning/queries.ts';

export const load: PageServerLoad = async () => {
	const [plans, programmes] = await Promise.all([listPlans(db()), listProgrammes(db())]);
	return { plans, programmes };
};
