import mariadb from 'mariadb';
import { parseDatabaseUrl } from './url';

/**
 * Read-only access to the database of the Python service Relay replaces (its tables, as its
 * Alembic revisions create them: docs/data-layer.md#importing-from-the-replaced-service). Used
 * by `relay import`; never written to.
 */

export interface LegacyStorefront {
  id: number;
  storefront_id: string;
  name: string;
  domain: string | null;
  description: string | null;
  is_active: number | boolean;
}

export interface LegacySgtmConfig {
  id: number;
  storefront_id: number;
  sgtm_url: string;
  client_type: string;
  container_id: string | null;
  measurement_id: string | null;
  api_secret: string | null;
  custom_endpoint_path: string | null;
  custom_headers: string | null;
  is_active: number | boolean;
}

export interface LegacyPlatform {
  id: number;
  platform_code: string;
  name: string;
  category: string | null;
  tier: number | null;
  auth_type: string | null;
  api_base_url: string | null;
  credential_schema: string | null;
  description: string | null;
  is_active: number | boolean;
}

export interface LegacyCredential {
  id: number;
  storefront_id: number;
  platform_id: number;
  credentials_encrypted: string;
  destination_type: string | null;
  pixel_id: string | null;
  account_id: string | null;
  is_active: number | boolean;
}

export interface LegacyEvent {
  id: number;
  event_id: string;
  storefront_id: number | null;
  storefront_code: string | null;
  event_type: string;
  event_payload: string | null;
  status: string;
  created_at: Date | null;
}

/** A destination the old service already delivered an event to. */
export interface LegacySuccess {
  event_id: number;
  credential_id: number;
  destination_type: string | null;
}

export interface LegacySource {
  storefronts(): Promise<LegacyStorefront[]>;
  sgtmConfigs(): Promise<LegacySgtmConfig[]>;
  platforms(): Promise<LegacyPlatform[]>;
  credentials(): Promise<LegacyCredential[]>;
  /** Events not yet delivered (any status but `delivered`), by id, `limit` after `afterId`. */
  undeliveredEvents(afterId: number, limit: number): Promise<LegacyEvent[]>;
  /** Successful attempts of these events. */
  successes(eventIds: readonly number[]): Promise<LegacySuccess[]>;
  close(): Promise<void>;
}

/** Connect to the old service's database (its `DATABASE_URL`, mysql:// or mysql+pymysql://). */
export async function openLegacySource(databaseUrl: string): Promise<LegacySource> {
  const target = parseDatabaseUrl(databaseUrl.replace(/^mysql\+\w+:/, 'mysql:'));
  const conn = await mariadb.createConnection({ ...target, timezone: 'Z', bigIntAsNumber: true });
  const query = <T>(sql: string, params: unknown[] = []) => conn.query(sql, params) as Promise<T>;
  return {
    storefronts: () =>
      query('SELECT id, storefront_id, name, domain, description, is_active FROM storefronts ORDER BY id'),
    sgtmConfigs: () =>
      query(
        `SELECT id, storefront_id, sgtm_url, client_type, container_id, measurement_id, api_secret,
                custom_endpoint_path, custom_headers, is_active
         FROM storefront_sgtm_config ORDER BY id`,
      ),
    platforms: () =>
      query(
        `SELECT id, platform_code, name, category, tier, auth_type, api_base_url, credential_schema, description, is_active
         FROM ad_analytics_platforms ORDER BY id`,
      ),
    credentials: () =>
      query(
        `SELECT id, storefront_id, platform_id, credentials_encrypted, destination_type, pixel_id, account_id, is_active
         FROM platform_credentials ORDER BY id`,
      ),
    undeliveredEvents: (afterId, limit) =>
      query(
        `SELECT id, event_id, storefront_id, storefront_code, event_type, event_payload, status, created_at
         FROM marketing_events WHERE status <> 'delivered' AND id > ? ORDER BY id LIMIT ?`,
        [afterId, limit],
      ),
    successes: (eventIds) =>
      eventIds.length === 0
        ? Promise.resolve([])
        : query(
            `SELECT DISTINCT event_id, credential_id, destination_type FROM event_attempts
             WHERE status = 'success' AND event_id IN (${eventIds.map(() => '?').join(', ')})`,
            [...eventIds],
          ),
    close: () => conn.end(),
  };
}
