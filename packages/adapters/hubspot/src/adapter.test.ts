import {
  SEED_BATCH,
  eventFromRecord,
  fullPurchaseEvent,
  jsonResponse,
  mappedEvents,
  runAdapter,
  sampleEvent,
  seedEvents,
} from '@relay/testing';
import { FIXED_NOW, outcomesPerEvent, testAdapterConformance } from '@relay/testing';
import { type BuildContext, type HttpRequest, parseWith, uuidV5 } from '@relay/core';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { buildRequests } from './build-requests';
import { adapter } from './index';
import { parseResponse } from './parse-response';
import type { HubspotCredentials, HubspotOptions } from './schemas';

testAdapterConformance(adapter, { success: () => ({ status: 204, body: '' }) });

/**
 * The request bodies as HubSpot documents them (send-event-data guide and the Events API
 * reference: `BehavioralEventHttpCompletionRequest`, `BatchedBehavioralEventHttpCompletionRequest`),
 * written out here: eventName and properties required, property values strings, property names
 * lower-case, ≤ 50 properties, ≤ 500 inputs per batch, no other fields.
 */
const completionSchema = {
  type: 'object',
  required: ['eventName', 'properties'],
  additionalProperties: false,
  properties: {
    eventName: { type: 'string', pattern: '^pe[0-9]+_[a-z][a-z0-9_-]{0,49}$' },
    email: { type: 'string', format: 'email' },
    utk: { type: 'string', minLength: 1 },
    objectId: { type: 'string' },
    occurredAt: { type: 'string', format: 'date-time' },
    uuid: { type: 'string', format: 'uuid' },
    properties: {
      type: 'object',
      maxProperties: 50,
      propertyNames: { pattern: '^[a-z][a-z0-9_]{0,49}$' },
      additionalProperties: { type: 'string', maxLength: 1024 },
    },
  },
};
const ajv = new Ajv({ allErrors: true });
addFormats(ajv);
const validateSend = ajv.compile(completionSchema);
const validateBatch = ajv.compile({
  type: 'object',
  required: ['inputs'],
  additionalProperties: false,
  properties: { inputs: { type: 'array', minItems: 1, maxItems: 500, items: completionSchema } },
});

const expectValidRequest = (request: { url: string; json: unknown }) => {
  const validate = request.url.endsWith('/send/batch') ? validateBatch : validateSend;
  validate(request.json);
  expect(validate.errors ?? []).toEqual([]);
};

const OK = () => ({ status: 204, body: '' });

const withEmails = () =>
  SEED_BATCH.data.map((r, i) => eventFromRecord({ ...r, email: `customer${i + 1}@example.com` }));

type Completion = { eventName: string; email?: string; utk?: string; properties: Record<string, string> };

