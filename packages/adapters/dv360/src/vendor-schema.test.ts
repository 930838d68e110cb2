import { jsonSchemaValidator, readSpecFile, testVendorSchema } from '@relay/testing';
import { adapter } from './index';

/**
 * Google's Campaign Manager 360 Discovery document (BSD-3-Clause; see __fixtures__/SOURCE.md),
 * `ConversionsBatchInsertRequest` as a JSON Schema. It has no `required` lists, so the adapter
 * tests also assert the fields CM360 requires.
 */
const validate = jsonSchemaValidator(
  readSpecFile(new URL('./__fixtures__/conversions.batchinsert.request.schema.json', import.meta.url)),
);

testVendorSchema(adapter, {
  schema: "Google's CM360 Discovery document (ConversionsBatchInsertRequest)",
  validatorFor: () => validate,
  invalidBody: { conversions: [{ quantity: 'two', timestampMicros: 1.5 }] },
});
