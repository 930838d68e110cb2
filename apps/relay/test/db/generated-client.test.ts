import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SCHEMA_PATH, generatePrismaClient } from '../../src/db/generate-client';

const COMMITTED = resolve(import.meta.dirname, '../../src/generated/prisma');

function filesUnder(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.set(relative(dir, path), readFileSync(path, 'utf8'));
    }
  };
  walk(dir);
  return files;
}

const scratch = mkdtempSync(join(tmpdir(), 'relay-prisma-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('committed Prisma client', () => {
  it('is exactly what `prisma generate` makes of schema.prisma (regenerate with pnpm --filter @relay/host prisma:generate)', () => {
    // The same layout as the repository, so the schema's relative output path lands in scratch.
    mkdirSync(join(scratch, 'prisma'));
    cpSync(SCHEMA_PATH, join(scratch, 'prisma/schema.prisma'));
    generatePrismaClient(join(scratch, 'prisma/schema.prisma'));
    const fresh = filesUnder(join(scratch, 'apps/relay/src/generated/prisma'));
    const committed = filesUnder(COMMITTED);
    expect([...committed.keys()].sort()).toEqual([...fresh.keys()].sort());
    for (const [file, text] of fresh) expect(committed.get(file), file).toBe(text);
  });
});
