import { openApiDocument } from '#lib/server/api/openapi.ts';

export const GET = () => Response.json(openApiDocument());
