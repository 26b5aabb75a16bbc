import { defineConfig } from 'vitest/config';

// Browser end-to-end tests (Layer 5): the web shell with a real core, driven in Debian's Chromium through
// playwright-core. One file at a time: each starts its own server and browser, and Argon2id is real.
export default defineConfig({
  resolve: {
    alias: {
      // An accidental `import 'electron'` outside electron/ must fail loudly, never try a download.
      electron: new URL('./tests/support/electron-stub.ts', import.meta.url).pathname,
    },
  },
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    // The users' time zone, for the core and (tests/support/browser.ts) the page alike: CI machines run in UTC,
    // where 23:30 is already tomorrow in Amsterdam.
    env: { TZ: 'Europe/Amsterdam' },
    globalSetup: ['tests/support/e2e-global-setup.ts'],
    fileParallelism: false,
    pool: 'forks',
    testTimeout: 120_000,
    hookTimeout: 180_000,
    teardownTimeout: 30_000,
  },
});
