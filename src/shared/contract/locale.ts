import { z } from 'zod';

let installed = false;
/** zod's built-in messages in Dutch, for the few errors our schemas do not word themselves. */
export function installDutchErrors(): void {
  if (installed) return;
  z.config(z.locales.nl());
  installed = true;
}
