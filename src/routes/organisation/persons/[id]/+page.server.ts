import type { PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { getPerson } from '#lib/server/organisation/queries.ts';
import { idParam, load as read } from '#lib/server/web.ts';

export const load: PageServerLoad = async (event) => ({
	person: await read(event, () => getPerson(db(), event.locals.actor, idParam(event.params.id)))
});
