import { ConfigError, type MultiFernet, dedupKeyOf } from '@relay/core';
import type { Db } from '../db/client';
import { createCredential, findCredentialFor } from '../db/credentials';
import { type NewDelivery, insertDeliveries } from '../db/deliveries';
import { type NewEvent, eventKey, insertEvents, storedEventKeys } from '../db/events';
import type {
  LegacyCredential,
  LegacyEvent,
  LegacyPlatform,
  LegacySgtmConfig,
  LegacySource,
  LegacyStorefront,
} from '../db/legacy-source';
import { createPlatform, findPlatformByCode, updatePlatform } from '../db/platforms';
import { createSgtmConfig, findSgtmConfigForStorefront } from '../db/sgtm-configs';
import { createStorefront, findStorefrontByCode } from '../db/storefronts';
import { storableJsonProblem } from '../ingest/storable-json';
import { EVENT_COLUMN_LIMITS } from '../routes/events';

/** What an import did (or, with `dryRun`, would do). */
export interface ImportSummary {
  dryRun: boolean;
  storefronts: { created: number; existing: number };
  platforms: { created: number; existing: number; switchedOff: number };
  credentials: { created: number; existing: number };
  sgtmConfigs: { created: number; existing: number; secretsResealed: number };
  events: {
    /** Undelivered events found in the old database, by their old status. */
    found: Record<string, number>;
    imported: number;
    alreadyPresent: number;
    /** Destinations the old service had already delivered to, recorded as delivered (not sent again). */
    deliveredDestinations: number;
    skipped: Array<{ event_id: string; reason: string }>;
  };
}

export interface ImportOptions {
  dryRun?: boolean;
  /** Events read per page (default 500). */
  pageSize?: number;
}

const bool = (v: number | boolean) => Boolean(Number(v));

/**
 * Copy the replaced service's state into Relay: storefronts, platforms, credentials and sGTM
 * configs, then the events it had not delivered yet (they are routed and sent like new ones).
 * Idempotent: rows already present (same storefront code, platform code, storefront + platform,
 * storefront's sGTM config, event dedup key) are left as they are, so it can run again.
 *
 * Fernet tokens are carried as they are: every one must open with `ENCRYPTION_KEY` (the old
 * service's key, alone or in the list), checked before anything is written. The old service
 * sealed the sGTM `api_secret` as plain text; Relay stores JSON, so those are sealed again.
 */
