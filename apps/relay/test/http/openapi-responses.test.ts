import { SEED_BATCH } from '@relay/testing';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PipelineFixture, pipelineFixture } from '../support/worker-fixture';

/**
 * The document's response schemas describe what the handlers really send: real answers of the
 * routes, over a database with delivered, refused and retried deliveries, are validated against
 * the schema the document gives for their path, method and status (JSON Schema 2020-12, as
 * OpenAPI 3.1 uses). Response objects are strict: a key the document does not name fails.
 */

let f: PipelineFixture;
// biome-ignore lint/suspicious/noExplicitAny: the document is validated by openapi-document.test.ts, then read freely
let doc: any;
let ajv: Ajv2020;
const ids = { event: 0, credential: 0, sgtm: 0 };

/** A purchase Meta takes (an identifier, received a minute ago). */
const RECORD = {
  storefront_id: 'bosley',
  event_name: 'purchase_completed',
  event_time: new Date(Date.now() - 60_000).toISOString(),
  order_id: 'P-1',
  order_revenue: 80.79,
  email: 'buyer@example.com',
  ip_address: '203.0.113.7',
  user_agent: 'Mozilla/5.0 (test)',
};

beforeAll(async () => {
  f = await pipelineFixture();
  doc = await (await f.t.app.request('/openapi.json')).json();
  ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(doc, 'openapi.json');

  const bosley = await f.storefront('bosley');
  ids.credential = await f.credential(bosley, 'meta_capi');
  await f.credential(bosley, 'tiktok_events');
  await f.credential(bosley, 'pinterest_capi');
  const sgtm = await f.t.call('POST', '/admin/v1/sgtm-configs', {
    storefront_id: bosley,
    sgtm_url: `${f.sim.url}/sgtm`,
    client_type: 'ga4',
    measurement_id: 'G-TEST123',
    api_secret: 'secret',
  });
  ids.sgtm = (await sgtm.json()).id;
  const recent = new Date(Date.now() - 10 * 60_000).toISOString();
  const { ids: eventIds } = await f.ingest({
    data: ['R-1', 'R-2'].map((order_id) => ({ ...RECORD, order_id, event_time: recent })),
  });
  ids.event = eventIds[0]!;
  f.sim.script('tiktok_events', [{ status: 400, message: 'Invalid pixel' }], { repeatLast: true });
  f.sim.script('pinterest_capi', [500], { repeatLast: true });
  await f.worker({ now: () => new Date() }).drain();
}, 60_000);
afterAll(() => f.close());

/** The document's schema for this answer: exact path template, method and status, JSON content. */
function responseSchemaRef(method: string, path: string, status: number): string {
  const template = Object.keys(doc.paths).find((t) =>
    new RegExp(`^${t.replaceAll(/\{[^}]+\}/g, '[^/]+')}$`).test(path.split('?')[0]!),
  );
  expect(template, `${method} ${path} is in the document`).toBeDefined();
  const response = doc.paths[template!][method.toLowerCase()]?.responses?.[String(status)];
  expect(response, `${method} ${template} documents ${status}`).toBeDefined();
  expect(
    response.content?.['application/json']?.schema,
    `${method} ${template} ${status} has a schema`,
  ).toBeDefined();
  const pointer = [
    'paths',
    template!,
    method.toLowerCase(),
    'responses',
    String(status),
    'content',
    'application/json',
    'schema',
  ]
    .map((part) => part.replaceAll('~', '~0').replaceAll('/', '~1'))
    .join('/');
  return `openapi.json#/${pointer}`;
}

