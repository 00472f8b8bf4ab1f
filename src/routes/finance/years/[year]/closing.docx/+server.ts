import { closingHandler } from '#lib/server/finance/document-route.ts';
export const GET = closingHandler('docx');
