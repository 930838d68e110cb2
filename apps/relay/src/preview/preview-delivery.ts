import {
  type AnyAdapter,
  type DeliveryPolicy,
  type Outcome,
  type RelayEvent,
  deliver,
  redactSecrets,
  secretValues,
} from '@relay/core';

/** One HTTP request the adapter would send, secrets masked. */
export interface PreviewRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | null;
}

export interface PreviewResult {
  /** `send`: the event would go out in `requests`; `suppress`: the policy keeps it; `refuse`: the adapter would not send it. */
  decision: 'send' | 'suppress' | 'refuse';
  /** Why it is not sent (absent for `send`). */
  reason?: string;
  /** The outcome before sending, for `refuse` (`rejected` or `skipped`). */
  outcome?: Exclude<Outcome['status'], 'delivered'>;
  platform_event_name: string | null;
  requests: PreviewRequest[];
  removed_fields: string[];
  replaced_fields: string[];
  policy_hash: string | null;
}

export interface PreviewOptions {
  credentials: unknown;
  options: unknown;
  baseUrl: string | null;
  policy: DeliveryPolicy;
  defaultCountry: string;
  now: Date;
}

/** What `fetch` throws in a preview: the request is recorded, never sent. */
class NotSent extends Error {
  constructor() {
    super('preview: not sent');
  }
}

const PREVIEW_TOKEN = 'preview-access-token';

/** Header values masked whole when they carry credentials (Basic auth is base64, which value redaction cannot see). */
const CREDENTIAL_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'x-api-key',
  'api-key',
  'cookie',
]);

function maskHeaders(headers: Headers, redact: (s: string) => string): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    if (CREDENTIAL_HEADERS.has(name.toLowerCase())) {
      const scheme = /^(Bearer|Basic|Token|Bot)\s/i.exec(value)?.[1];
      out[name] = scheme ? `${scheme} [REDACTED]` : '[REDACTED]';
    } else out[name] = redact(value);
  });
  return out;
}

/**
 * Run `deliver()` with the destination's policy against a `fetch` that records each request and
 * sends nothing: per event, the decision, the exact request(s) it would go out in (secrets
 * masked) and what the policy removed. OAuth adapters get a placeholder token, so no token
 * endpoint is called either.
 */
export async function previewDelivery(
  adapter: AnyAdapter,
  events: RelayEvent[],
  opts: PreviewOptions,
): Promise<PreviewResult[]> {
  const recorded: PreviewRequest[] = [];
  const secrets = [...secretValues(opts.credentials, adapter.secretFields), PREVIEW_TOKEN];
  const redact = (text: string) => redactSecrets(text, secrets);
  const capture = async (input: string | URL | Request, init: RequestInit = {}) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.toString() : input.url;
    recorded.push({
      method: init.method ?? 'GET',
      url: redact(url),
      headers: maskHeaders(new Headers(init.headers), redact),
      body: typeof init.body === 'string' ? redact(init.body) : null,
    });
    throw new NotSent();
  };
  const report = await deliver(adapter, events, {
    credentials: opts.credentials,
    options: opts.options ?? {},
    baseUrl: opts.baseUrl,
    fetch: capture as typeof fetch,
    retries: 0,
    now: () => opts.now,
    defaultCountry: opts.defaultCountry,
    tokenCache: {
      get: () => ({ accessToken: PREVIEW_TOKEN, expiresAt: opts.now.getTime() + 3_600_000 }),
      set: () => {},
      delete: () => {},
    },
    policy: opts.policy,
  });
  // Attempts are recorded once per fetch call, in order: the k-th attempt is the k-th request.
  const requestsOf = (index: number) =>
    report.attempts.flatMap((attempt, k) =>
      attempt.eventIndexes.includes(index) && recorded[k] ? [recorded[k]] : [],
    );
  return report.results.map((result, index) => {
    const requests = requestsOf(index);
    const { outcome, privacy } = result;
    const base = {
      platform_event_name: requests.length > 0 ? (result.platformEventName ?? null) : null,
      requests,
      removed_fields: privacy?.removedFields ?? [],
      replaced_fields: privacy?.replacedFields ?? [],
      policy_hash: privacy?.policyHash ?? null,
    };
    if (requests.length > 0) return { decision: 'send', ...base };
    if (outcome.status === 'suppressed') return { decision: 'suppress', reason: outcome.reason, ...base };
    const reason = 'reason' in outcome ? outcome.reason : outcome.status;
    return {
      decision: 'refuse',
      reason,
      ...(outcome.status !== 'delivered' && { outcome: outcome.status }),
      ...base,
    };
  });
}
