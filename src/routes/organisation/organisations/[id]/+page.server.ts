import type { PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { getOrganisation } from '#lib/server/organisation/queries.ts';
import { idParam, load as read } from '#lib/server/web.ts';

export const load: PageServerLoad = async (event) => ({
	organisation: await read(event, () => getOrganisation(db(), idParam(event.params.id)))
});