describe('hubspot requests', () => {
  it('rejects the bare seed purchase before sending (no email, no hubspotutk); custom events are skipped', async () => {
    const { requests, results } = await runAdapter(adapter, seedEvents());
    expect(requests).toEqual([]);
    expect(results.map((r) => r.outcome)).toEqual([
      {
        status: 'skipped',
        reason:
          'HubSpot only accepts events defined in the account: define a custom event for this OMS event and map its name to its internal name with options.eventMap',
      },
      {
        status: 'skipped',
        reason:
          'HubSpot only accepts events defined in the account: define a custom event for this OMS event and map its name to its internal name with options.eventMap',
      },
      {
        status: 'rejected',
        code: 'missing_identifier',
        reason:
          'HubSpot links an event to a contact by email or hubspotutk: this event has neither (set custom_matching_id when the event definition matches records by a property)',
      },
    ]);
  });

  it('builds the exact bodies for the seed events once they carry an email and the custom events are mapped', async () => {
    const { requests, results } = await runAdapter(adapter, withEmails(), {
      options: { eventMap: { consult_started: 'consult_started', rx_issued: 'pe1234567_rx_issued' } },
      respond: OK,
    });
    expect(results.map((r) => r.outcome.status)).toEqual(['delivered', 'delivered', 'delivered']);
    expect(results.map((r) => r.platformEventName)).toEqual([
      'consult_started',
      'pe1234567_rx_issued',
      'purchase',
    ]);
    expect(requests[0]?.headers).toMatchObject({
      authorization: 'Bearer pat-na1-11111111-2222-3333-4444-555555555555',
      'content-type': 'application/json',
    });
    expect(requests.map((r) => ({ method: r.method, url: r.url, json: r.json }))).toMatchInlineSnapshot(`
      [
        {
          "json": {
            "email": "customer1@example.com",
            "eventName": "pe1234567_consult_started",
            "occurredAt": "2026-01-15T10:15:00.000Z",
            "properties": {
              "hs_utm_campaign": "bosley_q1",
              "hs_utm_medium": "cpc",
              "hs_utm_source": "facebook",
              "order_id": "2025010100001111",
            },
            "uuid": "9f296767-3a7e-568b-9def-473ad3957d31",
          },
          "method": "POST",
          "url": "https://api.hubapi.com/events/v3/send",
        },
        {
          "json": {
            "email": "customer2@example.com",
            "eventName": "pe1234567_rx_issued",
            "occurredAt": "2026-01-15T10:20:30.000Z",
            "properties": {
              "hs_utm_campaign": "pfizer_q1",
              "hs_utm_medium": "cpc",
              "hs_utm_source": "google",
              "order_id": "2025010100002222",
            },
            "uuid": "30bd4543-9610-5fa0-8f66-f78a682cd1fc",
          },
          "method": "POST",
          "url": "https://api.hubapi.com/events/v3/send",
        },
        {
          "json": {
            "email": "customer3@example.com",
            "eventName": "pe1234567_purchase",
            "occurredAt": "2026-01-15T10:25:00.000Z",
            "properties": {
              "currency": "USD",
              "hs_utm_campaign": "bosley_q1",
              "hs_utm_medium": "organic",
              "hs_utm_source": "google",
              "order_id": "2025020100003333",
              "value": "80.79",
            },
            "uuid": "a69e1b08-c1ea-58f3-96f6-d02f74497d0e",
          },
          "method": "POST",
          "url": "https://api.hubapi.com/events/v3/send",
        },
      ]
    `);
    for (const r of requests) expectValidRequest(r);
  });

  it('builds the exact body for a fully populated purchase', async () => {
    const { requests } = await runAdapter(adapter, [fullPurchaseEvent()], { respond: OK });
    expect(requests.map((r) => r.url)).toEqual(['https://api.hubapi.com/events/v3/send']);
    expect(requests[0]?.json).toMatchInlineSnapshot(`
      {
        "email": "john.doe@example.com",
        "eventName": "pe1234567_purchase",
        "occurredAt": "2026-01-15T11:30:00.000Z",
        "properties": {
          "currency": "USD",
          "hs_page_url": "https://www.bosley.com/checkout/complete",
          "hs_user_agent": "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15",
          "hs_utm_campaign": "bosley_q1",
          "hs_utm_medium": "cpc",
          "hs_utm_source": "google",
          "order_id": "ORD-1001",
          "value": "129.5",
        },
        "uuid": "8c42a33d-266e-56b3-8733-8fc1c9c2651f",
      }
    `);
    expectValidRequest(requests[0]!);
  });

  it('sends the events of one name together to /send/batch, one request per event name, in order', async () => {
    const events = [
      sampleEvent('purchase_completed', 1),
      sampleEvent('lead', 2),
      sampleEvent('purchase_completed', 3),
      sampleEvent('consult_completed', 4),
      sampleEvent('page_view', 5),
    ];
    const { requests, results } = await runAdapter(adapter, events, { respond: OK });
    expect(results.every((r) => r.outcome.status === 'delivered')).toBe(true);
    expect(
      requests.map((r) => ({
        url: r.url,
        names: ((r.json as { inputs?: Completion[] }).inputs ?? [r.json as Completion]).map(
          (c) => `${c.eventName} ${c.email}`,
        ),
      })),
    ).toEqual([
      {
        url: 'https://api.hubapi.com/events/v3/send/batch',
        names: ['pe1234567_purchase user1@example.com', 'pe1234567_purchase user3@example.com'],
      },
      {
        url: 'https://api.hubapi.com/events/v3/send/batch',
        names: ['pe1234567_lead user2@example.com', 'pe1234567_lead user4@example.com'],
      },
      { url: 'https://api.hubapi.com/events/v3/send', names: ['pe1234567_page_view user5@example.com'] },
    ]);
    for (const r of requests) expectValidRequest(r);
  });

  it('maps every canonical kind to its internal name qualified with the portal id', async () => {
    const names = ['purchase_completed', 'checkout_started', 'add_to_cart', 'lead', 'signup', 'page_view'];
    const { results } = await runAdapter(
      adapter,
      names.map((n, i) => sampleEvent(n, i + 1)),
      { respond: OK },
    );
    expect(results.map((r) => r.platformEventName)).toEqual([
      'purchase',
      'begin_checkout',
      'add_to_cart',
      'lead',
      'sign_up',
      'page_view',
    ]);
  });

  it('uses a fully qualified eventMap name as it is, and rejects one of another portal before sending', async () => {
    const { requests, results } = await runAdapter(
      adapter,
      [sampleEvent('purchase_completed', 1), sampleEvent('lead', 2)],
      {
        options: { eventMap: { purchase_completed: 'pe1234567_order_placed', lead: 'pe7654321_lead' } },
        respond: OK,
      },
    );
    expect((requests[0]!.json as Completion).eventName).toBe('pe1234567_order_placed');
    expect(requests).toHaveLength(1);
    expect(results[1]?.outcome).toEqual({
      status: 'rejected',
      code: 'event_name_other_portal',
      reason:
        "HubSpot event 'pe7654321_lead' belongs to account 7654321, not to portal_id 1234567; fix options.eventMap or portal_id",
    });
  });

  it('does not send an event mapped to null', async () => {
    const { requests, results } = await runAdapter(adapter, [sampleEvent('page_view')], {
      options: { eventMap: { page_view: null } },
    });
    expect(requests).toEqual([]);
    expect(results[0]?.outcome).toEqual({
      status: 'skipped',
      reason: "event 'page_view' is mapped to nothing for this credential",
    });
  });

  it('merges options.properties over the defaults: adds, replaces, removes, reads record keys', async () => {
    const event = sampleEvent('purchase_completed', 1, {
      utm_source: 'google',
      utm_term: 'hair',
      order_created_date: '2026-01-15T10:25:00Z',
      items: [
        { id: 'SKU-1', quantity: 2 },
        { id: 'SKU-2', quantity: 1 },
      ],
    });
    const { requests } = await runAdapter(adapter, [event], {
      options: {
        properties: {
          amount: 'value',
          value: null,
          hs_utm_term: null,
          storefront: 'storefront',
          order_created: 'record.order_created_date',
          skus: 'item_ids',
          units: 'item_count',
        },
      },
      respond: OK,
    });
    expect((requests[0]!.json as Completion).properties).toEqual({
      order_id: 'ORD-0001',
      currency: 'USD',
      hs_utm_source: 'google',
      hs_user_agent: 'Mozilla/5.0',
      amount: '11',
      storefront: 'bosley',
      order_created: '2026-01-15T10:25:00Z',
      skus: 'SKU-1,SKU-2',
      units: '3',
    });
    expectValidRequest(requests[0]!);
  });

  it('leaves currency out when the event has no value', async () => {
    const [event] = seedEvents();
    const { requests } = await runAdapter(adapter, [{ ...event!, user: { email: 'a@example.com' } }], {
      options: { eventMap: { consult_started: 'consult_started' } },
      respond: OK,
    });
    expect(Object.keys((requests[0]!.json as Completion).properties)).toEqual([
      'order_id',
      'hs_utm_source',
      'hs_utm_medium',
      'hs_utm_campaign',
    ]);
  });

  it("shortens values to HubSpot's limits (256, or 1,024 for url/referrer/link properties) with a warning", async () => {
    const long = `https://www.bosley.com/${'a'.repeat(1100)}`;
    const event = sampleEvent('purchase_completed', 1, { page_url: long, utm_campaign: 'c'.repeat(300) });
    const { requests, results } = await runAdapter(adapter, [event], { respond: OK });
    const { properties } = requests[0]!.json as Completion;
    expect(properties['hs_page_url']).toBe(long.slice(0, 1024));
    expect(properties['hs_utm_campaign']).toBe('c'.repeat(256));
    expect(results[0]?.outcome).toEqual({
      status: 'delivered',
      warnings: [
        "HubSpot takes at most 256 characters in 'hs_utm_campaign'; the value was shortened",
        "HubSpot takes at most 1024 characters in 'hs_page_url'; the value was shortened",
      ],
    });
    expectValidRequest(requests[0]!);
  });

  it('links by hubspotutk when the record carries the cookie, and sends without identifier under custom_matching_id', async () => {
    const utk = sampleEvent('lead', 1, { email: undefined, hubspotutk: '0123456789abcdef0123456789abcdef' });
    const bare = sampleEvent('lead', 2, { email: undefined, customer_ref: 'C-2' });
    const first = await runAdapter(adapter, [utk, bare], { respond: OK });
    expect(first.requests).toHaveLength(1);
    expect(first.requests[0]?.json).toMatchObject({ utk: '0123456789abcdef0123456789abcdef' });
    expect(first.requests[0]?.json).not.toHaveProperty('email');
    expect(first.results[1]?.outcome).toMatchObject({ status: 'rejected', code: 'missing_identifier' });

    const second = await runAdapter(adapter, [bare], {
      options: { custom_matching_id: true, properties: { customer_ref: 'record.customer_ref' } },
      respond: OK,
    });
    const body = second.requests[0]?.json as Completion;
    expect(body).not.toHaveProperty('email');
    expect(body).not.toHaveProperty('utk');
    expect(body.properties['customer_ref']).toBe('C-2');
    expectValidRequest(second.requests[0]!);
  });

  it('uses the event time, and a UUID derived from the dedup key (the same on every retry and replay)', async () => {
    const event = fullPurchaseEvent();
    const a = await runAdapter(adapter, [event], { respond: OK });
    const b = await runAdapter(adapter, [fullPurchaseEvent()], { respond: OK });
    const body = a.requests[0]?.json as Completion & { uuid: string; occurredAt: string };
    expect(body.occurredAt).toBe('2026-01-15T11:30:00.000Z');
    expect(body.uuid).toBe(uuidV5('evt_full_0001'));
    expect((b.requests[0]!.json as { uuid: string }).uuid).toBe(body.uuid);
    expect(uuidV5('evt_full_0002')).not.toBe(body.uuid);
  });
});

