// The renderer built for the loopback web shell (npm run web, browser tests): the same React app as the
// Electron build, plus the WebSocket transport, which only this build includes (__HOUVAST_HARNESS__).
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('./src/renderer', import.meta.url));
const outDir = fileURLToPath(new URL('./out/harness', import.meta.url));

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  define: {
    __HOUVAST_HARNESS__: 'true',
  },
  build: {
    outDir,
    emptyOutDir: true,
    // No inline scripts or data: modules: the CSP allows 'self' only.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
    // Served from the local disk to one user: one bundle is fine, the size warning is noise.
    chunkSizeWarningLimit: 2048,
    rolldownOptions: {
      input: fileURLToPath(new URL('./src/renderer/index.html', import.meta.url)),
    },
  },
});
