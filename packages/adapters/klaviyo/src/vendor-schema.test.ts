import { openApiValidator, readSpecFile, testVendorSchema } from '@relay/testing';
import { adapter } from './index';

/** Klaviyo's own OpenAPI, revision 2026-07-15 (MIT; see __fixtures__/SOURCE.md): create_event. */
const validate = openApiValidator(
  readSpecFile(new URL('./__fixtures__/stable.trimmed.json', import.meta.url)),
  '#/components/schemas/EventCreateQueryV2',
);

testVendorSchema(adapter, {
  schema: "Klaviyo's OpenAPI (EventCreateQueryV2)",
  validatorFor: () => validate,
  invalidBody: { data: { type: 'event', attributes: { properties: {} } } },
});