describe('hubspot body schema', () => {
  it('catches a missing properties object, a number value and an unqualified event name', () => {
    const ok = { eventName: 'pe1234567_purchase', email: 'a@example.com', properties: { value: '1' } };
    expect(validateSend(ok)).toBe(true);
    expect(validateSend({ eventName: 'pe1234567_purchase' })).toBe(false);
    expect(validateSend({ ...ok, properties: { value: 1 } })).toBe(false);
    expect(validateSend({ ...ok, eventName: 'purchase' })).toBe(false);
  });
});

describe('hubspot identity', () => {
  const completion = async (overrides: Record<string, unknown>) => {
    const { requests, results } = await runAdapter(adapter, [sampleEvent('lead', 1, overrides)], {
      respond: OK,
    });
    return { body: requests[0]?.json as Completion | undefined, outcome: results[0]!.outcome };
  };

  it('sends the email trimmed and lower-cased, never hashed (HubSpot matches contacts on the address)', async () => {
    const { body } = await completion({ email: ' John.Doe@Example.COM ' });
    expect(body?.email).toBe('john.doe@example.com');
  });

  it('cannot link an already-hashed email: a 64-hex value is not sent, and the event has no identifier', async () => {
    const { body, outcome } = await completion({
      email: '836f82db99121b3481011f16b49dfa5fbc714a0d1b1b9f784a1ebbbf5b39577f',
    });
    expect(body).toBeUndefined();
    expect(outcome).toMatchObject({ status: 'rejected', code: 'missing_identifier' });
  });

  it('sends no phone: HubSpot links occurrences by email, utk or object id only', async () => {
    const { body } = await completion({ phone: '(555) 123-4567' });
    expect(JSON.stringify(body)).not.toContain('555');
  });
});

