import { documentHandler } from '#lib/server/meetings/document-route.ts';
export const GET = documentHandler('notice', 'pdf');
