import { reportFileHandler } from '#lib/server/documents/report-route.ts';

export const GET = reportFileHandler('docx');
