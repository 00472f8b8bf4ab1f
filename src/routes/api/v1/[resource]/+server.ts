import { create, list } from '#lib/server/api/routes.ts';

export const GET = list;
export const POST = create;
