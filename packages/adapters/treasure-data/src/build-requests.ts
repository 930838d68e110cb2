import {
  type BuildContext,
  type CheckContext,
  type HttpRequest,
  CLICK_ID_KEYS,
  type MappedEvent,
  type Refusal,
  type RelayEvent,
  contextProperties,
  hashEmail,
  hashPhoneE164,
  isSha256Hex,
  normalizeEmail,
  normalizeExternalId,
  normalizePhoneE164,
  productList,
  withoutUndefined,
} from '@relay/core';
import { TD_HOSTS, type TreasureDataCredentials, type TreasureDataOptions } from './schemas';

type Ctx = BuildContext<TreasureDataCredentials, TreasureDataOptions>;

/** Most bytes of one record (the API's limit is 1 MB per record). */
export const MAX_RECORD_BYTES = 1_000_000;

/** The Data Ingestion API's JSON media type (batch form `{records: [...]}`). */
export const TD_CONTENT_TYPE = 'application/vnd.treasuredata.v1+json';

type Column = string | number | boolean;
type TdRecord = Record<string, Column>;

const text = (value: string | undefined): string | undefined => {
  const trimmed = value?.trim();
  return trimmed === '' ? undefined : trimmed;
};

/** Identity columns: plain normalised values, or only SHA-256 hashes with `hash_identifiers`. */
function identityColumns(
  event: RelayEvent,
  ctx: CheckContext<TreasureDataCredentials, TreasureDataOptions>,
): TdRecord {
  const { user } = event;
  const country = user.country && /^[a-z]{2}$/i.test(user.country) ? user.country : ctx.defaultCountry;
  const rawEmail = text(user.email);
  const hashedInput = rawEmail !== undefined && isSha256Hex(rawEmail);
  if (ctx.options.hash_identifiers) {
    return withoutUndefined({
      email_sha256: hashEmail(user.email),
      phone_sha256: hashPhoneE164(user.phone, country),
      external_id: normalizeExternalId(user.externalId),
      user_agent: text(user.userAgent),
    }) as TdRecord;
  }
  return withoutUndefined({
    email: normalizeEmail(user.email),
    // An email the OMS already hashed cannot go into `email`: it keeps its own column.
    email_sha256: hashedInput ? rawEmail.toLowerCase() : undefined,
    phone: normalizePhoneE164(user.phone, country),
    first_name: text(user.firstName),
    last_name: text(user.lastName),
    city: text(user.city),
    state: text(user.state),
    zip: text(user.zip),
    country: text(user.country),
    external_id: normalizeExternalId(user.externalId),
    ip_address: text(user.ip),
    user_agent: text(user.userAgent),
  }) as TdRecord;
}

/** A column name Treasure Data accepts: lower case, letters, digits and `_`. */
export const columnName = (key: string): string => key.toLowerCase().replace(/[^a-z0-9_]/g, '_');

/** The record's own keys as columns: scalars as they are, arrays and objects as JSON text. */
function propertyColumns(event: RelayEvent): TdRecord {
  const out: TdRecord = {};
  for (const [key, value] of Object.entries(event.properties)) {
    if (value === null || value === undefined) continue;
    const name = columnName(key);
    if (name === '' || out[name] !== undefined) continue;
    out[name] = typeof value === 'object' ? JSON.stringify(value) : (value as Column);
  }
  return out;
}

/** Column names Relay owns (properties never override them); `uuid` is reserved by the API. */
const RESERVED = new Set(['time', 'uuid']);

/** One row of the table. `time` is the event's own time in unix seconds. */
export function recordOf(
  mapped: MappedEvent,
  ctx: CheckContext<TreasureDataCredentials, TreasureDataOptions>,
): TdRecord {
  const { event } = mapped;
  const items = productList(event.items);
  const own = withoutUndefined({
    time: Math.floor(event.occurredAt.getTime() / 1000),
    event_id: event.dedupKey,
    event_name: mapped.name,
    ...contextProperties(event),
    order_id: event.orderId,
    value: event.value,
    currency: event.value === undefined ? undefined : event.currency,
    ...identityColumns(event, ctx),
    ...Object.fromEntries(CLICK_ID_KEYS.map((key) => [key, event.clickIds[key]])),
    page_url: event.pageUrl,
    referrer: event.referrer,
    consent_ad_user_data: event.consent.adUserData,
    consent_ad_personalization: event.consent.adPersonalization,
    items: items ? JSON.stringify(items) : undefined,
  }) as TdRecord;
  if (!ctx.options.include_properties) return own;
  const extra = Object.entries(propertyColumns(event)).filter(([k]) => !(k in own) && !RESERVED.has(k));
  return { ...own, ...Object.fromEntries(extra) };
}

/** A record over Treasure Data's 1 MB is refused before sending. */
export function check(
  mapped: MappedEvent,
  ctx: CheckContext<TreasureDataCredentials, TreasureDataOptions>,
): Refusal | undefined {
  const bytes = Buffer.byteLength(JSON.stringify(recordOf(mapped, ctx)));
  return bytes > MAX_RECORD_BYTES
    ? {
        status: 'rejected',
        code: 'record_too_large',
        reason: `Treasure Data takes records up to 1 MB; this one is ${bytes} bytes`,
      }
    : undefined;
}

/**
 * Pure: one `POST https://{region}.records.in.treasuredata.com/{database}/{table}` with
 * `{records: [...]}` per chunk (core keeps chunks ≤ 500 records and ≤ 5 MB; `check` refused
 * records over 1 MB).
 */
export function buildRequests(events: MappedEvent[], ctx: Ctx): HttpRequest[] {
  const host = ctx.baseUrl === TD_HOSTS.us01 ? TD_HOSTS[ctx.credentials.region] : ctx.baseUrl;
  const { database, table } = ctx.credentials;
  return [
    {
      method: 'POST',
      url: `${host}/${database}/${table}`,
      headers: {
        'content-type': TD_CONTENT_TYPE,
        accept: TD_CONTENT_TYPE,
        authorization: `TD1 ${ctx.credentials.write_key}`,
      },
      body: { records: events.map((mapped) => recordOf(mapped, ctx)) },
      eventIndexes: events.map((_, i) => i),
    },
  ];
}
