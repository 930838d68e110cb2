import { readFileSync } from 'node:fs';

/** What schema.prisma says one table must look like in MySQL. */
export interface ExpectedTable {
  name: string;
  columns: Array<{ name: string; type: string; nullable: boolean }>;
  /** Index name → ordered column list, with uniqueness. */
  indexes: Array<{ name: string; columns: string[]; unique: boolean }>;
  foreignKeys: Array<{ name: string; column: string; references: string }>;
}

const SCALARS = new Set(['Int', 'BigInt', 'String', 'Boolean', 'DateTime', 'Json', 'Float', 'Decimal']);

/** MySQL type for a Prisma scalar with an optional native type attribute. */
function columnType(scalar: string, native: string | undefined): string {
  if (native) {
    const [, kind, arg] = /^@db\.(\w+)(?:\((\d+)\))?$/.exec(native)!;
    const base = kind!.toLowerCase();
    return arg ? `${base}(${arg})` : base;
  }
  return (
    {
      Int: 'int',
      BigInt: 'bigint',
      String: 'varchar(191)',
      Boolean: 'tinyint(1)',
      DateTime: 'datetime(3)',
      Json: 'json',
    }[scalar] ?? scalar.toLowerCase()
  );
}

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * A small parser for the subset of the Prisma schema language Relay uses (models, scalar and
 * relation fields, @id, @unique, @map, @db.*, @@unique, @@index, @@map, @relation).
 */
export function parsePrismaSchema(path: string): ExpectedTable[] {
  const text = readFileSync(path, 'utf8');
  const models = [...text.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)];
  const modelTables = new Map(
    models.map(([, model, body]) => [model!, /@@map\("([^"]+)"\)/.exec(body!)?.[1] ?? model!]),
  );
  return models.map(([, model, body]) => {
    const table = modelTables.get(model!)!;
    const fieldColumn = new Map<string, string>();
    const columns: ExpectedTable['columns'] = [];
    const indexes: ExpectedTable['indexes'] = [];
    const foreignKeys: ExpectedTable['foreignKeys'] = [];
    const lines = body!
      .split('\n')
      .map((l) => l.replace(/\/\/.*$/, '').trim())
      .filter((l) => l && !l.startsWith('///'));
    for (const line of lines.filter((l) => !l.startsWith('@@'))) {
      const [, field, rawType, rest = ''] = /^(\w+)\s+(\w+(?:\[\]|\?)?)\s*(.*)$/.exec(line)!;
      const scalar = rawType!.replace(/[?[\]]/g, '');
      if (!SCALARS.has(scalar)) {
        const relation = /@relation\(fields: \[(\w+)\], references: \[(\w+)\]/.exec(rest);
        if (relation) {
          const column =
            /@map\("([^"]+)"\)/.exec(lines.find((l) => l.startsWith(`${relation[1]} `))!)?.[1] ??
            relation[1]!;
          foreignKeys.push({ name: `${table}_${column}_fkey`, column, references: modelTables.get(scalar)! });
        }
        continue;
      }
      const column = /@map\("([^"]+)"\)/.exec(rest)?.[1] ?? field!;
      fieldColumn.set(field!, column);
      columns.push({
        name: column,
        type: columnType(scalar, /@db\.\w+(?:\(\d+\))?/.exec(rest)?.[0]),
        nullable: rawType!.endsWith('?'),
      });
      if (/@id\b/.test(rest)) indexes.push({ name: 'PRIMARY', columns: [column], unique: true });
      const unique = /@unique(?:\(map: "([^"]+)"\))?/.exec(rest);
      if (unique)
        indexes.push({ name: unique[1] ?? `${table}_${column}_key`, columns: [column], unique: true });
    }
    for (const line of lines.filter((l) => l.startsWith('@@unique') || l.startsWith('@@index'))) {
      const [, kind, fields, map] = /^@@(unique|index)\(\[([^\]]+)\](?:, map: "([^"]+)")?\)/.exec(line)!;
      const cols = fields!.split(',').map((f) => fieldColumn.get(f.trim()) ?? snake(f.trim()));
      const suffix = kind === 'unique' ? 'key' : 'idx';
      indexes.push({
        name: map ?? `${table}_${cols.join('_')}_${suffix}`,
        columns: cols,
        unique: kind === 'unique',
      });
    }
    return { name: table, columns, indexes, foreignKeys };
  });
}
