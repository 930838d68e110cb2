import { openApiValidator, readSpecFile, testVendorSchema } from '@relay/testing';
import { adapter } from './index';

/** Pinterest's own v5 OpenAPI (MIT; see __fixtures__/SOURCE.md): `events/create` request body. */
const validate = openApiValidator(
  readSpecFile(new URL('./__fixtures__/openapi.trimmed.json', import.meta.url)),
  '#/components/schemas/ConversionEvents',
);

testVendorSchema(adapter, {
  schema: "Pinterest's v5 OpenAPI (ConversionEvents)",
  validatorFor: () => validate,
  invalidBody: { data: [{ event_name: 'checkout', action_source: 'web', event_time: 'now' }] },
});
