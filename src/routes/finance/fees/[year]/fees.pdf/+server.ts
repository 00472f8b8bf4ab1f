import type { RequestHandler } from './$types';
import { feeOverviewHandler } from '#lib/server/finance/fee-route.ts';

export const GET: RequestHandler = feeOverviewHandler('pdf');
