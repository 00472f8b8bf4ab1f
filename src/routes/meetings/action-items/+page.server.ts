import type { PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { listActionItems } from '#lib/server/meetings/matters.ts';

export const load: PageServerLoad = async (event) => {
	const open = event.url.searchParams.get('open') !== 'false';
	return { open, items: await listActionItems(db(), event.locals.actor, { open: open ? true : undefined }) };
};
