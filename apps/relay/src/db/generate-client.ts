import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** prisma/schema.prisma at the repository root. */
export const SCHEMA_PATH = resolve(import.meta.dirname, '../../../../prisma/schema.prisma');

/**
 * Run `prisma generate` for `schema` (its generator writes to the path the schema names,
 * relative to the schema file). The committed client lives in `apps/relay/src/generated/prisma`.
 * Prisma only needs its schema engine for migrate, so any existing file stands in for it: this
 * works offline and on machines where the engine cannot be installed.
 */
export function generatePrismaClient(schema = SCHEMA_PATH): void {
  const require = createRequire(import.meta.url);
  const cli = require.resolve('prisma/build/index.js');
  execFileSync(process.execPath, [cli, 'generate', '--schema', schema], {
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: process.env['PRISMA_SCHEMA_ENGINE_BINARY'] ?? process.execPath,
      PRISMA_HIDE_UPDATE_MESSAGE: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  generatePrismaClient();
  process.stdout.write('Prisma client generated into apps/relay/src/generated/prisma\n');
}