export async function importLegacy(
  db: Db,
  cipher: MultiFernet,
  source: LegacySource,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const dryRun = options.dryRun === true;
  const summary: ImportSummary = {
    dryRun,
    storefronts: { created: 0, existing: 0 },
    platforms: { created: 0, existing: 0, switchedOff: 0 },
    credentials: { created: 0, existing: 0 },
    sgtmConfigs: { created: 0, existing: 0, secretsResealed: 0 },
    events: { found: {}, imported: 0, alreadyPresent: 0, deliveredDestinations: 0, skipped: [] },
  };
  const [storefronts, sgtmConfigs, platforms, credentials] = await Promise.all([
    source.storefronts(),
    source.sgtmConfigs(),
    source.platforms(),
    source.credentials(),
  ]);
  checkTokens(cipher, credentials, sgtmConfigs);

  // Old id → Relay's row (undefined in a dry run for rows not created yet: looked up by code).
  const storefrontIds = new Map<number, { id: number | undefined; code: string }>();
  for (const s of storefronts) {
    const code = s.storefront_id.trim().toLowerCase();
    const existing = await findStorefrontByCode(db, code);
    if (existing) summary.storefronts.existing += 1;
    else summary.storefronts.created += 1;
    const id =
      existing?.id ?? (dryRun ? undefined : (await createStorefront(db, storefrontInput(s, code))).id);
    storefrontIds.set(s.id, { id, code });
  }

  const platformIds = new Map<number, number | undefined>();
  for (const p of platforms) {
    const code = p.platform_code.trim().toLowerCase();
    const existing = await findPlatformByCode(db, code);
    if (existing) {
      summary.platforms.existing += 1;
      // The old service's global kill switch carries over; an active one never switches ours on.
      if (!bool(p.is_active) && existing.isActive) {
        summary.platforms.switchedOff += 1;
        if (!dryRun) await updatePlatform(db, existing.id, { isActive: false });
      }
      platformIds.set(p.id, existing.id);
      continue;
    }
    summary.platforms.created += 1;
    platformIds.set(p.id, dryRun ? undefined : (await createPlatform(db, platformInput(p, code))).id);
  }

  const credentialIds = new Map<number, number | undefined>();
  for (const c of credentials) {
    const storefront = storefrontIds.get(c.storefront_id);
    const platformId = platformIds.get(c.platform_id);
    const existing =
      storefront?.id !== undefined && platformId !== undefined
        ? await findCredentialFor(db, storefront.id, platformId)
        : null;
    if (existing) {
      summary.credentials.existing += 1;
      credentialIds.set(c.id, existing.id);
      continue;
    }
    if (!storefrontIds.has(c.storefront_id) || !platformIds.has(c.platform_id)) continue;
    summary.credentials.created += 1;
    credentialIds.set(c.id, undefined);
    if (dryRun || storefront?.id === undefined || platformId === undefined) continue;
    const created = await createCredential(db, {
      storefrontId: storefront.id,
      platformId,
      credentialsEncrypted: c.credentials_encrypted,
      destinationType: c.destination_type === 'direct' ? 'direct' : 'sgtm',
      pixelId: c.pixel_id,
      accountId: c.account_id,
      baseUrl: null,
      tokenUrl: null,
      options: null,
      isActive: bool(c.is_active),
    });
    credentialIds.set(c.id, created.id);
  }

  const sgtmIds = new Map<number, number | undefined>();
  for (const g of sgtmConfigs) {
    const storefront = storefrontIds.get(g.storefront_id);
    if (!storefront) continue;
    const existing =
      storefront.id === undefined ? null : await findSgtmConfigForStorefront(db, storefront.id);
    if (existing) {
      summary.sgtmConfigs.existing += 1;
      sgtmIds.set(g.storefront_id, existing.id);
      continue;
    }
    summary.sgtmConfigs.created += 1;
    const apiSecret = g.api_secret ? asJsonToken(cipher, g.api_secret) : null;
    if (apiSecret !== g.api_secret) summary.sgtmConfigs.secretsResealed += 1;
    sgtmIds.set(g.storefront_id, undefined);
    if (dryRun || storefront.id === undefined) continue;
    const created = await createSgtmConfig(db, {
      storefrontId: storefront.id,
      sgtmUrl: g.sgtm_url,
      clientType: g.client_type === 'custom' ? 'custom' : 'ga4',
      containerId: g.container_id,
      measurementId: g.measurement_id,
      apiSecretEncrypted: apiSecret,
      customEndpointPath: g.custom_endpoint_path,
      customHeadersEncrypted: g.custom_headers ? asJsonToken(cipher, g.custom_headers) : null,
      isActive: bool(g.is_active),
    });
    sgtmIds.set(g.storefront_id, created.id);
  }

  const storefrontByCode = new Map([...storefrontIds.values()].map((s) => [s.code, s]));
  const pageSize = Math.max(1, options.pageSize ?? 500);
  for (let after = 0; ; ) {
    const page = await source.undeliveredEvents(after, pageSize);
    if (page.length === 0) break;
    after = page[page.length - 1]!.id;
    for (const e of page) summary.events.found[e.status] = (summary.events.found[e.status] ?? 0) + 1;
    const candidates: Array<{ legacy: LegacyEvent; event: NewEvent }> = [];
    for (const legacy of page) {
      const storefront =
        (legacy.storefront_id !== null ? storefrontIds.get(legacy.storefront_id) : undefined) ??
        (legacy.storefront_code
          ? storefrontByCode.get(legacy.storefront_code.trim().toLowerCase())
          : undefined);
      const mapped = storefront && eventOf(legacy, storefront);
      if (!mapped || typeof mapped === 'string') {
        summary.events.skipped.push({
          event_id: legacy.event_id,
          reason: mapped ?? `Storefront '${legacy.storefront_code ?? legacy.storefront_id}' not found`,
        });
        continue;
      }
      candidates.push({ legacy, event: mapped });
    }
    const present = await storedEventKeys(
      db,
      candidates.map((c) => c.event),
    );
    const fresh = candidates.filter((c) => !present.has(eventKey(c.event.storefrontCode, c.event.dedupKey)));
    summary.events.alreadyPresent += candidates.length - fresh.length;
    if (dryRun) {
      const wouldStore = new Map<string, number>();
      for (const c of fresh) wouldStore.set(eventKey(c.event.storefrontCode, c.event.dedupKey), c.legacy.id);
      summary.events.imported += wouldStore.size;
      const destinations = new Set<string>();
      for (const s of await source.successes([...wouldStore.values()])) {
        const legacyCredential = credentials.find((c) => c.id === s.credential_id);
        if (!legacyCredential || !credentialIds.has(s.credential_id)) continue;
        const viaSgtm = s.destination_type === 'sgtm' && sgtmIds.has(legacyCredential.storefront_id);
        destinations.add(`${s.event_id}:${viaSgtm ? 'sgtm' : `credential:${s.credential_id}`}`);
      }
      summary.events.deliveredDestinations += destinations.size;
      continue;
    }
    const ids = await insertEvents(
      db,
      fresh.map((c) => c.event),
    );
    summary.events.imported += ids.size;
    const byLegacyId = new Map<number, bigint>();
    for (const c of fresh) {
      const id = ids.get(eventKey(c.event.storefrontCode, c.event.dedupKey));
      if (id !== undefined && !byLegacyId.has(c.legacy.id)) byLegacyId.set(c.legacy.id, BigInt(id));
    }
    const delivered: NewDelivery[] = [];
    for (const s of await source.successes([...byLegacyId.keys()])) {
      const eventId = byLegacyId.get(s.event_id);
      const legacyCredential = credentials.find((c) => c.id === s.credential_id);
      if (eventId === undefined || !legacyCredential) continue;
      const viaSgtm =
        s.destination_type === 'sgtm' && sgtmIds.get(legacyCredential.storefront_id) !== undefined;
      const credentialId = credentialIds.get(s.credential_id);
      const platform = platforms.find((p) => p.id === legacyCredential.platform_id);
      if (!viaSgtm && credentialId === undefined) continue;
      const sgtmConfigId = viaSgtm ? sgtmIds.get(legacyCredential.storefront_id)! : null;
      delivered.push({
        eventId,
        destinationKey: viaSgtm ? `sgtm:${sgtmConfigId}` : `credential:${credentialId}`,
        platformCode: viaSgtm ? 'sgtm' : (platform?.platform_code.trim().toLowerCase() ?? ''),
        credentialId: viaSgtm ? null : credentialId!,
        sgtmConfigId,
        status: 'delivered',
        reason: 'delivered by the replaced service before the import',
      });
    }
    summary.events.deliveredDestinations += await insertDeliveries(db, delivered);
  }
  return summary;
}

