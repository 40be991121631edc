// Builds the web app into dist/web, which the Tacit server serves in production. In development the
// Vite server proxies /api to a Tacit server (TACIT_API_URL, default http://127.0.0.1:8080).
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: {
    port: Number(process.env.TACIT_WEB_PORT ?? 5173),
    proxy: { '/api': process.env.TACIT_API_URL ?? 'http://127.0.0.1:8080' },
  },
});
