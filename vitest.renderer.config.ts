import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Renderer component tests: React in jsdom against a fake Client that implements the contract.
export default defineConfig({
  plugins: [react()],
  define: { __HOUVAST_HARNESS__: 'false' },
  test: {
    include: ['tests/renderer/**/*.test.{ts,tsx}'],
    environment: 'jsdom',
    setupFiles: ['tests/support/renderer-setup.ts'],
    testTimeout: 20_000,
  },
});
