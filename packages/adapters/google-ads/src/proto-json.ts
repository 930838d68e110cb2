/**
 * Test helper: check a proto3-JSON value against a message of the vendored .proto files
 * (src/__fixtures__/, see SOURCE.md there). Unknown fields, wrong scalar types, unknown enum
 * names, non-RFC 3339 timestamps and several members of one oneof are all reported.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import protobuf from 'protobufjs';

const FIXTURES = join(import.meta.dirname, '__fixtures__');

function protoFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return protoFiles(path);
    return name.endsWith('.proto') ? [path] : [];
  });
}

/** All vendored protos in one root (imports not vendored are simply not loaded). */
export function loadGoogleProtos(): protobuf.Root {
  const root = new protobuf.Root();
  for (const file of protoFiles(FIXTURES))
    protobuf.parse(readFileSync(file, 'utf8'), root, { keepCase: false });
  return root;
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
const INT64 = new Set(['int64', 'uint64', 'sint64', 'fixed64', 'sfixed64']);
const INT32 = new Set(['int32', 'uint32', 'sint32', 'fixed32', 'sfixed32']);

function scalarProblem(type: string, value: unknown): string | undefined {
  if (type === 'string') return typeof value === 'string' ? undefined : 'expected a string';
  if (type === 'bool') return typeof value === 'boolean' ? undefined : 'expected a boolean';
  if (type === 'double' || type === 'float')
    return typeof value === 'number' && Number.isFinite(value) ? undefined : 'expected a number';
  if (INT32.has(type)) return Number.isInteger(value) ? undefined : 'expected an integer';
  if (INT64.has(type))
    return Number.isInteger(value) || (typeof value === 'string' && /^-?\d+$/.test(value))
      ? undefined
      : 'expected an integer or integer string';
  if (type === 'bytes') return typeof value === 'string' ? undefined : 'expected base64 bytes';
  return `unknown scalar type ${type}`;
}

function checkValue(field: protobuf.Field, value: unknown, path: string, out: string[]): void {
  if (field.type === 'google.protobuf.Timestamp') {
    if (typeof value !== 'string' || !RFC3339.test(value))
      out.push(`${path}: expected an RFC 3339 timestamp`);
    return;
  }
  field.resolve();
  const resolved = field.resolvedType;
  if (resolved instanceof protobuf.Enum) {
    if (typeof value !== 'string' || !(value in resolved.values))
      out.push(`${path}: '${String(value)}' is not a ${resolved.name}`);
    return;
  }
  if (resolved instanceof protobuf.Type) {
    checkMessage(resolved, value, path, out);
    return;
  }
  const problem = scalarProblem(field.type, value);
  if (problem) out.push(`${path}: ${problem}`);
}

function checkMessage(type: protobuf.Type, value: unknown, path: string, out: string[]): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    out.push(`${path}: expected a ${type.name} object`);
    return;
  }
  const record = value as Record<string, unknown>;
  for (const [key, v] of Object.entries(record)) {
    const field = type.fields[key];
    const at = path ? `${path}.${key}` : key;
    if (!field) {
      out.push(`${at}: no such field in ${type.fullName.slice(1)}`);
      continue;
    }
    if (field.repeated) {
      if (!Array.isArray(v)) out.push(`${at}: expected an array`);
      else
        v.forEach((item, i) => {
          checkValue(field, item, `${at}[${i}]`, out);
        });
    } else checkValue(field, v, at, out);
  }
  for (const oneof of type.oneofsArray) {
    const set = oneof.fieldsArray.filter((f) => record[f.name] !== undefined).map((f) => f.name);
    if (set.length > 1 && !oneof.name.startsWith('_'))
      out.push(`${path || type.name}: oneof ${oneof.name} has ${set.join(', ')}`);
  }
}

/** Problems of `value` as the proto3 JSON of message `typeName`; empty when it conforms. */
export function protoJsonProblems(root: protobuf.Root, typeName: string, value: unknown): string[] {
  const out: string[] = [];
  checkMessage(root.lookupType(typeName), value, '', out);
  return out;
}
