import type { PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { publicContact } from '#lib/server/public/contact.ts';
import { todayIso } from '#lib/core/format.ts';

export const load: PageServerLoad = async () => ({ contact: await publicContact(db(), todayIso()) });
