/** The admin API's answers, as docs/api.md describes them. */
export interface Counts {
  delivered: number;
  failed: number;
  retrying: number;
}

export interface Stats {
  window: 'hour' | 'day' | 'week';
  from: string;
  to: string;
  bucket_seconds: number;
  buckets: string[];
  events_in: number;
  events_series: number[];
  destinations: Array<
    Counts & { destination: string; platform_code: string; storefront_id: string | null; series: Counts[] }
  >;
  backlog: {
    waiting: number;
    due: number;
    oldest_due_at: string | null;
    oldest_due_age_seconds: number | null;
    unrouted_events: number;
  };
  top_failure_reasons: Array<{ platform_code: string; reason: string; count: number }>;
}

export interface TreeCredential {
  id: number;
  platform_id: number;
  platform_code: string;
  platform_name: string;
  destination_type: string;
  pixel_id: string | null;
  account_id: string | null;
  base_url: string | null;
  token_url: string | null;
  is_active: boolean;
  /** Set while the platform refuses the credential; saving it resumes its deliveries. */
  paused_at: string | null;
  pause_reason: string | null;
  privacy: DestinationPrivacy;
  waiting: number;
  /** Deliveries held until the credential is fixed. */
  paused: number;
}

/** A destination's health-mode lists (docs/privacy.md); `allowed_events` absent or null: the defaults. */
export interface DestinationPrivacy {
  baa: boolean;
  allowed_events?: string[] | null;
  allowed_properties: string[];
  allowed_identifiers: string[];
}

export interface TreeSgtm {
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
}

export interface TreeStorefront {
  id: number;
  storefront_id: string;
  name: string;
  domain: string | null;
  is_active: boolean;
  privacy_mode: 'standard' | 'health';
  event_aliases: Record<string, string>;
  waiting: number;
  sgtm: TreeSgtm | null;
  credentials: TreeCredential[];
}

export interface Tree {
  platforms: Array<{ id: number; platform_code: string; name: string; is_active: boolean; waiting: number }>;
  storefronts: TreeStorefront[];
}

export interface JsonSchema {
  type?: string | string[];
  title?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  default?: unknown;
  anyOf?: JsonSchema[];
  format?: string;
}

export interface CatalogPlatform {
  id: number;
  platform_code: string;
  name: string;
  category: string;
  tier: number;
  auth_type: string;
  api_base_url: string | null;
  credential_schema: JsonSchema | null;
  is_active: boolean;
  has_adapter: boolean;
  api_version: string | null;
  docs_url: string | null;
  status: string;
  secret_fields: string[];
  max_events_per_request: number | null;
}

export interface EventSummary {
  id: number;
  storefront_id: string | null;
  event_name: string;
  order_id: string;
  event_time: string;
  status: string;
  status_reason: string | null;
  created_at: string;
  deliveries: Array<{ destination: string; platform_code: string; status: string; attempts: number }>;
}

export interface Attempt {
  attempt: number;
  started_at: string;
  duration_ms: number;
  status_code: number | null;
  outcome: string;
  reason: string | null;
  method: string | null;
  url: string | null;
  request_excerpt: string | null;
  response_excerpt: string | null;
}

export interface EventDetail {
  id: number;
  storefront_id: number | null;
  storefront_code: string | null;
  dedup_key: string | null;
  event_name: string;
  event_time: string;
  order_id: string;
  status: string;
  status_reason: string | null;
  payload: unknown;
  /** Set for a viewer: no payload, no platform URLs or excerpts (personal data). */
  redacted?: boolean;
  created_at: string;
  routed_at: string | null;
  deliveries: Array<{
    id: number;
    destination: string;
    platform_code: string;
    status: string;
    attempts: number;
    next_attempt_at: string;
    last_attempt_at: string | null;
    platform_event_name: string | null;
    reason: string | null;
    attempt_log: Attempt[];
  }>;
}

export interface FailureGroup {
  destination: string;
  platform_code: string;
  storefront_id: string | null;
  reason: string;
  count: number;
  first_failed_at: string;
  last_failed_at: string;
  sample_event_id: number;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  resource_type: string;
  resource_id: string | null;
  method: string;
  path: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** `POST /admin/v1/{credentials|sgtm-configs}/{id}/preview`: per record, what would leave. */
export interface PreviewResult {
  index: number;
  decision: 'send' | 'suppress' | 'refuse';
  reason?: string;
  outcome?: string;
  platform_event_name: string | null;
  requests: Array<{ method: string; url: string; headers: Record<string, string>; body: string | null }>;
  removed_fields: string[];
  replaced_fields: string[];
  policy_hash: string | null;
}
