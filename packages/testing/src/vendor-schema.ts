/**
 * Checking request bodies against a platform's own machine-readable schema: an OpenAPI /
 * Swagger document or a JSON Schema (Ajv), or Google's .proto files (protobufjs, proto3 JSON
 * mapping). Adapters keep the vendor file in their `src/__fixtures__/` with its licence and
 * source, and their `vendor-schema.test.ts` validates every body the conformance events produce.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type AnyAdapter, CANONICAL_EVENTS, type RelayEvent } from '@relay/core';
import { describe, expect, it } from 'vitest';
import Ajv, { type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import { load as loadYaml } from 'js-yaml';
import protobuf from 'protobufjs';
import { fullPurchaseEvent, sampleEvent, seedEvents } from './fixtures';
import type { MockHandler, RecordedRequest } from './mock-fetch';
import { runAdapter } from './run-adapter';

/** Problems of one body against a schema, as readable lines; empty when the body conforms. */
export type BodyValidator = (body: unknown) => string[];

/** A JSON or YAML spec file (by extension), parsed. */
export function readSpecFile(url: URL): unknown {
  const text = readFileSync(url, 'utf8');
  return /\.ya?ml$/i.test(url.pathname) ? loadYaml(text) : JSON.parse(text);
}

/**
 * OpenAPI 3.0's `nullable: true` as JSON Schema: a `null` member added to the type (and dropped
 * where the schema has no type, as Klaviyo writes it), since Ajv 8 only reads `nullable` next to
 * a `type`.
 */
function withNullAsType(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withNullAsType);
  if (typeof node !== 'object' || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) if (key !== 'nullable') out[key] = withNullAsType(value);
  const source = node as Record<string, unknown>;
  if (source['nullable'] === true && typeof source['type'] === 'string')
    out['type'] = [source['type'], 'null'];
  return out;
}

/** Every `format` a document uses, so the ones ajv-formats does not know pass as free text. */
function formatsIn(node: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const item of node) formatsIn(item, out);
  else if (typeof node === 'object' && node !== null)
    for (const [key, value] of Object.entries(node)) {
      if (key === 'format' && typeof value === 'string') out.add(value);
      else formatsIn(value, out);
    }
  return out;
}

function newAjv(document: unknown): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const format of formatsIn(document)) if (!ajv.formats[format]) ajv.addFormat(format, true);
  return ajv;
}

const describeError = (e: ErrorObject) =>
  `${e.instancePath || '(body)'} ${e.message ?? e.keyword}${e.params && Object.keys(e.params).length > 0 ? ` ${JSON.stringify(e.params)}` : ''}`;

/**
 * Validator for the schema at `pointer` (e.g. `#/components/schemas/ConversionEvents`, or a
 * Swagger 2.0 `#/definitions/…`) inside an OpenAPI / Swagger `document`. Internal `$ref`s
 * resolve against the whole document; formats Ajv does not know (int64, double…) pass.
 */
export function openApiValidator(document: unknown, pointer: string): BodyValidator {
  const spec = withNullAsType(document) as Record<string, unknown>;
  const ajv = newAjv(spec);
  ajv.addSchema(spec, 'vendor-spec');
  const validate = ajv.compile({ $ref: `vendor-spec${pointer}` });
  return (body) => (validate(body) ? [] : (validate.errors ?? []).map(describeError));
}

/** Validator for a standalone JSON Schema (draft-07 or later). */
export function jsonSchemaValidator(schema: unknown): BodyValidator {
  const ajv = newAjv(schema);
  const validate = ajv.compile(schema as object);
  return (body) => (validate(body) ? [] : (validate.errors ?? []).map(describeError));
}

function protoFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return protoFiles(path);
    return name.endsWith('.proto') ? [path] : [];
  });
}

