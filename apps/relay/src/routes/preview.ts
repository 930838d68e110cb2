import { createRoute } from '@hono/zod-openapi';
import { type MultiFernet, omsRecordSchema, toRelayEvent } from '@relay/core';
import { z } from 'zod';
import type { RelayConfig } from '../config';
import { openJson } from '../crypto/secrets';
import type { Db } from '../db/client';
import { credentialsWithPlatform } from '../db/credentials';
import { sgtmConfigsByIds } from '../db/sgtm-configs';
import { storefrontPrivacies } from '../db/storefronts';
import { defineRoute, openApiRouter } from '../http/openapi-route';
import { idParams, invalid, json, jsonBody, notFoundResponse } from '../http/openapi-schemas';
import { notFound } from '../http/problems';
import type { AdapterRegistry } from '../platforms/registry';
import { previewDelivery } from '../preview/preview-delivery';
import { deliveryPolicyOf } from '../worker/privacy-policy';
import { sgtmCredentialsOf } from '../worker/sgtm-credentials';

/** One or more OMS records, exactly as `POST /v1/events` takes them in `data`. */
export const previewSchema = z.object({ records: z.array(omsRecordSchema).min(1).max(100) }).meta({
  id: 'Preview',
  example: {
    records: [
      {
        storefront_id: 'bosley',
        event_name: 'purchase_completed',
        event_time: '2026-01-15T10:25:00Z',
        order_id: '2025020100003333',
        order_revenue: 80.79,
      },
    ],
  },
});

/** `previewDelivery()`'s result per record (preview/preview-delivery.ts), with its index in `records`. */
export const previewResultSchema = z
  .strictObject({
    results: z.array(
      z.strictObject({
        index: z.number().int(),
        decision: z.enum(['send', 'suppress', 'refuse']).meta({
          description:
            '`send`: the event would go out in `requests`; `suppress`: the privacy policy keeps it; `refuse`: the adapter would not send it',
        }),
        reason: z.string().optional().meta({ description: 'Why it is not sent (absent for `send`)' }),
        outcome: z
          .enum(['rejected', 'skipped', 'retryable', 'auth', 'suppressed'])
          .optional()
          .meta({ description: 'The outcome before sending, for `refuse`' }),
        platform_event_name: z.string().nullable(),
        requests: z
          .array(
            z.strictObject({
              method: z.string(),
              url: z.string(),
              headers: z.record(z.string(), z.string()),
              body: z.string().nullable(),
            }),
          )
          .meta({ description: 'The exact HTTP requests, secret values and credential headers masked' }),
        removed_fields: z.array(z.string()),
        replaced_fields: z.array(z.string()),
        policy_hash: z.string().nullable(),
      }),
    ),
  })
  .meta({
    id: 'PreviewResult',
    example: {
      results: [
        {
          index: 0,
          decision: 'send',
          platform_event_name: 'Purchase',
          requests: [
            {
              method: 'POST',
              url: 'https://graph.facebook.com/v21.0/123/events',
              headers: { 'content-type': 'application/json' },
              body: '{"data":[{"event_name":"Purchase"}],"access_token":"••••••"}',
            },
          ],
          removed_fields: [],
          replaced_fields: [],
          policy_hash: '3f2a9c0d1e4b5a67',
        },
      ],
    },
  });

const previewRoute = (tag: 'credentials' | 'sgtm-configs') =>
  createRoute({
    method: 'post',
    path: `/${tag}/{id}/preview`,
    tags: [tag],
    summary:
      'Preview what this destination would receive for each OMS record under its privacy policy (docs/privacy.md): per record the decision (send / suppress / refuse and why), the exact HTTP requests with secrets masked, and the removed fields. Sends and stores nothing.',
    request: { params: idParams, body: jsonBody(previewSchema) },
    responses: {
      200: json(previewResultSchema, 'What would be sent, per record'),
      ...notFoundResponse,
      ...invalid,
    },
  });

/**
 * `POST /admin/v1/credentials/{id}/preview` and `POST /admin/v1/sgtm-configs/{id}/preview`: what
 * this destination would receive for each record under its storefront's privacy policy (the
 * decision, the exact HTTP requests with secrets masked, the removed fields). Nothing is sent and
 * nothing is stored.
 */
export function previewRoutes(
  db: Db,
  cipher: MultiFernet,
  registry: AdapterRegistry,
  config: Pick<RelayConfig, 'DEFAULT_CURRENCY' | 'DEFAULT_PHONE_COUNTRY'>,
) {
  const app = openApiRouter();
  const policyFor = async (storefrontId: number, privacy: unknown) => {
    const [storefront] = await storefrontPrivacies(db, [storefrontId]);
    return deliveryPolicyOf(storefront, privacy, (sealed) => cipher.decrypt(sealed));
  };
  const eventsOf = (records: z.output<typeof previewSchema>['records']) =>
    records.map((record) => toRelayEvent(record, { defaultCurrency: config.DEFAULT_CURRENCY }));
  const answer = (
    results: Awaited<ReturnType<typeof previewDelivery>>,
  ): z.input<typeof previewResultSchema> => ({
    results: results.map((r, index) => ({ index, ...r })),
  });

  defineRoute(app, previewRoute('credentials'), async (c, { params: { id }, body }) => {
    const [credential] = await credentialsWithPlatform(db, [id]);
    if (!credential) throw notFound('Credential', id);
    const adapter = registry.get(credential.platform.code);
    if (!adapter) throw notFound('Adapter for platform', credential.platform.code);
    const results = await previewDelivery(adapter, eventsOf(body.records), {
      credentials: openJson(cipher, credential.credentialsEncrypted),
      options: credential.options ?? {},
      baseUrl: credential.baseUrl,
      policy: await policyFor(credential.storefrontId, credential.privacy),
      defaultCountry: config.DEFAULT_PHONE_COUNTRY,
      now: new Date(),
    });
    return c.json(answer(results));
  });

  defineRoute(app, previewRoute('sgtm-configs'), async (c, { params: { id }, body }) => {
    const [config_] = await sgtmConfigsByIds(db, [id]);
    if (!config_) throw notFound('sGTM config', id);
    const adapter = registry.get('sgtm');
    if (!adapter) throw notFound('Adapter for platform', 'sgtm');
    const results = await previewDelivery(adapter, eventsOf(body.records), {
      credentials: sgtmCredentialsOf(config_, (sealed) => openJson(cipher, sealed)),
      options: {},
      baseUrl: null,
      policy: await policyFor(config_.storefrontId, config_.privacy),
      defaultCountry: config.DEFAULT_PHONE_COUNTRY,
      now: new Date(),
    });
    return c.json(answer(results));
  });

  return app;
}
