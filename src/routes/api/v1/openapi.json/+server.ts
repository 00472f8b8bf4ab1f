import { openApiDocument } from '#lib/server/api/openapi.ts';

// The document is the same for every request and takes about 0.3–0.5 s of CPU to
// make (zod → JSON Schema for every input and answer): made once per process.
let body: string | undefined;

export const GET = () => new Response((body ??= JSON.stringify(openApiDocument())), { headers: { 'content-type': 'application/json' } });
