// Build of the desktop app: main (ESM, Node target), preload (CommonJS: sandboxed preloads cannot load
// ES modules, and everything is bundled because a sandboxed preload cannot require packages), and the
// renderer (served from app://app/, so relative asset URLs).
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      // index: the main process; core-host: the utility process that runs the core (electron/main/core-process.ts).
      lib: { entry: { index: resolve(root, 'electron/main/index.ts'), 'core-host': resolve(root, 'electron/core-host/index.ts') } },
      rolldownOptions: {
        // Native module: loaded at run time, from the Electron-ABI build via nativeBinding.
        external: ['better-sqlite3-multiple-ciphers'],
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      externalizeDeps: false,
      lib: { entry: resolve(root, 'electron/preload/index.ts'), formats: ['cjs'], fileName: () => 'index.cjs' },
      rolldownOptions: { output: { format: 'cjs', entryFileNames: 'index.cjs' } },
    },
  },
  renderer: {
    root: resolve(root, 'src/renderer'),
    // The WebSocket transport exists only in the harness build (vite.harness.config.ts).
    define: { __HOUVAST_HARNESS__: 'false' },
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      emptyOutDir: true,
      // Minified: also drops library comments, whose documentation links the static URL check would flag.
      minify: true,
      rolldownOptions: { input: resolve(root, 'src/renderer/index.html') },
    },
  },
});
