import { defineConfig } from 'vitest/config';

// Unit, core-integration, contract and static tests (node environment, real encrypted DB).
// Browser end-to-end tests have their own config: vitest.e2e.config.ts.
export default defineConfig({
  resolve: {
    alias: {
      // An accidental `import 'electron'` outside electron/ must fail loudly, never try a download.
      electron: new URL('./tests/support/electron-stub.ts', import.meta.url).pathname,
    },
  },
  test: {
    include: ['tests/{unit,integration,contract,static}/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
