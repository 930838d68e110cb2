import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The console is served by the host at /console; `vite build` writes dist/, which the host reads. */
export default defineConfig({
  base: '/console/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 400 },
  server: { proxy: { '/admin': 'http://127.0.0.1:8000', '/v1': 'http://127.0.0.1:8000' } },
});
