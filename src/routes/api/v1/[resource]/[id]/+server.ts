import { get, patch, remove } from '#lib/server/api/routes.ts';

export const GET = get;
export const PATCH = patch;
export const DELETE = remove;
