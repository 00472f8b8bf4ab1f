import type { PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { load as read, pageOf, positiveParam } from '#lib/server/web.ts';
import { consultationRegister, type ConsultationFilter } from '#lib/server/consultations/queries.ts';
import { isConsultationStatus } from '#lib/core/consultations.ts';
import { todayIso } from '#lib/core/format.ts';

export const load: PageServerLoad = (event) =>
	read(event, async () => {
		const q = event.url.searchParams;
		const status = q.get('status');
		const filter: ConsultationFilter = {
			year: positiveParam(event.url, 'year'),
			status: isConsultationStatus(status) ? status : undefined,
			issuerId: positiveParam(event.url, 'issuer'),
			q: q.get('q')?.trim() || undefined
		};
		const today = todayIso();
		// One round trip: the list, what is due soon and the issuers, as one query.
		const { list, due, lists } = await consultationRegister(db(), event.locals.actor, filter, pageOf(event.url, 50, 200), today);
		return { filter, list, due, lists, today };
	});