/** ajv's complaints about `body` as the answer of `method path` with `status` (empty: it fits). */
function misfits(method: string, path: string, status: number, body: unknown): string[] {
  const validate = ajv.getSchema(responseSchemaRef(method, path, status));
  expect(validate).toBeDefined();
  validate!(body);
  return (validate!.errors ?? []).map((e) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
}

/** `{event}`, `{credential}`, `{sgtm}`: the ids made in beforeAll. */
const resolve = (path: string) =>
  path.replaceAll(/\{(event|credential|sgtm)\}/g, (_, name: keyof typeof ids) => String(ids[name]));

/** Each call and the status it must answer. */
const calls: Array<[method: string, path: string, status: number, body?: unknown]> = [
  ['GET', '/health', 200],
  ['GET', '/health/ready', 200],
  ['GET', '/openapi.json', 200],
  ['POST', '/v1/events', 202, { data: [SEED_BATCH.data[2], { ...RECORD, storefront_id: 'nowhere' }] }],
  ['POST', '/v1/events', 422, { data: [{ ...RECORD, event_time: 'yesterday' }] }],
  ['GET', '/admin/v1/events?limit=5', 200],
  ['GET', '/admin/v1/events/{event}', 200],
  ['GET', '/admin/v1/events/999999', 404],
  ['GET', '/admin/v1/events/x', 422],
  ['POST', '/admin/v1/events/{event}/replay', 200],
  ['POST', '/admin/v1/deliveries/replay', 200, { platform_code: 'tiktok_events' }],
  ['POST', '/admin/v1/deliveries/replay', 422, {}],
  ['GET', '/admin/v1/stats/deliveries?window=hour', 200],
  ['GET', '/admin/v1/event-search?limit=1', 200],
  ['GET', '/admin/v1/failure-groups', 200],
  ['POST', '/admin/v1/failure-groups/replay', 200, { destination: 'credential:0', reason: 'none' }],
  ['GET', '/admin/v1/kill-switches', 200],
  ['GET', '/admin/v1/platform-catalog', 200],
  ['GET', '/admin/v1/audit-log?limit=3', 200],
  ['GET', '/admin/v1/audit-log?cursor=abc', 422],
  ['POST', '/admin/v1/credentials/{credential}/preview', 200, { records: [RECORD] }],
  ['POST', '/admin/v1/sgtm-configs/{sgtm}/preview', 200, { records: [RECORD] }],
  ['POST', '/admin/v1/sgtm-configs/999999/preview', 404, { records: [RECORD] }],
];

describe('response schemas of /openapi.json', () => {
  it('is checked on answers with content (before the replays below): deliveries with attempts, failure groups, audit entries, preview requests', async () => {
    const event = await (await f.t.call('GET', `/admin/v1/events/${ids.event}`)).json();
    expect(event.deliveries.map((d: { platform_code: string }) => d.platform_code).sort()).toEqual([
      'meta_capi',
      'pinterest_capi',
      'tiktok_events',
    ]);
    expect(event.deliveries.every((d: { attempt_log: unknown[] }) => d.attempt_log.length >= 1)).toBe(true);
    const groups = await (await f.t.call('GET', '/admin/v1/failure-groups')).json();
    expect(
      groups.items.map((g: { platform_code: string; count: number }) => [g.platform_code, g.count]),
    ).toEqual([['tiktok_events', 2]]);
    const audit = await (await f.t.call('GET', '/admin/v1/audit-log?limit=3')).json();
    expect(audit.items).toHaveLength(3);
    const preview = await (
      await f.t.call('POST', `/admin/v1/credentials/${ids.credential}/preview`, { records: [RECORD] })
    ).json();
    expect(preview.results[0]).toMatchObject({ index: 0, decision: 'send', platform_event_name: 'Purchase' });
    expect(preview.results[0].requests).toHaveLength(1);
  });

  it.each(calls)(
    '%s %s answers %i with a body that fits its documented schema',
    async (method, path, status, body) => {
      const res = await f.t.call(method, resolve(path), body);
      const json = await res.json();
      expect(res.status, JSON.stringify(json).slice(0, 300)).toBe(status);
      expect(misfits(method, resolve(path), status, json)).toEqual([]);
    },
  );

  it('rejects an answer with a key the document does not name, or without one it requires', async () => {
    const event = await (await f.t.call('GET', `/admin/v1/events/${ids.event}`)).json();
    const path = `/admin/v1/events/${ids.event}`;
    expect(misfits('GET', path, 200, { ...event, secret: 'x' })).toEqual([
      ' must NOT have additional properties {"additionalProperty":"secret"}',
    ]);
    const { routed_at: _, ...withoutRoutedAt } = event;
    expect(misfits('GET', path, 200, withoutRoutedAt)).toEqual([
      ` must have required property 'routed_at' {"missingProperty":"routed_at"}`,
    ]);
    const tree = await (await f.t.call('GET', '/admin/v1/kill-switches')).json();
    tree.storefronts[0].credentials[0].waiting = '2';
    expect(misfits('GET', '/admin/v1/kill-switches', 200, tree)).toEqual([
      '/storefronts/0/credentials/0/waiting must be integer {"type":"integer"}',
    ]);
  });

  it('gives examples that fit their own schemas', () => {
    const named = Object.entries(doc.components.schemas as Record<string, { example?: unknown }>).filter(
      ([, schema]) => schema.example !== undefined,
    );
    expect(named.map(([name]) => name)).toEqual(
      expect.arrayContaining(['OmsBatch', 'IngestResult', 'EventDetail', 'DeliveryStats', 'KillSwitchTree']),
    );
    const wrong = named.flatMap(([name, schema]) => {
      const validate = ajv.getSchema(`openapi.json#/components/schemas/${name}`)!;
      return validate(schema.example) ? [] : [`${name}: ${ajv.errorsText(validate.errors)}`];
    });
    expect(wrong).toEqual([]);
  });
});
