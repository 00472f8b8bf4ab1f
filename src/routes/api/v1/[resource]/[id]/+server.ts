import { get, patch } from '#lib/server/api/routes.ts';

export const GET = get;
export const PATCH = patch;
