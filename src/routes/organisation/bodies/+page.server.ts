import type { PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { listBodies } from '#lib/server/organisation/queries.ts';
import { todayIso } from '#lib/core/format.ts';
import { BODY_KINDS } from '#lib/core/organisation.ts';

export const load: PageServerLoad = async ({ url }) => {
	const kind = url.searchParams.get('kind') ?? '';
	const bodies = await listBodies(db(), { kind: kind in BODY_KINDS ? kind : undefined });
	return { bodies, kind, today: todayIso() };
};
