import type { PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { listOrganisations } from '#lib/server/organisation/queries.ts';
import { ORGANISATION_KINDS } from '#lib/core/organisation.ts';

export const load: PageServerLoad = async ({ url }) => {
	const kind = url.searchParams.get('kind') ?? '';
	return { kind, organisations: await listOrganisations(db(), { kind: kind in ORGANISATION_KINDS ? kind : undefined }) };
};
