import { openApiValidator, readSpecFile, testVendorSchema } from '@relay/testing';
import { adapter } from './index';

/** Intercom's own OpenAPI, API 2.16 (MIT; see __fixtures__/SOURCE.md): `POST /events`. */
const validate = openApiValidator(
  readSpecFile(new URL('./__fixtures__/api.intercom.io.trimmed.json', import.meta.url)),
  '#/components/schemas/create_data_event_request',
);

testVendorSchema(adapter, {
  schema: "Intercom's OpenAPI (create_data_event_request)",
  validatorFor: () => validate,
  invalidBody: { event_name: 42, created_at: 'now' },
});
