import type { PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { listMunicipalities } from '#lib/server/organisation/queries.ts';

export const load: PageServerLoad = async () => ({ municipalities: await listMunicipalities(db()) });
