import type { PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { yearOverview } from '#lib/server/consultations/queries.ts';

export const load: PageServerLoad = async (event) => ({ years: await yearOverview(db(), event.locals.actor) });
