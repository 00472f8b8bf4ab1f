import { api, yearOf } from '#lib/server/api/http.ts';
import { db } from '#lib/server/app.ts';
import { feesOf } from '#lib/server/finance/api.ts';

export const GET = api(async (event) => Response.json(await feesOf(db(), yearOf(event))));