/** Every token must open with ENCRYPTION_KEY, or nothing is imported. */
function checkTokens(cipher: MultiFernet, credentials: LegacyCredential[], sgtm: LegacySgtmConfig[]) {
  const failed: string[] = [];
  const opens = (token: string) => {
    try {
      cipher.decrypt(token);
      return true;
    } catch {
      return false;
    }
  };
  for (const c of credentials)
    if (!opens(c.credentials_encrypted)) failed.push(`platform_credentials.id ${c.id}`);
  for (const g of sgtm) {
    if (g.api_secret && !opens(g.api_secret)) failed.push(`storefront_sgtm_config.id ${g.id} api_secret`);
    if (g.custom_headers && !opens(g.custom_headers))
      failed.push(`storefront_sgtm_config.id ${g.id} custom_headers`);
  }
  if (failed.length > 0) {
    throw new ConfigError(
      `ENCRYPTION_KEY cannot decrypt ${failed.length} secret(s) of the old database (${failed.slice(0, 5).join(', ')}${failed.length > 5 ? ', …' : ''}): put the old service's ENCRYPTION_KEY in ENCRYPTION_KEY (a comma-separated list; the first key encrypts, every key decrypts) and run the import again. Nothing was imported.`,
      { field: 'ENCRYPTION_KEY' },
    );
  }
}

