import { z } from 'zod';
import { type AdapterDefinition, type BaseOptions, type HttpResponse, defineAdapter } from '../../adapter';
import { outcomeFromStatus } from '../../outcomes';
import { type RelayEvent, toRelayEvent } from '../../relay-event';

/** A purchase happening at `at` (default 2026-01-15T10:00Z), order `ORD-<n>`. */
export const purchase = (
  n: number,
  at = '2026-01-15T10:00:00Z',
  extra: Record<string, unknown> = {},
): RelayEvent =>
  toRelayEvent({
    storefront_id: 'bosley',
    event_name: 'purchase_completed',
    event_time: at,
    order_id: `ORD-${n}`,
    ...extra,
  });

export const NOW = new Date('2026-01-15T12:00:00Z');

type Creds = { api_key: string };

/**
 * A minimal batch platform for core's stage tests: one POST `/events` with `{events: [{id}]}`
 * per call, `parseResponse` from the HTTP status for the whole request.
 */
export function toyAdapter(overrides: Partial<AdapterDefinition<Creds, BaseOptions>> = {}) {
  return defineAdapter<Creds>({
    code: 'toy',
    name: 'Toy',
    tier: 3,
    category: 'advertising',
    authType: 'api_key',
    docsUrl: 'https://example.com/docs',
    apiVersion: 'v1',
    baseUrl: 'https://api.toy.example',
    credentials: z.strictObject({ api_key: z.string() }),
    credentialsExample: { api_key: 'toy-secret-key' },
    secretFields: ['api_key'],
    batch: { maxEvents: 100 },
    events: {
      standard: { purchase: 'Purchase', lead: 'Lead' },
      custom: 'skip',
      customSkipReason: 'Toy takes no custom events',
    },
    buildRequests: (events, ctx) => [
      {
        method: 'POST',
        url: `${ctx.baseUrl}/events`,
        headers: { 'x-api-key': ctx.credentials.api_key },
        body: { events: events.map((e) => ({ id: e.event.orderId, name: e.name })) },
        eventIndexes: events.map((_, i) => i),
      },
    ],
    parseResponse: (response: HttpResponse) => outcomeFromStatus(response, 'Toy'),
    ...overrides,
  });
}

/** The ids in a toy request body. */
export const idsOf = (body: string | undefined): string[] =>
  (JSON.parse(body ?? '{}') as { events: Array<{ id: string }> }).events.map((e) => e.id);

export interface FakeCall {
  url: string;
  body: string | undefined;
}

/** A fetch answering with `answer(call, n)`; records every call. */
export function fakeFetch(
  answer: (call: FakeCall, n: number) => { status: number; body?: unknown; headers?: Record<string, string> },
) {
  const calls: FakeCall[] = [];
  const fetch = (async (url: string | URL, init?: RequestInit) => {
    const call = { url: String(url), body: init?.body as string | undefined };
    calls.push(call);
    const reply = answer(call, calls.length - 1);
    return new Response(reply.body === undefined ? null : JSON.stringify(reply.body), {
      status: reply.status,
      headers: reply.headers ?? {},
    });
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}
