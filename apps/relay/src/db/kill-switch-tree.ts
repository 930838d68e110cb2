import { type DestinationPrivacy, destinationPrivacySchema } from '@relay/core';
import type { Db } from './client';

export interface TreeCredential {
  id: number;
  platform_id: number;
  platform_code: string;
  platform_name: string;
  destination_type: string;
  pixel_id: string | null;
  account_id: string | null;
  base_url: string | null;
  /** The OAuth token endpoint when it is not the adapter's own. */
  token_url: string | null;
  is_active: boolean;
  /** Set while the platform refuses this credential; saving it (any PUT) resumes its deliveries. */
  paused_at: string | null;
  pause_reason: string | null;
  /** What may leave for a health-mode storefront (docs/privacy.md). */
  privacy: DestinationPrivacy;
  /** Deliveries of this credential not sent yet (they stop too when it is switched off). */
  waiting: number;
  /** Deliveries held (`paused`) until the credential is fixed. */
  paused: number;
}

export interface TreeStorefront {
  id: number;
  storefront_id: string;
  name: string;
  domain: string | null;
  is_active: boolean;
  privacy_mode: string;
  event_aliases: Record<string, string>;
  waiting: number;
  sgtm: {
    id: number;
    sgtm_url: string;
    client_type: string;
    container_id: string | null;
    measurement_id: string | null;
    custom_endpoint_path: string | null;
    has_api_secret: boolean;
    has_custom_headers: boolean;
    is_active: boolean;
    privacy: DestinationPrivacy;
    waiting: number;
  } | null;
  credentials: TreeCredential[];
}

export interface KillSwitchTree {
  platforms: Array<{ id: number; platform_code: string; name: string; is_active: boolean; waiting: number }>;
  storefronts: TreeStorefront[];
}

/**
 * Every switch that decides whether an event is sent (storefront → sGTM / platform /
 * credential), with what is waiting behind each one, the destinations' privacy lists and
 * pauses, in five parallel queries. No secrets: an sGTM config says only whether it has an API
 * secret and custom headers.
 */
export async function killSwitchTree(db: Db): Promise<KillSwitchTree> {
  const [storefronts, sgtm, credentials, platforms, held] = await Promise.all([
    db.storefront.findMany({ orderBy: { code: 'asc' } }),
    db.sgtmConfig.findMany(),
    db.credential.findMany({ orderBy: { id: 'asc' } }),
    db.platform.findMany({ orderBy: { code: 'asc' } }),
    db.$queryRawUnsafe<Array<{ destination_key: string; platform_code: string; status: string; n: bigint }>>(
      `SELECT destination_key, platform_code, status, COUNT(*) AS n FROM deliveries
       WHERE status IN ('pending', 'leased', 'paused') GROUP BY destination_key, platform_code, status`,
    ),
  ]);
  const waitingBy = new Map<string, number>();
  const pausedBy = new Map<string, number>();
  const waitingByPlatform = new Map<string, number>();
  for (const w of held) {
    const n = Number(w.n);
    if (w.status === 'paused') {
      pausedBy.set(w.destination_key, (pausedBy.get(w.destination_key) ?? 0) + n);
      continue;
    }
    waitingBy.set(w.destination_key, (waitingBy.get(w.destination_key) ?? 0) + n);
    waitingByPlatform.set(w.platform_code, (waitingByPlatform.get(w.platform_code) ?? 0) + n);
  }
  const privacyOf = (stored: unknown) => destinationPrivacySchema.parse(stored ?? {});
  const platformById = new Map(platforms.map((p) => [p.id, p]));
  return {
    platforms: platforms.map((p) => ({
      id: p.id,
      platform_code: p.code,
      name: p.name,
      is_active: p.isActive,
      waiting: waitingByPlatform.get(p.code) ?? 0,
    })),
    storefronts: storefronts.map((s) => {
      const config = sgtm.find((g) => g.storefrontId === s.id);
      const creds = credentials
        .filter((c) => c.storefrontId === s.id)
        .map((c) => ({
          id: c.id,
          platform_id: c.platformId,
          platform_code: platformById.get(c.platformId)?.code ?? '',
          platform_name: platformById.get(c.platformId)?.name ?? '',
          destination_type: c.destinationType,
          pixel_id: c.pixelId,
          account_id: c.accountId,
          base_url: c.baseUrl,
          token_url: c.tokenUrl,
          is_active: c.isActive,
          paused_at: c.pausedAt?.toISOString() ?? null,
          pause_reason: c.pauseReason,
          privacy: privacyOf(c.privacy),
          waiting: waitingBy.get(`credential:${c.id}`) ?? 0,
          paused: pausedBy.get(`credential:${c.id}`) ?? 0,
        }));
      const sgtmWaiting = config ? (waitingBy.get(`sgtm:${config.id}`) ?? 0) : 0;
      return {
        id: s.id,
        storefront_id: s.code,
        name: s.name,
        domain: s.domain,
        is_active: s.isActive,
        privacy_mode: s.privacyMode,
        event_aliases: (s.eventAliases ?? {}) as Record<string, string>,
        waiting: creds.reduce((a, c) => a + c.waiting, sgtmWaiting),
        sgtm: config
          ? {
              id: config.id,
              sgtm_url: config.sgtmUrl,
              client_type: config.clientType,
              container_id: config.containerId,
              measurement_id: config.measurementId,
              custom_endpoint_path: config.customEndpointPath,
              has_api_secret: config.apiSecretEncrypted !== null,
              has_custom_headers: config.customHeadersEncrypted !== null,
              is_active: config.isActive,
              privacy: privacyOf(config.privacy),
              waiting: sgtmWaiting,
            }
          : null,
        credentials: creds,
      };
    }),
  };
}
