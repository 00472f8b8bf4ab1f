import type { RequestHandler } from './$types';
import { exportResponse } from '#lib/server/planning/export-route.ts';

export const GET: RequestHandler = (event) => exportResponse(event, 'csv');
