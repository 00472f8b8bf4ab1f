import { documentHandler } from '#lib/server/meetings/document-route.ts';
export const GET = documentHandler('minutes', 'docx');
