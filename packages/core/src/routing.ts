/**
 * The kill-switch hierarchy (design.md) as a pure function. Given one event and the state of
 * its storefront, sGTM config, platforms and credentials, say for every candidate destination
 * where it goes, or which switch stopped it and why.
 */

export interface RoutingStorefront {
  code: string;
  isActive: boolean;
}

export interface RoutingSgtmConfig {
  id: number;
  isActive: boolean;
}

export interface RoutingPlatform {
  code: string;
  isActive: boolean;
  /** False when no adapter package exists for the platform's code. */
  hasAdapter: boolean;
}

export interface RoutingCredential {
  id: number;
  platformCode: string;
  isActive: boolean;
  destinationType: 'sgtm' | 'direct';
}

export interface RoutingConfig {
  storefront: RoutingStorefront | undefined;
  sgtm: RoutingSgtmConfig | undefined;
  platforms: ReadonlyArray<RoutingPlatform>;
  credentials: ReadonlyArray<RoutingCredential>;
}

export type StopLevel = 'storefront' | 'sgtm' | 'platform' | 'credential' | 'adapter';

export type Destination =
  /** Send through the storefront's sGTM container (one delivery however many credentials ask for it). */
  | { kind: 'sgtm'; sgtmConfigId: number; credentialIds: number[] }
  /** Send straight to the platform's API with this credential. */
  | { kind: 'direct'; credentialId: number; platformCode: string; note?: string }
  /** Not sent: which switch stopped it and why. */
  | { kind: 'stopped'; level: StopLevel; credentialId?: number; platformCode?: string; reason: string };

/**
 * Resolve where one event of `config.storefront` goes.
 * - storefront inactive/unknown → everything stopped at the storefront level;
 * - platform inactive → its credentials stopped at the platform level;
 * - credential inactive → stopped at the credential level;
 * - platform without an adapter → stopped (`adapter`) unless it goes through sGTM;
 * - credential of type `sgtm` → the active sGTM config, or direct when it is inactive/missing.
 */
export function resolveDestinations(config: RoutingConfig, storefrontCode?: string): Destination[] {
  const { storefront } = config;
  if (!storefront) {
    return [
      { kind: 'stopped', level: 'storefront', reason: `Storefront '${storefrontCode ?? '?'}' not found` },
    ];
  }
  if (!storefront.isActive) {
    return [{ kind: 'stopped', level: 'storefront', reason: `Storefront '${storefront.code}' is disabled` }];
  }
  const platforms = new Map(config.platforms.map((p) => [p.code, p]));
  const out: Destination[] = [];
  const viaSgtm: number[] = [];
  const sgtmActive = config.sgtm?.isActive === true;

  for (const credential of [...config.credentials].sort((a, b) => a.id - b.id)) {
    const base = { credentialId: credential.id, platformCode: credential.platformCode };
    const platform = platforms.get(credential.platformCode);
    if (!platform) {
      out.push({
        kind: 'stopped',
        level: 'platform',
        ...base,
        reason: `Platform '${credential.platformCode}' not found`,
      });
      continue;
    }
    if (!platform.isActive) {
      out.push({
        kind: 'stopped',
        level: 'platform',
        ...base,
        reason: `Platform '${platform.code}' is disabled`,
      });
      continue;
    }
    if (!credential.isActive) {
      out.push({
        kind: 'stopped',
        level: 'credential',
        ...base,
        reason: `Credential ${credential.id} (${platform.code}) is disabled`,
      });
      continue;
    }
    if (credential.destinationType === 'sgtm' && sgtmActive) {
      viaSgtm.push(credential.id);
      continue;
    }
    if (!platform.hasAdapter) {
      out.push({ kind: 'stopped', level: 'adapter', ...base, reason: `no adapter for ${platform.code}` });
      continue;
    }
    if (credential.destinationType === 'sgtm') {
      const why = config.sgtm ? 'is disabled' : 'does not exist';
      out.push({ kind: 'direct', ...base, note: `sGTM config of '${storefront.code}' ${why}; sent direct` });
    } else {
      out.push({ kind: 'direct', ...base });
    }
  }
  if (viaSgtm.length > 0 && config.sgtm) {
    out.unshift({ kind: 'sgtm', sgtmConfigId: config.sgtm.id, credentialIds: viaSgtm });
  }
  return out;
}
