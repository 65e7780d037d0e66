import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The web application: source in web/, built to dist/web (served by the API server). */
export default defineConfig({
  root,
  plugins: [react()],
  build: {
    // WEB_OUT_DIR: a build elsewhere (several browser-test runs side by side; serve it with WEB_ROOT)
    outDir: process.env.WEB_OUT_DIR ?? fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    // two entry points: the signed-in app, and the light public portal (no antd, no react-query)
    rollupOptions: {
      input: {
        index: fileURLToPath(new URL('index.html', import.meta.url)),
        portal: fileURLToPath(new URL('portal.html', import.meta.url)),
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
