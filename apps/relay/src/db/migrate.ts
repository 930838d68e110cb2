import { createHash, randomUUID } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '@relay/core';
import mariadb from 'mariadb';
import { MIGRATIONS_DIR } from '../build-layout';
import { parseDatabaseUrl } from './url';

/** prisma/migrations (beside dist/cli.js in the build, see build-layout.ts). */
export { MIGRATIONS_DIR };

/** The table Prisma keeps its migration history in, exactly as Prisma creates it on MySQL. */
const PRISMA_MIGRATIONS_DDL = `CREATE TABLE IF NOT EXISTS \`_prisma_migrations\` (
    \`id\`                    VARCHAR(36) PRIMARY KEY NOT NULL,
    \`checksum\`              VARCHAR(64) NOT NULL,
    \`finished_at\`           DATETIME(3),
    \`migration_name\`        VARCHAR(255) NOT NULL,
    \`logs\`                  TEXT,
    \`rolled_back_at\`        DATETIME(3),
    \`started_at\`            DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    \`applied_steps_count\`   INTEGER UNSIGNED NOT NULL DEFAULT 0
) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`;

export interface Migration {
  name: string;
  sql: string;
  /** SHA-256 hex of migration.sql, as Prisma computes it. */
  checksum: string;
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: string[];
}

/** The migrations in `dir`, in name (timestamp) order. */
export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isDirectory())
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

/**
 * Create the database if missing, then apply every migration not yet applied, recording each in
 * `_prisma_migrations` as `prisma migrate deploy` does. Idempotent; safe when several processes
 * start at once (a named lock serialises them). Refuses to run when an applied migration's file
 * changed (checksum mismatch) or a previous attempt failed half-way.
 */
export async function migrate(databaseUrl: string, dir = MIGRATIONS_DIR): Promise<MigrateResult> {
  const target = parseDatabaseUrl(databaseUrl);
  const server = await mariadb.createConnection({ ...target, database: undefined });
  try {
    await server.query(
      `CREATE DATABASE IF NOT EXISTS \`${target.database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
  } finally {
    await server.end();
  }

  const conn = await mariadb.createConnection({ ...target, multipleStatements: true });
  const lockName = `relay_migrate_${target.database}`;
  try {
    const [lock] = await conn.query('SELECT GET_LOCK(?, 120) AS got', [lockName]);
    if (Number(lock.got) !== 1)
      throw new ConfigError(`Could not take the migration lock ${lockName} in 120 s`);
    await conn.query(PRISMA_MIGRATIONS_DDL);
    const rows: Array<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      rolled_back_at: Date | null;
    }> = await conn.query(
      'SELECT migration_name, checksum, finished_at, rolled_back_at FROM `_prisma_migrations`',
    );
    const done = new Map(
      rows.filter((r) => r.finished_at && !r.rolled_back_at).map((r) => [r.migration_name, r]),
    );
    const failed = rows.filter((r) => !r.finished_at && !r.rolled_back_at).map((r) => r.migration_name);
    if (failed.length > 0) {
      throw new ConfigError(
        `Migration ${failed.join(', ')} failed earlier; fix the database, then mark it rolled back (prisma migrate resolve --rolled-back)`,
      );
    }
    const result: MigrateResult = { applied: [], alreadyApplied: [] };
    for (const migration of readMigrations(dir)) {
      const previous = done.get(migration.name);
      if (previous) {
        if (previous.checksum !== migration.checksum) {
          throw new ConfigError(
            `Migration ${migration.name} was changed after it was applied (checksum differs)`,
          );
        }
        result.alreadyApplied.push(migration.name);
        continue;
      }
      const id = randomUUID();
      await conn.query(
        'INSERT INTO `_prisma_migrations` (id, checksum, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, NOW(3), 0)',
        [id, migration.checksum, migration.name],
      );
      try {
        await conn.query(migration.sql);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        await conn.query('UPDATE `_prisma_migrations` SET logs = ? WHERE id = ?', [message, id]);
        throw new ConfigError(`Migration ${migration.name} failed: ${message}`, { cause: error });
      }
      await conn.query(
        'UPDATE `_prisma_migrations` SET finished_at = NOW(3), applied_steps_count = 1 WHERE id = ?',
        [id],
      );
      result.applied.push(migration.name);
    }
    return result;
  } finally {
    await conn.query('SELECT RELEASE_LOCK(?)', [lockName]).catch(() => {});
    await conn.end();
  }
}

/** Drop the database the URL names, if it exists (the demo starts from an empty one). */
export async function dropDatabase(databaseUrl: string): Promise<void> {
  const target = parseDatabaseUrl(databaseUrl);
  const server = await mariadb.createConnection({ ...target, database: undefined });
  try {
    await server.query(`DROP DATABASE IF EXISTS \`${target.database}\``);
  } finally {
    await server.end();
  }
}