/** Every .proto file under `dir` in one root (imports that are not there are simply not loaded). */
export function loadProtoDir(dir: string): protobuf.Root {
  const root = new protobuf.Root();
  for (const file of protoFiles(dir)) protobuf.parse(readFileSync(file, 'utf8'), root, { keepCase: false });
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

/**
 * Validator for the proto3 JSON of message `typeName` (e.g.
 * `google.ads.datamanager.v1.IngestEventsRequest`): unknown fields, wrong scalar types, unknown
 * enum names, non-RFC 3339 timestamps and several members of one oneof are all reported.
 */
export function protoJsonValidator(root: protobuf.Root, typeName: string): BodyValidator {
  const type = root.lookupType(typeName);
  return (body) => {
    const out: string[] = [];
    checkMessage(type, body, '', out);
    return out;
  };
}

export interface ConformanceBodiesOptions {
  credentials?: Record<string, unknown>;
  options?: Record<string, unknown>;
  /** OMS record keys added to every conformance event (e.g. the identifier a platform needs). */
  record?: Record<string, unknown>;
  /** How the fake platform answers (default: a token for token requests, 200 `{}` otherwise). */
  respond?: MockHandler;
  /** Which recorded requests are the platform's own (default: those whose URL has no "token"). */
  isPlatformRequest?: (request: RecordedRequest) => boolean;
}

/**
 * The conformance events: the seed batch, the fully populated purchase, and one event of every
 * canonical name, each with `record` added.
 */
export function conformanceEvents(record: Record<string, unknown> = {}): RelayEvent[] {
  return [
    ...seedEvents(record),
    fullPurchaseEvent(record),
    ...CANONICAL_EVENTS.map((name, i) => sampleEvent(name, i + 1, record)),
  ];
}

/** The default fake platform: a token for token requests, 200 `{}` for the rest. */
const answerTokensAndAccept: MockHandler = (r) =>
  /token/i.test(r.url)
    ? {
        status: 200,
        body: { access_token: 'test-access-token-123456', expires_in: 3600, token_type: 'Bearer' },
      }
    : { status: 200, body: {} };

/** Every platform request the adapter builds for the conformance events (events it refuses send nothing). */
export async function conformanceRequests(
  adapter: AnyAdapter,
  opts: ConformanceBodiesOptions = {},
): Promise<RecordedRequest[]> {
  const isPlatform = opts.isPlatformRequest ?? ((r: RecordedRequest) => !/token/i.test(r.url));
  const { requests } = await runAdapter(adapter, conformanceEvents(opts.record), {
    ...(opts.credentials ? { credentials: opts.credentials } : {}),
    ...(opts.options ? { options: opts.options } : {}),
    respond: opts.respond ?? answerTokensAndAccept,
  });
  return requests.filter(isPlatform);
}

/** Each body's problems, keyed `METHOD url #n`, with only the bodies that have problems. */
export function schemaProblems(
  requests: RecordedRequest[],
  validatorFor: (request: RecordedRequest) => BodyValidator,
): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  requests.forEach((request, n) => {
    const problems = validatorFor(request)(request.json);
    if (problems.length > 0) out[`${request.method} ${request.url} #${n}`] = problems;
  });
  return out;
}

export interface VendorSchemaSuite extends ConformanceBodiesOptions {
  /** What the bodies are checked against, for the test names (e.g. "Pinterest's v5 OpenAPI"). */
  schema: string;
  /** The validator of a request's body (one per operation when an adapter calls several). */
  validatorFor: (request: RecordedRequest) => BodyValidator;
  /** A body the schema must refuse, showing the check can fail. */
  invalidBody: unknown;
  /** The least number of platform requests the conformance events must give (default 1). */
  minRequests?: number;
}

/**
 * The test an adapter with a vendor schema runs: every body the conformance events produce
 * conforms to the vendor's schema, and the schema refuses `invalidBody`.
 */
export function testVendorSchema(adapter: AnyAdapter, suite: VendorSchemaSuite): void {
  describe(`${adapter.code} bodies against ${suite.schema}`, () => {
    it('every body the conformance events produce conforms', async () => {
      const requests = await conformanceRequests(adapter, suite);
      expect(requests.length).toBeGreaterThanOrEqual(suite.minRequests ?? 1);
      expect(schemaProblems(requests, suite.validatorFor)).toEqual({});
    });

    it('the schema refuses a body it should (the check can fail)', async () => {
      const [request] = await conformanceRequests(adapter, suite);
      expect(suite.validatorFor(request!)(suite.invalidBody)).not.toEqual([]);
    });
  });
}
