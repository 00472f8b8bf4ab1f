import type { PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { load as read, pageOf, positiveParam } from '#lib/server/web.ts';
import { dueSoon, listConsultations, type ConsultationFilter } from '#lib/server/consultations/queries.ts';
import { consultationOptions } from '#lib/server/consultations/options.ts';
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
		const d = db();
		const actor = event.locals.actor;
		const today = todayIso();
		const [list, due, lists] = [
			await listConsultations(d, actor, filter, pageOf(event.url, 50, 200)),
			await dueSoon(d, actor, today, 10),
			await consultationOptions(d, ['organisations'])
		];
		return { filter, list, due, lists, today };
	});
