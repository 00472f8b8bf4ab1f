import type { PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { getBody } from '#lib/server/organisation/queries.ts';
import { idParam, load as read } from '#lib/server/web.ts';
import { todayIso } from '#lib/core/format.ts';

export const load: PageServerLoad = async (event) => {
	const requested = event.url.searchParams.get('date') ?? '';
	const date = /^\d{4}-\d{2}-\d{2}$/.test(requested) ? requested : todayIso();
	return {
		body: await read(event, () => getBody(db(), idParam(event.params.id))),
		date,
		invalidDate: requested !== '' && requested !== date
	};
};
