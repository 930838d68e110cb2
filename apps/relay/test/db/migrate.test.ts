import { cpSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR, migrate, readMigrations } from '../../src/db/migrate';
import { withDatabase } from '../../src/db/url';
import { TEST_SERVER_URL, type TestDatabase, createTestDatabase, rawQuery } from '../support/database';
import { type ExpectedTable, parsePrismaSchema } from '../support/prisma-schema';

const SCHEMA = resolve(import.meta.dirname, '../../../../prisma/schema.prisma');

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase({ migrate: false });
});
afterAll(() => database.drop());

/** MariaDB reports `int(11)`, MySQL 8 `int`; JSON is `longtext` on MariaDB. */
function normalizeType(type: string): string {
  return type
    .toLowerCase()
    .replace(/^(tinyint|smallint|int|bigint)\(\d+\)(?! unsigned)/, (m, base: string) =>
      m === 'tinyint(1)' ? m : base,
    )
    .replace(/^longtext$/, 'json');
}

async function actualTables(name: string): Promise<ExpectedTable[]> {
  const columns = (await rawQuery(
    'SELECT TABLE_NAME t, COLUMN_NAME c, COLUMN_TYPE ty, IS_NULLABLE n FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, ORDINAL_POSITION',
    [name],
  )) as Array<{ t: string; c: string; ty: string; n: string }>;
  const stats = (await rawQuery(
    'SELECT TABLE_NAME t, INDEX_NAME i, COLUMN_NAME c, NON_UNIQUE nu FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX',
    [name],
  )) as Array<{ t: string; i: string; c: string; nu: number | bigint }>;
  const fks = (await rawQuery(
    'SELECT TABLE_NAME t, CONSTRAINT_NAME k, COLUMN_NAME c, REFERENCED_TABLE_NAME r FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = ? AND REFERENCED_TABLE_NAME IS NOT NULL',
    [name],
  )) as Array<{ t: string; k: string; c: string; r: string }>;
  const tables = [...new Set(columns.map((c) => c.t))].filter((t) => t !== '_prisma_migrations');
  return tables.map((table) => {
    const indexes = new Map<string, { name: string; columns: string[]; unique: boolean }>();
    for (const s of stats.filter((s) => s.t === table)) {
      const entry = indexes.get(s.i) ?? { name: s.i, columns: [], unique: Number(s.nu) === 0 };
      entry.columns.push(s.c);
      indexes.set(s.i, entry);
    }
    return {
      name: table,
      columns: columns
        .filter((c) => c.t === table)
        .map((c) => ({ name: c.c, type: normalizeType(c.ty), nullable: c.n === 'YES' })),
      indexes: [...indexes.values()],
      foreignKeys: fks.filter((f) => f.t === table).map((f) => ({ name: f.k, column: f.c, references: f.r })),
    };
  });
}

const byName = <T extends { name: string }>(list: T[]) =>
  [...list].sort((a, b) => a.name.localeCompare(b.name));

