import type { PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { appointmentsOfBody } from '#lib/server/governance/documents.ts';
import { getBody } from '#lib/server/organisation/queries.ts';
import { idParam, load as read } from '#lib/server/web.ts';
import { todayIso } from '#lib/core/format.ts';

export const load: PageServerLoad = async (event) => {
	const requested = event.url.searchParams.get('date') ?? '';
	const date = /^\d{4}-\d{2}-\d{2}$/.test(requested) ? requested : todayIso();
	const id = idParam(event.params.id);
	const body = await read(event, () => getBody(db(), id));
	const appointed = new Map((await appointmentsOfBody(db(), id)).map((a) => [a.membershipId, a]));
	return {
		body: {
			...body,
			memberships: body.memberships.map((m) => ({
				...m,
				appointedBy: appointed.get(m.id)?.appointedBy ?? null,
				directive: appointed.get(m.id)?.directive ?? null
			}))
		},
		date,
		invalidDate: requested !== '' && requested !== date
	};
};
