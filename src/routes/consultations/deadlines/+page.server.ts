import type { PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { deadlineView } from '#lib/server/consultations/queries.ts';
import { todayIso } from '#lib/core/format.ts';

export const load: PageServerLoad = async (event) => {
	const today = todayIso();
	return { today, open: await deadlineView(db(), event.locals.actor, today) };
};
