import type { PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { hasRole } from '#lib/server/actor.ts';
import { listGoverningDocuments } from '#lib/server/governance/documents.ts';

// Public: the cooperation's governing documents are public documents.
export const load: PageServerLoad = async (event) => ({
	documents: await listGoverningDocuments(db()),
	editor: hasRole(event.locals.actor, 'editor')
});
