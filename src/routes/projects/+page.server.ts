import type { PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { positiveParam } from '#lib/server/web.ts';
import { listProjects } from '#lib/server/projects/queries.ts';
import { isProjectStatus } from '#lib/core/projects.ts';

// Public: the projects are what the annual report publishes.
export const load: PageServerLoad = async (event) => {
	const q = event.url.searchParams;
	const status = q.get('status');
	const filter = { status: isProjectStatus(status) ? status : undefined, year: positiveParam(event.url, 'year') };
	return { filter, projects: await listProjects(db(), filter) };
};
