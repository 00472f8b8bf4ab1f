import type { RequestHandler } from './$types';
import { feeInvoiceHandler } from '#lib/server/finance/fee-route.ts';

export const GET: RequestHandler = feeInvoiceHandler('pdf');
