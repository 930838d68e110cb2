import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  conformanceEvents,
  jsonSchemaValidator,
  loadProtoDir,
  openApiValidator,
  protoJsonValidator,
  schemaProblems,
} from './vendor-schema';

const spec = {
  openapi: '3.0.0',
  paths: {},
  components: {
    schemas: {
      Body: {
        type: 'object',
        required: ['events'],
        additionalProperties: false,
        properties: { events: { type: 'array', items: { $ref: '#/components/schemas/Event' } } },
      },
      Event: {
        type: 'object',
        required: ['name'],
        properties: {
          name: { type: 'string', enum: ['purchase'] },
          value: { type: 'number', format: 'double' },
          note: { type: 'string', nullable: true },
          at: { type: 'string', format: 'date-time' },
          count: { type: 'string', format: 'int64' },
          extra: { nullable: true },
        },
      },
    },
  },
};

describe('openApiValidator', () => {
  const validate = openApiValidator(spec, '#/components/schemas/Body');

  it('accepts a conforming body, with nullable fields null and unknown formats free', () => {
    expect(
      validate({ events: [{ name: 'purchase', value: 1.5, note: null, count: '12', extra: null }] }),
    ).toEqual([]);
  });

  it('names every problem with its path', () => {
    expect(validate({ events: [{ name: 'lead', at: 'yesterday' }], other: 1 })).toEqual([
      '(body) must NOT have additional properties {"additionalProperty":"other"}',
      '/events/0/name must be equal to one of the allowed values {"allowedValues":["purchase"]}',
      '/events/0/at must match format "date-time" {"format":"date-time"}',
    ]);
  });
});

describe('jsonSchemaValidator', () => {
  it('validates against a standalone schema', () => {
    const validate = jsonSchemaValidator({
      type: 'object',
      required: ['id'],
      properties: { id: { type: 'string' } },
    });
    expect(validate({ id: 'a' })).toEqual([]);
    expect(validate({ id: 1 })).toEqual(['/id must be string {"type":"string"}']);
  });
});

describe('protoJsonValidator', () => {
  const root = loadProtoDir(fileURLToPath(new URL('./__fixtures__', import.meta.url)));
  const validate = protoJsonValidator(root, 'relay.test.Request');

  it('accepts proto3 JSON: enum names, RFC 3339 timestamps, int64 as string or number', () => {
    expect(
      validate({
        kind: 'PURCHASE',
        at: '2026-01-15T11:30:00Z',
        items: [{ id: 'a', units: '2' }],
        email: 'x',
        value: 1,
      }),
    ).toEqual([]);
  });

  it('reports unknown fields, enum values, timestamps, scalar types and two members of a oneof', () => {
    expect(
      validate({
        kind: 'LEAD',
        at: 'yesterday',
        items: [{ id: 1, sku: 'x' }],
        email: 'x',
        phone: 'y',
        value: 'high',
      }),
    ).toEqual([
      "kind: 'LEAD' is not a Kind",
      'at: expected an RFC 3339 timestamp',
      'items[0].id: expected a string',
      'items[0].sku: no such field in relay.test.Item',
      'value: expected a number',
      'Request: oneof target has email, phone',
    ]);
  });
});

describe('schemaProblems and conformanceEvents', () => {
  it('keys only the bodies with problems by request', () => {
    const validate = jsonSchemaValidator({ type: 'object', required: ['ok'] });
    const requests = [
      { method: 'POST', url: 'https://x/a', headers: {}, body: '{"ok":1}', json: { ok: 1 } },
      { method: 'POST', url: 'https://x/b', headers: {}, body: '{}', json: {} },
    ];
    expect(schemaProblems(requests, () => validate)).toEqual({
      'POST https://x/b #1': ['(body) must have required property \'ok\' {"missingProperty":"ok"}'],
    });
  });

  it('builds the seed batch, the full purchase and one event per canonical name', () => {
    const events = conformanceEvents({ extra_key: 'x' });
    expect(events.slice(0, 4).map((e) => e.eventName)).toEqual([
      'consult_started',
      'rx_issued',
      'purchase_completed',
      'purchase_completed',
    ]);
    expect(events[3]!.dedupKey).toBe('evt_full_0001');
    expect(events.every((e) => e.properties['extra_key'] === 'x')).toBe(true);
  });
});
