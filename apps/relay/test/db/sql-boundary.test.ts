import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The data layer is the only place that talks to the database: no raw SQL, no Prisma model call,
 * no transaction and no database driver outside apps/relay/src/db/ (docs/data-layer.md).
 */
const SRC = resolve(import.meta.dirname, '../../src');
const INSIDE = ['db/', 'generated/'];

const RULES: Array<[string, RegExp]> = [
  ['raw SQL call', /\$(queryRaw|executeRaw)(Unsafe)?\b/],
  ['transaction', /\$transaction\b/],
  [
    'Prisma model call',
    /\b(db|tx|prisma|client)\s*\.\s*[a-z]\w*\s*\.\s*(findMany|findUnique|findUniqueOrThrow|findFirst|findFirstOrThrow|create|createMany|createManyAndReturn|update|updateMany|upsert|delete|deleteMany|count|aggregate|groupBy)\s*\(/,
  ],
  [
    'SQL statement',
    /\b(SELECT\s[\s\S]{0,300}?\sFROM\s|INSERT\s+(IGNORE\s+)?INTO\s|UPDATE\s+`?\w+`?(\s+\w+)?(\s+JOIN\s[\s\S]{0,200}?)?\s+SET\s|DELETE\s+FROM\s|(CREATE|DROP|ALTER)\s+(TABLE|DATABASE)\s)/,
  ],
  ['database driver', /from\s+['"](mariadb|mysql2?|@prisma\/adapter-mariadb)['"]/],
];

/** The rules a source text breaks. */
function sqlFindings(text: string): string[] {
  return RULES.filter(([, pattern]) => pattern.test(text)).map(([name]) => name);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('the SQL boundary', () => {
  it('finds each kind of database access in a sample', () => {
    expect(sqlFindings("await db.$queryRawUnsafe('SELECT 1')")).toEqual(['raw SQL call']);
    expect(sqlFindings('await tx.$executeRaw`x`')).toEqual(['raw SQL call']);
    expect(sqlFindings('db.$transaction(async (tx) => {})')).toEqual(['transaction']);
    expect(sqlFindings('await db.platform.findUnique({ where: { id } })')).toEqual(['Prisma model call']);
    expect(sqlFindings('runtime.db.adminAccount.create({ data })')).toEqual(['Prisma model call']);
    expect(sqlFindings('const q = `SELECT id, name\n FROM events WHERE id = ?`;')).toEqual(['SQL statement']);
    expect(sqlFindings("'INSERT IGNORE INTO deliveries (a) VALUES (?)'")).toEqual(['SQL statement']);
    expect(sqlFindings('`UPDATE deliveries d JOIN events e ON e.id = d.event_id SET d.status = ?`')).toEqual([
      'SQL statement',
    ]);
    expect(sqlFindings('"DELETE FROM events WHERE id = ?"')).toEqual(['SQL statement']);
    expect(sqlFindings("import mariadb from 'mariadb';")).toEqual(['database driver']);
    // Prose and ordinary code are not SQL.
    expect(sqlFindings('// select the rows from the lanes; update the set of ids')).toEqual([]);
    expect(sqlFindings('const ids = new Set(items.map((c) => c.id)); ids.delete(id);')).toEqual([]);
    expect(sqlFindings('this.cache.entries.delete(key); metrics.counters.create(name)')).toEqual([]);
  });

  it('no file outside apps/relay/src/db/ holds SQL or calls the database directly', () => {
    const files = sourceFiles(SRC).filter((f) => !INSIDE.some((d) => relative(SRC, f).startsWith(d)));
    expect(files.length).toBeGreaterThan(20);
    const offenders = files.flatMap((file) => {
      const found = sqlFindings(readFileSync(file, 'utf8'));
      return found.length === 0 ? [] : [`${relative(SRC, file)}: ${found.join(', ')}`];
    });
    expect(offenders).toEqual([]);
  });
});
