/**
 * zod compiles its object validators with `new Function` when it may, and
 * decides so as each schema is defined, by trying it. The page's
 * Content-Security-Policy forbids eval (contentSecurityPolicy.ts), so the try
 * would be reported as a violation. Imported first by main.tsx, before any
 * schema is defined. (The command line keeps the compiled validators.)
 */
import { config } from 'zod';

config({ jitless: true });
