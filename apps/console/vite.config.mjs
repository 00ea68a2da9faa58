// The web console: built into dist/console, which the gateway serves (CONSOLE_DIR). `vite` alone serves it
// for development with the API proxied to a running gateway (GATEWAY_URL, default http://127.0.0.1:3000).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));
const gateway = process.env.GATEWAY_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: here,
  base: '/',
  plugins: [react()],
  build: {
    outDir: path.join(here, '..', '..', 'dist', 'console'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
  },
  server: { proxy: { '/api': gateway } },
  logLevel: 'warn',
});