describe('hubspot options', () => {
  const parse = (options: unknown) => () => parseWith(adapter.options, options, 'HubSpot options');

  it('refuses property names HubSpot would refuse', () => {
    expect(parse({ properties: { 'Order ID': 'order_id' } })).toThrow(/properties\.Order ID/);
    expect(parse({ properties: { '1st': 'order_id' } })).toThrow(/properties\.1st/);
  });

  it('refuses unknown property sources', () => {
    expect(parse({ properties: { total: 'revenue' } })).toThrow(/properties\.total/);
    expect(parse({ properties: { total: 'record.' } })).toThrow(/properties\.total/);
  });

  it('refuses eventMap names HubSpot would refuse', () => {
    expect(parse({ eventMap: { purchase_completed: 'Order Placed' } })).toThrow(
      /eventMap\.purchase_completed/,
    );
  });

  it('refuses more than 50 properties in all', () => {
    const many = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`p${i}`, 'order_id']));
    // 40 + the 11 defaults = 51; removing one default makes it fit.
    expect(parse({ properties: many })).toThrow(/at most 50 properties/);
    expect(parse({ properties: { ...many, hs_utm_term: null } })).not.toThrow();
  });
});

describe('hubspot responses', () => {
  const ctx: BuildContext<HubspotCredentials, HubspotOptions> = {
    credentials: { access_token: 'pat-na1-11111111-2222-3333-4444-555555555555', portal_id: '1234567' },
    options: { custom_matching_id: false },
    baseUrl: 'https://api.hubapi.com',
    now: FIXED_NOW,
    defaultCountry: 'US',
    nonce: () => 'n',
  };
  const parse = (response: Parameters<typeof parseResponse>[0], count = 1) => {
    const events = mappedEvents(count);
    const requests = buildRequests(events, ctx);
    return outcomesPerEvent(
      parseResponse(response, events, { ...ctx, request: requests[0] as HttpRequest }),
      count,
    );
  };
  const error = (category: string, message: string, extra: Record<string, unknown> = {}) => ({
    status: 'error',
    message,
    correlationId: 'aeb5f871-7f07-4993-9211-075dc63e7cbf',
    category,
    ...extra,
  });

  it('204 No Content: every event of the batch is delivered', () => {
    expect(parse({ status: 204, headers: {}, body: '', json: undefined }, 3)).toEqual([
      { status: 'delivered' },
      { status: 'delivered' },
      { status: 'delivered' },
    ]);
  });

  it('400 VALIDATION_ERROR rejects the event with the message and details', () => {
    const body = error('VALIDATION_ERROR', 'Invalid input', {
      errors: [{ message: "Property 'value' does not exist on event pe1234567_purchase", in: 'properties' }],
    });
    expect(parse(jsonResponse(400, body))).toEqual([
      {
        status: 'rejected',
        code: 'validation_error',
        reason:
          "HubSpot refused the event (check that the event and each property exist on its definition): Invalid input; Property 'value' does not exist on event pe1234567_purchase (correlation id aeb5f871-7f07-4993-9211-075dc63e7cbf)",
      },
    ]);
  });

  it('400 on a batch is one outcome for the whole request (core isolates the refused occurrence)', () => {
    const outcomes = parse(jsonResponse(400, error('VALIDATION_ERROR', 'Invalid input')), 2);
    expect(outcomes).toHaveLength(2);
    expect(outcomes[1]).toEqual({
      status: 'rejected',
      code: 'validation_error',
      reason:
        'HubSpot refused the event (check that the event and each property exist on its definition): Invalid input (correlation id aeb5f871-7f07-4993-9211-075dc63e7cbf)',
    });
  });

  it('401 INVALID_AUTHENTICATION needs a new private app token', () => {
    expect(
      parse(jsonResponse(401, error('INVALID_AUTHENTICATION', 'Authentication credentials not found.'))),
    ).toEqual([
      {
        status: 'auth',
        kind: 'needs-attention',
        reason:
          'HubSpot refused the private app access token; create or rotate it in HubSpot: Authentication credentials not found. (correlation id aeb5f871-7f07-4993-9211-075dc63e7cbf)',
      },
    ]);
  });

  it('EXPIRED_AUTHENTICATION needs attention too (no refresh flow for private app tokens)', () => {
    expect(
      parse(jsonResponse(401, error('EXPIRED_AUTHENTICATION', 'The token is expired.')))[0],
    ).toMatchObject({
      status: 'auth',
      kind: 'needs-attention',
    });
  });

  it('403 MISSING_SCOPES names the scope to add', () => {
    const body = error('MISSING_SCOPES', "This app hasn't been granted all required scopes", {
      errors: [
        {
          message: 'One or more of the following scopes are required.',
          context: { requiredGranularScopes: ['analytics.behavioral_events.send'] },
        },
      ],
    });
    expect(parse(jsonResponse(403, body))).toEqual([
      {
        status: 'auth',
        kind: 'needs-attention',
        reason:
          "HubSpot denied the send (403): the token needs the analytics.behavioral_events.send scope and the account an Enterprise hub: This app hasn't been granted all required scopes; One or more of the following scopes are required. (correlation id aeb5f871-7f07-4993-9211-075dc63e7cbf)",
      },
    ]);
  });

  it('429 RATE_LIMITS is retryable, naming the policy', () => {
    const body = error('RATE_LIMITS', 'You have reached your secondly limit.', { policyName: 'SECONDLY' });
    expect(parse(jsonResponse(429, body))).toEqual([
      {
        status: 'retryable',
        reason:
          'HubSpot rate limit: You have reached your secondly limit. (correlation id aeb5f871-7f07-4993-9211-075dc63e7cbf) (policy SECONDLY)',
      },
    ]);
  });

  it('404 OBJECT_NOT_FOUND points at the event name', () => {
    const body = error('OBJECT_NOT_FOUND', 'Event definition pe1234567_purchase not found');
    expect(parse(jsonResponse(404, body))).toEqual([
      {
        status: 'rejected',
        code: 'not_found',
        reason:
          'HubSpot found no such event definition (check options.eventMap and portal_id): Event definition pe1234567_purchase not found (correlation id aeb5f871-7f07-4993-9211-075dc63e7cbf)',
      },
    ]);
  });

  it('5xx falls to core: retryable with the message', () => {
    expect(parse(jsonResponse(502, error('INTERNAL_ERROR', 'Bad gateway')))).toEqual([
      {
        status: 'retryable',
        reason: 'HubSpot answered 502: Bad gateway (correlation id aeb5f871-7f07-4993-9211-075dc63e7cbf)',
      },
    ]);
  });

  it('a non-JSON error body falls back to its excerpt', () => {
    expect(parse({ status: 415, headers: {}, body: 'Unsupported Media Type', json: undefined })).toEqual([
      {
        status: 'rejected',
        code: 'http_415',
        reason: 'HubSpot rejected the request (415): Unsupported Media Type',
      },
    ]);
  });
});

