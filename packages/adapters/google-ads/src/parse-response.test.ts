import type { HttpResponse, MappedEvent } from '@relay/core';
import { FIXED_NOW, outcomesPerEvent, sampleEvent } from '@relay/testing';
import { describe, expect, it } from 'vitest';
import { parseResponse } from './parse-response';

const events = (n: number): MappedEvent[] =>
  Array.from({ length: n }, (_, i) => ({
    event: sampleEvent('purchase_completed', i + 1),
    name: 'purchase',
    custom: false,
  }));

const reply = (status: number, json: unknown, headers: Record<string, string> = {}): HttpResponse => ({
  status,
  headers,
  body: JSON.stringify(json),
  json,
});

const rpcError = (code: number, status: string, message: string, details: unknown[] = []) => ({
  error: { code, status, message, details },
});
const errorInfo = (reason: string) => ({
  '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
  reason,
  domain: 'datamanager.googleapis.com',
});

describe('Data Manager responses', () => {
  const parse = (response: HttpResponse, n = 1, validateOnly = false) =>
    outcomesPerEvent(parseResponse(response, events(n), 'data_manager', validateOnly, FIXED_NOW), n);

  it('200 {requestId} → delivered; with validateOnly a warning says nothing was recorded', () => {
    expect(parse(reply(200, { requestId: 'req-1' }), 2)).toEqual([
      { status: 'delivered' },
      { status: 'delivered' },
    ]);
    expect(parse(reply(200, {}), 1, true)).toEqual([
      { status: 'delivered', warnings: ['validateOnly: Google validated the events and recorded nothing'] },
    ]);
  });

  it('UNAUTHENTICATED → auth refresh', () => {
    expect(
      parse(reply(401, rpcError(401, 'UNAUTHENTICATED', 'Request had invalid authentication credentials.'))),
    ).toEqual([
      {
        status: 'auth',
        kind: 'refresh',
        reason:
          'Google Ads rejected the access token: UNAUTHENTICATED: Request had invalid authentication credentials.',
      },
    ]);
  });

  it('PERMISSION_DENIED → auth needs-attention', () => {
    expect(
      parse(
        reply(
          403,
          rpcError(403, 'PERMISSION_DENIED', 'The caller does not have permission', [
            errorInfo('PERMISSION_DENIED'),
          ]),
        ),
      ),
    ).toEqual([
      {
        status: 'auth',
        kind: 'needs-attention',
        reason:
          'Google Ads denied access: PERMISSION_DENIED/PERMISSION_DENIED: The caller does not have permission',
      },
    ]);
  });

  it('TERMS_AND_CONDITIONS_NOT_SIGNED → auth needs-attention (account setup)', () => {
    expect(
      parse(
        reply(
          400,
          rpcError(400, 'INVALID_ARGUMENT', 'Terms not accepted.', [
            errorInfo('TERMS_AND_CONDITIONS_NOT_SIGNED'),
          ]),
        ),
      ),
    ).toEqual([
      {
        status: 'auth',
        kind: 'needs-attention',
        reason:
          'Google Ads account setup: INVALID_ARGUMENT/TERMS_AND_CONDITIONS_NOT_SIGNED: Terms not accepted.',
      },
    ]);
  });

  it('RESOURCE_EXHAUSTED (429) → retryable (core adds Retry-After; the conformance kit checks it)', () => {
    expect(
      parse(reply(429, rpcError(429, 'RESOURCE_EXHAUSTED', 'Quota exceeded.'), { 'retry-after': '30' })),
    ).toEqual([
      {
        status: 'retryable',
        reason: 'Google Ads quota exhausted: RESOURCE_EXHAUSTED: Quota exceeded.',
      },
    ]);
  });

  it('UNAVAILABLE, INTERNAL, DEADLINE_EXCEEDED, ABORTED → retryable', () => {
    expect(parse(reply(503, rpcError(503, 'UNAVAILABLE', 'The service is currently unavailable.')))).toEqual([
      {
        status: 'retryable',
        reason: 'Google Ads server error: UNAVAILABLE: The service is currently unavailable.',
      },
    ]);
    expect(parse(reply(500, rpcError(500, 'INTERNAL', 'Internal error.')))[0]!.status).toBe('retryable');
    expect(parse(reply(504, rpcError(504, 'DEADLINE_EXCEEDED', 'Deadline.')))[0]!.status).toBe('retryable');
    expect(parse(reply(409, rpcError(409, 'ABORTED', 'Aborted.')))[0]!.status).toBe('retryable');
  });

  it('INVALID_ARGUMENT naming events rejects those and retries the rest (fast-fail model)', () => {
    const body = rpcError(400, 'INVALID_ARGUMENT', 'Request contains an invalid argument.', [
      errorInfo('INVALID_SHA256_FORMAT'),
      {
        '@type': 'type.googleapis.com/google.rpc.BadRequest',
        fieldViolations: [
          {
            field: 'events[1].user_data.user_identifiers[0]',
            description: 'The SHA256 encoded value is malformed.',
          },
          { field: 'events[1].currency', description: 'Unsupported currency code.' },
        ],
      },
    ]);
    expect(parse(reply(400, body), 3)).toEqual([
      {
        status: 'retryable',
        reason:
          'Google Ads ingested nothing because other events of the request were invalid; sent again without them',
        collateral: true,
      },
      {
        status: 'rejected',
        code: 'INVALID_SHA256_FORMAT',
        reason:
          'Google Ads rejected the event: events[1].user_data.user_identifiers[0]: The SHA256 encoded value is malformed.; events[1].currency: Unsupported currency code.',
      },
      {
        status: 'retryable',
        reason:
          'Google Ads ingested nothing because other events of the request were invalid; sent again without them',
        collateral: true,
      },
    ]);
  });

  it('INVALID_ARGUMENT without event fields rejects the whole request with the reason', () => {
    const body = rpcError(400, 'INVALID_ARGUMENT', 'Invalid conversion action id.', [
      errorInfo('INVALID_CONVERSION_ACTION_ID'),
    ]);
    expect(parse(reply(400, body), 2)).toEqual([
      {
        status: 'rejected',
        code: 'INVALID_CONVERSION_ACTION_ID',
        reason:
          'Google Ads rejected the request: INVALID_ARGUMENT/INVALID_CONVERSION_ACTION_ID: Invalid conversion action id.',
      },
      {
        status: 'rejected',
        code: 'INVALID_CONVERSION_ACTION_ID',
        reason:
          'Google Ads rejected the request: INVALID_ARGUMENT/INVALID_CONVERSION_ACTION_ID: Invalid conversion action id.',
      },
    ]);
  });

  it('a non-JSON error body falls back to the HTTP status table', () => {
    expect(parse({ status: 404, headers: {}, body: 'Not Found', json: undefined })).toEqual([
      { status: 'rejected', code: 'http_404', reason: 'Google Ads rejected the request (404): Not Found' },
    ]);
  });
});