describe('relay migrate', () => {
  it('creates the database, applies every migration and records it as Prisma does', async () => {
    const result = await migrate(database.url);
    expect(result.applied).toEqual(readMigrations().map((m) => m.name));
    const rows = (await rawQuery(
      `SELECT id, checksum, migration_name, finished_at, rolled_back_at, applied_steps_count, logs FROM \`${database.name}\`._prisma_migrations ORDER BY migration_name`,
    )) as Array<Record<string, unknown>>;
    expect(rows.map((r) => r['migration_name'])).toEqual(result.applied);
    for (const [i, row] of rows.entries()) {
      expect(row['id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(row['checksum']).toBe(readMigrations()[i]!.checksum);
      expect(row['finished_at']).toBeInstanceOf(Date);
      expect(row['rolled_back_at']).toBeNull();
      expect(Number(row['applied_steps_count'])).toBe(1);
    }
  });

  it('is idempotent and safe when several processes migrate at once', async () => {
    const results = await Promise.all([migrate(database.url), migrate(database.url), migrate(database.url)]);
    for (const result of results) {
      expect(result.applied).toEqual([]);
      expect(result.alreadyApplied).toEqual(readMigrations().map((m) => m.name));
    }
    const [count] = (await rawQuery(
      `SELECT COUNT(*) n FROM \`${database.name}\`._prisma_migrations`,
    )) as Array<{
      n: bigint;
    }>;
    expect(Number(count!.n)).toBe(readMigrations().length);
  });

  it('gives a database that matches schema.prisma: tables, columns, types, nullability, uniques, indexes, foreign keys', async () => {
    const expected = parsePrismaSchema(SCHEMA);
    const actual = await actualTables(database.name);
    expect(byName(actual).map((t) => t.name)).toEqual(byName(expected).map((t) => t.name));
    for (const table of byName(expected)) {
      const real = actual.find((t) => t.name === table.name)!;
      expect(byName(real.columns), `${table.name} columns`).toEqual(byName(table.columns));
      expect(
        byName(real.indexes).filter((i) => !table.foreignKeys.some((fk) => fk.name === i.name)),
        `${table.name} indexes`,
      ).toEqual(byName(table.indexes));
      expect(byName(real.foreignKeys), `${table.name} foreign keys`).toEqual(byName(table.foreignKeys));
    }
  });

  it('compares dedup_key byte for byte (utf8mb4_bin, which schema.prisma cannot express)', async () => {
    const [column] = (await rawQuery(
      "SELECT COLLATION_NAME c FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = 'events' AND COLUMN_NAME = 'dedup_key'",
      [database.name],
    )) as Array<{ c: string }>;
    expect(column!.c).toBe('utf8mb4_bin');
  });

  it('refuses to run when an applied migration file was changed', async () => {
    await rawQuery(`UPDATE \`${database.name}\`._prisma_migrations SET checksum = 'x' LIMIT 1`);
    await expect(migrate(database.url)).rejects.toThrow(/was changed after it was applied/);
  });
});

/** A database name no test created yet; dropped afterwards. */
async function withFreshName(run: (url: string, name: string) => Promise<void>) {
  const name = `relay_m_${Date.now().toString(36)}_${Math.random().toString(16).slice(2, 10)}`;
  try {
    await run(withDatabase(TEST_SERVER_URL, name), name);
  } finally {
    await rawQuery(`DROP DATABASE IF EXISTS \`${name}\``);
  }
}

describe('relay migrate on a server without the database', () => {
  it('creates the database when it is missing', async () => {
    await withFreshName(async (url, name) => {
      const before = (await rawQuery(
        'SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?',
        [name],
      )) as unknown[];
      expect(before).toEqual([]);
      const result = await migrate(url);
      expect(result).toEqual({ applied: readMigrations().map((m) => m.name), alreadyApplied: [] });
      const [schema] = (await rawQuery(
        'SELECT DEFAULT_CHARACTER_SET_NAME cs FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?',
        [name],
      )) as Array<{ cs: string }>;
      expect(schema!.cs).toBe('utf8mb4');
    });
  });

  it('three processes starting at once on an empty server: one applies, the others find it done', async () => {
    await withFreshName(async (url, name) => {
      const names = readMigrations().map((m) => m.name);
      const results = await Promise.all([migrate(url), migrate(url), migrate(url)]);
      expect(results.map((r) => r.applied).sort((a, b) => b.length - a.length)).toEqual([names, [], []]);
      expect(results.filter((r) => r.alreadyApplied.length === names.length)).toHaveLength(2);
      const rows = (await rawQuery(
        `SELECT migration_name FROM \`${name}\`._prisma_migrations ORDER BY migration_name`,
      )) as Array<{ migration_name: string }>;
      expect(rows.map((r) => r.migration_name)).toEqual(names);
    });
  });

  it('records a failed migration with its error in logs and refuses to run again until resolved', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'relay-migrations-'));
    try {
      for (const [folder, sql] of [
        ['20260101000000_ok', 'CREATE TABLE `one` (`id` INTEGER NOT NULL, PRIMARY KEY (`id`));\n'],
        ['20260102000000_broken', 'CREATE TABLE `two` (`id` NOPE);\n'],
      ] as const) {
        mkdirSync(join(dir, folder));
        writeFileSync(join(dir, folder, 'migration.sql'), sql);
      }
      await withFreshName(async (url, name) => {
        await expect(migrate(url, dir)).rejects.toThrow(/^Migration 20260102000000_broken failed: /);
        const rows = (await rawQuery(
          `SELECT migration_name, finished_at IS NOT NULL AS finished, applied_steps_count steps, logs FROM \`${name}\`._prisma_migrations ORDER BY migration_name`,
        )) as Array<{
          migration_name: string;
          finished: number | bigint;
          steps: number;
          logs: string | null;
        }>;
        expect(rows.map((r) => [r.migration_name, Number(r.finished), Number(r.steps)])).toEqual([
          ['20260101000000_ok', 1, 1],
          ['20260102000000_broken', 0, 0],
        ]);
        expect(rows[1]!.logs).toMatch(/NOPE/);
        await expect(migrate(url, dir)).rejects.toThrow(
          /Migration 20260102000000_broken failed earlier; fix the database, then mark it rolled back/,
        );
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('migration 20261129030000_http_exchanges on a database with audit rows', () => {
  it("moves each attempt's excerpts into an exchange it points to", async () => {
    const before = mkdtempSync(join(tmpdir(), 'relay-migrations-'));
    try {
      for (const m of readMigrations().filter((m) => m.name < '20261129030000'))
        cpSync(join(MIGRATIONS_DIR, m.name), join(before, m.name), { recursive: true });
      await withFreshName(async (url, name) => {
        await migrate(url, before);
        const q = (sql: string) => rawQuery(sql.replaceAll('{db}', `\`${name}\``));
        await q(
          "INSERT INTO {db}.events (storefront_code, dedup_key, event_name, event_time, order_id, payload) VALUES ('bosley', 'k', 'lead', NOW(3), 'O1', '{}')",
        );
        await q(
          "INSERT INTO {db}.deliveries (event_id, destination_key, platform_code, status, next_attempt_at) VALUES (1, 'credential:1', 'meta_capi', 'delivered', NOW(3))",
        );
        await q(
          `INSERT INTO {db}.delivery_attempts (delivery_id, attempt, started_at, duration_ms, status_code, outcome, reason, request_excerpt, response_excerpt)
           VALUES (1, 1, '2026-01-15 12:00:00', 40, 500, 'retryable', 'boom', '{"data":[1]}', 'oops'),
                  (1, 2, '2026-01-15 12:05:00', 30, 200, 'delivered', NULL, '{"data":[2]}', '{"ok":1}')`,
        );
        await migrate(url);
        const rows = (await q(
          `SELECT a.attempt, a.status_code, x.platform_code, x.status_code AS x_status, x.event_count, x.request_excerpt, x.response_excerpt
           FROM {db}.delivery_attempts a JOIN {db}.http_exchanges x ON x.id = a.exchange_id ORDER BY a.attempt`,
        )) as Array<Record<string, unknown>>;
        expect(rows).toEqual([
          {
            attempt: 1,
            status_code: 500,
            platform_code: 'meta_capi',
            x_status: 500,
            event_count: 1,
            request_excerpt: '{"data":[1]}',
            response_excerpt: 'oops',
          },
          {
            attempt: 2,
            status_code: 200,
            platform_code: 'meta_capi',
            x_status: 200,
            event_count: 1,
            request_excerpt: '{"data":[2]}',
            response_excerpt: '{"ok":1}',
          },
        ]);
      });
    } finally {
      rmSync(before, { recursive: true, force: true });
    }
  });
});
