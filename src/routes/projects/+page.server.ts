import type { PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { listProjects } from '#lib/server/projects/queries.ts';
import { isProjectStatus } from '#lib/core/projects.ts';

const positive = (v: string | null) => {
	const n = Number(v);
	return Number.isInteger(n) && n > 0 ? n : undefined;
};

// Public: the projects are what the annual report publishes.
export const load: PageServerLoad = async (event) => {
	const q = event.url.searchParams;
	const status = q.get('status');
	const filter = { status: isProjectStatus(status) ? status : undefined, year: positive(q.get('year')) };
	return { filter, projects: await listProjects(db(), filter) };
};