describe('Ads API responses', () => {
  const parse = (response: HttpResponse, n = 1, validateOnly = false) =>
    outcomesPerEvent(parseResponse(response, events(n), 'ads_api', validateOnly, FIXED_NOW), n);
  const adsFailure = (errors: unknown[]) => ({
    '@type': 'type.googleapis.com/google.ads.googleads.v26.errors.GoogleAdsFailure',
    errors,
    requestId: 'abc',
  });
  const at = (index: number) => ({
    fieldPathElements: [{ fieldName: 'conversions', index }, { fieldName: 'gclid' }],
  });

  it('200 without partialFailureError → delivered', () => {
    expect(parse(reply(200, { results: [{ gclid: 'a' }, { gclid: 'b' }] }), 2)).toEqual([
      { status: 'delivered' },
      { status: 'delivered' },
    ]);
  });

  it('partial failure: each error goes to its conversion by index, the others are delivered', () => {
    const body = {
      partialFailureError: {
        code: 3,
        message: 'Multiple errors in ‘details’.',
        details: [
          adsFailure([
            {
              errorCode: { conversionUploadError: 'TOO_RECENT_EVENT' },
              message: 'The click associated with the given identifier is too recent.',
              location: at(0),
            },
            {
              errorCode: { conversionUploadError: 'CLICK_NOT_FOUND' },
              message: "The click can't be found.",
              location: at(2),
            },
            {
              errorCode: { conversionUploadError: 'CLICK_CONVERSION_ALREADY_EXISTS' },
              message: 'Already exists.',
              location: at(3),
            },
          ]),
        ],
      },
      results: [{}, { gclid: 'ok' }, {}, {}],
    };
    expect(parse(reply(200, body), 4)).toEqual([
      {
        status: 'retryable',
        reason:
          'Google Ads says the click or conversion action is too recent; sent again in six hours: conversionUploadError.TOO_RECENT_EVENT: The click associated with the given identifier is too recent.',
        retryAfterMs: 21_600_000,
      },
      { status: 'delivered' },
      {
        status: 'rejected',
        code: 'CLICK_NOT_FOUND',
        reason:
          "Google Ads rejected the conversion: conversionUploadError.CLICK_NOT_FOUND: The click can't be found.",
      },
      {
        status: 'delivered',
        warnings: ['Google Ads already has this conversion (CLICK_CONVERSION_ALREADY_EXISTS)'],
      },
    ]);
  });

  it('TOO_RECENT_CONVERSION_ACTION and ORDER_ID_ALREADY_IN_USE', () => {
    const body = {
      partialFailureError: {
        code: 3,
        message: 'errors',
        details: [
          adsFailure([
            {
              errorCode: { conversionUploadError: 'TOO_RECENT_CONVERSION_ACTION' },
              message: 'New action.',
              location: at(0),
            },
            {
              errorCode: { conversionUploadError: 'ORDER_ID_ALREADY_IN_USE' },
              message: 'Order id used.',
              location: at(1),
            },
          ]),
        ],
      },
    };
    expect(parse(reply(200, body), 2)).toEqual([
      {
        status: 'retryable',
        reason:
          'Google Ads says the click or conversion action is too recent; sent again in six hours: conversionUploadError.TOO_RECENT_CONVERSION_ACTION: New action.',
        retryAfterMs: 21_600_000,
      },
      { status: 'delivered', warnings: ['Google Ads already has this conversion (ORDER_ID_ALREADY_IN_USE)'] },
    ]);
  });

  it('a partial failure naming no conversion applies to all', () => {
    const body = {
      partialFailureError: {
        code: 3,
        message: 'errors',
        details: [adsFailure([{ errorCode: { requestError: 'INVALID_INPUT' }, message: 'Bad input.' }])],
      },
    };
    expect(parse(reply(200, body), 2)).toEqual([
      {
        status: 'rejected',
        code: 'INVALID_INPUT',
        reason: 'Google Ads rejected the conversion: requestError.INVALID_INPUT: Bad input.',
      },
      {
        status: 'rejected',
        code: 'INVALID_INPUT',
        reason: 'Google Ads rejected the conversion: requestError.INVALID_INPUT: Bad input.',
      },
    ]);
  });

  it('validateOnly success carries a warning', () => {
    expect(parse(reply(200, {}), 1, true)).toEqual([
      {
        status: 'delivered',
        warnings: ['validateOnly: Google validated the conversions and recorded nothing'],
      },
    ]);
  });

  const whole = (status: number, rpc: string, kind: string, value: string, message: string) =>
    reply(
      status,
      rpcError(status, rpc, 'Request failed.', [adsFailure([{ errorCode: { [kind]: value }, message }])]),
    );

  it('authenticationError OAUTH_TOKEN_EXPIRED → auth refresh', () => {
    expect(
      parse(whole(401, 'UNAUTHENTICATED', 'authenticationError', 'OAUTH_TOKEN_EXPIRED', 'Token expired.')),
    ).toEqual([
      {
        status: 'auth',
        kind: 'refresh',
        reason:
          'Google Ads rejected the OAuth token: authenticationError.OAUTH_TOKEN_EXPIRED: Token expired.',
      },
    ]);
  });

  it('authorizationError / other authenticationError → auth needs-attention', () => {
    expect(
      parse(whole(403, 'PERMISSION_DENIED', 'authorizationError', 'USER_PERMISSION_DENIED', 'No access.')),
    ).toEqual([
      {
        status: 'auth',
        kind: 'needs-attention',
        reason: 'Google Ads denied access: authorizationError.USER_PERMISSION_DENIED: No access.',
      },
    ]);
    expect(
      parse(
        whole(401, 'UNAUTHENTICATED', 'authenticationError', 'DEVELOPER_TOKEN_NOT_APPROVED', 'Not approved.'),
      )[0],
    ).toEqual({
      status: 'auth',
      kind: 'needs-attention',
      reason: 'Google Ads denied access: authenticationError.DEVELOPER_TOKEN_NOT_APPROVED: Not approved.',
    });
  });

  it('CUSTOMER_NOT_ALLOWLISTED_FOR_THIS_FEATURE → needs-attention, pointing at the Data Manager API', () => {
    expect(
      parse(
        whole(
          400,
          'INVALID_ARGUMENT',
          'conversionUploadError',
          'CUSTOMER_NOT_ALLOWLISTED_FOR_THIS_FEATURE',
          'Not allowlisted.',
        ),
      ),
    ).toEqual([
      {
        status: 'auth',
        kind: 'needs-attention',
        reason:
          "Google Ads says this account must use the Data Manager API (options.api 'data_manager'): conversionUploadError.CUSTOMER_NOT_ALLOWLISTED_FOR_THIS_FEATURE: Not allowlisted.",
      },
    ]);
  });

  it('quotaError RESOURCE_EXHAUSTED and internalError TRANSIENT_ERROR → retryable', () => {
    const quota = whole(429, 'RESOURCE_EXHAUSTED', 'quotaError', 'RESOURCE_EXHAUSTED', 'Too many requests.');
    expect(parse({ ...quota, headers: { 'retry-after': '60' } })).toEqual([
      {
        status: 'retryable',
        reason:
          'Google Ads is over quota or had a temporary error: quotaError.RESOURCE_EXHAUSTED: Too many requests.',
      },
    ]);
    expect(parse(whole(500, 'INTERNAL', 'internalError', 'TRANSIENT_ERROR', 'Try again.'))[0]!.status).toBe(
      'retryable',
    );
  });

  it('an unknown whole-request Ads error falls back to the canonical status', () => {
    expect(
      parse(whole(400, 'INVALID_ARGUMENT', 'fieldError', 'REQUIRED', 'The required field was not present.')),
    ).toEqual([
      {
        status: 'rejected',
        code: 'INVALID_ARGUMENT',
        reason: 'Google Ads rejected the request: INVALID_ARGUMENT: Request failed.',
      },
    ]);
  });
});
