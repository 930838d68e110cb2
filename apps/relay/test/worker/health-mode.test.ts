import {
  hashEmail,
  hashPhoneDigits,
  hashPhoneE164,
  omsRecordSchema,
  sha256Hex,
  toRelayEvent,
} from '@relay/core';
import { runAdapter } from '@relay/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type PipelineFixture, pipelineFixture } from '../support/worker-fixture';

let f: PipelineFixture;
beforeEach(async () => {
  f = await pipelineFixture();
});
afterEach(() => f.close());

const EMAIL = 'Jane.Patient@Example.com';
const PHONE = '+1 415 555 0134';
const IP = '203.0.113.77';
const UA = 'Mozilla/5.0 (Macintosh) HealthTest/1.0';
const PAGE = 'https://telehealth.example/hair-loss/finasteride?dose=1mg&condition=alopecia';

const record = (
  event_name: string,
  order_id: string,
  minute: number,
  extra: Record<string, unknown> = {},
) => ({
  storefront_id: 'telehealth',
  event_name,
  event_time: `2026-01-15T10:${String(minute).padStart(2, '0')}:00Z`,
  order_id,
  email: EMAIL,
  phone: PHONE,
  ip_address: IP,
  user_agent: UA,
  page_url: PAGE,
  fbc: `fb.1.1736935200000.click${minute}`,
  ...extra,
});

const RECORDS = [
  record('rx_issued', 'RX-7001', 10),
  record('consult_started', 'CS-7002', 15),
  record('purchase_completed', 'PO-7003', 20, { order_revenue: 80.79 }),
];

/** Every form an identifier could take on the wire. */
const FORBIDDEN_AT_META = [
  EMAIL,
  EMAIL.toLowerCase(),
  hashEmail(EMAIL)!,
  PHONE,
  '4155550134',
  hashPhoneDigits(PHONE)!,
  hashPhoneE164(PHONE)!,
  IP,
  sha256Hex(IP),
  UA,
  'RX-7001',
  'CS-7002',
  'PO-7003',
  'rx_issued',
  'consult',
  '/hair-loss',
  'finasteride',
  'dose=',
  'alopecia',
];

async function healthStorefront(): Promise<number> {
  const res = await f.t.call('POST', '/admin/v1/storefronts', {
    storefront_id: 'telehealth',
    name: 'Telehealth',
    privacy_mode: 'health',
    event_aliases: { rx_issued: 'conversion_step_2' },
  });
  expect(res.status).toBe(201);
  const body = (await res.json()) as { id: number; privacy_mode: string; event_aliases: unknown };
  expect([body.privacy_mode, body.event_aliases]).toEqual(['health', { rx_issued: 'conversion_step_2' }]);
  return body.id;
}

