import type { PageServerLoad } from './$types';
import { db } from '#lib/server/app.ts';
import { publicFront } from '#lib/server/public/front.ts';
import { todayIso } from '#lib/core/format.ts';

export const load: PageServerLoad = async () => ({ front: await publicFront(db(), todayIso()) });
