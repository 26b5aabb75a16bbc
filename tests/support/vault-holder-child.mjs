// Child process of tests/integration/vault/session-lock.test.ts: a second Houvast that opens and unlocks the vault
// in argv[2] (data folder argv[3]), writes one setting so the WAL holds it, says "ready" and waits to be killed.
// The passphrase comes in the environment, as the CLI takes it.
import { register } from 'tsx/esm/api';

register();
const { createCore, defaultResourcesDir } = await import(new URL('../../src/core/app.ts', import.meta.url).href);
const { silentLogger } = await import(new URL('../../src/core/logger.ts', import.meta.url).href);
const core = await createCore({ dataDir: process.argv[3], resourcesDir: defaultResourcesDir(), logger: silentLogger });
for (const [name, input] of [
  ['vault.open', { path: process.argv[2] }],
  ['vault.unlock', { passphrase: process.env.HOUVAST_PASSPHRASE }],
  ['settings.update', { userName: 'Medewerker in het kind' }],
]) {
  const env = await core.router.handle(name, input);
  if (!env.ok) {
    process.stdout.write(`failed ${name}: ${env.error.code}\n`);
    process.exit(1);
  }
}
process.stdout.write('ready\n');
setInterval(() => {}, 1000);