/** The token as Relay stores it (sealed JSON): carried as it is when it already holds JSON. */
function asJsonToken(cipher: MultiFernet, token: string): string {
  const text = cipher.decrypt(token);
  try {
    JSON.parse(text);
    return token;
  } catch {
    return cipher.encrypt(JSON.stringify(text));
  }
}

const storefrontInput = (s: LegacyStorefront, code: string) => ({
  code,
  name: s.name,
  domain: s.domain,
  description: s.description,
  isActive: bool(s.is_active),
});

function platformInput(p: LegacyPlatform, code: string) {
  let schema: object | null = null;
  if (p.credential_schema) {
    try {
      const parsed = JSON.parse(p.credential_schema) as unknown;
      if (parsed && typeof parsed === 'object') schema = parsed;
    } catch {
      schema = null;
    }
  }
  return {
    code,
    name: p.name,
    category: p.category ?? 'advertising',
    tier: p.tier ?? 3,
    authType: p.auth_type ?? 'access_token',
    apiBaseUrl: p.api_base_url,
    credentialSchema: schema,
    description: p.description,
    isActive: bool(p.is_active),
  };
}

/**
 * The event to store for an old row, or why it cannot be: the stored record with the columns
 * winning (as for a direct insert), its dedup key computed as the API would.
 */
function eventOf(
  legacy: LegacyEvent,
  storefront: { id: number | undefined; code: string },
): NewEvent | string {
  let record: Record<string, unknown> = {};
  if (legacy.event_payload) {
    try {
      const parsed = JSON.parse(legacy.event_payload) as unknown;
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
        record = parsed as Record<string, unknown>;
      else return 'event_payload is not a JSON object';
    } catch {
      return 'event_payload is not valid JSON';
    }
  }
  if (legacy.event_type.trim().length > EVENT_COLUMN_LIMITS.event_name)
    return `event_type longer than ${EVENT_COLUMN_LIMITS.event_name} characters`;
  if (legacy.event_id.length > EVENT_COLUMN_LIMITS.order_id)
    return `event_id longer than ${EVENT_COLUMN_LIMITS.order_id} characters`;
  const eventTime = new Date(String(record.event_time ?? legacy.created_at ?? ''));
  if (Number.isNaN(eventTime.getTime())) return 'no valid event_time in event_payload';
  const merged = {
    ...record,
    storefront_id: storefront.code,
    event_name: legacy.event_type,
    order_id: legacy.event_id,
    event_time: record.event_time ?? eventTime.toISOString(),
  };
  const problem = storableJsonProblem(merged);
  if (problem) return `${problem.path.join('.')}: ${problem.message}`;
  return {
    storefrontId: storefront.id ?? 0,
    storefrontCode: storefront.code,
    dedupKey: dedupKeyOf({ ...merged, event_id: record.event_id as string | undefined }),
    eventName: legacy.event_type.trim(),
    eventTime,
    orderId: legacy.event_id,
    payload: JSON.stringify(merged),
  };
}
