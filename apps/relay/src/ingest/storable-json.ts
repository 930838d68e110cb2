/**
 * What the events table can store as JSON, checked in the relay rather than by the database's
 * JSON check (MariaDB's `json_valid` constraint and MySQL 8's JSON type refuse different things:
 * MariaDB refuses more than 31 levels, MySQL 100). A record breaking either rule would be refused
 * by the database; the relay answers 422 naming the field instead.
 */

/**
 * Containers (objects, arrays) allowed inside a record: the record itself is one more level, and
 * MariaDB refuses a document nested 32 levels deep.
 */
export const MAX_NESTING_IN_RECORD = 30;

export interface JsonProblem {
  /** Path from the record to the offending key or value. */
  path: Array<string | number>;
  message: string;
}

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE_PATTERN = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when the string is well-formed UTF-16 (String.prototype.isWellFormed, ES2024, where the runtime has it). */
export const isWellFormed: (text: string) => boolean =
  typeof (String.prototype as { isWellFormed?: unknown }).isWellFormed === 'function'
    ? (text) => (text as unknown as { isWellFormed(): boolean }).isWellFormed()
    : (text) => !LONE_SURROGATE_PATTERN.test(text);

const LONE_SURROGATE =
  'contains a lone UTF-16 surrogate (a truncated character, e.g. half an emoji); it cannot be stored as JSON';

/**
 * The first reason the record's JSON could not be stored, or undefined. Checks every string
 * (keys included) for lone surrogates and the nesting depth, without recursion.
 */
export function storableJsonProblem(record: Record<string, unknown>): JsonProblem | undefined {
  // Nearly every record passes: check it without building paths, and name the path only if not.
  return isStorable(record) ? undefined : firstProblem(record);
}

/** `storableJsonProblem(record) === undefined`, without allocating a path per value. */
function isStorable(record: Record<string, unknown>): boolean {
  const values: unknown[] = [record];
  const depths: number[] = [0];
  while (values.length > 0) {
    const value = values.pop();
    const depth = depths.pop()!;
    if (typeof value === 'string') {
      if (!isWellFormed(value)) return false;
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth > MAX_NESTING_IN_RECORD) return false;
    if (Array.isArray(value)) {
      for (const child of value) {
        values.push(child);
        depths.push(depth + 1);
      }
      continue;
    }
    for (const key of Object.keys(value)) {
      if (!isWellFormed(key)) return false;
      values.push((value as Record<string, unknown>)[key]);
      depths.push(depth + 1);
    }
  }
  return true;
}

function firstProblem(record: Record<string, unknown>): JsonProblem | undefined {
  const stack: Array<{ value: unknown; path: Array<string | number>; depth: number }> = [
    { value: record, path: [], depth: 0 },
  ];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === 'string') {
      if (!isWellFormed(value)) return { path, message: `String ${LONE_SURROGATE}` };
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth > MAX_NESTING_IN_RECORD) {
      return {
        path,
        message: `Nested more than ${MAX_NESTING_IN_RECORD} levels deep inside the record; it cannot be stored as JSON`,
      };
    }
    const entries: Array<[string | number, unknown]> = Array.isArray(value)
      ? value.map((v, i) => [i, v])
      : Object.entries(value);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i]!;
      if (typeof key === 'string' && !isWellFormed(key)) {
        return { path: [...path, key], message: `Key ${LONE_SURROGATE}` };
      }
      stack.push({ value: child, path: [...path, key], depth: depth + 1 });
    }
  }
  return undefined;
}
