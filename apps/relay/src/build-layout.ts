import { fileURLToPath } from 'node:url';

declare const __RELAY_BUILT__: boolean | undefined;

/**
 * Where the files the host reads at run time are. Run from source (tsx, tests) they are read
 * where they live in the repository; the tsup build (apps/relay/tsup.config.ts) defines
 * `__RELAY_BUILT__` and copies them next to `dist/cli.js`.
 */
export const BUILT = typeof __RELAY_BUILT__ === 'boolean' && __RELAY_BUILT__;

const at = (built: string, fromSource: string) =>
  fileURLToPath(new URL(BUILT ? built : fromSource, import.meta.url));

/** prisma/migrations (the build copies it to dist/migrations). */
export const MIGRATIONS_DIR = at('./migrations/', '../../../prisma/migrations/');

/** The console's Vite build, apps/console/dist (the build copies it to dist/console when it exists). */
export const CONSOLE_BUILD_DIR = at('./console/', '../../console/dist/');
