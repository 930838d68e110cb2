import { createHmac } from 'node:crypto';

/** RFC 3986 percent-encoding as OAuth 1.0a requires (RFC 5849 §3.6). */
export function oauthPercentEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

export interface OAuth1Credentials {
  consumerKey: string;
  consumerSecret: string;
  token: string;
  tokenSecret: string;
}

export interface OAuth1Request {
  method: string;
  /** Full URL; its query parameters are signed. */
  url: string;
  /** Form-encoded body parameters, which are signed too (a JSON body is not). */
  bodyParams?: Record<string, string>;
  nonce: string;
  /** Seconds since the epoch. */
  timestamp: number;
}

/** The signature base string (RFC 5849 §3.4.1). */
export function oauth1BaseString(request: OAuth1Request, oauthParams: Record<string, string>): string {
  const url = new URL(request.url);
  const params: Array<[string, string]> = [
    ...[...url.searchParams.entries()],
    ...Object.entries(request.bodyParams ?? {}),
    ...Object.entries(oauthParams),
  ].map(([k, v]) => [oauthPercentEncode(k), oauthPercentEncode(v)]);
  params.sort(([ak, av], [bk, bv]) => (ak === bk ? (av < bv ? -1 : av > bv ? 1 : 0) : ak < bk ? -1 : 1));
  const normalized = params.map(([k, v]) => `${k}=${v}`).join('&');
  const base = `${url.protocol}//${url.host.toLowerCase()}${url.pathname}`;
  return [request.method.toUpperCase(), oauthPercentEncode(base), oauthPercentEncode(normalized)].join('&');
}

/**
 * An OAuth 1.0a `Authorization` header signed with HMAC-SHA1 (RFC 5849), as the X Ads API
 * requires. Pure: nonce and timestamp are given, so the same input gives the same header.
 */
export function oauth1Header(credentials: OAuth1Credentials, request: OAuth1Request): string {
  const oauthParams: Record<string, string> = {
    oauth_consumer_key: credentials.consumerKey,
    oauth_nonce: request.nonce,
    oauth_signature_method: 'HMAC-SHA1',
    oauth_timestamp: String(request.timestamp),
    oauth_token: credentials.token,
    oauth_version: '1.0',
  };
  const key = `${oauthPercentEncode(credentials.consumerSecret)}&${oauthPercentEncode(credentials.tokenSecret)}`;
  const signature = createHmac('sha1', key).update(oauth1BaseString(request, oauthParams)).digest('base64');
  const header = { ...oauthParams, oauth_signature: signature };
  return `OAuth ${Object.entries(header)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${oauthPercentEncode(k)}="${oauthPercentEncode(v)}"`)
    .join(', ')}`;
}
