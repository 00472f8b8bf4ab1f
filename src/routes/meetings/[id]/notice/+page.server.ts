import type { PageServerLoad } from './$types';
import { readDocument } from '#lib/server/meetings/document-route.ts';

export const load: PageServerLoad = async (event) => readDocument(event, 'notice');
