import { cpSync, existsSync } from 'node:fs';
import { defineConfig } from 'tsup';

/**
 * The host's production build: `src/cli.ts` bundled into `dist/cli.js` (ESM, Node 20), run with
 * plain `node dist/cli.js start`. Dependencies (Hono, Prisma, pino, the adapter packages, which
 * resolve to their own built `dist`) stay external. The files read at run time are copied beside
 * it (see src/build-layout.ts): prisma/migrations → dist/migrations, and the console's Vite build
 * (apps/console/dist) → dist/console when it has been built.
 */
export default defineConfig({
  entry: { cli: 'src/cli.ts' },
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  clean: true,
  sourcemap: true,
  define: { __RELAY_BUILT__: 'true' },
  esbuildOptions(options) {
    options.minifySyntax = true;
  },
  onSuccess: async () => {
    cpSync('../../prisma/migrations', 'dist/migrations', { recursive: true });
    if (existsSync('../console/dist')) cpSync('../console/dist', 'dist/console', { recursive: true });
  },
});