describe('hubspot batches: one refused occurrence never sinks the others', () => {
  it('isolates the occurrence HubSpot refuses and delivers the rest of the batch', async () => {
    // HubSpot answers one error body for a whole batch, naming no input (its Error schema has no
    // index): Relay halves the batch until the bad occurrence is alone, as RudderStack retries
    // each occurrence of a refused batch on its own.
    const accepted: string[] = [];
    let calls = 0;
    const hubspot = (r: { url: string; json: unknown }) => {
      calls += 1;
      const body = r.json as { inputs?: Array<Record<string, unknown>> } & Record<string, unknown>;
      const inputs = body.inputs ?? [body];
      if (inputs.some((input) => input['email'] === 'user5@example.com')) {
        return {
          status: 400,
          body: {
            status: 'error',
            category: 'VALIDATION_ERROR',
            message: 'Property values were not valid',
            correlationId: 'c0ffee00-0000-4000-8000-000000000005',
            errors: [{ message: 'occurredAt is before the event definition was created', in: 'body' }],
          },
        };
      }
      for (const input of inputs) accepted.push(input['uuid'] as string);
      return { status: 204, body: '' };
    };
    const events = Array.from({ length: 8 }, (_, i) => sampleEvent('purchase_completed', i + 1));
    const { results } = await runAdapter(adapter, events, { respond: hubspot });
    expect(results.map((r) => r.outcome.status)).toEqual([
      'delivered',
      'delivered',
      'delivered',
      'delivered',
      'rejected',
      'delivered',
      'delivered',
      'delivered',
    ]);
    expect(results[4]!.outcome).toMatchObject({
      status: 'rejected',
      code: 'validation_error',
    });
    expect((results[4]!.outcome as { reason: string }).reason).toContain(
      'occurredAt is before the event definition was created',
    );
    expect(accepted).toHaveLength(7);
    expect(new Set(accepted).size).toBe(7);
    expect(calls).toBeLessThanOrEqual(1 + 2 * Math.ceil(Math.log2(8)));
  });
});

describe('hubspot batches: a request-level error is never split', () => {
  it('gives a 404 (no such event definition) to every occurrence in one request', async () => {
    let calls = 0;
    const notFound = () => {
      calls += 1;
      return {
        status: 404,
        body: { status: 'error', category: 'OBJECT_NOT_FOUND', message: 'Event definition not found' },
      };
    };
    const events = Array.from({ length: 8 }, (_, i) => sampleEvent('purchase_completed', i + 1));
    const { results } = await runAdapter(adapter, events, { respond: notFound });
    expect(calls).toBe(1);
    expect(results.every((r) => r.outcome.status === 'rejected' && r.outcome.code === 'not_found')).toBe(
      true,
    );
  });
});
