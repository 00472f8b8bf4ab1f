// The pages' Content-Security-Policy allows no eval. Zod 4 compiles a faster
// object parser with new Function, after a probe that the browser reports as a
// policy violation on every page that checks a form; without the JIT it parses
// the same, and nothing is reported. (From zod/v4/core: only the config, not the schema library.)
import { config } from 'zod/v4/core';

config({ jitless: true });