describe('health mode end to end (MariaDB + simulator)', () => {
  it('sends each destination only what its policy allows, suppresses the rest, and records what was removed', async () => {
    const sf = await healthStorefront();
    const meta = await f.credential(sf, 'meta_capi', { privacy: { allowed_identifiers: ['click_ids'] } });
    await f.credential(sf, 'tiktok_events', { privacy: { allowed_identifiers: ['email'] } });
    const sgtm = await f.t.call('POST', '/admin/v1/sgtm-configs', {
      storefront_id: sf,
      sgtm_url: `${f.sim.url}/sgtm`,
      client_type: 'custom',
      custom_endpoint_path: '/collect',
      privacy: { baa: true },
    });
    expect(sgtm.status).toBe(201);
    // Snapchat goes through the storefront's sGTM container, which has a BAA.
    await f.credential(sf, 'snapchat_capi', { destination_type: 'sgtm' });
    expect((await f.ingest({ data: RECORDS })).accepted).toBe(3);

    await f.worker().drain();

    // Meta (no BAA, click ids only): the purchase and the aliased event, each with its click id only.
    const metaBodies = f.sim.receivedBy('meta_capi');
    expect(metaBodies).toHaveLength(1);
    const sent = (metaBodies[0]!.json as { data: Array<Record<string, unknown>> }).data;
    expect(sent.map((e) => [e['event_name'], e['user_data'], e['event_source_url']])).toEqual([
      ['conversion_step_2', { fbc: 'fb.1.1736935200000.click10' }, 'https://telehealth.example'],
      ['Purchase', { fbc: 'fb.1.1736935200000.click20' }, 'https://telehealth.example'],
    ]);
    expect(sent[1]!['custom_data']).toMatchObject({ value: 80.79, currency: 'USD' });
    expect(sent.map((e) => e['event_id'])).toEqual([
      expect.stringMatching(/^[0-9a-f]{32}$/),
      expect.stringMatching(/^[0-9a-f]{32}$/),
    ]);
    const metaWire = `${metaBodies[0]!.path} ${metaBodies[0]!.body}`;
    expect(FORBIDDEN_AT_META.filter((v) => metaWire.includes(v))).toEqual([]);

    // TikTok (no BAA, email allowed): the hashed email, nothing else identifying.
    const tiktokWire = f.sim
      .receivedBy('tiktok_events')
      .map((r) => r.body)
      .join('\n');
    expect(tiktokWire).toContain(hashEmail(EMAIL)!);
    expect(
      [PHONE, hashPhoneDigits(PHONE)!, hashPhoneE164(PHONE)!, IP, UA, 'PO-7003', 'rx_issued'].filter((v) =>
        tiktokWire.includes(v),
      ),
    ).toEqual([]);

    // The BAA sGTM container receives everything exactly as in standard mode.
    const sgtmAdapter = f.registry.get('sgtm')!;
    const expected = await runAdapter(
      sgtmAdapter,
      RECORDS.map((r) => toRelayEvent(omsRecordSchema.parse(r))),
      {
        credentials: {
          sgtm_url: `${f.sim.url}/sgtm`,
          client_type: 'custom',
          custom_endpoint_path: '/collect',
        },
      },
    );
    expect(f.sim.receivedBy('sgtm').map((r) => r.json)).toEqual(expected.requests.map((r) => r.json));

    // consult_started is suppressed for Meta and TikTok with a privacy reason (never failed).
    const deliveries = await f.deliveries();
    const consult = deliveries.filter((d) => d.status === 'suppressed');
    expect(consult.map((d) => [d.platform, d.reason])).toEqual([
      [
        'meta_capi',
        "privacy: event 'consult_started' is not in this destination's allowed_events (health mode)",
      ],
      [
        'tiktok_events',
        "privacy: event 'consult_started' is not in this destination's allowed_events (health mode)",
      ],
    ]);
    expect(deliveries.filter((d) => d.status === 'failed')).toEqual([]);

    // Proof of what left: the attempt shows the policy hash and the removed fields.
    const purchaseId = (await f.t.database.db.event.findFirstOrThrow({ where: { orderId: 'PO-7003' } })).id;
    const detail = (await (await f.t.call('GET', `/admin/v1/events/${purchaseId}`)).json()) as {
      deliveries: Array<{
        credential_id: number | null;
        attempt_log: Array<{ outcome: string; policy_hash: string | null; removed_fields: string[] | null }>;
      }>;
    };
    const metaDelivery = detail.deliveries.find((d) => d.credential_id === meta)!;
    expect(metaDelivery.attempt_log).toEqual([
      expect.objectContaining({
        outcome: 'delivered',
        policy_hash: expect.stringMatching(/^[0-9a-f]{16}$/),
        removed_fields: ['email', 'ip_address', 'page_url.path_and_query', 'phone', 'user_agent'],
      }),
    ]);

    // Replaying suppressed deliveries leaves the privacy decisions alone.
    const replay = await f.t.call('POST', '/admin/v1/deliveries/replay', {
      storefront_id: sf,
      statuses: ['suppressed'],
    });
    expect(await replay.json()).toEqual({ replayed: 0 });
  });

  it('previews per record the decision, the exact request with secrets masked and the removed fields, storing and sending nothing', async () => {
    const sf = await healthStorefront();
    const meta = await f.credential(sf, 'meta_capi', { privacy: { allowed_identifiers: ['click_ids'] } });
    const counts = async () => [
      await f.t.database.db.event.count(),
      await f.t.database.db.delivery.count(),
      await f.t.database.db.auditLog.count(),
    ];
    const before = await counts();
    // A preview runs at the real time: records from the last hour, inside Meta's window.
    const recent = RECORDS.map((r, i) => ({
      ...r,
      event_time: new Date(Date.now() - (60 - i) * 60_000).toISOString(),
    }));
    const res = await f.t.call('POST', `/admin/v1/credentials/${meta}/preview`, { records: recent });
    expect(res.status).toBe(200);
    const { results } = (await res.json()) as {
      results: Array<{
        index: number;
        decision: string;
        reason?: string;
        platform_event_name: string | null;
        requests: Array<{
          method: string;
          url: string;
          headers: Record<string, string>;
          body: string | null;
        }>;
        removed_fields: string[];
      }>;
    };
    expect(results.map((r) => [r.index, r.decision, r.platform_event_name, r.requests.length])).toEqual([
      [0, 'send', 'conversion_step_2', 1],
      [1, 'suppress', null, 0],
      [2, 'send', 'Purchase', 1],
    ]);
    expect(results[1]!.reason).toBe(
      "privacy: event 'consult_started' is not in this destination's allowed_events (health mode)",
    );
    expect(results[2]!.removed_fields).toEqual([
      'email',
      'ip_address',
      'page_url.path_and_query',
      'phone',
      'user_agent',
    ]);
    const request = results[2]!.requests[0]!;
    expect(request.method).toBe('POST');
    expect(request.url).toBe(`${f.sim.url}/meta_capi/v25.0/123456789012345/events`);
    const wire = JSON.stringify(request);
    expect(wire).not.toContain('EAAGexampleSystemUserToken0123456789abcdef');
    expect(FORBIDDEN_AT_META.filter((v) => wire.includes(v))).toEqual([]);
    expect(JSON.parse(request.body!).data.map((e: { user_data: unknown }) => e.user_data)).toEqual([
      { fbc: 'fb.1.1736935200000.click10' },
      { fbc: 'fb.1.1736935200000.click20' },
    ]);
    expect(f.sim.receivedBy('meta_capi')).toEqual([]);
    expect(await counts()).toEqual(before);
  });

  it('validates the privacy settings with 422s naming the field, and shows the defaults', async () => {
    const bad = await f.t.call('POST', '/admin/v1/storefronts', {
      storefront_id: 'x',
      name: 'x',
      privacy_mode: 'hipaa',
    });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(await bad.json())).toContain('privacy_mode');
    const sf = await healthStorefront();
    const meta = await f.t.database.db.platform.findUniqueOrThrow({ where: { code: 'meta_capi' } });
    const badCredential = await f.t.call('POST', '/admin/v1/credentials', {
      storefront_id: sf,
      platform_id: meta.id,
      credentials: f.registry.get('meta_capi')!.credentialsExample,
      privacy: { allowed_identifiers: ['ssn'], allowed_properties: ['email'] },
    });
    expect(badCredential.status).toBe(422);
    expect(
      ((await badCredential.json()) as { detail: Array<{ loc: unknown[]; msg: string }> }).detail,
    ).toEqual([
      expect.objectContaining({
        loc: ['body', 'privacy', 'allowed_properties', 0],
        msg: '\'email\' is an identifier: allow it with allowed_identifiers: ["email"] instead',
      }),
      expect.objectContaining({
        loc: ['body', 'privacy', 'allowed_identifiers', 0],
        msg: 'must be one of email, phone, name_address, external_id, ip, user_agent, click_ids, device_ids',
      }),
    ]);
    const id = await f.credential(sf, 'meta_capi');
    const shown = (await (await f.t.call('GET', `/admin/v1/credentials/${id}`)).json()) as {
      privacy: unknown;
    };
    expect(shown.privacy).toEqual({
      baa: false,
      allowed_properties: ['value', 'currency'],
      allowed_identifiers: [],
    });
  });
});
