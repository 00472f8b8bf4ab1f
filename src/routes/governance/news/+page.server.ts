import type { PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { hasRole } from '#lib/server/actor.ts';
import { listNews } from '#lib/server/governance/influence.ts';
import { todayIso } from '#lib/core/format.ts';

// Public: published news. Editors also see what waits for its publication date.
export const load: PageServerLoad = async (event) => {
	const editor = hasRole(event.locals.actor, 'editor');
	const today = todayIso();
	return { news: await listNews(db(), { today, all: editor }), today, editor, deleted: event.url.searchParams.has('deleted') };
};
