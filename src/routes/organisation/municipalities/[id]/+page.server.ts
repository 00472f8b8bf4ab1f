import type { PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { getMunicipality } from '#lib/server/organisation/queries.ts';
import { idParam, load as read } from '#lib/server/web.ts';

export const load: PageServerLoad = async (event) => ({
	municipality: await read(event, () => getMunicipality(db(), idParam(event.params.id)))
});
