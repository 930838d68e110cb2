import { type MultiFernet, omsRecordSchema, toRelayEvent } from '@relay/core';
import { Hono } from 'hono';
import { z } from 'zod';
import type { RelayConfig } from '../config';
import { openJson } from '../crypto/secrets';
import type { Db } from '../db/client';
import { credentialsWithPlatform } from '../db/credentials';
import { sgtmConfigsByIds } from '../db/sgtm-configs';
import { storefrontPrivacies } from '../db/storefronts';
import { notFound } from '../http/problems';
import { idParam, parseBody } from '../http/validate';
import type { AdapterRegistry } from '../platforms/registry';
import { previewDelivery } from '../preview/preview-delivery';
import { deliveryPolicyOf } from '../worker/privacy-policy';
import { sgtmCredentialsOf } from '../worker/sgtm-credentials';

/** One or more OMS records, exactly as `POST /v1/events` takes them in `data`. */
export const previewSchema = z.object({ records: z.array(omsRecordSchema).min(1).max(100) });

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
  const app = new Hono();
  const policyFor = async (storefrontId: number, privacy: unknown) => {
    const [storefront] = await storefrontPrivacies(db, [storefrontId]);
    return deliveryPolicyOf(storefront, privacy, (sealed) => cipher.decrypt(sealed));
  };
  const eventsOf = (records: z.output<typeof previewSchema>['records']) =>
    records.map((record) => toRelayEvent(record, { defaultCurrency: config.DEFAULT_CURRENCY }));
  const answer = (results: Awaited<ReturnType<typeof previewDelivery>>) => ({
    results: results.map((r, index) => ({ index, ...r })),
  });

  app.post('/credentials/:id/preview', async (c) => {
    const id = idParam(c);
    const body = await parseBody(c, previewSchema);
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

  app.post('/sgtm-configs/:id/preview', async (c) => {
    const id = idParam(c);
    const body = await parseBody(c, previewSchema);
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
