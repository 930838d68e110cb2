import { fileURLToPath } from 'node:url';
import { type RecordedRequest, loadProtoDir, protoJsonValidator, testVendorSchema } from '@relay/testing';
import { adapter } from './index';

/**
 * Google's own protos (Apache-2.0; see __fixtures__/SOURCE.md): Data Manager
 * `IngestEventsRequest` and Google Ads API `UploadClickConversionsRequest` /
 * `UploadConversionAdjustmentsRequest` (refunds), as proto3 JSON.
 */
const root = loadProtoDir(fileURLToPath(new URL('./__fixtures__', import.meta.url)));
const ingest = protoJsonValidator(root, 'google.ads.datamanager.v1.IngestEventsRequest');
const upload = protoJsonValidator(root, 'google.ads.googleads.v25.services.UploadClickConversionsRequest');
const adjust = protoJsonValidator(
  root,
  'google.ads.googleads.v25.services.UploadConversionAdjustmentsRequest',
);
const validatorFor = (r: RecordedRequest) =>
  r.url.includes(':uploadClickConversions')
    ? upload
    : r.url.includes(':uploadConversionAdjustments')
      ? adjust
      : ingest;
const isPlatformRequest = (r: RecordedRequest) => !r.url.startsWith('https://oauth2.googleapis.com/');
const respond = (r: RecordedRequest) =>
  isPlatformRequest(r)
    ? { status: 200, body: { requestId: 'req-1' } }
    : { status: 200, body: { access_token: 'test-access-token-123456', expires_in: 3600 } };

testVendorSchema(adapter, {
  schema: "Google's Data Manager protos (IngestEventsRequest)",
  validatorFor,
  isPlatformRequest,
  respond,
  invalidBody: { events: [{ eventTimestamp: 'yesterday', transactionId: 'x' }] },
});

testVendorSchema(adapter, {
  schema: "Google's Google Ads API v25 protos (UploadClickConversionsRequest)",
  options: { api: 'ads_api' },
  validatorFor,
  isPlatformRequest,
  respond: (r) => (isPlatformRequest(r) ? { status: 200, body: { results: [] } } : respond(r)),
  invalidBody: { conversions: [{ gclid: 1, consent: { adUserData: 'YES' } }], partialFailure: 'true' },
});
