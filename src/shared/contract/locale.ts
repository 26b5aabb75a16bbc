import { z } from 'zod';

// Zod's JIT compiles object parsers with `new Function`, probing for it when the first object schema is
// built; under the renderer's CSP (no 'unsafe-eval') that probe is blocked and reported as a CSP violation.
// Parse without the JIT everywhere. This runs when the module is evaluated, so an entry point imports this
// module before anything that builds schemas (src/renderer/main.tsx does).
z.config({ jitless: true });

let installed = false;
/** zod's built-in messages in Dutch, for the few errors our schemas do not word themselves. */
export function installDutchErrors(): void {
  if (installed) return;
  z.config(z.locales.nl());
  installed = true;
}
